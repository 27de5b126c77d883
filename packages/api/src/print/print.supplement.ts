import {
  type PersistedSnapshot,
  type Role,
  type StepResult,
  supplementRequestSent,
  toAmsterdamDate,
  type WorkflowDefinition,
} from '@initiatief/engine';
import type { Transaction } from 'kysely';
import { persistStepResult } from '../applications/applications.command';
import { findApplicationWithRegulation } from '../applications/applications.repository';
import type { DB } from '../db/schema';
import { loadDefinition } from '../definitions/definitions.repository';
import { factsFor } from '../regulations/regulations.repository';
import type { WaitingLetter } from './print.repository';

export interface PostingActor {
  id: string | null;
  name?: string;
  roles: Role[];
}

/**
 * A request to supplement that goes into the post later than it was made: the period it gives
 * counts from the posting day (engine `supplementRequestSent`), so a resident who gets her
 * letters on paper keeps every day of it. Moves the application's period and its timer inside
 * the batch's transaction, through the command path (a history row says why), and answers the
 * period's new last day, which the letter then states; undefined when nothing moved (the
 * request was answered already, or is posted on the day it was made).
 */
export async function postSupplementRequest(
  trx: Transaction<DB>,
  letter: WaitingLetter,
  args: { postingDate: string; now: Date; actor: PostingActor },
): Promise<string | undefined> {
  if (letter.kind !== 'supplement_request') return undefined;
  const found = await findApplicationWithRegulation(trx, letter.application_id, {
    forUpdate: true,
  });
  if (!found) return undefined;
  const { app, regulation } = found;
  const definition = await loadDefinition(trx, app.definition_key, app.definition_version);
  const actor = { id: args.actor.id ?? 'system', roles: args.actor.roles };
  const result = supplementRequestSent(definition, app.snapshot as PersistedSnapshot, {
    requestedOn: toAmsterdamDate(new Date(letter.created_at)),
    requestedAt: new Date(letter.created_at).toISOString(),
    sentOn: args.postingDate,
    now: args.now,
    actor,
    facts: factsFor(regulation),
  });
  if (!result) return undefined;
  await persistPosting(trx, found, definition, result, args);
  return (result.history.payload as { dueOn: string }).dueOn;
}

/** A posting's change to an application, persisted like a step's, in the posting's name. */
export async function persistPosting(
  trx: Transaction<DB>,
  found: NonNullable<Awaited<ReturnType<typeof findApplicationWithRegulation>>>,
  definition: WorkflowDefinition,
  result: StepResult,
  args: { now: Date; actor: PostingActor },
): Promise<void> {
  await persistStepResult(trx, {
    app: found.app,
    definition,
    regulation: found.regulation,
    actor: { id: args.actor.id ?? 'system', roles: args.actor.roles },
    actorName: args.actor.name,
    onBehalfOf: null,
    now: args.now,
    people: found.people,
    result,
  });
}
