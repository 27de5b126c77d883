/**
 * The JSON Schema of a definition's form, for UIs and other readers of the data (the engine
 * itself checks the data with `validateFormData`, form.validate.ts): each question's kind, its
 * limits and its words in Dutch as title and description. A question asked only after certain
 * answers (`showWhen`, form-show-when.ts) carries its condition as `x-showWhen`, and the object an
 * `if`/`then`/`else` for it: required when it applies (unless optional), absent when it does not.
 */
import type { FormDefinition, FormField, ScalarField } from '../definition/definition.schema';
import { DEFAULT_MAX_LENGTH, POSTCODE } from './form.validate';
import { yesNoLabel } from './yes-no';

function scalarJsonSchema(field: ScalarField): Record<string, unknown> {
  const base: Record<string, unknown> = { title: field.label.nl, description: field.help?.nl };
  switch (field.type) {
    case 'text':
    case 'textarea':
      return {
        ...base,
        type: 'string',
        minLength: field.minLength,
        maxLength: field.maxLength ?? DEFAULT_MAX_LENGTH[field.type],
        pattern: field.pattern,
      };
    case 'select':
      // The choices' words as a payload's choices carry them (`x-enumLabels`), when it has any.
      return {
        ...base,
        type: 'string',
        enum: field.options,
        ...(field.optionLabels ? { 'x-enumLabels': field.optionLabels } : {}),
      };
    case 'integer':
      return {
        ...base,
        type: 'integer',
        minimum: field.min,
        maximum: field.max,
        'x-display': field.display,
      };
    case 'money':
      return {
        ...base,
        type: 'integer',
        minimum: field.min ?? 0,
        maximum: field.max,
        'x-unit': 'cents',
      };
    case 'date':
      return { ...base, type: 'string', format: 'date' };
    case 'iban':
      return { ...base, type: 'string', 'x-format': 'iban' };
    case 'postcode':
      return { ...base, type: 'string', pattern: POSTCODE.source };
    case 'confirm':
      return { ...base, type: 'boolean' };
    case 'yesno':
      // Two answers in words, as a payload's choices carry theirs: a UI offers Ja and Nee.
      return {
        ...base,
        type: 'boolean',
        'x-enumLabels': { true: yesNoLabel(true), false: yesNoLabel(false) },
      };
  }
}

function objectJsonSchema(fields: readonly FormField[]): Record<string, unknown> {
  const properties: Record<string, unknown> = {};
  const required: string[] = [];
  const conditions: Record<string, unknown>[] = [];
  for (const field of fields) {
    const rule = field.showWhen;
    if (rule && fields.some((f) => f.key === rule.field)) {
      // Asked only after certain answers: required then, and without an answer otherwise.
      conditions.push({
        if: { properties: { [rule.field]: { enum: rule.in } }, required: [rule.field] },
        // biome-ignore lint/suspicious/noThenProperty: JSON Schema's own keyword
        then: field.required !== false ? { required: [field.key] } : {},
        else: { not: { required: [field.key] } },
      });
    } else if (field.required !== false) required.push(field.key);
    if (field.type === 'list') {
      properties[field.key] = {
        title: field.label.nl,
        type: 'array',
        minItems: field.minItems,
        maxItems: field.maxItems,
        items: objectJsonSchema(field.fields),
      };
    } else if (field.type === 'attachments') {
      properties[field.key] = {
        title: field.label.nl,
        description: field.help?.nl,
        type: 'array',
        maxItems: field.maxItems,
        uniqueItems: true,
        items: { type: 'string', format: 'uuid' },
        'x-attachments': field.accept ?? ['pdf', 'image'],
      };
    } else {
      properties[field.key] = scalarJsonSchema(field);
    }
    if (rule) (properties[field.key] as Record<string, unknown>)['x-showWhen'] = rule;
  }
  return JSON.parse(
    JSON.stringify({
      type: 'object',
      properties,
      required,
      ...(conditions.length > 0 ? { allOf: conditions } : {}),
      additionalProperties: false,
    }),
  );
}

/** JSON Schema of the complete form (for UIs; the engine validates with `validateFormData`). */
export function formJsonSchema(def: { form: FormDefinition }): object {
  return objectJsonSchema(def.form.fields);
}
