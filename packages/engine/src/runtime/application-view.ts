import type { ApplicationContext, Facts, PersistedSnapshot } from '../core/engine.types';
import { EngineError } from '../core/engine-error';
import type { PageReader } from '../definition/definition.rules';
import type { WorkflowDefinition } from '../definition/definition.schema';
import { requestedCents, validateFormData } from '../form/form.validate';
import { isIsoDate, toAmsterdamDate } from '../legal-clock/calendar';
import {
  type Deadline,
  decisionDueDate,
  objectionDeadline,
  reportDueDate,
  supplementDueDate,
  suspendedDays,
} from '../legal-clock/terms';
import { decisionSentOn } from './decision-sent';
import { submissionDeadline } from './receipt-window';
import { notEditableText } from './refusal-text';
import { type ApplicationWarning, decisionAfterActivity } from './warnings';

/** The snapshot's state, which must exist in the definition (unknown_state otherwise). */
export function stateOf(def: WorkflowDefinition, snapshot: PersistedSnapshot): string {
  const value = snapshot?.value;
  if (typeof value !== 'string' || !Object.hasOwn(def.states, value)) {
    throw new EngineError(
      'unknown_state',
      `state ${JSON.stringify(value)} does not exist in ${def.key} v${def.version}`,
    );
  }
  return value;
}

export interface ApplicationView {
  state: string;
  data: Record<string, unknown>;
  editable: boolean;
  final: boolean;
  tags: string[];
  amounts: {
    requestedCents: number;
    grantedCents: number | null;
    advanceCents: number;
    settledCents: number | null;
    reclaimCents: number;
    /** What the assessment proposed to grant: granted when the decision names no amount. */
    proposedCents: number | null;
  };
  clock: {
    receivedOn: string | null;
    decisionDueOn: string | null;
    suspended: boolean;
    /**
     * The day of the open request for more information, while the term stands still for it
     * (Awb 4:15: from the day after); null when the term runs.
     */
    suspendedSince: string | null;
    suspendedDays: number;
    extended: boolean;
    /** The activity date of the form, when filled in. */
    activityOn: string | null;
    /** A decision is still due, and its last day falls after the activity. */
    decisionAfterActivity: boolean;
  };
  /** What the resident and the staff should know, each with what it means. */
  warnings: ApplicationWarning[];
  deadlines: { key: string; date: string; explanation: { nl: string; en: string } }[];
  actors: Record<string, string>;
  assessment: Record<string, unknown>;
  decision: Record<string, unknown>;
  request: Record<string, unknown>;
  supplement: Record<string, unknown>;
  report: Record<string, unknown>;
  documents: ApplicationContext['documents'];
  payments: ApplicationContext['payments'];
}

/** Everything a UI or a letter needs to know about an application, computed from its snapshot. */
export function applicationView(
  def: WorkflowDefinition,
  snapshot: PersistedSnapshot,
  now?: Date,
  facts?: Facts,
): ApplicationView {
  const state = stateOf(def, snapshot);
  const ctx = snapshot.context;
  const spec = def.states[state]!;
  const today = now ? toAmsterdamDate(now) : undefined;
  const open = ctx.clock.suspensions.find((s) => s.endedOn === null);
  const deadlines: ApplicationView['deadlines'] = [];
  const push = (key: string, d: Deadline | null) => {
    if (d) deadlines.push({ key, date: d.date, explanation: d.explanation });
  };
  const sentOn = decisionSentOn(ctx.decision);
  const decided = sentOn !== undefined;
  const final = spec.type === 'final';
  const decisionDue = decisionDueDate(ctx.clock, today);
  // Not received yet: the regulation's last day for applications is the one date that counts.
  if (!final && snapshot.status === 'active' && ctx.clock.receivedOn === null) {
    push('submission', submissionDeadline(facts?.regulation.closesOn));
  }
  if (!decided && !final) push('decision', decisionDue);
  if (open) push('supplement', supplementDueDate(open.requestedOn, open.periodDays, open.sentOn));
  if (sentOn !== undefined) push('objection', objectionDeadline(sentOn));
  const activity = ctx.data[def.form.activityDateField ?? 'activityDate'];
  const activityOn = isIsoDate(activity) ? activity : null;
  const pendingDue = !decided && !final ? (decisionDue?.date ?? null) : null;
  const lateDecision = pendingDue !== null && activityOn !== null && pendingDue > activityOn;
  // Due from the grant until the report is in; a report received waits for the settlement.
  const reportIn = Object.keys(ctx.report).length > 0;
  if (ctx.grantedCents !== null && ctx.settledCents === null && !reportIn && isIsoDate(activity)) {
    push('report', reportDueDate(activity, facts?.regulation.reportDueWeeks ?? 12));
  }
  return {
    state,
    data: ctx.data,
    editable: spec.meta?.editable === true,
    final,
    tags: spec.tags ?? [],
    amounts: {
      requestedCents: requestedCents(def, ctx.data),
      grantedCents: ctx.grantedCents,
      advanceCents: ctx.advanceCents,
      settledCents: ctx.settledCents,
      reclaimCents: ctx.reclaimCents,
      proposedCents:
        typeof ctx.assessment.amountCents === 'number' ? ctx.assessment.amountCents : null,
    },
    clock: {
      receivedOn: ctx.clock.receivedOn,
      decisionDueOn: decisionDue?.date ?? null,
      suspended: open !== undefined,
      suspendedSince: open?.requestedOn ?? null,
      suspendedDays: suspendedDays(ctx.clock, today),
      extended: ctx.clock.extension !== null,
      activityOn,
      decisionAfterActivity: lateDecision,
    },
    warnings: lateDecision ? [decisionAfterActivity(pendingDue!, activityOn!)] : [],
    deadlines,
    actors: ctx.actors,
    assessment: ctx.assessment,
    decision: ctx.decision,
    request: ctx.request,
    supplement: ctx.supplement,
    report: ctx.report,
    documents: ctx.documents,
    payments: ctx.payments ?? [],
  };
}

/**
 * Changes the form data of an application in an editable state (draft, info_requested): the
 * patch's keys replace those of the data, `null` removes one; only types and limits are checked.
 * A refusal names the fields as `reader` reads them (Facts.reader).
 */
export function updateApplicationData(
  def: WorkflowDefinition,
  snapshot: PersistedSnapshot,
  patch: Record<string, unknown>,
  reader: PageReader = 'applicant',
): { snapshot: PersistedSnapshot; data: Record<string, unknown> } {
  const state = stateOf(def, snapshot);
  if (def.states[state]!.meta?.editable !== true || snapshot.status !== 'active') {
    const text = notEditableText(def, state);
    throw new EngineError('not_editable', text.en, { text });
  }
  const data = { ...snapshot.context.data };
  for (const [key, value] of Object.entries(patch)) {
    if (value === null) delete data[key];
    else data[key] = value;
  }
  const check = validateFormData(def, data, { partial: true, reader });
  if (!check.ok)
    throw new EngineError('invalid_payload', 'invalid form data', { issues: check.issues });
  return { snapshot: { ...snapshot, context: { ...snapshot.context, data } }, data };
}
