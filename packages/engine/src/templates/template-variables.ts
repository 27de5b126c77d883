import type { Facts, PersistedSnapshot } from '../core/engine.types';
import { optionLabel } from '../definition/definition.rules';
import type { WorkflowDefinition } from '../definition/definition.schema';
import { applicantAccount, applicationTitle } from '../form/form-fields';
import { formatDate, formatMoney, isIsoDate, toAmsterdamDate } from '../legal-clock/calendar';
import { paymentDeadline } from '../legal-clock/terms';
import { decisionSentOn } from '../runtime/decision-sent';
import { applicationView } from '../runtime/runtime';
import { tidyFreeText, withTidyFreeText } from './free-text';
import type { TemplateVariable } from './templates';

export interface TemplateContext {
  locale: 'nl' | 'en';
  now: Date;
  /** What the shell knows and the snapshot does not. */
  reference: string;
  applicantName: string;
  applicationUrl: string;
  facts?: Facts;
  /** The municipality's bank account a resident pays back to (the API's letterhead data). */
  municipalityIban?: string;
}

/**
 * The conditions a grant letter states when the decision gave none of its own: a letter that says
 * "the following conditions apply" is never followed by nothing.
 */
export const DEFAULT_CONDITIONS: Readonly<Record<'nl' | 'en', string>> = {
  nl: 'U gebruikt de subsidie alleen voor de activiteit zoals beschreven in uw aanvraag. Lukt de activiteit niet of anders dan gepland, meld dat dan zo snel mogelijk.',
  en: 'You use the grant only for the activity as described in your application. If the activity cannot go ahead or changes, please tell us as soon as possible.',
};

// Something a mail client or PDF reader would turn into a link: a scheme, www., or a host name
// with a known-looking top-level domain, with whatever path follows.
const LINKISH =
  /\b(?:[a-z][a-z0-9+.-]*:\/\/|www\.)[^\s<>"]+|\b(?:[a-z0-9-]{2,}\.)+[a-z]{2,24}(?:\/[^\s<>"]*)?/gi;

/**
 * User text never becomes a link in a mail or letter: `https://evil.example/x` is written as
 * `https[:]//evil[.]example/x`, which no client recognises as an address.
 */
export function defangLinks(value: string): string {
  return value.replace(LINKISH, (m) => m.replace(/:\/\//g, '[:]//').replace(/\./g, '[.]'));
}

const text = (v: unknown) => (typeof v === 'string' ? defangLinks(v) : '');

/** A form answer as its reader reads it: a choice of a choice list by its words (optionLabel). */
function answerText(
  def: WorkflowDefinition,
  data: Record<string, unknown>,
  key: string,
  locale: 'nl' | 'en',
): unknown {
  const value = data[key];
  const field = def.form.fields.find((f) => f.key === key);
  return field?.type === 'select' && typeof value === 'string'
    ? optionLabel(field, value)[locale]
    : value;
}

/**
 * Every template variable for an application, formatted in the recipient's language. Amounts
 * that do not apply yet are empty; `paymentAmount` is what is (still) paid to the applicant:
 * the balance after settlement, else the latest advance.
 */
export function templateVariables(
  def: WorkflowDefinition,
  snapshot: PersistedSnapshot,
  ctx: TemplateContext,
): Record<TemplateVariable, string> {
  const view = applicationView(def, snapshot, ctx.now, ctx.facts);
  const { locale } = ctx;
  const money = (cents: number | null | undefined) =>
    typeof cents === 'number' ? formatMoney(cents, locale) : '';
  const date = (d: string | null | undefined) => (d && isIsoDate(d) ? formatDate(d, locale) : '');
  const deadline = (key: string) => date(view.deadlines.find((d) => d.key === key)?.date);
  const lastAdvance = [...view.payments].reverse().find((p) => p.kind === 'advance');
  const payment =
    view.amounts.settledCents !== null
      ? Math.max(0, view.amounts.settledCents - view.amounts.advanceCents)
      : lastAdvance?.amountCents;
  const periodDays = view.request.periodDays;
  const open = snapshot.context.clock.suspensions.at(-1);
  // A settlement below the advances: she pays the rest back within six weeks of the decision
  // being sent (Awb 4:87); no last day when there is nothing to pay back.
  const reclaims = view.amounts.settledCents !== null && view.amounts.reclaimCents > 0;
  const sentOn = decisionSentOn(snapshot.context.decision) ?? toAmsterdamDate(ctx.now);
  const account = applicantAccount(def, view.data);
  // The words typed with a step as a letter prints them (free-text.ts), as the API's letters do.
  return withTidyFreeText({
    reference: ctx.reference,
    applicantName: defangLinks(ctx.applicantName),
    title: applicationTitle(def, view.data),
    // The regulation's district; a form of version 1 also asked for one, which could differ:
    // then the choice in the recipient's words.
    district: text(
      ctx.facts?.regulation.district ?? answerText(def, view.data, 'district', locale),
    ),
    activityDate: date(text(view.data[def.form.activityDateField ?? 'activityDate'])),
    requestedAmount: money(view.amounts.requestedCents),
    grantedAmount: money(view.amounts.grantedCents),
    advanceAmount: money(view.amounts.advanceCents),
    settledAmount: money(view.amounts.settledCents),
    reclaimAmount: money(view.amounts.reclaimCents),
    paymentAmount: money(payment),
    receivedDate: date(view.clock.receivedOn),
    decisionDueDate: date(view.clock.decisionDueOn),
    supplementDueDate: date(open?.dueOn),
    objectionDeadline: deadline('objection'),
    reclaimDueDate: reclaims ? date(paymentDeadline(sentOn).date) : '',
    reportDueDate: deadline('report'),
    motivation: text(view.decision.motivation) || text(view.assessment.motivation),
    message: text(view.request.message),
    conditions: tidyFreeText(text(view.decision.conditions)) || DEFAULT_CONDITIONS[locale],
    applicationUrl: ctx.applicationUrl,
    today: date(toAmsterdamDate(ctx.now)),
    periodDays:
      typeof periodDays === 'number' ? String(periodDays) : String(open?.periodDays ?? ''),
    municipalityIban: ctx.municipalityIban ?? '',
    // The scheme the grant is given under, and the account she gave for the payment with the
    // name it is in (the question the IBAN question names as its holder).
    regulationTitle: text(ctx.facts?.regulation.title),
    accountIban: account.iban,
    accountHolder: text(account.holder),
  });
}
