import type { PersistedSnapshot } from '@initiatief/engine';
import { type Actor, updateApplicationData, type WorkflowDefinition } from '@initiatief/engine';
import type { Transaction } from 'kysely';
import { refuseForeignAttachments } from '../attachments/attachments.refs';
import type { DB } from '../db/schema';
import { factsFor, type Regulation } from '../regulations/regulations.repository';
import { readerFor } from './applications.access';
import { columnsOf } from './applications.command';
import { engineCall } from './applications.errors';
import type { ApplicationRecord } from './applications.repository';
import { updateApplicationWithHistory } from './applications.statements';

/** The history's name for a form edit (not a workflow event: the state stays). */
export const EDIT_EVENT = 'UPDATE_DATA';

/**
 * Merges form data into an editable application (draft, info requested) on its locked row:
 * snapshot + version + a history row naming the changed fields.
 */
export async function applyEdit(
  trx: Transaction<DB>,
  args: {
    app: ApplicationRecord;
    definition: WorkflowDefinition;
    regulation: Regulation;
    actor: Actor;
    /** The actor's name for the history row (NewHistory.actorName). */
    actorName?: string;
    onBehalfOf: string | null;
    data: Record<string, unknown>;
    now: Date;
  },
): Promise<{ app: ApplicationRecord }> {
  const { app, definition, now } = args;
  const edited = engineCall(() =>
    updateApplicationData(
      definition,
      app.snapshot as PersistedSnapshot,
      args.data,
      readerFor(args.actor, app),
    ),
  );
  const columns = {
    ...columnsOf(
      definition,
      edited.snapshot,
      app.state,
      now,
      app.submitted_at,
      factsFor(args.regulation),
    ),
    district: app.district,
  };
  await refuseForeignAttachments(trx, definition, app.id, app.data, columns.data);
  const { version } = await updateApplicationWithHistory(
    trx,
    app.id,
    app.version,
    { ...columns, now },
    {
      applicationId: app.id,
      event: EDIT_EVENT,
      fromState: app.state,
      toState: app.state,
      actorId: args.actor.id,
      actorName: args.actorName,
      actorRoles: args.actor.roles,
      onBehalfOf: args.onBehalfOf,
      payload: { fields: Object.keys(args.data).sort() },
      at: now,
    },
  );
  return {
    app: {
      ...app,
      snapshot: columns.snapshot,
      data: columns.data,
      title: columns.title,
      requested_cents: columns.requestedCents,
      version,
      updated_at: now,
    },
  };
}
