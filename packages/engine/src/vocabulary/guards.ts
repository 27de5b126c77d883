import type { z } from 'zod';
import type { ApplicationContext, Issue, LocalizedText } from '../core/engine.types';
import type { WorkflowDefinition } from '../definition/definition.schema';
import { payloadLabel } from '../definition/payload-schema';
import { dateInWords, labelOfPath, money, spanInWords } from '../form/form.texts';
import { requestedCents, validateFormData } from '../form/form.validate';
import { addDays, diffDays, formatMoney, isIsoDate } from '../legal-clock/calendar';
import { decisionDueOn } from '../legal-clock/terms';
import { type AmountSource, type GuardName, guardParams } from '../vocabulary/vocabulary.params';
import { type AmountFigures, type AmountLimit, amountAbove } from './amount-limits';
import { SUPPORTERS_LIST, supportersOnForm } from './supporters';
import { readSupporters } from './supporters-rule';
import {
  AMOUNT_FIELD,
  amountOfField,
  grantAmount,
  type MachineEvent,
  payloadAmount,
  payloadOf,
} from './vocabulary.context';

export type GuardResult = { ok: true } | { ok: false; issues: Issue[] };
type Params<N extends GuardName> = z.infer<(typeof guardParams)[N]>;
type GuardImpl<N extends GuardName> = (
  def: WorkflowDefinition,
  ctx: ApplicationContext,
  event: MachineEvent,
  params: Params<N>,
) => GuardResult;

const OK: GuardResult = { ok: true };
const fail = (path: string, message: string, text: LocalizedText): GuardResult => ({
  ok: false,
  issues: [{ path, message, text }],
});
const both = (nl: string, en: string): LocalizedText => ({ nl, en });
/** Who reads a refusal (Facts.reader): the form's fields are named in that reader's words. */
const readerOf = (event: MachineEvent) => event.facts?.reader ?? 'applicant';
const AMOUNT: LocalizedText = { nl: 'Het bedrag', en: 'The amount' };

function amountOf(
  source: AmountSource,
  def: WorkflowDefinition,
  ctx: ApplicationContext,
  event: MachineEvent,
  field?: string,
): { cents: number; path: string; label: () => LocalizedText } {
  if (source === 'payload' && field !== undefined) {
    // Another amount of the step than its own (an advance decided with a grant), by its label.
    const spec = def.events[event.type]?.payload;
    return {
      cents: amountOfField(event.payload, field) ?? 0,
      path: field,
      label: () => (spec ? payloadLabel(spec, field) : both(field, field)),
    };
  }
  switch (source) {
    case 'requested': {
      const path = `data.${def.form.requestedAmount?.list ?? ''}`;
      return {
        cents: requestedCents(def, ctx.data),
        path,
        label: () => {
          const list = labelOfPath(def.form, path, readerOf(event));
          return both(`Het totaal van ${list.nl}`, `The total of ${list.en}`);
        },
      };
    }
    case 'payload':
      return { cents: payloadAmount(event) ?? 0, path: AMOUNT_FIELD, label: () => AMOUNT };
    case 'grant':
      return { cents: grantAmount(def, ctx, event), path: AMOUNT_FIELD, label: () => AMOUNT };
    case 'advanceTotal':
      return {
        cents: ctx.advanceCents + (payloadAmount(event) ?? 0),
        path: AMOUNT_FIELD,
        label: () => both('Het totaal van de voorschotten', 'The total of the advances'),
      };
  }
}

/**
 * Every figure a limit of `amountAtMost` stands for, as the guard reads it off the application
 * and its facts: a fact not given leaves no room (no maximum, nothing granted), no direct
 * settlement, and no second person to settle.
 */
function figuresOf(
  def: WorkflowDefinition,
  ctx: ApplicationContext,
  event: MachineEvent,
): AmountFigures {
  const regulation = event.facts?.regulation;
  return {
    requestedCents: requestedCents(def, ctx.data),
    grantedCents: ctx.grantedCents ?? 0,
    grantCents: grantAmount(def, ctx, event),
    advanceCents: ctx.advanceCents,
    regulationMaxCents: regulation?.maxAmountCents ?? 0,
    directSettlementThresholdCents: regulation?.directSettlementThresholdCents ?? -1,
    settlementFourEyesAboveCents:
      regulation?.settlementFourEyesAboveCents ?? Number.MAX_SAFE_INTEGER,
  };
}

