import type { Issue, LocalizedText } from '../core/engine.types';
import { fieldLabel, type PageReader } from '../definition/definition.rules';
import type {
  AttachmentsField,
  FormDefinition,
  FormField,
  ScalarField,
} from '../definition/definition.schema';
import { DIGITS_PATTERN } from '../definition/integer-display';
import { isIsoDate } from '../legal-clock/calendar';
import { formText, itemLabel } from './form.texts';
import { conditionAnswers, hasAnswer, questionApplies } from './form-show-when';
import { isValidIban } from './iban';

export const POSTCODE = /^[1-9]\d{3} ?[A-Za-z]{2}$/;
const ATTACHMENT_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
export const DEFAULT_MAX_LENGTH = { text: 200, textarea: 5000 } as const;

/** A definition's few patterns, each compiled once (the definition is checked before use). */
const patterns = new Map<string, RegExp>();
function patternOf(source: string): RegExp {
  let pattern = patterns.get(source);
  if (!pattern) {
    pattern = new RegExp(source);
    if (patterns.size < 1000) patterns.set(source, pattern);
  }
  return pattern;
}

function isMissing(value: unknown): boolean {
  return (
    value === undefined || value === null || (typeof value === 'string' && value.trim() === '')
  );
}

function checkScalar(
  field: ScalarField,
  value: unknown,
  path: string,
  labelOf: () => LocalizedText,
  issues: Issue[],
): void {
  // Sentences are made only for a problem found: a valid form (the usual case) builds none.
  const add = (message: string, text: (label: LocalizedText) => LocalizedText) =>
    issues.push({ path, message, text: text(labelOf()) });
  switch (field.type) {
    case 'text':
    case 'textarea':
    case 'select': {
      if (typeof value !== 'string') {
        add('must be text', formText.notText);
        return;
      }
      const max =
        field.maxLength ?? (field.type === 'select' ? undefined : DEFAULT_MAX_LENGTH[field.type]);
      const minLength = field.minLength;
      if (minLength !== undefined && value.trim().length < minLength) {
        add(`must be at least ${minLength} characters`, (l) => formText.minLength(l, minLength));
      }
      if (max !== undefined && value.length > max) {
        add(`must be at most ${max} characters`, (l) => formText.maxLength(l, max));
      }
      if (field.pattern !== undefined && !patternOf(field.pattern).test(value)) {
        add(
          'has the wrong format',
          field.pattern === DIGITS_PATTERN ? formText.digits : formText.pattern,
        );
      }
      if (field.options && !field.options.includes(value)) {
        add(`must be one of: ${field.options.join(', ')}`, formText.option);
      }
      return;
    }
    case 'integer':
    case 'money': {
      const isMoney = field.type === 'money';
      if (typeof value !== 'number' || !Number.isSafeInteger(value)) {
        if (isMoney) add('must be a whole number of cents', formText.notMoney);
        else add('must be a whole number', formText.notWhole);
        return;
      }
      const min = field.min ?? (isMoney ? 0 : undefined);
      if (min !== undefined && value < min) {
        add(`must be at least ${min}`, (l) =>
          isMoney ? formText.moneyAtLeast(l, min) : formText.atLeast(l, min),
        );
      }
      const max = field.max;
      if (max !== undefined && value > max) {
        add(`must be at most ${max}`, (l) =>
          isMoney ? formText.moneyAtMost(l, max) : formText.atMost(l, max),
        );
      }
      return;
    }
    case 'date':
      if (!isIsoDate(value)) add('must be a date (YYYY-MM-DD)', formText.date);
      return;
    case 'iban':
      if (typeof value !== 'string' || !isValidIban(value)) {
        add('must be a valid IBAN', formText.iban);
      }
      return;
    case 'postcode':
      if (typeof value !== 'string' || !POSTCODE.test(value.trim())) {
        add('must be a Dutch postcode (1234 AB)', formText.postcode);
      }
      return;
    case 'confirm':
      if (value !== true) add('must be true (ticked) or false', formText.notConfirm);
      return;
    case 'yesno':
      // Ja is `true`, Nee `false`: a word ("ja") is not an answer the form can hold.
      if (typeof value !== 'boolean') add('must be true (yes) or false (no)', formText.notYesNo);
      return;
  }
}

/**
 * An attachments field holds the ids of uploaded files. The engine checks their form and number;
 * that each id is a file of this very application is the shell's check (it has the database).
 */
function checkAttachments(
  field: AttachmentsField,
  value: unknown,
  path: string,
  labelOf: () => LocalizedText,
  partial: boolean,
  issues: Issue[],
): void {
  if (!Array.isArray(value)) {
    issues.push({
      path,
      message: 'must be a list of attachment ids',
      text: formText.notFiles(labelOf()),
    });
    return;
  }
  const seen = new Set<string>();
  value.forEach((id, i) => {
    if (typeof id !== 'string' || !ATTACHMENT_ID.test(id) || seen.has(id)) {
      issues.push({
        path: `${path}.${i}`,
        message: 'must be the id of an uploaded file, once',
        text: formText.badFile(labelOf()),
      });
    }
    if (typeof id === 'string') seen.add(id);
  });
  const min = Math.max(field.minItems ?? 0, field.required === false ? 0 : 1);
  if (!partial && value.length < min) {
    issues.push({
      path,
      message: `needs at least ${min} files`,
      text: formText.minFiles(labelOf(), min),
    });
  }
  if (field.maxItems !== undefined && value.length > field.maxItems) {
    issues.push({
      path,
      message: `may have at most ${field.maxItems} files`,
      text: formText.maxFiles(labelOf(), field.maxItems),
    });
  }
}

