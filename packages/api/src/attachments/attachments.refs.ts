import {
  ATTACHMENT_KINDS,
  type AttachmentKind,
  attachmentRefs,
  fieldLabel,
  type PageReader,
  type WorkflowDefinition,
} from '@initiatief/engine';
import type { Transaction } from 'kysely';
import type { DB } from '../db/schema';
import { AppError } from '../errors';
import { isUuid } from '../regulations/regulations.repository';
import type { AttachmentType } from './attachments.content';

/**
 * An attachments field of the form may only name files of this very application. Only ids that
 * the new data adds are looked up (the ones already there were checked when they came), so an
 * edit of another field costs no query. Refused as a 422 naming each field item, in nl and en.
 */
export async function refuseForeignAttachments(
  trx: Transaction<DB>,
  definition: WorkflowDefinition,
  applicationId: string,
  before: Record<string, unknown>,
  after: Record<string, unknown>,
): Promise<void> {
  const known = new Set(attachmentRefs(definition, before).map((r) => r.id));
  const added = attachmentRefs(definition, after).filter((r) => !known.has(r.id));
  if (added.length === 0) return;
  const foreign = await notOfApplication(trx, applicationId, added);
  if (foreign.length === 0) return;
  throw foreignFiles(foreign);
}

/**
 * The refs that name no file of this application (malformed ids included), in one query. A file
 * whose contents the retention job deleted (taken out long ago) is no file any more: naming it
 * again is refused as well, so the form or an answer never holds an empty file.
 */
async function notOfApplication<R extends { id: string }>(
  trx: Transaction<DB>,
  applicationId: string,
  refs: R[],
): Promise<R[]> {
  const lookup = refs.filter((r) => isUuid(r.id)).map((r) => r.id);
  const found =
    lookup.length === 0
      ? []
      : await trx
          .selectFrom('attachments')
          .select('id')
          .where('application_id', '=', applicationId)
          .where('id', 'in', lookup)
          .where('purged_at', 'is', null)
          .execute();
  const ours = new Set(found.map((r) => r.id));
  return refs.filter((r) => !ours.has(r.id));
}

/**
 * The files an event's payload names (an answer's `x-widget: 'attachments'` list) may only be
 * of this very application, as the form's own attachments fields. Refused as a 422 naming each
 * item (`payload.attachments.0`) before the step runs.
 */
export async function refuseForeignPayloadFiles(
  trx: Transaction<DB>,
  definition: WorkflowDefinition,
  applicationId: string,
  event: { type: string; payload?: unknown },
): Promise<void> {
  const schema = (definition.events[event.type] as { payload?: PayloadSchema } | undefined)
    ?.payload;
  const payload = event.payload;
  if (!schema?.properties || typeof payload !== 'object' || payload === null) return;
  const refs: { path: string; id: string }[] = [];
  for (const [name, prop] of Object.entries(schema.properties)) {
    if (prop?.['x-widget'] !== 'attachments') continue;
    const ids = (payload as Record<string, unknown>)[name];
    if (!Array.isArray(ids)) continue;
    ids.forEach((id, i) => {
      refs.push({ path: `payload.${name}.${i}`, id: String(id) });
    });
  }
  if (refs.length === 0) return;
  const foreign = await notOfApplication(trx, applicationId, refs);
  if (foreign.length === 0) return;
  throw new AppError(
    'validation_failed',
    'The answer names files that are not of this application.',
    {
      invalidParams: foreign.map((r) => ({
        name: r.path,
        reason: 'unknown attachment',
        text: {
          nl: 'Dit bestand hoort niet bij deze aanvraag. Voeg het opnieuw toe.',
          en: 'This file does not belong to this application. Add it again.',
        },
      })),
    },
  );
}

type PayloadSchema = { properties?: Record<string, Record<string, unknown> | undefined> };

function foreignFiles(refs: ReturnType<typeof attachmentRefs>): AppError {
  return new AppError(
    'validation_failed',
    'The form names files that are not of this application.',
    {
      invalidParams: refs.map((r) => ({
        name: r.path,
        reason: 'unknown attachment',
        text: r.text,
      })),
    },
  );
}

