import { findApplication } from '../applications/applications.repository';
import { SHELL_EVENTS } from '../applications/shell-events';
import type { AppDeps, SessionUser } from '../context';
import { AppError } from '../errors';
import { recordShellEvent } from '../queue/claims.service';
import { isUuid } from '../regulations/regulations.repository';

export const CONTACT_CHANNELS = ['phone', 'desk', 'email', 'letter'] as const;
export type ContactChannel = (typeof CONTACT_CHANNELS)[number];

/** A klantcontact: who spoke with the resident, how and about what, as a history row. */
export async function logContact(
  deps: Pick<AppDeps, 'db' | 'clock'>,
  user: SessionUser,
  id: string,
  input: { channel: ContactChannel; summary: string },
) {
  if (!isUuid(id)) throw new AppError('not_found', 'No application with this id.');
  const now = deps.clock();
  return deps.db.transaction().execute(async (trx) => {
    const app = await findApplication(trx, id, { forUpdate: true });
    if (!app) throw new AppError('not_found', 'No application with this id.');
    const row = await recordShellEvent(trx, app, user, SHELL_EVENTS.contact, now, {
      channel: input.channel,
      summary: input.summary,
    });
    return {
      historyId: row.id,
      seq: row.seq,
      channel: input.channel,
      summary: input.summary,
      at: now.toISOString(),
    };
  });
}
