import type { LocalizedText } from '../core/engine.types';
import type { FormField, WorkflowDefinition } from '../definition/definition.schema';

/** A field of the old version's form that the new version does not have. */
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

function dropSentence(
  label: LocalizedText,
  within: LocalizedText | null,
  version: number,
): LocalizedText {
  const nl = within ? `‘${label.nl}’ in ‘${within.nl}’` : `‘${label.nl}’`;
  const en = within ? `‘${label.en}’ in ‘${within.en}’` : `‘${label.en}’`;
  return {
    nl: `Versie ${version} heeft geen veld ${nl}: wat daar was ingevuld, vervalt in de aanvraag en blijft in de geschiedenis staan.`,
    en: `Version ${version} has no field ${en}: what was filled in there leaves the application and stays in its history.`,
  };
}

/**
 * The application's form data as the new version's form knows it. A field the new form does not
 * have would make every later check of the form refuse it ("not a field of this form"), and the
 * resident could not correct it, so it is taken out; each one is named by its old label, with
 * what it held, so the history keeps it. Fields of each row of a list are treated alike.
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
    if (field.type !== 'list' || !Array.isArray(value)) {
      next[key] = value;
      continue;
    }
    const known = new Set(field.fields.map((f) => f.key));
    const oldList = oldFields.find((f) => f.key === key);
    const oldItemFields = oldList?.type === 'list' ? oldList.fields : undefined;
    const gone = new Map<string, unknown[]>();
    next[key] = value.map((item) => {
      if (!isRecord(item)) return item;
      const kept: Data = {};
      for (const [k, v] of Object.entries(item)) {
        if (known.has(k)) kept[k] = v;
        else gone.set(k, [...(gone.get(k) ?? []), v]);
      }
      return kept;
    });
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
