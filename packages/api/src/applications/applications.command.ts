import { randomUUID } from 'node:crypto';
import {
  type Actor,
  applicationTitle,
  applicationView,
  deadlineSchedule,
  type Effect,
  type Facts,
  type PersistedSnapshot,
  type StepResult,
  step,
  toAmsterdamDate,
  type WorkflowDefinition,
} from '@initiatief/engine';
import type { Transaction } from 'kysely';
import {
  refuseForeignAttachments,
  refuseForeignPayloadFiles,
} from '../attachments/attachments.refs';
import {
  applyBudgetEffects,
  budgetGrowthCents,
  isBudgetCeilingViolation,
  ledgerInsertText,
  reserveWithinCeiling,
} from '../budget/budget.repository';
import type { DB } from '../db/schema';
import {
  enqueueMessagingEffects,
  hasMessagingEffects,
  type MessagingContext,
  type MessagingPeople,
  messagingContext,
  planMessaging,
} from '../messaging/messaging.service';
import { metrics } from '../ops/metrics';
import { factsFor, type Regulation } from '../regulations/regulations.repository';
import { applyTimerEffects, timerChangesOf } from '../timers/timers.repository';
import { readerFor } from './applications.access';
import { budgetExceeded, engineCall, ownDecisionRefused } from './applications.errors';
import type { ApplicationColumns, ApplicationRecord } from './applications.repository';
import { updateApplicationWithHistory } from './applications.statements';

type View = ReturnType<typeof applicationView>;

/**
 * Whether a decision is owed, by the state's tags (contract C3): the decision term runs
 * (`pending_decision`) or stands still for a supplement (`suspended`).
 */
export function isAwaitingDecision(def: WorkflowDefinition, state: string, view: View): boolean {
  if (view.final || !def.states[state]) return false;
  return view.tags.includes('pending_decision') || view.tags.includes('suspended');
}

/**
 * The columns the shell keeps beside the snapshot, for queries and the work queue. The facts
 * give the regulation's terms (the report's deadline).
 */
export function columnsOf(
  def: WorkflowDefinition,
  snapshot: PersistedSnapshot,
  state: string,
  now: Date,
  previousSubmittedAt: Date | null,
  facts: Facts,
): ApplicationColumns {
  const view = applicationView(def, snapshot, now, facts);
  const schedule = deadlineSchedule(view, toAmsterdamDate(now));
  const submittedAt = snapshot.context?.submittedAt ?? null;
  return {
    state,
    snapshot,
    data: view.data,
    title: applicationTitle(def, view.data).slice(0, 300),
    district: '',
    requestedCents: view.amounts.requestedCents ?? 0,
    grantedCents: view.amounts.grantedCents,
    receivedOn: view.clock.receivedOn,
    decisionDueOn: view.clock.decisionDueOn,
    nextDeadlineOn: schedule.nextOn,
    deadlinesRecomputeOn: schedule.recomputeOn,
    suspended: view.clock.suspended,
    awaitingDecision: isAwaitingDecision(def, state, view),
    awaitingApproval: !view.final && view.tags.includes('awaiting_approval'),
    decisionAfterActivity: view.clock.decisionAfterActivity,
    submittedAt: submittedAt ? new Date(submittedAt) : previousSubmittedAt,
  };
}

/** A step's ledger rows left for the end of its transaction (see persistEffects). */
export interface DeferredBudget {
  /** The INSERT, values written out, to send with COMMIT. */
  statement: string;
  /** What the rows add to reserved + committed: the amount a refusal names. */
  growthCents: number;
  regulationId: string;
}