function checkFields(
  fields: readonly FormField[],
  data: Record<string, unknown>,
  prefix: string,
  partial: boolean,
  issues: Issue[],
  labelOf: (field: FormField) => LocalizedText,
): void {
  const known = new Set<string>();
  for (const field of fields) {
    known.add(field.key);
    const path = `${prefix}.${field.key}`;
    const value = data[field.key];
    let made: LocalizedText | undefined;
    const label = () => {
      made ??= labelOf(field);
      return made;
    };
    // A question asked only after some answers (`showWhen`) that does not apply: not required,
    // and an answer to it is refused, in a draft too, saying how to fix it.
    if (field.showWhen && !questionApplies(fields, field, data)) {
      const rule = field.showWhen;
      const on = fields.find((f) => f.key === rule.field)!;
      if (hasAnswer(field, value)) {
        issues.push({
          path,
          message: `only applies when ${rule.field} is ${rule.in.map(String).join(' or ')}`,
          text: formText.onlyAfterAnswer(label(), labelOf(on), conditionAnswers(fields, rule)),
        });
      }
      continue;
    }
    if (isMissing(value) && field.type === 'attachments') {
      checkAttachments(field, [], path, label, partial, issues);
      continue;
    }
    // A statement left unticked is not given, whether the box was never touched or unticked.
    if (isMissing(value) || (field.type === 'confirm' && value === false)) {
      if (!partial && field.required !== false) {
        issues.push(
          field.type === 'confirm'
            ? { path, message: 'must be ticked', text: formText.confirmRequired(label()) }
            : field.type === 'yesno'
              ? {
                  path,
                  message: 'must be answered yes or no',
                  text: formText.yesNoRequired(label()),
                }
              : { path, message: 'is required', text: formText.required(label()) },
        );
      }
      continue;
    }
    if (field.type === 'attachments') {
      checkAttachments(field, value, path, label, partial, issues);
      continue;
    }
    if (field.type !== 'list') {
      checkScalar(field, value, path, label, issues);
      continue;
    }
    if (!Array.isArray(value)) {
      issues.push({ path, message: 'must be a list', text: formText.notList(label()) });
      continue;
    }
    if (!partial && field.minItems !== undefined && value.length < field.minItems) {
      issues.push({
        path,
        message: `needs at least ${field.minItems} items`,
        text: formText.minItems(label(), field.minItems),
      });
    }
    if (field.maxItems !== undefined && value.length > field.maxItems) {
      issues.push({
        path,
        message: `may have at most ${field.maxItems} items`,
        text: formText.maxItems(label(), field.maxItems),
      });
    }
    value.forEach((item, i) => {
      if (typeof item !== 'object' || item === null || Array.isArray(item)) {
        issues.push({
          path: `${path}.${i}`,
          message: 'must be an object',
          text: formText.badItem(itemLabel(label(), i)),
        });
        return;
      }
      checkFields(
        field.fields,
        item as Record<string, unknown>,
        `${path}.${i}`,
        partial,
        issues,
        (f) => itemLabel(label(), i, labelOf(f)),
      );
    });
  }
  for (const key of Object.keys(data)) {
    if (!known.has(key))
      issues.push({
        path: `${prefix}.${key}`,
        message: 'is not a field of this form',
        text: formText.unknownField(key),
      });
  }
}

/**
 * Checks form data against the definition's form. With `partial` (drafts, edits) only present
 * fields are checked for type and limits; otherwise every required field must be there too.
 * Paths are dotted and start with `data.` (e.g. `data.budgetLines.0.amountCents`); every issue
 * carries `text`, a whole sentence in nl and en naming the field by its label as `reader` reads
 * it (fieldLabel; absent: the applicant's).
 */
export function validateFormData(
  def: { form: FormDefinition },
  data: unknown,
  options: { partial?: boolean; prefix?: string; reader?: PageReader } = {},
): { ok: boolean; issues: Issue[] } {
  const prefix = options.prefix ?? 'data';
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    return {
      ok: false,
      issues: [{ path: prefix, message: 'must be an object', text: formText.noData() }],
    };
  }
  const issues: Issue[] = [];
  checkFields(
    def.form.fields,
    data as Record<string, unknown>,
    prefix,
    options.partial ?? false,
    issues,
    (f) => fieldLabel(f, options.reader ?? 'applicant'),
  );
  return { ok: issues.length === 0, issues };
}

/** Requested amount: the sum of the configured list field (budget lines), in cents. */
export function requestedCents(
  def: { form: FormDefinition },
  data: Record<string, unknown>,
): number {
  const spec = def.form.requestedAmount;
  if (!spec) return 0;
  const list = data[spec.list];
  if (!Array.isArray(list)) return 0;
  let total = 0;
  for (const item of list) {
    const v = (item as Record<string, unknown> | null)?.[spec.field];
    if (typeof v === 'number' && Number.isSafeInteger(v) && v > 0) total += v;
  }
  return total;
}

/**
 * The attachment ids the form's attachments fields hold, each with its path and the sentence to
 * show when it is not a file of the application (the shell checks that against its store).
 */
export function attachmentRefs(
  def: { form: FormDefinition },
  data: Record<string, unknown>,
): { path: string; id: string; text: LocalizedText }[] {
  const refs: { path: string; id: string; text: LocalizedText }[] = [];
  for (const field of def.form.fields) {
    const value = data[field.key];
    if (field.type !== 'attachments' || !Array.isArray(value)) continue;
    value.forEach((id, i) => {
      if (typeof id === 'string') {
        refs.push({ path: `data.${field.key}.${i}`, id, text: formText.badFile(field.label) });
      }
    });
  }
  return refs;
}
