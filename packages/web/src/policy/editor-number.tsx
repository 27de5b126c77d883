/**
 * A whole number typed in the definition editor (days of a time limit, a count, a limit of a
 * question): what was typed stays in the box, a value that is not a whole number in range gets a
 * field error and never reaches the definition (which keeps its previous valid value), and the
 * check lists the box as a problem until it holds a valid value, so nothing is published with a
 * value other than the one on screen.
 */
import { createContext, useContext, useEffect, useState } from 'react';
import { MoneyInput } from '../components/money-input';
import { TextField } from '../components/ui';
import { useI18n } from '../i18n/i18n';
import type { DefinitionProblem } from './policy-api';

const nl = {
  days: 'Vul een heel aantal dagen in, bijvoorbeeld 14.',
  weeks: 'Vul een heel aantal weken in, bijvoorbeeld 6.',
  number: 'Vul een heel getal in, bijvoorbeeld 4.',
  'range.days': 'Vul een aantal dagen in van {min} tot en met {max}.',
  'range.weeks': 'Vul een aantal weken in van {min} tot en met {max}.',
  'range.number': 'Vul een getal in van {min} tot en met {max}.',
  'min.days': 'Vul een aantal dagen in van minstens {min}.',
  'min.weeks': 'Vul een aantal weken in van minstens {min}.',
  'min.number': 'Vul een getal in van minstens {min}.',
  required: 'Vul dit in. {hint}',
  problem: '{where}{label}: {error}',
};
const en: typeof nl = {
  days: 'Enter a whole number of days, for example 14.',
  weeks: 'Enter a whole number of weeks, for example 6.',
  number: 'Enter a whole number, for example 4.',
  'range.days': 'Enter a number of days from {min} to {max}.',
  'range.weeks': 'Enter a number of weeks from {min} to {max}.',
  'range.number': 'Enter a number from {min} to {max}.',
  'min.days': 'Enter a number of days of at least {min}.',
  'min.weeks': 'Enter a number of weeks of at least {min}.',
  'min.number': 'Enter a number of at least {min}.',
  required: 'Fill this in. {hint}',
  problem: '{where}{label}: {error}',
};
type Key = keyof typeof nl;

export type NumberUnit = 'days' | 'weeks' | 'number';

/** The unit a parameter counts in, by its name: `offsetDays` in days, `defaultWeeks` in weeks. */
export function unitOfParam(name: string): NumberUnit {
  if (/days$/i.test(name)) return 'days';
  if (/weeks$/i.test(name)) return 'weeks';
  return 'number';
}

export interface NumberRule {
  unit: NumberUnit;
  min?: number;
  max?: number;
  /** An empty box removes the setting (it is optional). */
  optional: boolean;
}

/**
 * What a box holds: a whole number in range (`value`), nothing (`value` undefined, when that is
 * allowed), or an error key with its values. "1,5", "1.5", "abc", "14 dagen" are all errors:
 * never rounded, never read as another number.
 */
export function readWholeNumber(
  typed: string,
  rule: NumberRule,
):
  | { ok: true; value: number | undefined }
  | { ok: false; error: Key; vars: Record<string, number> } {
  const t = typed.trim().replace(/^[\u2212\u2013]/, '-');
  if (t === '')
    return rule.optional
      ? { ok: true, value: undefined }
      : { ok: false, error: rule.unit, vars: {} };
  if (!/^[-+]?\d+$/.test(t)) return { ok: false, error: rule.unit, vars: {} };
  const n = Number(t);
  const low = rule.min ?? Number.MIN_SAFE_INTEGER;
  const high = rule.max ?? Number.MAX_SAFE_INTEGER;
  if (!Number.isSafeInteger(n) || n < low || n > high) {
    if (rule.min !== undefined && rule.max !== undefined)
      return { ok: false, error: `range.${rule.unit}`, vars: { min: rule.min, max: rule.max } };
    if (rule.min !== undefined && n < rule.min)
      return { ok: false, error: `min.${rule.unit}`, vars: { min: rule.min } };
    return { ok: false, error: rule.unit, vars: {} };
  }
  return { ok: true, value: n };
}

export function useNumberText() {
  const i18n = useI18n();
  const catalogue = i18n.locale === 'nl' ? nl : en;
  const n = (key: Key, vars: Record<string, string | number> = {}) =>
    catalogue[key].replace(/\{(\w+)\}/g, (m, name: string) =>
      name in vars ? String(vars[name]) : m,
    );
  return { ...i18n, n };
}

