/**
 * The definition check of `x-showWhen` on a payload's fields (payload-show-when.ts): the field it
 * depends on is another field of the same payload with fixed values (a choice list or yes/no), the
 * values are some of those, and the dependency is one step deep. A field that applies only on a
 * condition stays out of "at least one of", and so does the field it depends on. Each refusal is a
 * sentence naming the step, both fields and the values by their labels.
 */
import type { LocalizedText } from '../core/engine.types';
import { either, payloadLabel, valueLabel } from './payload-labels';
import { AT_LEAST_ONE_OF, atLeastOneOfKeys } from './payload-schema';
import { SHOW_WHEN } from './payload-show-when';

type Add = (path: string, code: string, message: string, text?: LocalizedText) => void;
type Json = Record<string, unknown>;

const CODE = 'bad_payload_rule';

const isObject = (x: unknown): x is Json =>
  typeof x === 'object' && x !== null && !Array.isArray(x);

/** The values a field can hold: its `enum`, or yes and no; undefined when they are not fixed. */
function valuesOf(prop: Json): unknown[] | undefined {
  if (Array.isArray(prop.enum)) return prop.enum;
  if (prop.type === 'boolean') return [true, false];
  return undefined;
}

/** Checks every `x-showWhen` of one event's payload; `name` is the event's label. */
export function checkShowWhen(type: string, payload: Json, name: LocalizedText, add: Add) {
  const properties = isObject(payload.properties) ? payload.properties : {};
  const inRule = new Set(atLeastOneOfKeys(payload));
  for (const [key, raw] of Object.entries(properties)) {
    if (!isObject(raw) || !(SHOW_WHEN in raw)) continue;
    const path = `events.${type}.payload.properties.${key}.${SHOW_WHEN}`;
    const f = payloadLabel(payload, key);
    const refuse = (at: string, message: string, nl: string, en: string) =>
      add(at, CODE, message, { nl: `${name.nl}: ${nl}`, en: `${name.en}: ${en}` });
    const rule = raw[SHOW_WHEN];
    if (!isObject(rule) || typeof rule.field !== 'string' || !Array.isArray(rule.in)) {
      refuse(
        path,
        `${SHOW_WHEN} must be { field, in: [values] }`,
        `bij ${f.nl} staat niet goed wanneer het getoond wordt. Kies een veld van deze stap en een of meer van zijn keuzes.`,
        `for ${f.en} it is not clear when it is shown. Choose a field of this step and one or more of its choices.`,
      );
      continue;
    }
    if (inRule.has(key)) {
      refuse(
        path,
        `${key} applies only on a condition, so it cannot be in ${AT_LEAST_ONE_OF}`,
        `${f.nl} wordt alleen soms gevraagd en kan daarom niet in de regel "ten minste één van" staan. Haal ${f.nl} uit die regel, of vraag het altijd.`,
        `${f.en} is only asked sometimes, so it cannot be in the rule "at least one of". Take ${f.en} out of that rule, or always ask it.`,
      );
    }
    const field = rule.field;
    const target = properties[field];
    if (field === key) {
      refuse(
        `${path}.field`,
        `${key} cannot depend on itself`,
        `${f.nl} kan niet van zichzelf afhangen. Kies een ander veld van deze stap.`,
        `${f.en} cannot depend on itself. Choose another field of this step.`,
      );
      continue;
    }
    if (!isObject(target)) {
      refuse(
        `${path}.field`,
        `${field} is not a field of the ${type} payload`,
        `${f.nl} hangt af van ${field}, maar dat veld staat niet bij deze stap. Kies een veld van deze stap.`,
        `${f.en} depends on ${field}, but this step has no such field. Choose a field of this step.`,
      );
      continue;
    }
    const t = payloadLabel(payload, field);
    if (SHOW_WHEN in target) {
      refuse(
        `${path}.field`,
        `${field} has ${SHOW_WHEN} itself`,
        `${f.nl} hangt af van ${t.nl}, maar ${t.nl} wordt zelf ook alleen soms gevraagd. Kies een veld dat altijd gevraagd wordt.`,
        `${f.en} depends on ${t.en}, but ${t.en} is itself only asked sometimes. Choose a field that is always asked.`,
      );
    }
    if (inRule.has(field)) {
      refuse(
        `${path}.field`,
        `${field} is in ${AT_LEAST_ONE_OF}`,
        `${f.nl} hangt af van ${t.nl}, maar ${t.nl} staat in de regel "ten minste één van" en mag dus leeg blijven. Kies een ander veld, of haal ${t.nl} uit die regel.`,
        `${f.en} depends on ${t.en}, but ${t.en} is in the rule "at least one of" and may stay empty. Choose another field, or take ${t.en} out of that rule.`,
      );
    }
    const options = valuesOf(target);
    if (!options) {
      refuse(
        `${path}.field`,
        `${field} has no enum and is not boolean`,
        `${f.nl} hangt af van ${t.nl}, maar dat veld heeft geen vaste keuzes. Kies een keuzelijst of een ja/nee-veld.`,
        `${f.en} depends on ${t.en}, but that field has no fixed choices. Choose a choice list or a yes/no field.`,
      );
      continue;
    }
    const values = rule.in;
    if (values.length === 0 || new Set(values).size !== values.length) {
      refuse(
        `${path}.in`,
        `${SHOW_WHEN}.in must list one or more different values`,
        `kies bij ${f.nl} een of meer keuzes van ${t.nl} waarbij het gevraagd wordt, elke keuze één keer.`,
        `choose for ${f.en} one or more choices of ${t.en} for which it is asked, each choice once.`,
      );
    }
    const all = either(options.map((o) => valueLabel(payload, field, o)));
    values.forEach((value, i) => {
      if (options.some((o) => o === value)) return;
      refuse(
        `${path}.in.${i}`,
        `${JSON.stringify(value)} is not a value of ${field}`,
        `${f.nl} wordt gevraagd als ${t.nl} ${String(value)} is, maar ${t.nl} heeft die keuze niet. Kies uit ${all.nl}.`,
        `${f.en} is asked when ${t.en} is ${String(value)}, but ${t.en} has no such choice. Choose from ${all.en}.`,
      );
    });
  }
}
