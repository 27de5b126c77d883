import { sql, type Transaction } from 'kysely';
import type { Config } from '../config';
import type { DB } from '../db/schema';
import { AppError, refusedIn } from '../errors';
import { LETTERHEAD } from '../letters/letterhead';
import { isHeld } from './attachments.held';

type Limits = Pick<
  Config,
  | 'uploadMaxFiles'
  | 'uploadMaxTotalBytes'
  | 'uploadMaxStoredFiles'
  | 'uploadMaxStoredBytes'
  | 'retentionRemovedFilesDays'
>;

/**
 * Refuses an upload of `size` bytes that the application cannot take. Run under the
 * application's row lock, so parallel uploads cannot pass a limit together.
 *
 * - The quota (UPLOAD_MAX_FILES, UPLOAD_MAX_TOTAL_BYTES) counts the files the application holds
 *   (attachments.held): a file taken out of the form, or left out of a sent answer, does not.
 * - The ceiling (UPLOAD_MAX_STORED_FILES, UPLOAD_MAX_STORED_BYTES) counts every stored file,
 *   taken out or not, until the retention job purges the ones taken out: uploading and removing
 *   again cannot grow the database without end. It is told first when files taken out are what
 *   fills it, since removing another file would not help then.
 */
export async function refuseOverLimits(
  trx: Transaction<DB>,
  limits: Limits,
  applicationId: string,
  size: number,
): Promise<void> {
  const counts = await trx
    .selectFrom('attachments as f')
    .innerJoin('applications as a', 'a.id', 'f.application_id')
    .select([
      sql<number>`count(*) filter (where ${isHeld()})::int`.as('heldFiles'),
      sql<string>`coalesce(sum(f.size_bytes) filter (where ${isHeld()}), 0)::bigint`.as(
        'heldBytes',
      ),
      sql<number>`count(*)::int`.as('storedFiles'),
      sql<string>`coalesce(sum(f.size_bytes), 0)::bigint`.as('storedBytes'),
    ])
    .where('f.application_id', '=', applicationId)
    .where('f.purged_at', 'is', null)
    .executeTakeFirstOrThrow();
  const held = { files: Number(counts.heldFiles), bytes: Number(counts.heldBytes) };
  const stored = { files: Number(counts.storedFiles), bytes: Number(counts.storedBytes) };
  const takenOut = stored.files > held.files;
  const quota = { files: limits.uploadMaxFiles, bytes: limits.uploadMaxTotalBytes };
  const ceiling = { files: limits.uploadMaxStoredFiles, bytes: limits.uploadMaxStoredBytes };
  const overCeiling = stored.files >= ceiling.files || stored.bytes + size > ceiling.bytes;
  // With nothing taken out, what is stored is what is held, and the quota refuses first:
  // config.ts keeps the ceiling at or above it.
  if (takenOut && overCeiling) throw tooManyRemoved(ceiling, limits.retentionRemovedFilesDays);
  if (held.files >= quota.files) {
    throw new AppError(
      'conflict',
      `This application already holds ${quota.files} files, the most it may hold; remove one first.`,
      {
        invalidParams: [
          {
            name: 'file',
            reason: 'too many files',
            text: {
              nl: `Bij deze aanvraag staan al ${quota.files} bestanden, het meeste dat kan. Verwijder eerst een bestand.`,
              en: `This application already holds ${quota.files} files, the most it may hold. Remove a file first.`,
            },
          },
        ],
        extra: { quota },
      },
    );
  }
  if (held.bytes + size > quota.bytes) {
    const most = sizeInWords(quota.bytes);
    throw refusedIn(
      'payload_too_large',
      {
        nl: `De bestanden bij één aanvraag mogen samen ${most.nl} zijn; dit bestand past er niet meer bij. Verwijder eerst een bestand.`,
        en: `The files of one application may be ${most.en} together; this file does not fit. Remove a file first.`,
      },
      { quota },
    );
  }
}

/**
 * A number of bytes as a person reads it: MB from 1 MB (1024 × 1024 bytes), else kB, with at
 * most one decimal, rounded down so a limit is never stated larger than it is ("4,8 kB", "50 MB").
 */
export function sizeInWords(bytes: number): { nl: string; en: string } {
  const [amount, unit] =
    bytes >= 1024 * 1024 ? [bytes / (1024 * 1024), 'MB'] : [bytes / 1024, 'kB'];
  const tenths = Math.floor(amount * 10) / 10;
  const say = (locale: string) =>
    `${tenths.toLocaleString(locale, { maximumFractionDigits: 1 })} ${unit}`;
  return { nl: say('nl-NL'), en: say('en-GB') };
}

/** The ceiling's refusal: what happened, when it clears by itself, and whom to call before. */
function tooManyRemoved(ceiling: { files: number; bytes: number }, purgeDays: number): AppError {
  const after = {
    nl: `${purgeDays} ${purgeDays === 1 ? 'dag' : 'dagen'}`,
    en: `${purgeDays} ${purgeDays === 1 ? 'day' : 'days'}`,
  };
  const next =
    purgeDays > 0
      ? {
          nl: ` Bestanden die u hebt verwijderd, ruimen wij ${after.nl} later op; daarna kunt u weer bestanden toevoegen. Moet er eerder een bestand bij? Bel dan ${LETTERHEAD.nl.phone}.`,
          en: ` Files you removed are cleared ${after.en} later; you can add files again after that. Need to send a file sooner? Please call ${LETTERHEAD.en.phone}.`,
        }
      : {
          nl: ` Wilt u toch nog een bestand meesturen? Bel dan ${LETTERHEAD.nl.phone}.`,
          en: ` If you still need to send a file, please call ${LETTERHEAD.en.phone}.`,
        };
  return new AppError(
    'conflict',
    'Too many files were uploaded and removed again for this application; no more files can be stored for it now.',
    {
      invalidParams: [
        {
          name: 'file',
          reason: 'too many files uploaded and removed',
          text: {
            nl: `Voor deze aanvraag zijn te veel bestanden toegevoegd en weer verwijderd. U kunt nu geen bestand meer toevoegen.${next.nl}`,
            en: `Too many files were added to this application and removed again. You cannot add a file now.${next.en}`,
          },
        },
      ],
      extra: { ceiling },
    },
  );
}
