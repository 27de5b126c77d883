import type { AttachmentKind } from '@initiatief/engine';
import {
  FormField,
  FormFieldDescription,
  FormFieldErrorMessage,
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
const ACCEPT: Record<AttachmentKind, string> = {
  pdf: '.pdf,application/pdf',
  image: '.jpg,.jpeg,.png,image/jpeg,image/png',
};
const ALL_KINDS: readonly AttachmentKind[] = ['pdf', 'image'];

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

/**
 * A file field that uploads at once, so an attachment is never lost with an unsent form. With
 * `field`, the upload names the form's attachments field it is for and the server checks that
 * the field takes this kind of file.
 */
export function AttachmentUpload({
  applicationId,
  id,
  label,
  onUploaded,
  imagesOnly,
  kinds = imagesOnly ? ['image'] : ALL_KINDS,
  field,
  description,
  error,
  disabled,
}: {
  applicationId: string;
  id: string;
  label: string;
  onUploaded(a: Attachment): void;
  imagesOnly?: boolean;
  kinds?: readonly AttachmentKind[];
  field?: string;
  /** The field's own help text, shown above the hint on file types. */
  description?: string;
  error?: string;
  disabled?: boolean;
}) {
  const { t } = useI18n();
  const errorText = useErrorText();
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState('');
  const [failure, setFailure] = useState('');
  const hint = !kinds.includes('pdf')
    ? t('attachments.hintImages')
    : !kinds.includes('image')
      ? t('attachments.hintPdf')
      : t('attachments.hint');

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
        const a = await api.uploadAttachment(applicationId, file, field);
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

  const describedBy = [`${id}-description`, error ? `${id}-error` : null].filter(Boolean).join(' ');
  return (
    <>
      <FormField invalid={!!error} className="app-field">
        <div className="utrecht-form-field__label">
          <FormLabel htmlFor={id}>{label}</FormLabel>
        </div>
        <FormFieldDescription id={`${id}-description`}>
          {description ? `${description} ${hint}` : hint}
        </FormFieldDescription>
        {error && <FormFieldErrorMessage id={`${id}-error`}>{error}</FormFieldErrorMessage>}
        <div className="utrecht-form-field__input">
          <input
            id={id}
            type="file"
            className="app-file-input"
            accept={kinds.map((k) => ACCEPT[k]).join(',')}
            multiple
            disabled={busy || disabled}
            aria-describedby={describedBy}
            aria-invalid={error ? true : undefined}
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
