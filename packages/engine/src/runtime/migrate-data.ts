import type { LocalizedText } from '../core/engine.types';
import { optionLabel } from '../definition/definition.rules';
import type { FormField, WorkflowDefinition } from '../definition/definition.schema';

/**
 * A field of the old version's form that the new version does not have, or an answer the new
 * version's choice list no longer offers.
 */
export interface DroppedField {
  /** Dotted path of the field: `district`, or `supporters.postcode` for a field of each row. */
  path: string;
  label: LocalizedText;
  /** What the application held there: the value, or each row's value of a list's field. */
  value: unknown;
  text: LocalizedText;
}

type Data = Record<string, unknown>;

function isRecord(x: unknown): x is Data {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

/** A field by its label, inside its list's label for a field of each row: ‘Postcode’ in ‘…’. */
function fieldPlace(label: LocalizedText, within: LocalizedText | null): LocalizedText {
  return {
    nl: within ? `‘${label.nl}’ in ‘${within.nl}’` : `‘${label.nl}’`,
    en: within ? `‘${label.en}’ in ‘${within.en}’` : `‘${label.en}’`,
  };
}

function dropSentence(
  label: LocalizedText,
  within: LocalizedText | null,
  version: number,
): LocalizedText {
  const { nl, en } = fieldPlace(label, within);
  return {
    nl: `Versie ${version} heeft geen veld ${nl}: wat daar was ingevuld, vervalt in de aanvraag en blijft in de geschiedenis staan.`,
    en: `Version ${version} has no field ${en}: what was filled in there leaves the application and stays in its history.`,
  };
}

/** The words of each choice in `values` (once each), as the old version showed them. */
function choiceWords(oldField: FormField | undefined, values: readonly string[]): LocalizedText {
  const unique = [...new Set(values)];
  const words = unique.map((v) => (oldField ? optionLabel(oldField, v) : { nl: v, en: v }));
  return {
    nl: words.map((w) => `‘${w.nl}’`).join(', '),
    en: words.map((w) => `‘${w.en}’`).join(', '),
  };
}

function lostChoiceSentence(
  choices: LocalizedText,
  label: LocalizedText,
  within: LocalizedText | null,
  version: number,
): LocalizedText {
  const { nl, en } = fieldPlace(label, within);
  return {
    nl: `Versie ${version} heeft ${choices.nl} niet meer als keuze bij ${nl}: het antwoord vervalt in de aanvraag en blijft in de geschiedenis staan.`,
    en: `Version ${version} no longer has ${choices.en} as a choice for ${en}: the answer leaves the application and stays in its history.`,
  };
}

/** A choice the field of the new version does not offer (the form's check would refuse it). */
function isLostChoice(field: FormField, value: unknown): value is string {
  return (
    field.type === 'select' &&
    typeof value === 'string' &&
    Array.isArray(field.options) &&
    !field.options.includes(value)
  );
}

/**
 * The application's form data as the new version's form knows it. A field the new form does not
 * have would make every later check of the form refuse it ("not a field of this form"), and the
 * resident could not correct it, so it is taken out; each one is named by its old label, with
 * what it held, so the history keeps it. An answer that is no longer one of a choice list's
 * choices goes the same way, named by the choice's old words (the resident chooses again when
 * the form is hers again). Fields of each row of a list are treated alike.
 */
export function dataForNewVersion(
  oldDef: WorkflowDefinition,
  newDef: WorkflowDefinition,
  data: Data,
): { data: Data; dropped: DroppedField[] } {
  const dropped: DroppedField[] = [];
  const version = newDef.version;
  const labelOf = (fields: readonly FormField[] | undefined, key: string): LocalizedText =>
    fields?.find((f) => f.key === key)?.label ?? { nl: key, en: key };
  const next: Data = {};
  const oldFields = oldDef.form.fields;
  for (const [key, value] of Object.entries(data)) {
    const field = newDef.form.fields.find((f) => f.key === key);
    if (!field) {
      const label = labelOf(oldFields, key);
      dropped.push({ path: key, label, value, text: dropSentence(label, null, version) });
      continue;
    }
    if (isLostChoice(field, value)) {
      const choices = choiceWords(
        oldFields.find((f) => f.key === key),
        [value],
      );
      dropped.push({
        path: key,
        label: field.label,
        value,
        text: lostChoiceSentence(choices, field.label, null, version),
      });
      continue;
    }
    if (field.type !== 'list' || !Array.isArray(value)) {
      next[key] = value;
      continue;
    }
    const oldList = oldFields.find((f) => f.key === key);
    const oldItemFields = oldList?.type === 'list' ? oldList.fields : undefined;
    const gone = new Map<string, unknown[]>();
    const lost = new Map<string, string[]>();
    next[key] = value.map((item) => {
      if (!isRecord(item)) return item;
      const kept: Data = {};
      for (const [k, v] of Object.entries(item)) {
        const sub = field.fields.find((f) => f.key === k);
        if (!sub) gone.set(k, [...(gone.get(k) ?? []), v]);
        else if (isLostChoice(sub, v)) lost.set(k, [...(lost.get(k) ?? []), v]);
        else kept[k] = v;
      }
      return kept;
    });
    for (const [k, values] of lost) {
      const sub = field.fields.find((f) => f.key === k)!;
      dropped.push({
        path: `${key}.${k}`,
        label: sub.label,
        value: values,
        text: lostChoiceSentence(
          choiceWords(
            oldItemFields?.find((f) => f.key === k),
            values,
          ),
          sub.label,
          field.label,
          version,
        ),
      });
    }
    for (const [k, values] of gone) {
      const label = labelOf(oldItemFields, k);
      dropped.push({
        path: `${key}.${k}`,
        label,
        value: values,
        text: dropSentence(label, field.label, version),
      });
    }
  }
  return { data: next, dropped };
}
