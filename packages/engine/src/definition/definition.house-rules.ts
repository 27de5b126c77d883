import type { LocalizedText, Role } from '../core/engine.types';
import type { Ref, TransitionConfig, WorkflowDefinition } from './definition.schema';
import { templateTitle } from './definition.template-rules';

/**
 * Rules of the house: what a definition must respect beyond its syntax before it may be
 * published (issue 14). Each refusal is a sentence in Dutch and English that names the state
 * or event by its label, so a policy officer can act on it without reading JSON paths.
 */
export interface HouseProblem {
  path: string;
  code: HouseRuleCode;
  message: string;
  text: LocalizedText;
}

export type HouseRuleCode =
  | 'house_decision_role'
  | 'house_four_eyes'
  | 'house_decision_clock'
  | 'house_decision_letter'
  | 'house_objection_clause'
  | 'no_path_to_final';

/** Roles that may never send a decision or move money: the resident and the desk acting for one. */
export const ROLES_WITHOUT_DECISIONS: readonly Role[] = ['applicant', 'clerk'];
/** Letter kinds that are decisions (beschikkingen) and so must state the objection period. */
export const DECISION_LETTER_KINDS = ['grant', 'rejection', 'settlement', 'not_considered'];
const MONEY_ACTIONS = new Set([
  'setGrant',
  'settle',
  'recordPayment',
  'reserveBudget',
  'commitBudget',
]);
const OBJECTION_PLACEHOLDER = /\{\{\s*objectionDeadline\s*\}\}/;
/** A text's language in words, in the reader's language: "Nederlands", "Dutch". */
const LANGUAGE_NAMES = {
  nl: { nl: 'Nederlands', en: 'Engels' },
  en: { nl: 'Dutch', en: 'English' },
} as const;

type Def = WorkflowDefinition;
interface Edge {
  state: string;
  /** Event type, or undefined for `after`/`always` transitions (sent by the system). */
  event?: string;
  t: TransitionConfig;
  path: string;
}

function asArray(
  value: string | TransitionConfig | TransitionConfig[] | undefined,
  path: string,
): { t: TransitionConfig; path: string }[] {
  if (value === undefined) return [];
  if (typeof value === 'string') return [{ t: { target: value }, path }];
  if (Array.isArray(value)) return value.map((t, i) => ({ t, path: `${path}.${i}` }));
  return [{ t: value, path }];
}

function edgesOf(def: Def): Edge[] {
  const out: Edge[] = [];
  for (const [state, s] of Object.entries(def.states)) {
    for (const [event, v] of Object.entries(s.on ?? {}))
      for (const e of asArray(v, `states.${state}.on.${event}`)) out.push({ state, event, ...e });
    for (const [delay, v] of Object.entries(s.after ?? {}))
      for (const e of asArray(v, `states.${state}.after.${delay}`)) out.push({ state, ...e });
    for (const e of asArray(s.always, `states.${state}.always`)) out.push({ state, ...e });
  }
  return out;
}

function guardsOf(t: TransitionConfig): Ref[] {
  if (!t.guard) return [];
  return Array.isArray(t.guard) ? t.guard : [t.guard];
}

/** The state's label in both languages (its name when it has none). */
export function stateLabel(def: Def, state: string): LocalizedText {
  return bothLanguages(def.states[state]?.meta?.label, state);
}

/**
 * A label in both languages: a language left empty (a new item, not yet translated) borrows the
 * other's words before the code is used.
 */
export function bothLanguages(label: LocalizedText | undefined, code: string): LocalizedText {
  const nl = label?.nl.trim() ?? '';
  const en = label?.en.trim() ?? '';
  return { nl: nl || en || code, en: en || nl || code };
}

/** The event's label in both languages (its type when it has none). */
export function eventLabel(def: Def, event: string): LocalizedText {
  return bothLanguages(def.events[event]?.label, event);
}

/**
 * How the history of an application names a step that happened: the event's `historyLabel`
 * ("Aanvulling gestuurd"), else its `label` ("Aanvullen"), as older versions read. A language
 * left empty takes that language's label first, then the other language's words.
 */
export function eventHistoryLabel(def: Def, event: string): LocalizedText {
  const history = def.events[event]?.historyLabel;
  const label = eventLabel(def, event);
  const nl = history?.nl.trim() ?? '';
  const en = history?.en.trim() ?? '';
  if (!nl && !en) return label;
  return { nl: nl || label.nl, en: en || label.en };
}

function tagsOf(def: Def, state: string | undefined): string[] {
  return (state && def.states[state]?.tags) || [];
}

