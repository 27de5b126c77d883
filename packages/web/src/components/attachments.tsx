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
import { useRef, useState } from 'react';
import { ApiError, type Attachment, api } from '../api/client';
import { useFormText } from '../i18n/form-messages';
import { useI18n } from '../i18n/i18n';
import { formatSize } from './file-size';
import { ErrorAlert, StatusMessage, useErrorText } from './ui';

const MAX_BYTES = 10 * 1024 * 1024;
const ACCEPT: Record<AttachmentKind, string> = {
  pdf: '.pdf,application/pdf',
  image: '.jpg,.jpeg,.png,image/jpeg,image/png',
};
const ALL_KINDS: readonly AttachmentKind[] = ['pdf', 'image'];

/** The multipart field an upload's file goes in, as a refusal of its name names it. */
const FILE_PARAM = 'form.file';

/** A file's name as it reads, without the control and direction characters it may hold. */
function visibleName(name: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: the point is to leave them out
  return name.replace(/[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g, '');
}

/**
 * The files of an application. `stillOpen`: files can be added right here, so an empty list
 * says "not yet"; elsewhere (a sent application, the case page) it says there are none.
 */
export function AttachmentList({ items, stillOpen }: { items: Attachment[]; stillOpen?: boolean }) {
  const { t, locale } = useI18n();
  if (items.length === 0) {
    return <Paragraph>{t(stillOpen ? 'attachments.noneYet' : 'attachments.none')}</Paragraph>;
  }
  return (
    <UnorderedList className="app-attachments">
      {items.map((a) => (
        <UnorderedListItem key={a.id}>
          <Link href={api.attachmentUrl(a.id)} target="_blank" rel="noopener">
            {a.filename}
          </Link>{' '}
          <span className="app-muted">({formatSize(a.sizeBytes, locale)})</span>
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
  event,
  description,
  error,
  disabled,
  sendWith,
  onFocusLost,
}: {
  applicationId: string;
  id: string;
  label: string;
  onUploaded(a: Attachment): void;
  imagesOnly?: boolean;
  kinds?: readonly AttachmentKind[];
  field?: string;
  /** With `field`: the event whose payload field that is (a file that goes with an answer). */
  event?: string;
  /** The field's own help text, shown above the hint on file types. */
  description?: string;
  error?: string;
  disabled?: boolean;
  /**
   * The files go with a form that is still to be sent, by the button of this label: the status
   * then says they are ready to be sent, not that they were delivered.
   */
  sendWith?: string;
  /** The input cannot hold focus after the upload (disabled, the field is full): put it elsewhere. */
  onFocusLost?(): void;
}) {
  const { t, fn, list } = useFormText();
  const input = useRef<HTMLInputElement>(null);
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
    const added: string[] = [];
    const failures: string[] = [];
    for (const file of Array.from(files)) {
      if (file.size > MAX_BYTES) {
        failures.push(t('attachments.tooLarge', { name: file.name }));
        setFailure(failures.join(' '));
        continue;
      }
      setBusy(true);
      setStatus(t('attachments.uploading', { name: file.name }));
      try {
        const a = await api.uploadAttachment(applicationId, file, { field, event });
        onUploaded(a);
        added.push(file.name);
      } catch (err) {
        // A refused file name: the reason says what is in it ("heeft een bestandsnaam met …"),
        // after the name as it reads without the invisible characters that made it refused.
        const nameReason =
          err instanceof ApiError
            ? err.invalidParams.find((p) => p.name === FILE_PARAM)?.reason
            : undefined;
        failures.push(
          nameReason
            ? t('attachments.nameRefused', { name: visibleName(file.name), reason: nameReason })
            : `${file.name}: ${errorText(err)}`,
        );
        setFailure(failures.join(' '));
      } finally {
        setBusy(false);
      }
    }
    // One sentence for every file of this choice, not only the last one.
    const names = list(added);
    setStatus(
      added.length === 0
        ? ''
        : sendWith
          ? fn('attachments.ready', added.length, { names, button: sendWith })
          : fn('attachments.added', added.length, { names }),
    );
    // Focus stays where the person chose the files (a keyboard user is not sent to the top).
    requestAnimationFrame(() => {
      const el = input.current;
      if (!el || (document.activeElement && document.activeElement !== document.body)) return;
      if (el.disabled) onFocusLost?.();
      else el.focus();
    });
  }

  const describedBy = [`${id}-description`, error ? `${id}-error` : null].filter(Boolean).join(' ');
  return (
    <>
      <FormField invalid={!!error} className="app-field">
        <div className="utrecht-form-field__label">
          <FormLabel htmlFor={id} id={`${id}-label`}>
            {label}
          </FormLabel>
        </div>
        <FormFieldDescription id={`${id}-description`}>
          {description ? `${description} ${hint}` : hint}
        </FormFieldDescription>
        {error && <FormFieldErrorMessage id={`${id}-error`}>{error}</FormFieldErrorMessage>}
        {/* The browser's own file button speaks its own language ("Choose Files", "No file
            chosen"): it lies, invisible, over a button of the page's language. A click, a key or
            files dropped reach the real input, which keeps the focus; its name is the field's
            label and the button's words, as they are seen. */}
        <div className="utrecht-form-field__input app-file-picker">
          <input
            ref={input}
            id={id}
            type="file"
            className="app-file-picker__input"
            aria-labelledby={`${id}-label ${id}-choose`}
            accept={kinds.map((k) => ACCEPT[k]).join(',')}
            multiple
            // Not disabled while uploading: a disabled input loses focus (to the page's body).
            disabled={disabled}
            aria-busy={busy || undefined}
            aria-describedby={describedBy}
            aria-invalid={error ? true : undefined}
            onChange={(e) => {
              void upload(e.target.files);
              e.target.value = '';
            }}
          />
          <span
            id={`${id}-choose`}
            className="app-file-picker__button utrecht-button utrecht-button--secondary-action"
            aria-hidden="true"
          >
            {t('attachments.choose')}
          </span>
        </div>
      </FormField>
      <StatusMessage>{status}</StatusMessage>
      <ErrorAlert>{failure}</ErrorAlert>
    </>
  );
}