/** A new application holds no files yet, so its first data cannot name any. */
export function refuseAttachmentsAtCreation(
  definition: WorkflowDefinition,
  data: Record<string, unknown>,
): void {
  const refs = attachmentRefs(definition, data);
  if (refs.length === 0) return;
  throw foreignFiles(refs);
}

const KIND_OF: Record<AttachmentType, AttachmentKind> = {
  'application/pdf': 'pdf',
  'image/jpeg': 'image',
  'image/png': 'image',
};

/**
 * An upload may say which attachments field of the form it is for (multipart part `field`);
 * then the field must exist and take this kind of file. Without it, any accepted type goes (the
 * application page's own uploads: supplements, report photos). The refusal names the field as
 * `reader`, who uploads, reads it: the desk or a helper its label for staff (fieldLabel).
 */
export function refuseUnfitForField(
  definition: WorkflowDefinition,
  fieldKey: unknown,
  type: AttachmentType,
  reader: PageReader = 'applicant',
): void {
  if (fieldKey === null || fieldKey === undefined) return;
  const field =
    typeof fieldKey === 'string'
      ? definition.form.fields.find((f) => f.key === fieldKey)
      : undefined;
  if (field?.type !== 'attachments') {
    throw new AppError('validation_failed', 'The form has no attachments field of that name.', {
      invalidParams: [
        {
          name: 'field',
          reason: 'unknown field',
          text: {
            nl: 'Dit formulier heeft geen bijlageveld met deze naam.',
            en: 'This form has no attachments field of that name.',
          },
        },
      ],
    });
  }
  const accept = field.accept ?? ATTACHMENT_KINDS;
  if (accept.includes(KIND_OF[type])) return;
  const photos = accept.includes('image');
  const l = fieldLabel(field, reader);
  throw new AppError('unsupported_media_type', `${l.en} takes only ${accept.join(' or ')} files.`, {
    invalidParams: [
      {
        name: 'file',
        reason: 'wrong kind of file',
        text: photos
          ? {
              nl: `Bij ${l.nl} kunt u alleen foto's toevoegen (JPEG of PNG).`,
              en: `${l.en} takes photos only (JPEG or PNG).`,
            }
          : {
              nl: `Bij ${l.nl} kunt u alleen PDF-bestanden toevoegen.`,
              en: `${l.en} takes PDF files only.`,
            },
      },
    ],
  });
}

/**
 * An upload for an answer (multipart part `event`) names the event and, in `field`, the payload
 * field that takes its files (`x-widget: 'attachments'`): the file goes with that answer and is
 * the application's once the answer is sent. Read from the definition, never from event names.
 */
export function refuseUnfitForEvent(
  definition: WorkflowDefinition,
  eventKey: unknown,
  fieldKey: unknown,
): void {
  const payload =
    typeof eventKey === 'string' && Object.hasOwn(definition.events, eventKey)
      ? (definition.events[eventKey] as { payload?: PayloadSchema } | undefined)?.payload
      : undefined;
  const takesFiles = Object.entries(payload?.properties ?? {}).some(
    ([name, prop]) => prop?.['x-widget'] === 'attachments' && name === fieldKey,
  );
  if (takesFiles) return;
  const unknownEvent = payload === undefined;
  throw new AppError(
    'validation_failed',
    unknownEvent
      ? 'The workflow has no event of that name to send files with.'
      : 'That answer has no field for files of that name.',
    {
      invalidParams: [
        unknownEvent
          ? {
              name: 'event',
              reason: 'unknown event',
              text: {
                nl: 'Bij deze stap kunt u geen bestanden meesturen.',
                en: 'This step takes no files.',
              },
            }
          : {
              name: 'field',
              reason: 'unknown field',
              text: {
                nl: 'Deze stap heeft geen bijlageveld met deze naam.',
                en: 'This step has no attachments field of that name.',
              },
            },
      ],
    },
  );
}