function decisionLetters(t: TransitionConfig): Ref[] {
  return (t.actions ?? []).filter(
    (a) =>
      a.type === 'issueDocument' && DECISION_LETTER_KINDS.includes(String(a.params?.kind ?? '')),
  );
}

/** A transition that decides on the application or on money: the things only staff may do. */
function decides(def: Def, e: Edge): boolean {
  if ((e.t.actions ?? []).some((a) => MONEY_ACTIONS.has(a.type))) return true;
  if (decisionLetters(e.t).length > 0) return true;
  const into = e.t.target;
  return (
    into !== undefined &&
    tagsOf(def, into).includes('granted') &&
    !tagsOf(def, e.state).includes('granted')
  );
}

/**
 * A transition that must send a decision letter: it grants or settles, enters a granted state,
 * or (sent by staff) ends an application that waited for a decision.
 */
function needsLetter(def: Def, e: Edge): boolean {
  const actions = e.t.actions ?? [];
  if (actions.some((a) => a.type === 'setGrant' || a.type === 'settle')) return true;
  const into = e.t.target;
  if (into === undefined) return false;
  if (tagsOf(def, into).includes('granted') && !tagsOf(def, e.state).includes('granted'))
    return true;
  const roles = e.event ? (def.events[e.event]?.roles ?? []) : [];
  return (
    e.event !== undefined &&
    def.states[into]?.type === 'final' &&
    tagsOf(def, e.state).includes('pending_decision') &&
    !roles.some((r) => ROLES_WITHOUT_DECISIONS.includes(r))
  );
}

/** A transition that takes the decision on the application itself (grant or refusal). */
function decidesOnApplication(def: Def, e: Edge): boolean {
  if (!tagsOf(def, e.state).includes('pending_decision') || e.event === undefined) return false;
  if ((e.t.actions ?? []).some((a) => a.type === 'setGrant')) return true;
  return decisionLetters(e.t).some((a) => ['grant', 'rejection'].includes(String(a.params?.kind)));
}

/** Events whose transitions record an assessment: the first pair of eyes. */
function assessingEvents(edges: Edge[]): Set<string> {
  const out = new Set<string>();
  for (const e of edges) {
    if (e.event === undefined) continue;
    const assesses = (e.t.actions ?? []).some(
      (a) => a.type === 'assignPayload' && a.params?.into === 'assessment',
    );
    if (assesses) out.add(e.event);
  }
  return out;
}

function quoteNl(l: LocalizedText) {
  return `‘${l.nl}’`;
}
function quoteEn(l: LocalizedText) {
  return `‘${l.en}’`;
}