/** How a refusal names each limit: in the log (`label`) and to people (`text`). */
const LIMIT_WORDS: Record<AmountLimit, { label: string; text: LocalizedText }> = {
  regulationMax: {
    label: 'the maximum of the regulation',
    text: both('het maximum van de regeling', 'the maximum of the grant scheme'),
  },
  granted: {
    label: 'the granted amount',
    text: both('het verleende bedrag', 'the granted amount'),
  },
  grant: {
    label: 'the amount to grant',
    text: both('het te verlenen bedrag', 'the amount to grant'),
  },
  requested: {
    label: 'the requested amount',
    text: both('het aangevraagde bedrag', 'the requested amount'),
  },
  remainingGrant: {
    label: 'the granted amount not yet paid',
    text: both(
      'het deel van de verlening dat nog niet is betaald',
      'the granted amount not yet paid',
    ),
  },
  directSettlementThreshold: {
    label: 'the threshold for direct settlement',
    text: both('de grens voor directe vaststelling', 'the threshold for direct settlement'),
  },
  settlementFourEyes: {
    label: 'the amount one person may settle alone',
    text: both(
      'het bedrag dat één persoon alleen mag vaststellen',
      'the amount one person may settle alone',
    ),
  },
  fixed: { label: 'the limit', text: both('de grens', 'the limit') },
};

