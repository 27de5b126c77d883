import {
  FormField,
  FormFieldDescription,
  FormLabel,
  Link,
  Paragraph,
  UnorderedList,
  UnorderedListItem,
} from '@utrecht/component-library-react';
import { useState } from 'react';
import { type Attachment, api } from '../api/client';
import { useI18n } from '../i18n/i18n';
import { ErrorAlert, StatusMessage, useErrorText } from './ui';

const MAX_BYTES = 10 * 1024 * 1024;
const ACCEPT = '.pdf,.jpg,.jpeg,.png,application/pdf,image/jpeg,image/png';

export function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} kB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

export function AttachmentList({ items }: { items: Attachment[] }) {
  const { t } = useI18n();
  if (items.length === 0) return <Paragraph>{t('attachments.none')}</Paragraph>;
  return (
    <UnorderedList className="app-attachments">
      {items.map((a) => (
        <UnorderedListItem key={a.id}>
          <Link href={api.attachmentUrl(a.id)} target="_blank" rel="noopener">
            {a.filename}
          </Link>{' '}
          <span className="app-muted">({formatSize(a.sizeBytes)})</span>
        </UnorderedListItem>
      ))}
    </UnorderedList>
  );
}

/** A file field that uploads at once, so an attachment is never lost with an unsent form. */
export function AttachmentUpload({
  applicationId,
  id,
  label,
  onUploaded,
  imagesOnly,
}: {
  applicationId: string;
  id: string;
  label: string;
  onUploaded(a: Attachment): void;
  imagesOnly?: boolean;
}) {
  const { t } = useI18n();
  const errorText = useErrorText();
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState('');
  const [failure, setFailure] = useState('');

  async function upload(files: FileList | null) {
    if (!files || files.length === 0) return;
    setFailure('');
    setStatus('');
    for (const file of Array.from(files)) {
      if (file.size > MAX_BYTES) {
        setFailure(t('attachments.tooLarge', { name: file.name }));
        continue;
      }
      setBusy(true);
      setStatus(t('attachments.uploading', { name: file.name }));
      try {
        const a = await api.uploadAttachment(applicationId, file);
        onUploaded(a);
        setStatus(t('attachments.uploaded', { name: file.name }));
      } catch (err) {
        setStatus('');
        setFailure(`${file.name}: ${errorText(err)}`);
      } finally {
        setBusy(false);
      }
    }
  }

  return (
    <>
      <FormField className="app-field">
        <div className="utrecht-form-field__label">
          <FormLabel htmlFor={id}>{label}</FormLabel>
        </div>
        <FormFieldDescription id={`${id}-description`}>
          {imagesOnly ? t('attachments.hintImages') : t('attachments.hint')}
        </FormFieldDescription>
        <div className="utrecht-form-field__input">
          <input
            id={id}
            type="file"
            className="app-file-input"
            accept={imagesOnly ? '.jpg,.jpeg,.png,image/jpeg,image/png' : ACCEPT}
            multiple
            disabled={busy}
            aria-describedby={`${id}-description`}
            onChange={(e) => {
              void upload(e.target.files);
              e.target.value = '';
            }}
          />
        </div>
      </FormField>
      <StatusMessage>{status}</StatusMessage>
      <ErrorAlert>{failure}</ErrorAlert>
    </>
  );
}
