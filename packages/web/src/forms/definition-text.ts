import {
  eventHistoryLabel,
  isCodeNumber,
  isStaffOnly,
  type WorkflowDefinition,
} from '@initiatief/engine';
import type { HistoryEntry, JsonSchema } from '../api/client';
import { formatList } from '../i18n/lists';
import { messages } from '../i18n/messages';
import { formatCount, pluralOf } from '../i18n/numbers';

/**
 * What a screen says about states and events, read from the definition the application is
 * pinned to: labels, tags, outcomes, payload labels. Never a state or event name in code.
 */
export type Localized = { nl: string; en: string };
export type Locale = 'nl' | 'en';

export interface StateView {
  label: Localized;
  tags: string[];
  final: boolean;
}

export function stateOf(def: WorkflowDefinition | undefined, name: string): StateView {
  const s = def?.states[name];
  const label = s?.meta?.label as Localized | undefined;
  return {
    label: { nl: label?.nl || name, en: label?.en || name },
    tags: s?.tags ?? [],
    final: s?.type === 'final',
  };
}

export function hasTag(def: WorkflowDefinition | undefined, state: string, tag: string): boolean {
  return stateOf(def, state).tags.includes(tag);
}

export function eventLabel(def: WorkflowDefinition | undefined, type: string): Localized {
  const l = def?.events[type]?.label;
  return { nl: l?.nl || type, en: l?.en || type };
}

/**
 * How a history names a step once taken: what happened (`historyLabel`, "Aanvulling gestuurd"),
 * else the event's label as on its button ("Aanvullen"), as versions before it read.
 */
export function historyLabelOf(def: WorkflowDefinition | undefined, type: string): Localized {
  return def ? eventHistoryLabel(def, type) : { nl: type, en: type };
}

type Outcome = (def: WorkflowDefinition | undefined, type: string, state: string) => Localized;

/**
 * The sentence after an action: the event's own `outcome` (C4), else one built from the event's
 * and the new state's labels, so a newly added event still reads as words.
 */
export const outcomeOf: Outcome = (def, type, state) => {
  const outcome = (def?.events[type] as { outcome?: Localized } | undefined)?.outcome;
  if (outcome) return outcome;
  const e = eventLabel(def, type);
  const s = stateOf(def, state).label;
  return {
    nl: `Gelukt: ${e.nl}. De aanvraag staat nu op: ${s.nl}.`,
    en: `Done: ${e.en}. The application is now: ${s.en}.`,
  };
};

type Transition = { target?: string } | string;

/** The states an event can lead to from `state`. */
export function targetsOf(def: WorkflowDefinition, state: string, type: string): string[] {
  const t = def.states[state]?.on?.[type] as Transition | Transition[] | undefined;
  if (t === undefined) return [];
  return (Array.isArray(t) ? t : [t]).map((x) => (typeof x === 'string' ? x : (x.target ?? state)));
}

type GuardRef = { type: string };
type GuardedTransition = { target?: string; guard?: GuardRef | GuardRef[] } | string;

/** The engine's guard that holds a step until the day of the activity (its vocabulary). */
const FROM_ACTIVITY_DAY = 'activityDateReached';

/**
 * The steps of `state` that someone with `roles` may take only from the day of the activity on
 * (a report on what happened, Awb 4:37): every way the step can go is held by that guard and by
 * no other, so while the API does not offer such a step, it is the day that has not come yet.
 * Read from the guards of the definition, never from a step's name.
 */
export function stepsFromActivityDay(
  def: WorkflowDefinition | undefined,
  state: string,
  roles: readonly string[],
): string[] {
  const on = (def?.states[state]?.on ?? {}) as Record<
    string,
    GuardedTransition | GuardedTransition[]
  >;
  return Object.entries(on).flatMap(([type, t]) => {
    if (!def?.events[type]?.roles.some((r) => roles.includes(r))) return [];
    const ways = Array.isArray(t) ? t : [t];
    const waits = (way: GuardedTransition) => {
      const guard = typeof way === 'string' ? undefined : way.guard;
      const refs = guard === undefined ? [] : Array.isArray(guard) ? guard : [guard];
      return refs.length > 0 && refs.every((g) => g.type === FROM_ACTIVITY_DAY);
    };
    return ways.length > 0 && ways.every(waits) ? [type] : [];
  });
}

