/**
 * A step's rule across its fields, in words: "Minstens één van deze velden invullen"
 * (`x-atLeastOneOf` on the event's payload). The officer ticks the fields by their labels;
 * unticking all removes the rule; a removed field leaves it (`dropFromRule`). A field's key never
 * changes once made, so a renamed label shows here by itself. The definition check's problems
 * with the rule are named here, and its links land here.
 */
import { AT_LEAST_ONE_OF, atLeastOneOfIssues } from '@initiatief/engine';
import { Paragraph } from '@utrecht/component-library-react';
import { arr, type Obj, obj, pathId, str, textIn } from './editor-kit';
import { useEditorText } from './editor-messages';
import { problemSentence, useProblemsAt } from './editor-problems';
import { RuleCheck, RuleFieldset } from './editor-rule-parts';
import type { DefinitionJson } from './policy-api';

/** The keys the rule names, as written (only text; a key named twice counts twice). */
function ruleKeys(payload: Obj): string[] {
  return arr(payload[AT_LEAST_ONE_OF]).filter((k): k is string => typeof k === 'string');
}

/**
 * Writes the rule with `keys`, each once, in the order of the step's fields (the form shows them
 * so, and the engine names the first one); keys of no field stay at the end so the check can
 * name them. No key left: the rule goes.
 */
function setRule(payload: Obj, keys: string[]) {
  const fields = Object.keys(obj(payload.properties));
  const wanted = new Set(keys);
  const next = [
    ...fields.filter((k) => wanted.has(k)),
    ...[...wanted].filter((k) => !fields.includes(k)),
  ];
  if (next.length === 0) delete payload[AT_LEAST_ONE_OF];
  else payload[AT_LEAST_ONE_OF] = next;
}

/**
 * A field of the step is removed: the rule no longer names it (and goes when it named nothing
 * else). One key left stays, so the check asks the officer to tick another field or none.
 */
export function dropFromRule(payload: Obj, key: string) {
  const keys = ruleKeys(payload);
  const rest = keys.filter((k) => k !== key);
  if (rest.length < keys.length) setRule(payload, rest);
}

/** The "at least one of" choice of one step's payload. */
export function PayloadRule({
  def,
  type,
  eventTitle,
  change,
}: {
  def: DefinitionJson;
  type: string;
  eventTitle: string;
  change(fn: (payload: Obj) => void): void;
}) {
  const { e, locale } = useEditorText();
  const path = `events.${type}.payload.${AT_LEAST_ONE_OF}`;
  const id = pathId(path);
  const problems = useProblemsAt(path);
  const payload = obj(obj(obj(def.events)[type]).payload);
  const props = obj(payload.properties);
  const fields = Object.keys(props);
  const declared = Object.hasOwn(payload, AT_LEAST_ONE_OF);
  const keys = ruleKeys(payload);
  if (!declared) {
    if (fields.length === 0) return null;
    if (fields.length === 1) return <Paragraph>{e('rule.tooFew')}</Paragraph>;
  }
  const labelOf = (key: string) => {
    const s = obj(props[key]);
    return textIn(s['x-label'], locale, str(s.title) || key);
  };
  const toggle = (key: string, on: boolean) =>
    change((pl) => {
      const now = ruleKeys(pl).filter((k) => k !== key);
      setRule(pl, on ? [...now, key] : now);
    });
  // Keys of no field of this step (written in the JSON, or left by a removed field): shown ticked
  // with their code, so unticking them is the fix; the check's `…x-atLeastOneOf.<i>` lands here.
  const gone = keys.flatMap((k, i) => (Object.hasOwn(props, k) ? [] : [{ key: k, i }]));
  const says =
    problems.length === 0 && keys.length >= 2
      ? atLeastOneOfIssues(payload, {})[0]?.text[locale]
      : undefined;
  const error = problems.map((pr) => problemSentence(pr, def, locale)).join(' ');
  const check = (cid: string, key: string, label: string) => (
    <RuleCheck
      key={cid}
      id={cid}
      label={label}
      checked={keys.includes(key)}
      onChange={(ticked) => toggle(key, ticked)}
    />
  );
  return (
    <RuleFieldset
      id={id}
      legend={e('rule.title')}
      help={e('rule.help', { event: eventTitle })}
      error={error}
    >
      <div className="policy-checks">
        {fields.map((key) => check(pathId(`${path}.field.${key}`), key, labelOf(key)))}
        {gone.map(({ key, i }) =>
          check(pathId(`${path}.${i}`), key, e('rule.gone', { field: key })),
        )}
      </div>
      {says && <Paragraph>{e('rule.says', { sentence: says })}</Paragraph>}
    </RuleFieldset>
  );
}