/** The house rules' refusals for a definition whose shape is already valid. */
export function checkHouseRules(def: Def): HouseProblem[] {
  const problems: HouseProblem[] = [];
  const add = (path: string, code: HouseRuleCode, nl: string, en: string) =>
    problems.push({ path, code, message: en, text: { nl, en } });
  const edges = edgesOf(def).filter((e) => def.states[e.state] !== undefined);

  // 1. No resident or desk clerk may send a decision or money event.
  const refusedEvents = new Set<string>();
  for (const e of edges) {
    if (e.event === undefined || refusedEvents.has(e.event) || !decides(def, e)) continue;
    const roles = def.events[e.event]?.roles ?? [];
    const wrong = roles.filter((r) => ROLES_WITHOUT_DECISIONS.includes(r));
    if (wrong.length === 0) continue;
    refusedEvents.add(e.event);
    const ev = eventLabel(def, e.event);
    const st = stateLabel(def, e.state);
    add(
      `events.${e.event}.roles`,
      'house_decision_role',
      `De stap ${quoteNl(ev)} in de status ${quoteNl(st)} neemt een besluit of verplaatst geld, en mag daarom niet door ${wrong.map((r) => (r === 'applicant' ? 'de aanvrager' : 'een medewerker dienstverlening')).join(' of ')} worden gezet.`,
      `The step ${quoteEn(ev)} in the state ${quoteEn(st)} takes a decision or moves money, so it may not be sent by ${wrong.map((r) => (r === 'applicant' ? 'the applicant' : 'a desk clerk')).join(' or ')}.`,
    );
  }

  // 2. Four eyes: whoever assessed may not decide.
  const assessing = assessingEvents(edges);
  for (const e of edges) {
    if (!decidesOnApplication(def, e)) continue;
    const named = guardsOf(e.t)
      .filter((g) => g.type === 'actorIsNot')
      .map((g) => String(g.params?.event ?? ''));
    const paired =
      assessing.size > 0
        ? named.some((n) => assessing.has(n))
        : named.some((n) => n !== e.event && def.events[n] !== undefined);
    if (paired) continue;
    const ev = eventLabel(def, e.event!);
    const st = stateLabel(def, e.state);
    const first = [...assessing][0];
    const by = first ? eventLabel(def, first) : undefined;
    add(
      `${e.path}.guard`,
      'house_four_eyes',
      by
        ? `De stap ${quoteNl(ev)} in de status ${quoteNl(st)} neemt het besluit, maar sluit niet uit dat dezelfde persoon ook ${quoteNl(by)} deed (vier-ogenprincipe).`
        : `De stap ${quoteNl(ev)} in de status ${quoteNl(st)} neemt het besluit zonder dat een tweede persoon het eerst beoordeelde (vier-ogenprincipe).`,
      by
        ? `The step ${quoteEn(ev)} in the state ${quoteEn(st)} takes the decision but does not rule out that the same person also did ${quoteEn(by)} (four-eyes principle).`
        : `The step ${quoteEn(ev)} in the state ${quoteEn(st)} takes the decision without a second person having assessed it first (four-eyes principle).`,
    );
  }

  // 3. A state waiting for a decision has the decision clock: a timer on the decision term.
  for (const [name, state] of Object.entries(def.states)) {
    if (!(state.tags ?? []).includes('pending_decision')) continue;
    const clocked = Object.keys(state.after ?? {}).some(
      (d) => def.delays[d]?.type === 'decisionDue',
    );
    if (clocked) continue;
    const st = stateLabel(def, name);
    add(
      `states.${name}.after`,
      'house_decision_clock',
      `In de status ${quoteNl(st)} wacht de aanvraag op een besluit, maar er loopt geen beslistermijn: geef de status een termijn van het soort ‘beslistermijn’.`,
      `In the state ${quoteEn(st)} the application waits for a decision, but no decision term runs: give the state a time limit of the kind ‘decision due’.`,
    );
  }

  // 4. Every decision goes out as a letter that says how to object (Awb 6:7, 3:45).
  const checkedLetters = new Set<string>();
  for (const e of edges) {
    const letters = decisionLetters(e.t);
    if (letters.length === 0 && !needsLetter(def, e)) continue;
    const what = e.event
      ? {
          nl: `De stap ${quoteNl(eventLabel(def, e.event))}`,
          en: `The step ${quoteEn(eventLabel(def, e.event))}`,
        }
      : { nl: 'Een termijn', en: 'A time limit' };
    const st = stateLabel(def, e.state);
    if (letters.length === 0) {
      add(
        `${e.path}.actions`,
        'house_decision_letter',
        `${what.nl} in de status ${quoteNl(st)} neemt een besluit zonder een besluitbrief (beschikking) te sturen.`,
        `${what.en} in the state ${quoteEn(st)} takes a decision without sending a decision letter.`,
      );
      continue;
    }
    for (const letter of letters) {
      const key = String(letter.params?.template ?? '');
      if (checkedLetters.has(key)) continue;
      checkedLetters.add(key);
      const template = def.templates.letters[key];
      if (!template) continue; // reported as missing_template already
      const missing = (['nl', 'en'] as const).filter(
        (l) => !OBJECTION_PLACEHOLDER.test(template[l].body),
      );
      if (missing.length === 0) continue;
      // The letter by its subject and the texts by their languages' names, never by codes.
      const langs = {
        nl: missing.map((l) => LANGUAGE_NAMES.nl[l]).join(' en '),
        en: missing.map((l) => LANGUAGE_NAMES.en[l]).join(' and '),
      };
      add(
        `templates.letters.${key}.${missing[0]}.body`,
        'house_objection_clause',
        `De besluitbrief ${templateTitle(template, 'nl')} van ${what.nl.replace(/^De stap/, 'de stap').replace(/^Een termijn/, 'een termijn')} in de status ${quoteNl(st)} noemt de bezwaartermijn niet: zet {{objectionDeadline}} in de tekst (${langs.nl}).`,
        `The decision letter ${templateTitle(template, 'en')} of ${what.en.replace(/^The step/, 'the step').replace(/^A time limit/, 'a time limit')} in the state ${quoteEn(st)} does not state the objection period: put {{objectionDeadline}} in its text (${langs.en}).`,
      );
    }
  }
  return problems;
}

/** The sentence for a non-final state with no way to a final one. */
export function noPathToFinalText(def: Def, state: string): LocalizedText {
  const st = stateLabel(def, state);
  return {
    nl: `Vanuit de status ${quoteNl(st)} kan een aanvraag nooit afgerond worden: er is geen weg naar een eindstatus.`,
    en: `From the state ${quoteEn(st)} an application can never be finished: there is no way to a final state.`,
  };
}
