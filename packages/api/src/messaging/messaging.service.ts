import { randomUUID } from 'node:crypto';
import {
  activityDateOf,
  applicationView,
  type Effect,
  type Facts,
  objectionDeadline,
  renderTemplate,
  toAmsterdamDate,
  type WorkflowDefinition,
} from '@initiatief/engine';
import type { Insertable, Kysely, Transaction } from 'kysely';
import { withFormData } from '../applications/applications.repository';
import type { DB } from '../db/schema';
import { Statement } from '../db/statement';
import { buildLetterContent } from '../letters/letter.content';
import type { LetterContent, LetterKind } from '../letters/letter.types';
import { type ChannelName, channelFor } from './channels';
import { formatCents, formatDate } from './messaging.format';
import { messagingCtes } from './messaging.statements';
import type { Language } from './messaging.table';

type Db = Kysely<DB> | Transaction<DB>;
type NoticeEffect = Extract<Effect, { type: 'notice' }>;
type DocumentEffect = Extract<Effect, { type: 'document' }>;

export interface EnqueueMessagingInput {
  applicationId: string;
  /** The application_history row of the step that produced the effects. */
  historyId: string | null;
  definition: WorkflowDefinition;
  effects: readonly Effect[];
  now: Date;
  /**
   * What the texts need, when the caller already holds it (a command has the application after
   * its step, the regulation and the people from its lock query): saves a round trip.
   * Without it, it is read from the database.
   */
  context?: MessagingContext;
}

export interface EnqueuedMessaging {
  documentIds: string[];
  outboxIds: string[];
}

/** The placeholder left in stored texts for the link; finished with PUBLIC_URL when sent. */
export const APPLICATION_URL_TOKEN = '{{applicationUrl}}';
export const MESSAGE_ID_DOMAIN = 'initiatief.local';

interface TemplateText {
  subject: string;
  body: string;
}
type TemplateSet = Record<string, Partial<Record<Language, TemplateText>>>;

export function templateOf(
  definition: WorkflowDefinition,
  group: 'letters' | 'mails',
  key: string,
  language: Language,
): { text: TemplateText; language: Language } {
  const templates = (definition as unknown as { templates?: Record<string, TemplateSet> })
    .templates?.[group];
  const entry = templates?.[key];
  const text = entry?.[language] ?? entry?.nl;
  if (!text) {
    throw new Error(`workflow definition has no ${group} template '${key}'`);
  }
  return { text, language: entry?.[language] ? language : 'nl' };
}

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

/** The rows a step's letters and notices become, ready to insert (see writeMessagingPlan). */
export interface MessagingPlan {
  documentRows: DocumentRow[];
  outboxRows: OutboxRow[];
  result: EnqueuedMessaging;
}

/**
 * A letter's row as it is inserted, its jsonb as a value: the statement serialises the rows
 * once (messagingCtes), instead of each JSON text again inside another.
 */
export type DocumentRow = Omit<Insertable<DB['documents']>, 'content'> & { content: LetterContent };
export type OutboxRow = Omit<Insertable<DB['outbox']>, 'variables'> & {
  variables?: Record<string, string> | null;
};

/**
 * The documents and outbox rows for the step's `notice` and `document` effects, from the texts'
 * context, without touching the database: the caller writes them in its transaction, on their
 * own (writeMessagingPlan) or inside the statement that writes the step's history row.
 */
