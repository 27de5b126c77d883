/**
 * The texts of letters and notices: the definition's templates (templateOf) and the variables
 * they are filled with (resolveVariables), formatted for the reader's language.
 */
import {
  activityDateOf,
  applicantAccount,
  applicationView,
  DEFAULT_CONDITIONS,
  type Effect,
  paymentDeadline,
  tidyFreeText,
  toAmsterdamDate,
  type WorkflowDefinition,
  withTidyFreeText,
} from '@initiatief/engine';
import { signOffOf, withLetterSignOff } from '../letters/letter.content';
import { MUNICIPALITY_ACCOUNT } from '../letters/letterhead';
import { formatCents, formatDate } from './messaging.format';
import type { Language } from './messaging.table';
import type { EnqueueMessagingInput, MessagingContext } from './messaging.types';

/** The placeholder left in stored texts for the link; finished with PUBLIC_URL when sent. */
export const APPLICATION_URL_TOKEN = '{{applicationUrl}}';

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
 * The sign-off the definition's letters in `language` end with ("Met vriendelijke groet, Het
 * college van burgemeester en wethouders, namens dezen, team …"): the one most of them use, or
 * null when none has one.
 */
export function letterSignOff(definition: WorkflowDefinition, language: Language): string | null {
  const letters = (definition as unknown as { templates?: Record<string, TemplateSet> }).templates
    ?.letters;
  const counts = new Map<string, number>();
  for (const entry of Object.values(letters ?? {})) {
    const signOff = entry[language] ? signOffOf(entry[language].body) : null;
    if (signOff) counts.set(signOff, (counts.get(signOff) ?? 0) + 1);
  }
  let best: string | null = null;
  for (const [signOff, count] of counts) if (!best || count > counts.get(best)!) best = signOff;
  return best;
}

/**
 * A mail's template as the letter a resident who gets her post on paper receives instead (a step
 * that only mails her: messaging.plan.ts, and again when it is dated for the post:
 * print.service.ts): the same words, signed as the workflow's letters are signed.
 */
export function paperNoticeOf(
  definition: WorkflowDefinition,
  key: string,
  language: Language,
): { text: TemplateText; language: Language } {
  const found = templateOf(definition, 'mails', key, language);
  const body = withLetterSignOff(found.text.body, letterSignOff(definition, found.language));
  return { text: { ...found.text, body }, language: found.language };
}

/**
 * A mail as it was sent (its subject and body written out, messaging.plan.ts mailRow) as the
 * paper notice paperNoticeOf makes of its template: the same words, signed as the workflow's
 * letters in that language are signed. For a notice whose mail bounced (bounce.service.ts): the
 * values the mail was filled with are not kept, its words are.
 */
export function paperNoticeOfMail(
  definition: WorkflowDefinition,
  mail: TemplateText,
  language: Language,
): TemplateText {
  return {
    subject: mail.subject,
    body: withLetterSignOff(mail.body, letterSignOff(definition, language)),
  };
}

function text(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (Array.isArray(value)) return value.map(text).filter(Boolean).join('\n');
  if (typeof value === 'object') return '';
  return String(value);
}

/** Every variable in the contract's list, formatted for the reader's language. */
export function resolveVariables(
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
  // What this step pays the resident (an advance, the rest at settlement); a reclaim is money
  // she pays back, never a payment to her. Settled with nothing left to pay: € 0,00, not blank.
  const paidCents = input.effects
    .filter((e): e is Extract<Effect, { type: 'payment' }> => e.type === 'payment')
    .filter((e) => e.kind !== 'reclaim')
    .reduce<number | null>((sum, e) => (sum ?? 0) + e.amountCents, null);
  const settledCents = view?.amounts.settledCents;
  const paymentCents =
    paidCents ??
    (typeof settledCents === 'number'
      ? Math.max(0, settledCents - (view?.amounts.advanceCents ?? 0))
      : null);
  const data = application.data;
  const account = applicantAccount(input.definition, data);
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
    application.snapshot as {
      context?: { clock?: { suspensions?: { periodDays?: number; dueOn?: string }[] } };
    }
  )?.context?.clock?.suspensions;
  // The running request's last day; after it lapsed (a "not considered" letter) the last one's.
  const supplementDue =
    text(payload.dueOn ?? payload.supplementDueOn) ||
    deadline(/supplement/i) ||
    text(suspensions?.at(-1)?.dueOn);

  // The words staff typed with a step (a motivation, a question) reach the letter and the mail
  // tidied: no double spaces, trailing spaces or stray blank lines (the history keeps them as
  // typed). Stored with the letter, so a paper letter dated again when posted reads the same.
  return withTidyFreeText({
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
    // The day it came in: today, or the earlier day the desk gave for one sent by post.
    receivedDate: date(view?.clock.receivedOn),
    decisionDueDate: date(view?.clock.decisionDueOn ?? application.decision_due_on),
    supplementDueDate: date(supplementDue),
    objectionDeadline: formatDate(objectionDate, language),
    // Money to pay back: the last day is six weeks after sending (Awb 4:87), from the same day
    // the objection period counts from; a paper letter gets it again from its posting day.
    reclaimDueDate:
      typeof settledCents === 'number' && (view?.amounts.reclaimCents ?? 0) > 0
        ? formatDate(paymentDeadline(toAmsterdamDate(input.now)).date, language)
        : '',
    reportDueDate: date(deadline(/report/i)),
    motivation: recorded('motivation'),
    message: recorded('message'),
    // None given with the decision (or only blanks): the standard ones, as the simulator shows.
    conditions: tidyFreeText(recorded('conditions')) || DEFAULT_CONDITIONS[language],
    applicationUrl: APPLICATION_URL_TOKEN,
    today: formatDate(toAmsterdamDate(input.now), language),
    periodDays: text(payload.periodDays ?? suspensions?.at(-1)?.periodDays),
    municipalityIban: MUNICIPALITY_ACCOUNT.iban,
    // The scheme the grant is given under (a letter's legal basis), the account she gave and in
    // whose name it is (the question the definition names as the holder: "… ten name van …").
    regulationTitle: text(context.facts?.regulation.title),
    accountIban: account.iban,
    accountHolder: account.holder,
  });
}