/** The boxes of the editor that hold a value the definition does not (yet) have. */
export interface InvalidBoxes {
  report(path: string, sentence: string | null): void;
}
export const InvalidBoxesContext = createContext<InvalidBoxes>({ report: () => {} });

/** The problems for the check: one per box that holds an invalid value, at its path. */
export function invalidBoxProblems(boxes: Record<string, string>): DefinitionProblem[] {
  return Object.entries(boxes).map(([path, sentence]) => ({
    path,
    code: 'invalid_input',
    message: sentence,
    text: { nl: sentence, en: sentence },
  }));
}

/** Keeps a record of invalid boxes, for the editor's state. */
export function useInvalidBoxes(): [Record<string, string>, InvalidBoxes] {
  const [boxes, setBoxes] = useState<Record<string, string>>({});
  const [api] = useState<InvalidBoxes>(() => ({
    report: (path, sentence) =>
      setBoxes((b) => {
        if (sentence === null) {
          if (!(path in b)) return b;
          const { [path]: _, ...rest } = b;
          return rest;
        }
        return b[path] === sentence ? b : { ...b, [path]: sentence };
      }),
  }));
  return [boxes, api];
}

/**
 * A whole-number box. `where` names the thing it belongs to ("Termijnen › Beslistermijn"), for
 * the check's sentence; `onValid` gets the number (or undefined for an emptied optional box) only
 * when it is valid.
 */
export function WholeNumberField({
  id,
  path,
  label,
  where,
  description,
  value,
  rule,
  onValid,
}: {
  id: string;
  path: string;
  label: string;
  where: string;
  description?: string;
  value: unknown;
  rule: NumberRule;
  onValid(n: number | undefined): void;
}) {
  const { n } = useNumberText();
  const { report } = useContext(InvalidBoxesContext);
  const stored =
    typeof value === 'number' ? String(value) : value === undefined ? '' : String(value);
  // What was typed, and the stored value it was typed over: a change of the definition from
  // elsewhere (the JSON, another tab) shows the new value instead.
  const [typing, setTyping] = useState<{ text: string; over: string } | null>(null);
  const shown = typing && typing.over === stored ? typing.text : stored;
  // A box that was empty and is still untouched is not an error here (the check says whether
  // the setting is required); emptied by the officer, it is.
  const read = shown === '' && stored === '' ? { ok: true as const } : readWholeNumber(shown, rule);
  const error = read.ok ? '' : n(read.error, read.vars);
  const sentence = error ? n('problem', { where: where ? `${where} › ` : '', label, error }) : null;
  useEffect(() => {
    report(path, sentence);
  }, [report, path, sentence]);
  useEffect(() => () => report(path, null), [report, path]);
  return (
    <TextField
      id={id}
      label={label}
      description={description}
      inputMode="numeric"
      width="short"
      error={error || undefined}
      value={shown}
      onChange={(text) => {
        const next = readWholeNumber(text, rule);
        if (next.ok) {
          const after = next.value === undefined ? '' : String(next.value);
          setTyping({ text, over: after });
          if (after !== stored) onValid(next.value);
        } else setTyping({ text, over: stored });
      }}
    />
  );
}

/**
 * An amount of a condition (`cents`) or a money question's limit: an amount that cannot be read
 * keeps the previous one in the definition, as MoneyInput says at the box, and blocks the check
 * like an invalid number does. With `optional`, an emptied box takes the amount away
 * (`onValid(undefined)`); without, it asks for one.
 */
export function MoneyParamField({
  id,
  path,
  label,
  where,
  value,
  optional = false,
  onValid,
}: {
  id: string;
  path: string;
  label: string;
  where: string;
  value: number | null;
  optional?: boolean;
  onValid(cents: number | undefined): void;
}) {
  const { locale } = useI18n();
  const { report } = useContext(InvalidBoxesContext);
  useEffect(() => () => report(path, null), [report, path]);
  return (
    <MoneyInput
      id={id}
      label={label}
      value={value}
      onChange={(cents, problem) => {
        if (cents !== null) {
          report(path, null);
          onValid(cents);
        } else if (problem && !problem.ok)
          report(path, `${where ? `${where} › ` : ''}${label}: ${problem.message[locale]}`);
        else if (optional) {
          report(path, null);
          onValid(undefined);
        } else
          report(
            path,
            `${where ? `${where} › ` : ''}${label}: ${locale === 'nl' ? 'vul een bedrag in.' : 'enter an amount.'}`,
          );
      }}
    />
  );
}
