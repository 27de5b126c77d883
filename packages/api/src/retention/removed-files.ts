import type { Kysely } from 'kysely';
import { takenOutBefore } from '../attachments/attachments.held';
import type { DB } from '../db/schema';

const DAY_MS = 86_400_000;

export interface PurgedFiles {
  /** Files whose contents were deleted in this pass. */
  files: number;
  /** Their bytes together. */
  bytes: number;
  /** References of their applications (no personal data), for the log. */
  references: string[];
}

/**
 * Deletes the contents of files the application no longer holds: taken out of the form, or left
 * out of the answer they were uploaded for, at least `days` days ago, and named by nothing, not
 * the form and no recorded event (attachments.held.ts: takenOutBefore). A file the form or a sent
 * answer holds, and a file of the application page, is never touched. The row stays, with
 * `purged_at`; such a file is no longer served, listed or counted towards the ceiling
 * (UPLOAD_MAX_STORED_*), so the resident can upload again.
 *
 * One application per transaction: its row is locked FOR UPDATE SKIP LOCKED, as an edit, a step
 * or an upload locks it, so a file cannot be named again while its contents go (an application
 * busy right now waits for the next run). The files are then looked at again under the lock, and
 * only files not purged yet are, so a pass taken over after a crash does nothing twice.
 */
export async function purgeRemovedFiles(
  db: Kysely<DB>,
  now: Date,
  options: { days: number; batchSize: number },
): Promise<PurgedFiles> {
  const result: PurgedFiles = { files: 0, bytes: 0, references: [] };
  if (options.days <= 0) return result;
  const cutoff = new Date(now.getTime() - options.days * DAY_MS);
  const skipped: string[] = [];
  for (let i = 0; i < options.batchSize; i++) {
    const done = await db.transaction().execute(async (trx) => {
      const application = await trx
        .selectFrom('attachments as f')
        .innerJoin('applications as a', 'a.id', 'f.application_id')
        .select(['a.id', 'a.reference'])
        .where(takenOutBefore(cutoff))
        .$if(skipped.length > 0, (q) => q.where('a.id', 'not in', skipped))
        .orderBy('f.created_at')
        .limit(1)
        .forUpdate('a')
        .skipLocked()
        .executeTakeFirst();
      if (!application) return null;
      // A new statement, so it sees every edit committed before the lock was taken.
      const purged = await trx
        .updateTable('attachments as f')
        .from('applications as a')
        .set({ content: null, purged_at: now })
        .whereRef('a.id', '=', 'f.application_id')
        .where('f.application_id', '=', application.id)
        .where(takenOutBefore(cutoff))
        .returning(['f.id', 'f.size_bytes'])
        .execute();
      return { application, purged };
    });
    if (!done) break;
    if (done.purged.length === 0) {
      // Named again (or edited) between the look and the lock: left for a later run.
      skipped.push(done.application.id);
      continue;
    }
    result.files += done.purged.length;
    result.bytes += done.purged.reduce((sum, f) => sum + Number(f.size_bytes), 0);
    result.references.push(done.application.reference);
  }
  return result;
}