/** Persists a step's effects beside the snapshot: timers, budget ledger, outbox. */
export async function persistEffects(
  trx: Transaction<DB>,
  args: {
    applicationId: string;
    regulationId: string;
    historyId: string;
    definition: WorkflowDefinition;
    effects: Effect[];
    now: Date;
    /** The texts' context when the caller holds it (see EnqueueMessagingInput.context). */
    messaging?: MessagingContext;
    /** True when the snapshot's own statement wrote the timers (updateApplicationWithHistory). */
    timersWritten?: boolean;
    /** True when the snapshot's own statement wrote the letters and notices (planMessaging). */
    messagingWritten?: boolean;
    /**
     * Leave the budget's ledger rows to the caller, who sends them with COMMIT (commitWith):
     * returned as a statement, with the growth a refusal names.
     */
    deferBudget?: boolean;
  },
): Promise<DeferredBudget | undefined> {
  if (!args.timersWritten) await applyTimerEffects(trx, args.applicationId, args.effects, args.now);
  if (!args.messagingWritten) {
    await enqueueMessagingEffects(trx, {
      applicationId: args.applicationId,
      historyId: args.historyId,
      definition: args.definition,
      effects: args.effects,
      now: args.now,
      context: args.messaging,
    });
  }
  // Last: the budget row stays locked from here to commit, so concurrent grants of one
  // regulation queue for as short a time as possible.
  const growth = budgetGrowthCents(args.effects);
  if (args.deferBudget) {
    const statement = ledgerInsertText({
      regulationId: args.regulationId,
      applicationId: args.applicationId,
      historyId: args.historyId,
      effects: args.effects,
      at: args.now,
    });
    return statement
      ? { statement, growthCents: growth, regulationId: args.regulationId }
      : undefined;
  }
  try {
    if (growth > 0) {
      // One statement: the budget row locked, and the ledger rows only if the rest covers them.
      const { remainingCents, written } = await reserveWithinCeiling(trx, {
        regulationId: args.regulationId,
        applicationId: args.applicationId,
        historyId: args.historyId,
        effects: args.effects,
        at: args.now,
        growthCents: growth,
      });
      if (!written)
        throw budgetExceeded({ amountCents: growth, remainingCents: remainingCents ?? 0 });
      return undefined;
    }
    await applyBudgetEffects(trx, {
      regulationId: args.regulationId,
      applicationId: args.applicationId,
      historyId: args.historyId,
      effects: args.effects,
      at: args.now,
    });
  } catch (err) {
    // The budgets CHECK refused: another grant took the rest first (Awb 4:25).
    if (isBudgetCeilingViolation(err)) throw budgetExceeded();
    throw err;
  }
}

/** Letters that carry a decision on the application (beschikking). */
const DECISION_LETTERS = new Set(['grant', 'rejection', 'settlement']);

/**
 * Four-eyes beyond the definition's own rules: nobody decides on an application they applied
 * for or filed, whatever roles they hold (an approver who is also a resident, a clerk who is
 * also an approver). A step decides when it issues a decision letter.
 */
function refuseOwnDecision(
  app: ApplicationRecord,
  actor: Actor,
  result: StepResult,
  definition: WorkflowDefinition,
  eventType: string,
): void {
  if (actor.roles.includes('system')) return;
  const decides = result.effects.some((e) => e.type === 'document' && DECISION_LETTERS.has(e.kind));
  if (!decides) return;
  if (actor.id === app.applicant_id || actor.id === app.created_by) {
    throw ownDecisionRefused(definition, eventType, app.state);
  }
}

export interface StepOutcome {
  app: ApplicationRecord;
  historyId: string;
  result: StepResult;
  /** Only with deferBudget: the ledger rows the caller still has to send. */
  deferredBudget?: DeferredBudget;
}

export interface StepArgs {
  app: ApplicationRecord;
  definition: WorkflowDefinition;
  regulation: Regulation;
  actor: Actor;
  /** The actor's name for the history row, when the caller knows it (NewHistory.actorName). */
  actorName?: string;
  onBehalfOf: string | null;
  event: { type: string; payload?: unknown };
  /** The day the application came in, when the desk files it later (engine StepInput). */
  receivedOn?: string;
  now: Date;
  /** Applicant and assignee as read with the lock (saves the messaging context's query). */
  people?: MessagingPeople;
  /** Supporters who confirmed themselves; absent when the application has none on record. */
  confirmedSupporters?: { age: number | null; postcode: string | null }[];
  /** Return the budget's ledger rows instead of writing them (persistEffects' deferBudget). */
  deferBudget?: boolean;
  /** Make this user the handler of an unassigned case, with the step's own write. */
  assignTo?: string;
}

/**
 * One command on a locked application: engine step, snapshot + version, history, timers,
 * budget and outbox, all in the caller's transaction.
 */
export async function applyStep(trx: Transaction<DB>, args: StepArgs): Promise<StepOutcome> {
  const { app, definition, regulation, actor, now } = args;
  await refuseForeignPayloadFiles(trx, definition, app.id, args.event);
  const result = engineCall(() =>
    step(
      definition,
      app.snapshot as PersistedSnapshot,
      { type: args.event.type, payload: args.event.payload },
      {
        now,
        actor,
        facts: {
          ...factsFor(regulation),
          ...(args.confirmedSupporters ? { confirmedSupporters: args.confirmedSupporters } : {}),
          ...(args.people ? { applicantName: args.people.applicant.name } : {}),
          ...(args.people?.applicant.postcode
            ? { applicantPostcode: args.people.applicant.postcode }
            : {}),
          reader: readerFor(actor, app),
        },
        ...(args.receivedOn !== undefined ? { receivedOn: args.receivedOn } : {}),
      },
    ),
  );
  refuseOwnDecision(app, actor, result, definition, args.event.type);
  return persistStepResult(trx, { ...args, result });
}

