import type { AttachmentsField as AttachmentsFieldDef } from '@initiatief/engine';
import {
  Link,
  Paragraph,
  SubtleButton,
  UnorderedList,
  UnorderedListItem,
} from '@utrecht/component-library-react';
import { useRef, useState } from 'react';
import { type Attachment, api, fieldId } from '../api/client';
import { AttachmentUpload } from '../components/attachments';
import { formatSize } from '../components/file-size';
import { StatusMessage } from '../components/ui';
import { useI18n } from '../i18n/i18n';

/** The ids an attachments field holds (its value), whatever was stored. */
export function fileIdsOf(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

/** The uploaded files a field's value names, in its order; ids without a file are left out. */
export function filesOf(value: unknown, files: readonly Attachment[]): Attachment[] {
  const byId = new Map(files.map((f) => [f.id, f]));
  return fileIdsOf(value).flatMap((id) => byId.get(id) ?? []);
}

/**
 * An attachments field of the definition: the file input uploads at once (naming the field, so
 * the server checks the kind of file), the value becomes the list of the files' ids, and each
 * added file can be taken out of the field again. Problems of the field or of one of its files
 * show at the field; each file's line carries the id the error summary links to.
 */
export function AttachmentsField({
  field,
  applicationId,
  value,
  files,
  errors,
  onUploaded,
  onChange,
  forEvent,
  sendWith,
}: {
  field: AttachmentsFieldDef;
  /**
   * The field is one of an event's payload (the answer form), not of the application's form: the
   * upload names the event and that payload field, and the server lists the file as the
   * application's once the answer is sent. Without it the upload names the form's field, so the
   * server checks the kind of file.
   */
  forEvent?: { type: string; field: string };
  applicationId: string;
  value: unknown;
  /** Every uploaded file of the application, to name the ids of this field. */
  files: readonly Attachment[];
  errors: Record<string, string>;
  onUploaded(file: Attachment): void;
  onChange(ids: string[]): void;
  /** The files go with a form still to be sent by the button of this label (see AttachmentUpload). */
  sendWith?: string;
}) {
  const { t, locale, formatNumber } = useI18n();
  const [said, setSaid] = useState('');
  const label = field.label[locale];
  const ids = fileIdsOf(value);
  const shown = filesOf(value, files);
  const itemErrors = Object.entries(errors)
    .filter(([path]) => path.startsWith(`${field.key}.`))
    .map(([, message]) => message);
  const error = [errors[field.key], ...itemErrors].filter(Boolean).join(' ') || undefined;
  const full = field.maxItems !== undefined && ids.length >= field.maxItems;
  // The ids as they are after the last upload: several files chosen at once each add to the ones
  // before them, not to the value of the render that started the upload.
  const latest = useRef(ids);
  latest.current = ids;
  const entryId = (id: string) => fieldId(`${field.key}.${latest.current.indexOf(id)}`);
  return (
    <div className="app-attachments-field">
      <AttachmentUpload
        applicationId={applicationId}
        id={fieldId(field.key)}
        label={label}
        description={field.help?.[locale]}
        kinds={field.accept}
        field={forEvent ? forEvent.field : field.key}
        event={forEvent?.type}
        error={error}
        disabled={full}
        sendWith={sendWith}
        onUploaded={(file) => {
          onUploaded(file);
          latest.current = [...latest.current, file.id];
          onChange(latest.current);
        }}
        onFocusLost={() => {
          const last = latest.current.at(-1);
          if (last) document.getElementById(entryId(last))?.focus();
        }}
      />
      {full && (
        <Paragraph className="app-muted">
          {t('attachments.full', { n: formatNumber(ids.length) })}
        </Paragraph>
      )}
      {shown.length > 0 && (
        <UnorderedList className="app-attachments" aria-label={t('attachments.inField', { label })}>
          {shown.map((file) => (
            <UnorderedListItem
              key={file.id}
              id={fieldId(`${field.key}.${ids.indexOf(file.id)}`)}
              tabIndex={-1}
            >
              <Link href={api.attachmentUrl(file.id)} target="_blank" rel="noopener">
                {file.filename}
              </Link>{' '}
              <span className="app-muted">({formatSize(file.sizeBytes, locale)})</span>{' '}
              <SubtleButton
                type="button"
                aria-label={t('attachments.removeLabel', { name: file.filename, label })}
                onClick={() => {
                  const left = ids.filter((id) => id !== file.id);
                  onChange(left);
                  setSaid(t('attachments.removed', { name: file.filename, label }));
                  // The button goes with its file, and the focus would fall to the page's start:
                  // on to the file now in its place (or the one before), else to the file input.
                  const at = Math.min(ids.indexOf(file.id), left.length - 1);
                  requestAnimationFrame(() => {
                    const next =
                      at >= 0 ? document.getElementById(fieldId(`${field.key}.${at}`)) : null;
                    (
                      next?.querySelector('button') ?? document.getElementById(fieldId(field.key))
                    )?.focus();
                  });
                }}
              >
                {t('attachments.remove')}
              </SubtleButton>
            </UnorderedListItem>
          ))}
        </UnorderedList>
      )}
      <StatusMessage>{said}</StatusMessage>
    </div>
  );
}
