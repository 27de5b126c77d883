import type { LocalizedText } from '../core/engine.types';
import type { WorkflowDefinition } from '../definition/definition.schema';
import { money, spanInWords } from '../form/form.texts';

/** What the conditions name of the regulation a definition runs under, when they are known. */
export interface ConditionFacts {
  /** The regulation's district: supporters from the district are counted by its name. */
  district?: string;
  /** The regulation's maximum a request, for a rule that holds the request to it. */
  maxAmountCents?: number;
}

type GuardRef = { type: string; params?: Record<string, unknown> };
type Transition = string | { guard?: GuardRef | GuardRef[] };

const both = (nl: string, en: string): LocalizedText => ({ nl, en });
/** An amount that a screen never breaks after its euro sign: "€ 1.500,00" stays on one line. */
const amount = (cents: number): LocalizedText => {
  const m = money(cents);
  return { nl: m.nl.replace('€ ', '€\u00a0'), en: m.en };
};
const countOf = (n: number, one: LocalizedText, many: LocalizedText): LocalizedText =>
  n === 1 ? one : many;

/**
 * The conditions a resident must meet to apply under a workflow, in words for her: read from the
 * rules that guard sending the application in (the steps an applicant can take from the
 * definition's first state) and the statements the form asks her to tick. A policy officer who
 * changes a rule (four supporters to five, six weeks to four) changes these words with it, so the
 * pages that explain a scheme never drift from what the form will hold her to.
 *
 * Rules a resident cannot act on beforehand (the form being complete, a budget left) say nothing
 * here; the form tells her those where they arise.
 */
export function applyConditions(
  def: WorkflowDefinition,
  facts: ConditionFacts = {},
): LocalizedText[] {
  const out: LocalizedText[] = [];
  const seen = new Set<string>();
  const add = (text: LocalizedText | null) => {
    if (text === null || seen.has(text.nl)) return;
    seen.add(text.nl);
    out.push(text);
  };
  for (const guard of applicantGuards(def)) add(guardCondition(guard, facts));
  for (const field of def.form.fields) {
    if (field.type !== 'confirm' || field.required === false || field.showWhen) continue;
    add(both(`U verklaart: “${field.label.nl}”`, `You declare: “${field.label.en}”`));
  }
  return out;
}

/** The guards of every step an applicant can take from the first state, in their order. */
function applicantGuards(def: WorkflowDefinition): GuardRef[] {
  const state = def.states[def.initial];
  const guards: GuardRef[] = [];
  for (const [event, raw] of Object.entries(state?.on ?? {})) {
    if (!def.events[event]?.roles?.includes('applicant')) continue;
    for (const t of (Array.isArray(raw) ? raw : [raw]) as Transition[]) {
      if (typeof t === 'string' || t.guard === undefined) continue;
      guards.push(...(Array.isArray(t.guard) ? t.guard : [t.guard]));
    }
  }
  return guards;
}

function guardCondition(guard: GuardRef, facts: ConditionFacts): LocalizedText | null {
  const p = guard.params ?? {};
  switch (guard.type) {
    case 'supportersAtLeast': {
      const count = Number(p.count);
      if (!(count > 0)) return null;
      const minAge = typeof p.minAge === 'number' ? p.minAge : 12;
      const from = p.sameDistrict
        ? facts.district
          ? both(` uit ${facts.district}`, ` from ${facts.district}`)
          : both(' uit de wijk', ' from the district')
        : both('', '');
      const who = countOf(
        count,
        both('buurtbewoner', 'neighbour'),
        both('buurtbewoners', 'neighbours'),
      );
      const verb = countOf(count, both('steunt', 'supports'), both('steunen', 'support'));
      return both(
        `Minstens ${count} ${who.nl}${from.nl} van ${minAge} jaar of ouder ${verb.nl} uw idee; u zelf telt niet mee.`,
        `At least ${count} ${who.en}${from.en} aged ${minAge} or older ${verb.en} your idea; you do not count yourself.`,
      );
    }
    case 'daysBeforeActivityAtLeast': {
      const days = Number(p.days);
      if (!(days > 0)) return null;
      const span = spanInWords(days);
      return both(
        `U vraagt de subsidie minstens ${span.nl} voor de activiteit aan.`,
        `You apply at least ${span.en} before the activity.`,
      );
    }
    case 'amountAtMost': {
      if (p.amount !== 'requested') return null;
      const cents =
        p.limit === 'regulationMax'
          ? facts.maxAmountCents
          : p.limit === 'fixed' && typeof p.cents === 'number'
            ? p.cents
            : undefined;
      if (cents === undefined) return null;
      const m = amount(cents);
      return both(`U vraagt niet meer dan ${m.nl} aan.`, `You apply for no more than ${m.en}.`);
    }
    case 'amountAtLeast': {
      if (p.amount !== 'requested' || typeof p.cents !== 'number' || p.cents <= 0) return null;
      const m = amount(p.cents);
      return both(`U vraagt minstens ${m.nl} aan.`, `You apply for at least ${m.en}.`);
    }
    default:
      return null;
  }
}