/**
 * Persists an engine step result of a locked application the one way every command does:
 * snapshot + derived columns + version, history row, timers, outbox, budget ledger. A
 * migration passes the new definition and its `definitionVersion`.
 */
export async function persistStepResult(
  trx: Transaction<DB>,
  args: Omit<StepArgs, 'event'> & { result: StepResult; definitionVersion?: number },
): Promise<StepOutcome> {
  const { app, definition, regulation, actor, now, result } = args;
  const columns = {
    ...columnsOf(
      definition,
      result.snapshot,
      result.state,
      now,
      app.submitted_at,
      factsFor(regulation),
    ),
    district: app.district,
    definitionVersion: args.definitionVersion,
  };
  await refuseForeignAttachments(trx, definition, app.id, app.data, columns.data);
  // The history row's id is ours, so the step's letters and notices can name it and go out
  // with the snapshot's own statement.
  const historyId = randomUUID();
  const messaging = args.people
    ? messagingContext({
        application: {
          id: app.id,
          reference: app.reference,
          title: columns.title,
          district: columns.district,
          definition_key: app.definition_key,
          definition_version: args.definitionVersion ?? app.definition_version,
          snapshot: columns.snapshot,
          data: columns.data,
          requested_cents: columns.requestedCents,
          granted_cents: columns.grantedCents,
          decision_due_on: columns.decisionDueOn,
        },
        people: args.people,
        payload: result.history.payload ?? {},
        regulation,
      })
    : undefined;
  const messages =
    messaging && hasMessagingEffects(result.effects)
      ? planMessaging({
          applicationId: app.id,
          historyId,
          definition,
          effects: result.effects,
          now,
          context: messaging,
        })
      : undefined;
  const { version } = await updateApplicationWithHistory(
    trx,
    app.id,
    app.version,
    { ...columns, now, assignTo: args.assignTo ?? null },
    {
      applicationId: app.id,
      event: result.history.event,
      fromState: result.history.from,
      toState: result.history.to,
      actorId: actor.id,
      actorName: args.actorName,
      actorRoles: actor.roles,
      onBehalfOf: args.onBehalfOf,
      payload: result.history.payload ?? {},
      at: now,
      id: historyId,
    },
    { timers: timerChangesOf(result.effects), messages },
  );
  const deferredBudget = await persistEffects(trx, {
    deferBudget: args.deferBudget,
    timersWritten: true,
    messagingWritten: messaging !== undefined,
    applicationId: app.id,
    regulationId: app.regulation_id,
    historyId,
    definition,
    effects: result.effects,
    now,
    messaging,
  });
  const noticeDecidedOn = await endNoticeOfDefault(trx, app, columns.awaitingDecision, now);
  metrics.transitions.inc({ workflow: app.definition_key, event: result.history.event });
  const updated: ApplicationRecord = {
    ...app,
    definition_version: args.definitionVersion ?? app.definition_version,
    state: columns.state,
    snapshot: columns.snapshot,
    data: columns.data,
    title: columns.title,
    requested_cents: columns.requestedCents,
    granted_cents: columns.grantedCents,
    received_on: columns.receivedOn,
    decision_due_on: columns.decisionDueOn,
    suspended: columns.suspended,
    awaiting_decision: columns.awaitingDecision,
    decision_after_activity: columns.decisionAfterActivity,
    submitted_at: columns.submittedAt,
    notice_decided_on: noticeDecidedOn,
    version,
    updated_at: now,
  };
  return { app: updated, historyId, result, deferredBudget };
}

/**
 * A step that ends the wait for a decision (a decision, or a withdrawal) after a notice of
 * default also ends the penalty's days (Awb 4:17): the day is kept with the notice. One more
 * statement, only in that rare step; every other step leaves the day as it is.
 */
async function endNoticeOfDefault(
  trx: Transaction<DB>,
  app: ApplicationRecord,
  awaitingAfter: boolean,
  now: Date,
): Promise<string | null> {
  if (!app.notice_of_default_on || app.notice_decided_on || !app.awaiting_decision) {
    return app.notice_decided_on;
  }
  if (awaitingAfter) return null;
  const today = toAmsterdamDate(now);
  await trx
    .updateTable('applications')
    .set({ notice_decided_on: today })
    .where('id', '=', app.id)
    .execute();
  return today;
}
