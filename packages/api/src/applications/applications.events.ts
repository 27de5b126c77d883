/**
 * A command on an application through the API (POST /events): lock, replay an idempotent answer,
 * check If-Match, step, persist, and answer after COMMIT. A grant's ledger rows go last, in one
 * message with COMMIT (commitWith).
 */
import type { Effect } from '@initiatief/engine';
import type { Transaction } from 'kysely';
import {
  commitWith,
  isBudgetCeilingViolation,
  remainingBudgetCents,
} from '../budget/budget.repository';
import type { SessionUser } from '../context';
import type { DB } from '../db/schema';
import { loadDefinition } from '../definitions/definitions.repository';
import { AppError } from '../errors';
import { assertClaimAllows, assignOnStep } from '../queue/claims.service';
import { factsFor, isUuid, type Regulation } from '../regulations/regulations.repository';
import { confirmedSupportersFrom } from '../supporters/supporters.shared';
import { actorFor, applicantCanLogIn, onBehalfOf } from './applications.access';
import { applyStep, type DeferredBudget } from './applications.command';
import { budgetExceeded } from './applications.errors';
import {
  changedSince,
  type Deps,
  etagOf,
  ifMatchMatches,
  notFound,
  toDetail,
  visibleWithRegulation,
} from './applications.service';
import {
  lockAndFindIdempotent,
  type StoredResponse,
  storeIdempotent,
} from './idempotency.repository';

export interface EventInput {
  type: string;
  payload?: unknown;
  /** The day the application came in, given by the desk (StepArgs.receivedOn). */
  receivedOn?: string;
  ifMatch?: string;
  idempotency?: { key: string; hash: string };
}

/**
 * POST /events: lock, (replay an idempotent response), check If-Match, step, persist, and
 * return the response to send (also stored under the Idempotency-Key).
 */
export async function sendEvent(
  deps: Deps,
  user: SessionUser,
  id: string,
  input: EventInput,
): Promise<StoredResponse & { replayed: boolean }> {
  if (!isUuid(id)) throw notFound();
  // A grant's ledger rows go last, with COMMIT in the same message (commitWith): the budget row
  // they lock is shared by every grant of the regulation, so it is held for as short as can be.
  let deferred: DeferredBudget | undefined;
  try {
    return await deps.db.transaction().execute(async (trx) => {
      const answer = await stepInTransaction(deps, trx, user, id, input);
      deferred = answer.deferredBudget;
      if (deferred) await commitWith(trx, deferred.statement);
      return answer.response;
    });
  } catch (err) {
    // The budgets CHECK refused: what is left does not cover this grant (Awb 4:25).
    if (deferred && isBudgetCeilingViolation(err)) {
      if (deferred.growthCents <= 0) throw budgetExceeded();
      const remaining = await remainingBudgetCents(deps.db, deferred.regulationId);
      throw budgetExceeded({ amountCents: deferred.growthCents, remainingCents: remaining ?? 0 });
    }
    throw err;
  }
}

/** Only desk staff say when an application came in; anyone else sending it is refused. */
function receivedOnOf(user: SessionUser, receivedOn: string | undefined): string | undefined {
  if (receivedOn === undefined) return undefined;
  if (!user.roles.includes('clerk')) {
    throw new AppError('forbidden', 'Only desk staff record the day an application came in.');
  }
  return receivedOn;
}

async function stepInTransaction(
  deps: Deps,
  trx: Transaction<DB>,
  user: SessionUser,
  id: string,
  input: EventInput,
): Promise<{
  response: StoredResponse & { replayed: boolean };
  deferredBudget?: DeferredBudget;
}> {
  if (input.idempotency) {
    const stored = await lockAndFindIdempotent(
      trx,
      user.id,
      input.idempotency.key,
      input.idempotency.hash,
    );
    if (stored) return { response: { ...stored, replayed: true } };
  }
  const { app, reg, people, agent, supporters } = await visibleWithRegulation(trx, user, id, {
    forUpdate: true,
    supporters: true,
  });
  if (input.ifMatch !== undefined && !ifMatchMatches(input.ifMatch, app.version)) {
    throw changedSince(app.version);
  }
  const now = deps.clock();
  const def = await loadDefinition(trx, app.definition_key, app.definition_version);
  await assertClaimAllows(trx, {
    app,
    user,
    definition: def,
    facts: factsFor(reg),
    eventType: input.type,
    now,
  });
  // Who takes a step on a case nobody handles becomes its handler, in this transaction: a
  // refused step rolls it back with everything else.
  const assigned = await assignOnStep(trx, {
    app,
    user,
    definition: def,
    eventType: input.type,
    now,
  });
  const {
    app: stepped,
    result,
    deferredBudget,
  } = await applyStep(trx, {
    app,
    definition: def,
    regulation: reg,
    actor: actorFor(user, app, agent),
    actorName: user.name,
    onBehalfOf: onBehalfOf(user, app, agent),
    event: { type: input.type, payload: input.payload },
    receivedOn: receivedOnOf(user, input.receivedOn),
    now,
    people,
    confirmedSupporters: confirmedSupportersFrom(supporters, {
      id: app.applicant_id,
      name: people.applicant.name,
      email: people.applicant.email,
      postcode: people.applicant.postcode,
    }),
    deferBudget: true,
    ...(assigned ? { assignTo: user.id } : {}),
  });
  const updated = assigned ? { ...stepped, assignee_id: user.id, assigned_at: now } : stepped;
  const regAfter = withBudgetEffects(reg, result.effects);
  const response: StoredResponse = {
    status: 200,
    headers: { ETag: etagOf(updated.version) },
    body: toDetail(
      def,
      updated,
      regAfter,
      user,
      now,
      people,
      agent,
      await applicantCanLogIn(trx, user, app, people),
    ),
  };
  if (input.idempotency) {
    await storeIdempotent(
      trx,
      user.id,
      input.idempotency.key,
      input.idempotency.hash,
      response,
      now,
    );
  }
  return { response: { ...response, replayed: false }, deferredBudget };
}

/** The regulation as this step leaves it, without reading the budget again. */
function withBudgetEffects(reg: Regulation, effects: Effect[]): Regulation {
  let reserved = reg.budget.reservedCents;
  let committed = reg.budget.committedCents;
  for (const e of effects) {
    if (e.type === 'budget.reserve') reserved += e.amountCents;
    else if (e.type === 'budget.release') reserved -= e.amountCents;
    else if (e.type === 'budget.commit') {
      reserved -= e.amountCents;
      committed += e.amountCents;
    }
  }
  const remainingCents = Math.max(0, reg.ceilingCents - reserved - committed);
  return { ...reg, budget: { reservedCents: reserved, committedCents: committed, remainingCents } };
}
