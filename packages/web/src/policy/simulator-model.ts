import {
  EngineError,
  type Facts,
  type FormField,
  type Issue,
  type PersistedSnapshot,
  referencePrefix,
  renderTemplate,
  sampleReference,
  TEMPLATE_VARIABLE_NAMES,
  type TemplateConditions,
  templateVariables,
  toAmsterdamDate,
  valueConditions,
  type WorkflowDefinition,
} from '@initiatief/engine';
import { bare, type Locale, pagesOf } from '../forms/form-pages';

// The trial application's data without React: the JSON view's text, the engine's issues at the
// fields, the form's fields grouped by its pages, and the texts of a step's letters and mails.

type Data = Record<string, unknown>;

/** The JSON view's text as the application's data: an object, or why it is not one. */
export function readData(text: string): { ok: true; data: Data } | { ok: false; message: string } {
  try {
    const value: unknown = JSON.parse(text);
    if (typeof value === 'object' && value !== null && !Array.isArray(value))
      return { ok: true, data: value as Data };
    return { ok: false, message: '{ … }' };
  } catch (err) {
    return { ok: false, message: (err as Error).message };
  }
}

/**
 * The engine's issues about the application's data, by bare path (`budgetLines.0.amountCents`)
 * as the form's fields are: its own sentence in the officer's language, the first per field.
 * Issues of a step's payload belong to that step's form, not here.
 */
export function dataIssues(issues: readonly Issue[], locale: Locale): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of issues) {
    if (!issue.path.startsWith('data.')) continue;
    const path = bare(issue.path);
    out[path] ??= issue.text?.[locale] ?? issue.message;
  }
  return out;
}

export interface FieldGroup {
  key: string;
  /** The page's title; '' for fields on no page. */
  title: string;
  fields: FormField[];
}

/**
 * The form's fields under the titles of its pages, in the pages' order; a field on no page (a
 * definition half-way an edit) is still asked for, in a last group without a title.
 */
export function fieldGroups(def: WorkflowDefinition, locale: Locale): FieldGroup[] {
  const fields = def.form.fields as FormField[];
  const pages = pagesOf(def);
  const placed = new Set(pages.flatMap((page) => page.fields));
  return [
    ...pages.map((page) => ({
      key: page.key,
      title: page.title[locale],
      fields: page.fields.flatMap((key) => fields.find((f) => f.key === key) ?? []),
    })),
    { key: '', title: '', fields: fields.filter((f) => !placed.has(f.key)) },
  ].filter((group) => group.fields.length > 0);
}

/** A refused step's issues: those of a field of the step's own form by its key, and the rest. */
export interface StepIssues {
  fields: Record<string, string>;
  other: string[];
}

/**
 * The engine's issues of a refused step, sorted for its form: an issue whose path starts with
 * one of `keys` (the step's own fields) belongs at that field, the first per field; every other
 * issue (the application's data, a condition) is said in words near the form.
 */
export function stepIssues(
  issues: readonly Issue[],
  keys: readonly string[],
  locale: Locale,
): StepIssues {
  const fields: Record<string, string> = {};
  const other: string[] = [];
  for (const issue of issues) {
    const text = issue.text?.[locale] ?? issue.message;
    const key = bare(issue.path).split('.')[0] ?? '';
    if (!issue.path.startsWith('data.') && keys.includes(key)) fields[key] ??= text;
    else if (!other.includes(text)) other.push(text);
  }
  return { fields, other };
}

/**
 * The engine's own words for a refused step, in the officer's language: its issues' sentences,
 * else the refusal in words (`text`: the step and the state by their labels, a role in words);
 * null when it gave none (a guard, said by its name by the caller).
 */
export function refusalWords(err: unknown, locale: Locale): string | null {
  if (!(err instanceof EngineError)) return null;
  const issues = (err.issues ?? []).map((i) => i.text?.[locale] ?? i.message);
  if (issues.length) return issues.join(' ');
  return err.text?.[locale]?.trim() || null;
}

/** A mail's or letter's subject and text, filled in. */
export interface SimText {
  subject: string;
  body: string;
}

/** What a step's letter or mail is filled in from, besides its text. */
export interface DrawnFrom {
  /** The definition as it was when the step was taken: the text comes from it. */
  definition: WorkflowDefinition;
  snapshot: PersistedSnapshot;
  facts: Facts;
  /** When the trial application began: its reference keeps that year. */
  started: Date;
  /** When the step was taken. */
  at: Date;
}

export const SIM_NAME = 'Fatima el Amrani';

/**
 * A step's letter or mail as the applicant would have got it: drawn from the definition as it
 * was when the step was taken, so a later edit of the text changes only later steps; in
 * `locale`, with the parts of `conditions` (whether she can log in), both chosen when shown.
 * `changed` says the definition's text in that language differs now. The template's own text
 * where a value cannot be filled in. The reference says it is an example (sampleReference) and
 * carries the year the trial application began, as a real one keeps the year it was made in: moving the clock past New Year does not
 * change it.
 */
export function drawnText(
  group: 'mails' | 'letters',
  key: string,
  from: DrawnFrom,
  current: WorkflowDefinition,
  how: { locale: Locale; conditions: TemplateConditions; applicationUrl: string },
): SimText & { changed: boolean } {
  const { definition } = from;
  const { locale } = how;
  const template = definition.templates[group][key]?.[locale];
  const now = current.templates[group][key]?.[locale];
  const changed = template?.subject !== now?.subject || template?.body !== now?.body;
  if (!template) return { subject: key, body: '', changed };
  try {
    const vars = templateVariables(definition, from.snapshot, {
      locale,
      now: from.at,
      // Says it is an example ("VOORBEELD-BI-2026-000001"): a trial letter printed or forwarded
      // cannot be taken for a real application's.
      reference: sampleReference(
        referencePrefix(definition),
        toAmsterdamDate(from.started).slice(0, 4),
        locale,
      ),
      applicantName: SIM_NAME,
      applicationUrl: how.applicationUrl,
      facts: from.facts,
    });
    // A {{#reclaim}} or {{#advance}} part follows the trial application's own values.
    const conditions = { ...how.conditions, ...valueConditions(vars) };
    // The municipality's account is the server's letterhead data: named in words here.
    vars.municipalityIban ||= `«${TEMPLATE_VARIABLE_NAMES.municipalityIban[locale]}»`;
    // So is the regulation's name, unless the trial application's facts give one.
    vars.regulationTitle ||= `«${TEMPLATE_VARIABLE_NAMES.regulationTitle[locale]}»`;
    return {
      subject: renderTemplate(template.subject, vars, conditions),
      body: renderTemplate(template.body, vars, conditions),
      changed,
    };
  } catch {
    return { subject: template.subject, body: template.body, changed };
  }
}