export function planMessaging(
  input: EnqueueMessagingInput & { context: MessagingContext },
): MessagingPlan {
  const notices = input.effects.filter((e): e is NoticeEffect => e.type === 'notice');
  const documents = input.effects.filter((e): e is DocumentEffect => e.type === 'document');
  const result: EnqueuedMessaging = { documentIds: [], outboxIds: [] };
  const context = input.context;
  const sentOn = toAmsterdamDate(input.now);
  const objection = objectionDeadline(sentOn);
  const applicantLanguage: Language = context.applicant.locale === 'en' ? 'en' : 'nl';
  // Awb 2:14: electronic only to a resident who chose it and has an address; paper otherwise.
  const channel = channelFor(context.applicant);
  const plan = channel.plan();
  const documentRows: DocumentRow[] = [];
  const outboxRows: OutboxRow[] = [];

  for (const effect of documents) {
    const { text, language } = templateOf(
      input.definition,
      'letters',
      effect.template,
      applicantLanguage,
    );
    const variables = resolveVariables(context, input, language, objection.date);
    const subject = renderTemplate(text.subject, variables);
    const body = renderTemplate(text.body, variables);
    const content = buildLetterContent({
      kind: effect.kind as LetterKind,
      language,
      reference: context.application.reference,
      sentOn,
      objectionLastDay: objection.date,
      recipient: context.applicant,
      subject,
      body,
      variables,
    });
    const documentId = randomUUID();
    documentRows.push({
      id: documentId,
      application_id: input.applicationId,
      history_id: input.historyId,
      kind: content.kind,
      template_key: effect.template,
      definition_key: context.application.definition_key,
      definition_version: context.application.definition_version,
      language,
      reference: context.application.reference,
      subject,
      content,
      sent_on: sentOn,
      objection_deadline: content.objection ? objection.date : null,
      channel: channel.name,
      created_at: input.now,
    });
    result.documentIds.push(documentId);
    // A paper letter is rendered when its print batch is posted (src/print/), with that date.
    if (!plan.renderNow) continue;
    const renderId = randomUUID();
    outboxRows.push({
      id: renderId,
      kind: 'render',
      application_id: input.applicationId,
      history_id: input.historyId,
      document_id: documentId,
      next_attempt_at: input.now,
      created_at: input.now,
      updated_at: input.now,
    });
    result.outboxIds.push(renderId);
  }

  for (const effect of notices) {
    // A resident without e-mail, or who chose paper, gets letters by post only.
    if (effect.audience === 'applicant' && (!context.applicant.email || !plan.notices)) continue;
    const recipient =
      effect.audience === 'applicant'
        ? {
            email: context.applicant.email,
            name: context.applicant.name,
            language: applicantLanguage,
          }
        : {
            // The assignee when there is one, else the staff mailbox (resolved when sent).
            email: context.assignee?.email ?? null,
            name: context.assignee?.name ?? null,
            language: (context.assignee?.locale === 'en' ? 'en' : 'nl') as Language,
          };
    const { text, language } = templateOf(
      input.definition,
      'mails',
      effect.template,
      recipient.language,
    );
    const variables = resolveVariables(context, input, language, objection.date);
    const id = randomUUID();
    outboxRows.push({
      id,
      kind: 'mail',
      application_id: input.applicationId,
      history_id: input.historyId,
      // A notice to the applicant carries the letter issued in the same step.
      document_id: effect.audience === 'applicant' ? (result.documentIds[0] ?? null) : null,
      message_id: `<${randomUUID()}@${MESSAGE_ID_DOMAIN}>`,
      recipient_email: recipient.email,
      recipient_name: recipient.name,
      audience: effect.audience,
      language,
      template_key: effect.template,
      subject: renderTemplate(text.subject, variables),
      body: renderTemplate(text.body, variables),
      // The subject and body are the record of what was sent (migration 0037).
      variables: null,
      next_attempt_at: input.now,
      created_at: input.now,
      updated_at: input.now,
    });
    result.outboxIds.push(id);
  }
  return { documentRows, outboxRows, result };
}

/** Writes a MessagingPlan in one statement (nothing when it is empty). */
export async function writeMessagingPlan(trx: Db, plan: MessagingPlan): Promise<void> {
  const statement = new Statement();
  const ctes = messagingCtes(statement, plan);
  if (ctes.length === 0) return;
  await statement.run(trx, `with ${ctes.join(',\n')} select 1`);
}

export interface MessagingContext {
  application: {
    id: string;
    reference: string;
    title: string;
    district: string;
    definition_key: string;
    definition_version: number;
    snapshot: unknown;
    data: Record<string, unknown>;
    requested_cents: number;
    granted_cents: number | null;
    decision_due_on: string | null;
  };
  applicant: {
    email: string | null;
    name: string;
    locale: string;
    /** users.letter_channel: absent or null counts as not chosen (paper). */
    letterChannel?: ChannelName | null;
    street: string | null;
    postcode: string | null;
    city: string | null;
  };
  assignee: { email: string | null; name: string; locale: string } | null;
  payload: Record<string, unknown>;
  facts: Facts | undefined;
}