export const guardImplementations: { [N in GuardName]: GuardImpl<N> } = {
  formComplete: (def, ctx, event) => {
    const result = validateFormData(def, ctx.data, { reader: readerOf(event) });
    return result.ok ? OK : { ok: false, issues: result.issues };
  },
  supportersAtLeast: (def, ctx, event, params) => {
    const minAge = params.minAge ?? 12;
    // With a district table, only residents whose postcode lies in the district count. Confirmed
    // supporters come without the applicant (the shell leaves her out); the form's own list may
    // name her, and then that line does not count.
    const confirmed = event.facts?.confirmedSupporters;
    const facts = { data: ctx.data, regulationDistrict: event.facts?.regulation.district };
    const {
      district,
      verdicts,
      counted: count,
    } = confirmed
      ? readSupporters(def, params, confirmed, facts)
      : readSupporters(def, params, supportersOnForm(ctx.data), {
          ...facts,
          applicantName: event.facts?.applicantName,
          applicantPostcode: event.facts?.applicantPostcode ?? null,
        });
    if (count >= params.count) return OK;
    const label = labelOfPath(def.form, `data.${SUPPORTERS_LIST}`, readerOf(event));
    const own = verdicts.includes('applicant');
    const elsewhere = verdicts.some((v) => v === 'otherDistrict' || v === 'noPostcode');
    const of = district
      ? both(` uit ${district.label.nl}`, ` of ${district.label.en}`)
      : both('', '');
    return fail(
      `data.${SUPPORTERS_LIST}`,
      `needs at least ${params.count} supporters aged ${minAge} or older other than the applicant${district ? ` living in ${district.name}` : ''} (has ${count})`,
      both(
        `${label.nl}: er zijn er minstens ${params.count} nodig van bewoners${of.nl} van ${minAge} jaar of ouder; nu zijn het er ${count}.${own ? ' De aanvrager zelf telt niet mee.' : ''}${district && elsewhere ? ` Wie volgens de postcode niet in ${district.label.nl} woont, telt niet mee.` : ''}`,
        `${label.en}: at least ${params.count} are needed from residents${of.en} aged ${minAge} or older; there are ${count} now.${own ? ' The applicant does not count.' : ''}${district && elsewhere ? ` Someone who does not live in ${district.label.en} by their postcode does not count.` : ''}`,
      ),
    );
  },
  amountAtMost: (def, ctx, event, params) => {
    const amount = amountOf(params.amount, def, ctx, event, params.field);
    const figures = figuresOf(def, ctx, event);
    const above = amountAbove(amount.cents, params.limit, figures, params.cents ?? 0);
    if (!above) return OK;
    const limit = LIMIT_WORDS[params.limit];
    const [a, l, label] = [money(amount.cents), money(above.limitCents), amount.label()];
    return fail(
      amount.path,
      `${formatMoney(amount.cents, 'en')} is more than ${limit.label} (${formatMoney(above.limitCents, 'en')})`,
      both(
        `${label.nl} (${a.nl}) is hoger dan ${limit.text.nl} (${l.nl}).`,
        `${label.en} (${a.en}) is more than ${limit.text.en} (${l.en}).`,
      ),
    );
  },
  amountAtLeast: (def, ctx, event, params) => {
    const amount = amountOf(params.amount, def, ctx, event);
    if (amount.cents >= params.cents) return OK;
    const [m, label] = [money(params.cents), amount.label()];
    return fail(
      amount.path,
      `must be at least ${formatMoney(params.cents, 'en')}`,
      both(`${label.nl} moet minstens ${m.nl} zijn.`, `${label.en} must be at least ${m.en}.`),
    );
  },
  budgetAvailable: (def, ctx, event, params) => {
    const amount = amountOf(params.amount ?? 'grant', def, ctx, event);
    const remaining = event.facts?.budgetRemainingCents ?? 0;
    if (amount.cents <= remaining) return OK;
    const [a, r, label] = [money(amount.cents), money(remaining), amount.label()];
    return fail(
      amount.path,
      `${formatMoney(amount.cents, 'en')} exceeds the remaining budget (${formatMoney(remaining, 'en')})`,
      both(
        `${label.nl} (${a.nl}) is hoger dan wat er van het budget van de regeling nog over is (${r.nl}).`,
        `${label.en} (${a.en}) is more than what is left of the regulation's budget (${r.en}).`,
      ),
    );
  },
  // "Applied at least n days before the activity": counted from the day of receipt once the
  // decision clock runs, so a supplement cannot move the activity closer than the rules allow,
  // and a late but honest supplement is not refused for time that passed while waiting.
  daysBeforeActivityAtLeast: (def, ctx, event, params) => {
    const field = def.form.activityDateField ?? 'activityDate';
    const date = ctx.data[field];
    if (!isIsoDate(date)) {
      const label = labelOfPath(def.form, `data.${field}`, readerOf(event));
      return fail(`data.${field}`, 'is required', {
        nl: `${label.nl} ontbreekt.`,
        en: `${label.en} is missing.`,
      });
    }
    const from = ctx.clock.receivedOn ?? event.receivedOn ?? event.today;
    const days = diffDays(from, date);
    if (days >= params.days) return OK;
    const label = labelOfPath(def.form, `data.${field}`, readerOf(event));
    const earliest = dateInWords(addDays(from, params.days));
    // "6 weken", as the regulation's conditions and the form's hint say it.
    const span = spanInWords(params.days);
    return fail(
      `data.${field}`,
      `must be at least ${params.days} days after ${ctx.clock.receivedOn ? 'the day of receipt' : 'today'} (is ${days})`,
      ctx.clock.receivedOn
        ? both(
            `${label.nl} moet minstens ${span.nl} na de ontvangst van de aanvraag liggen, dus op of na ${earliest.nl}.`,
            `${label.en} must be at least ${span.en} after the application was received, so on or after ${earliest.en}.`,
          )
        : both(
            `${label.nl} moet minstens ${span.nl} na vandaag liggen, dus op of na ${earliest.nl}.`,
            `${label.en} must be at least ${span.en} after today, so on or after ${earliest.en}.`,
          ),
    );
  },
  // A report on what happened can be sent from the day of the activity on (Awb 4:37).
  activityDateReached: (def, ctx, event) => {
    const field = def.form.activityDateField ?? 'activityDate';
    const date = ctx.data[field];
    if (!isIsoDate(date) || event.today >= date) return OK;
    const day = dateInWords(date);
    return fail(
      `data.${field}`,
      `the report can be sent from the activity date (${date}) on`,
      both(
        // Without "u": a clerk or a helper sending it for the applicant reads it too.
        `De verantwoording kan pas worden gestuurd vanaf de dag van de activiteit (${day.nl}).`,
        `The final report can be sent from the day of the activity (${day.en}) on.`,
      ),
    );
  },
  actorIsNot: (def, ctx, event, params) => {
    if (ctx.actors[params.event] !== event.actorId) return OK;
    const other = def.events[params.event]?.label ?? both(params.event, params.event);
    return fail(
      'actor',
      `the actor of ${params.event} may not also send ${event.type} (four-eyes)`,
      both(
        `U deed al de stap "${other.nl}"; een tweede persoon moet deze stap doen (vier-ogenprincipe).`,
        `You already did the step "${other.en}"; a second person must do this step (four-eyes principle).`,
      ),
    );
  },
  extensionAvailable: (_def, ctx, event) => {
    if (ctx.clock.receivedOn === null || ctx.clock.extension !== null) {
      return fail(
        'clock',
        'the decision term can be extended only once, after receipt',
        both(
          'De beslistermijn kan maar één keer worden verdaagd, en pas na ontvangst van de aanvraag.',
          'The decision period can be extended only once, and only after the application was received.',
        ),
      );
    }
    // The notice of extension must reach the applicant before the term has passed (Awb 4:14
    // lid 3); once it has, the term cannot be made longer any more.
    const due = decisionDueOn(ctx.clock, event.today);
    if (due === null || event.today <= due) return OK;
    const day = dateInWords(due);
    return fail(
      'clock',
      `the decision term ended on ${due}; it can be extended only before it ends`,
      both(
        `De beslistermijn is verstreken op ${day.nl}. Verdagen kan alleen binnen de termijn (Awb 4:14).`,
        `The decision period ended on ${day.en}. It can be extended only before it ends (Awb 4:14).`,
      ),
    );
  },
  /**
   * Who decides another amount than the one proposed (the assessor's, else the requested total)
   * says why in the step's own field: a grant below the request is a refusal in part, and a
   * decision states its reasons (Awb 3:46). Agreeing with the proposal needs no new reason: the
   * assessment's is the letter's.
   */
  reasonForChangedAmount: (def, ctx, event, params) => {
    const amount = payloadAmount(event);
    if (amount === undefined) return OK;
    const assessed = ctx.assessment.amountCents;
    const proposed = typeof assessed === 'number' ? assessed : requestedCents(def, ctx.data);
    const reason = payloadOf(event)[params.field];
    if (amount === proposed || (typeof reason === 'string' && reason.trim() !== '')) return OK;
    const spec = def.events[event.type]?.payload;
    const label = spec ? payloadLabel(spec, params.field) : both(params.field, params.field);
    return fail(
      params.field,
      `required when the amount (${amount}) differs from the proposed ${proposed}`,
      both(
        `Het bedrag (${formatMoney(amount, 'nl')}) wijkt af van het voorgestelde bedrag (${formatMoney(proposed, 'nl')}). Vul bij ${label.nl} in waarom.`,
        `The amount (${formatMoney(amount, 'en')}) differs from the proposed amount (${formatMoney(proposed, 'en')}). Give the reason under ${label.en}.`,
      ),
    );
  },
  payloadEquals: (def, _ctx, event, params) => {
    if (payloadOf(event)[params.field] === params.value) return OK;
    const spec = def.events[event.type]?.payload;
    const label = spec ? payloadLabel(spec, params.field) : both(params.field, params.field);
    return fail(
      params.field,
      `must be ${String(params.value)}`,
      both(`${label.nl} past niet bij deze stap.`, `${label.en} does not fit this step.`),
    );
  },
};

/** Guards whose outcome depends on the payload, so a UI cannot rule them out beforehand. */
export function dependsOnPayload(
  name: string,
  params: Record<string, unknown> | undefined,
): boolean {
  if (name === 'payloadEquals' || name === 'reasonForChangedAmount') return true;
  if (name === 'amountAtMost' || name === 'amountAtLeast' || name === 'budgetAvailable') {
    const source = (params?.amount as string | undefined) ?? 'grant';
    // The amount this step grants is the payload's when it names one.
    return source !== 'requested' || params?.limit === 'grant';
  }
  return false;
}

export function runGuard(
  name: string,
  params: Record<string, unknown> | undefined,
  def: WorkflowDefinition,
  ctx: ApplicationContext,
  event: MachineEvent,
): GuardResult {
  const impl = guardImplementations[name as GuardName] as GuardImpl<GuardName> | undefined;
  if (!impl) {
    return fail(
      'guard',
      `unknown guard ${name}`,
      both(`Onbekende controle ${name}.`, `Unknown check ${name}.`),
    );
  }
  return impl(def, ctx, event, (params ?? {}) as never);
}

export { guardParams };