/** The event ends the application for good (every target is closed): ask before sending. */
export function closesApplication(
  def: WorkflowDefinition | undefined,
  state: string,
  type: string,
): boolean {
  if (!def) return false;
  const targets = targetsOf(def, state, type);
  return targets.length > 0 && targets.every((s) => hasTag(def, s, 'closed'));
}

export function payloadSchemaOf(def: WorkflowDefinition | undefined, type: string): JsonSchema {
  return (def?.events[type]?.payload ?? {}) as JsonSchema;
}

/** A payload property's label: its `x-label`, else its `title`, else its name. */
export function payloadLabel(schema: JsonSchema, name: string, locale: Locale): string {
  const prop = schema.properties?.[name];
  const l = prop?.['x-label'] as Localized | undefined;
  return l?.[locale] || prop?.title || name;
}

export function isMoneyProp(prop: JsonSchema | undefined): boolean {
  return prop?.['x-unit'] === 'cents';
}

/** An uploaded file as a step's payload names it: by its id. */
export interface NamedFile {
  id: string;
  filename: string;
}

/**
 * The files an attachments field of a payload holds (`x-widget: attachments`, a list of ids), by
 * their names where the application's files are known, in the payload's order: "foto.png en
 * offerte.pdf". Files not among them are counted ("2 bestanden", "en 1 ander bestand").
 */
function filesText(ids: string[], files: readonly NamedFile[] | undefined, locale: Locale) {
  const text = messages[locale];
  const byId = new Map((files ?? []).map((f) => [f.id, f.filename]));
  const names = ids.flatMap((id) => byId.get(id) ?? []);
  const unknown = ids.length - names.length;
  if (unknown === 0) return formatList(names, locale);
  const key = names.length === 0 ? 'entered.files' : 'entered.moreFiles';
  const count = text[`${key}.${pluralOf(unknown)}`].replace('{n}', formatCount(unknown, locale));
  return formatList([...names, count], locale);
}

/**
 * A list a step recorded, in words: each value a choice by its words (`x-enumLabels` of the list
 * or of its items), a number with the separator of the language, text as written; null when it
 * holds nothing to read (empty, or values of other kinds).
 */
function listText(prop: JsonSchema, values: unknown[], locale: Locale): string | null {
  const items = prop.items ?? {};
  const words = (items['x-enumLabels'] ?? prop['x-enumLabels']) as
    | Record<string, Localized>
    | undefined;
  const texts = values.flatMap((v) => {
    if (typeof v !== 'string' && typeof v !== 'number') return [];
    const word = words?.[String(v)]?.[locale];
    if (word) return [word];
    if (typeof v === 'number') return [isCodeNumber(items) ? String(v) : formatCount(v, locale)];
    return v.trim() ? [v.trim()] : [];
  });
  return texts.length > 0 ? formatList(texts, locale) : null;
}

/**
 * A line of what a step recorded. `staffOnly`: the field is for staff only in the definition
 * (`x-audience: 'staff'`), so the applicant does not read it in her history; only set when so.
 */
export interface EnteredLine {
  name: string;
  text: string;
  staffOnly?: true;
}

/**
 * What a step recorded, as lines to read: each field of the event's payload under its label in
 * the definition and in its order, amounts in money, a choice by its words (`x-enumLabels`),
 * free text as written, files that came with it by their names (`files`: the application's
 * uploaded files), other lists in words. Fields the definition does not describe are left out.
 * A field the definition keeps for staff (`x-audience`) says so (`staffOnly`): only staff get
 * its value from the API, and they see the applicant does not.
 */
export function enteredLines(
  def: WorkflowDefinition | undefined,
  type: string,
  payload: unknown,
  locale: Locale,
  formatMoney: (cents: number) => string,
  files?: readonly NamedFile[],
): EnteredLine[] {
  const schema = payloadSchemaOf(def, type);
  const values = (payload ?? {}) as Record<string, unknown>;
  // In the definition's order (the advice before its reasons), not the order it was sent in.
  return Object.entries(schema.properties ?? {}).flatMap(([name, prop]): EnteredLine[] => {
    const lines = fieldLines(name, prop, values, schema, locale, formatMoney, files);
    return isStaffOnly(prop) ? lines.map((l) => ({ ...l, staffOnly: true })) : lines;
  });
}