export type MessagingPeople = Pick<MessagingContext, 'applicant' | 'assignee'>;

/** A MessagingContext from what a command holds after its step (the same as loadContext reads). */
export function messagingContext(args: {
  application: MessagingContext['application'];
  people: MessagingPeople;
  payload: unknown;
  regulation: {
    maxAmountCents: number;
    decisionTermWeeks: number;
    directSettlementThresholdCents: number;
    reportDueWeeks: number;
  };
}): MessagingContext {
  const payload = args.payload;
  return {
    application: args.application,
    applicant: args.people.applicant,
    assignee: args.people.assignee,
    payload:
      payload && typeof payload === 'object' && !Array.isArray(payload)
        ? (payload as Record<string, unknown>)
        : {},
    facts: {
      regulation: {
        maxAmountCents: args.regulation.maxAmountCents,
        decisionTermWeeks: args.regulation.decisionTermWeeks,
        directSettlementThresholdCents: args.regulation.directSettlementThresholdCents,
        reportDueWeeks: args.regulation.reportDueWeeks,
      },
      // Not used for texts; the view only needs the regulation's terms.
      budgetRemainingCents: 0,
    },
  };
}

async function loadContext(trx: Db, input: EnqueueMessagingInput): Promise<MessagingContext> {
  // One round trip: the application, its applicant, assignee, regulation terms and the step's
  // payload (this runs inside every command that sends something).
  const row = await trx
    .selectFrom('applications as a')
    .innerJoin('users as ap', 'ap.id', 'a.applicant_id')
    .leftJoin('users as asg', 'asg.id', 'a.assignee_id')
    .leftJoin('regulations as r', 'r.id', 'a.regulation_id')
    .leftJoin('application_history as h', (join) => join.on('h.id', '=', input.historyId ?? null))
    .select([
      'a.id',
      'a.reference',
      'a.title',
      'a.district',
      'a.definition_key',
      'a.definition_version',
      'a.snapshot',
      'a.data',
      'a.requested_cents',
      'a.granted_cents',
      'a.assignee_id',
      'ap.email as applicant_email',
      'ap.name as applicant_name',
      'ap.locale as applicant_locale',
      'ap.street as applicant_street',
      'ap.postcode as applicant_postcode',
      'ap.city as applicant_city',
      'ap.letter_channel as applicant_letter_channel',
      'asg.id as assignee_user_id',
      'asg.email as assignee_email',
      'asg.name as assignee_name',
      'asg.locale as assignee_locale',
      'r.id as regulation_found',
      'r.max_amount_cents',
      'r.decision_term_weeks',
      'r.direct_settlement_threshold_cents',
      'r.report_due_weeks',
      'h.payload as history_payload',
    ])
    .select((eb) => eb.cast<string | null>('a.decision_due_on', 'text').as('decision_due_on'))
    .where('a.id', '=', input.applicationId)
    .executeTakeFirstOrThrow();
  const application = withFormData({
    id: row.id,
    reference: row.reference,
    title: row.title,
    district: row.district,
    definition_key: row.definition_key,
    definition_version: row.definition_version,
    snapshot: row.snapshot,
    data: row.data,
    requested_cents: row.requested_cents,
    granted_cents: row.granted_cents,
    decision_due_on: row.decision_due_on,
  });
  const applicant = {
    email: row.applicant_email,
    name: row.applicant_name,
    locale: row.applicant_locale,
    street: row.applicant_street,
    postcode: row.applicant_postcode,
    city: row.applicant_city,
    letterChannel: row.applicant_letter_channel,
  };
  const assignee =
    row.assignee_id && row.assignee_user_id
      ? {
          email: row.assignee_email ?? null,
          name: row.assignee_name as string,
          locale: row.assignee_locale as string,
        }
      : null;
  const regulation =
    row.regulation_found !== null
      ? {
          max_amount_cents: row.max_amount_cents as number,
          decision_term_weeks: row.decision_term_weeks as number,
          direct_settlement_threshold_cents: row.direct_settlement_threshold_cents as number,
          report_due_weeks: row.report_due_weeks as number,
        }
      : undefined;
  const history = input.historyId ? { payload: row.history_payload } : undefined;
  const payload = (history?.payload ?? {}) as Record<string, unknown>;
  return {
    application: {
      ...application,
      data: (application.data ?? {}) as Record<string, unknown>,
    },
    applicant: {
      email: applicant.email,
      name: applicant.name,
      locale: applicant.locale,
      street: applicant.street ?? null,
      postcode: applicant.postcode ?? null,
      city: applicant.city ?? null,
      letterChannel: applicant.letterChannel,
    },
    assignee,
    payload: payload && typeof payload === 'object' ? payload : {},
    facts: regulation
      ? {
          regulation: {
            maxAmountCents: regulation.max_amount_cents,
            decisionTermWeeks: regulation.decision_term_weeks,
            directSettlementThresholdCents: regulation.direct_settlement_threshold_cents,
            reportDueWeeks: regulation.report_due_weeks,
          },
          // Not used for texts; the view only needs the regulation's terms.
          budgetRemainingCents: 0,
        }
      : undefined,
  };
}

