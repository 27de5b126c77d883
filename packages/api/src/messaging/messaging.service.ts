/**
 * Enqueues a step's letters and notices: plans their rows (messaging.plan.ts) and writes them in
 * the caller's transaction. Also the module the rest of the API imports messaging's types and
 * helpers from, re-exported here from the files that hold them.
 */
import type { Effect } from '@initiatief/engine';
import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../db/schema';
import { Statement } from '../db/statement';
import { loadContext } from './messaging.context';
import { planMessaging } from './messaging.plan';
import { messagingCtes } from './messaging.statements';
import type {
  EnqueuedMessaging,
  EnqueueMessagingInput,
  MessagingPlan,
  OutboxRow,
} from './messaging.types';

export { messagingContext } from './messaging.context';
export { type MailFrom, MESSAGE_ID_DOMAIN, mailRow, planMessaging } from './messaging.plan';
export { APPLICATION_URL_TOKEN, paperNoticeOf, templateOf } from './messaging.texts';
export type {
  DocumentRow,
  EnqueuedMessaging,
  EnqueueMessagingInput,
  MessagingContext,
  MessagingPeople,
  MessagingPlan,
  OutboxRow,
} from './messaging.types';

type Db = Kysely<DB> | Transaction<DB>;

/**
 * Writes the outbox rows (and document jobs) for the step's `notice` and `document` effects,
 * in the caller's transaction: nothing is rendered or sent before the command commits.
 */
export async function enqueueMessagingEffects(
  trx: Db,
  input: EnqueueMessagingInput,
): Promise<void> {
  await enqueueMessaging(trx, input);
}

/** enqueueMessagingEffects, returning the ids it wrote (for tests and tools). */
export async function enqueueMessaging(
  trx: Db,
  input: EnqueueMessagingInput,
): Promise<EnqueuedMessaging> {
  if (!hasMessagingEffects(input.effects)) return { documentIds: [], outboxIds: [] };
  const context = input.context ?? (await loadContext(trx, input));
  const plan = planMessaging({ ...input, context });
  await writeMessagingPlan(trx, plan);
  return plan.result;
}

/** True when a step's effects issue a letter or send a notice. */
export function hasMessagingEffects(effects: readonly Effect[]): boolean {
  return effects.some((e) => e.type === 'notice' || e.type === 'document');
}

/** Writes a MessagingPlan in one statement (nothing when it is empty). */
export async function writeMessagingPlan(trx: Db, plan: MessagingPlan): Promise<void> {
  const statement = new Statement();
  const ctes = messagingCtes(statement, plan);
  if (ctes.length === 0) return;
  await statement.run(trx, `with ${ctes.join(',\n')} select 1`);
}

/** Writes mails (mailRow) to the outbox in the caller's transaction, their kept values as jsonb. */
export async function insertMails(trx: Db, mails: readonly OutboxRow[]): Promise<void> {
  if (mails.length === 0) return;
  await trx
    .insertInto('outbox')
    .values(
      mails.map((m) => ({ ...m, variables: m.variables ? JSON.stringify(m.variables) : null })),
    )
    .execute();
}