/** The line of one field of a step's payload, or none (see `enteredLines`). */
function fieldLines(
  name: string,
  prop: JsonSchema,
  values: Record<string, unknown>,
  schema: JsonSchema,
  locale: Locale,
  formatMoney: (cents: number) => string,
  files: readonly NamedFile[] | undefined,
): EnteredLine[] {
  if (!(name in values)) return [];
  const value = values[name];
  const label = payloadLabel(schema, name, locale);
  if (isMoneyProp(prop) && typeof value === 'number') {
    return [{ name, text: `${label}: ${formatMoney(value)}` }];
  }
  if (prop.enum && (typeof value === 'string' || typeof value === 'number')) {
    const words = prop['x-enumLabels'] as Record<string, Localized> | undefined;
    const word = words?.[String(value)]?.[locale];
    return word ? [{ name, text: `${label}: ${word}` }] : [];
  }
  // A code (`x-display: code`: a year, a house number) as written, never "2.026".
  if (typeof value === 'number' && isCodeNumber(prop)) {
    return [{ name, text: `${label}: ${String(value)}` }];
  }
  // A number of something (days to supplement, weeks of extension): the label names the unit.
  if (typeof value === 'number' && (prop.type === 'integer' || prop.type === 'number')) {
    return [{ name, text: `${label}: ${formatCount(value, locale)}` }];
  }
  if (typeof value === 'string' && value.trim()) return [{ name, text: value }];
  if (Array.isArray(value) && value.length > 0) {
    const text =
      prop['x-widget'] === 'attachments'
        ? filesText(
            value.filter((v): v is string => typeof v === 'string'),
            files,
            locale,
          )
        : listText(prop, value, locale);
    return text ? [{ name, text: `${label}: ${text}` }] : [];
  }
  return [];
}

/**
 * What a step recorded, short enough for a row of a list: the lines of `enteredLines` (so the
 * same labels, money and words as the case page), free text cut after `maxLength` characters.
 */
export function enteredSummary(
  def: WorkflowDefinition | undefined,
  type: string,
  payload: unknown,
  locale: Locale,
  formatMoney: (cents: number) => string,
  maxLength = 120,
): EnteredLine[] {
  return enteredLines(def, type, payload, locale, formatMoney).map((line) =>
    line.text.length > maxLength
      ? { ...line, text: `${line.text.slice(0, maxLength - 1).trimEnd()}…` }
      : line,
  );
}

/** Newest first. */
function newestFirst(history: HistoryEntry[]): HistoryEntry[] {
  return [...history].sort((a, b) => b.seq - a.seq);
}

/** The step that brought the application into its current state (who asked, what they wrote). */
export function enteredBy(history: HistoryEntry[], state: string): HistoryEntry | undefined {
  return newestFirst(history).find((h) => h.toState === state && h.fromState !== h.toState);
}

/**
 * Defaults for an event's amount fields: the most recent amount anyone entered in this
 * application (the assessment's amount for the grant, the reported costs for the settlement),
 * never above what was granted, else the requested amount.
 */
export function amountDefaults(
  def: WorkflowDefinition | undefined,
  type: string,
  history: HistoryEntry[],
  amounts: { requestedCents: number; grantedCents: number | null } | undefined,
): Record<string, unknown> {
  const schema = payloadSchemaOf(def, type);
  const moneyFields = Object.entries(schema.properties ?? {}).filter(([, p]) => isMoneyProp(p));
  if (moneyFields.length === 0) return {};
  let latest: number | undefined;
  for (const h of newestFirst(history)) {
    const props = payloadSchemaOf(def, h.event).properties ?? {};
    const payload = (h.payload ?? {}) as Record<string, unknown>;
    const hit = Object.entries(payload).find(
      ([k, v]) => typeof v === 'number' && isMoneyProp(props[k]),
    );
    if (hit) {
      latest = hit[1] as number;
      break;
    }
  }
  let amount = latest ?? amounts?.requestedCents;
  const granted = amounts?.grantedCents;
  if (amount !== undefined && granted != null) amount = Math.min(amount, granted);
  return amount === undefined ? {} : Object.fromEntries(moneyFields.map(([k]) => [k, amount]));
}