function text(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (Array.isArray(value)) return value.map(text).filter(Boolean).join('\n');
  if (typeof value === 'object') return '';
  return String(value);
}

/** Every variable in the contract's list, formatted for the reader's language. */
function resolveVariables(
  context: MessagingContext,
  input: EnqueueMessagingInput,
  language: Language,
  objectionDate: string,
): Record<string, string> {
  const { application, payload } = context;
  const date = (value: unknown) => {
    const s = text(value);
    return s ? formatDate(s.slice(0, 10), language) : '';
  };
  const money = (cents: number | null | undefined) =>
    typeof cents === 'number' && Number.isInteger(cents) ? formatCents(cents, language) : '';

  let view: ReturnType<typeof applicationView> | null = null;
  try {
    view = applicationView(
      input.definition,
      application.snapshot as never,
      input.now,
      context.facts,
    );
  } catch {
    view = null;
  }
  const deadline = (pattern: RegExp) => view?.deadlines.find((d) => pattern.test(d.key))?.date;
  const paymentCents = input.effects
    .filter((e): e is Extract<Effect, { type: 'payment' }> => e.type === 'payment')
    .reduce<number | null>((sum, e) => (sum ?? 0) + e.amountCents, null);
  const data = application.data;
  const supplementDue = text(payload.dueOn ?? payload.supplementDueOn) || deadline(/supplement/i);
  // The step's payload first, then what the application recorded of the decision and request.
  const recorded = (field: string) =>
    text(
      payload[field] ??
        view?.decision[field] ??
        view?.assessment[field] ??
        view?.request[field] ??
        view?.supplement[field],
    );
  const suspensions = (
    application.snapshot as { context?: { clock?: { suspensions?: { periodDays?: number }[] } } }
  )?.context?.clock?.suspensions;

  return {
    reference: application.reference,
    applicantName: context.applicant.name,
    title: application.title,
    district: application.district,
    // The field the definition names as the activity's date, not a field name of ours.
    activityDate: date(activityDateOf(input.definition, data)),
    requestedAmount: money(view?.amounts.requestedCents ?? application.requested_cents),
    grantedAmount: money(view?.amounts.grantedCents ?? application.granted_cents),
    advanceAmount: money(view?.amounts.advanceCents),
    settledAmount: money(view?.amounts.settledCents),
    reclaimAmount: money(view?.amounts.reclaimCents),
    paymentAmount: money(paymentCents),
    decisionDueDate: date(view?.clock.decisionDueOn ?? application.decision_due_on),
    supplementDueDate: date(supplementDue),
    objectionDeadline: formatDate(objectionDate, language),
    reportDueDate: date(deadline(/report/i)),
    motivation: recorded('motivation'),
    message: recorded('message'),
    conditions: recorded('conditions'),
    applicationUrl: APPLICATION_URL_TOKEN,
    today: formatDate(toAmsterdamDate(input.now), language),
    periodDays: text(payload.periodDays ?? suspensions?.at(-1)?.periodDays),
  };
}
