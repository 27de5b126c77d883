import type { FormDefinition } from '../definition/definition.schema';

// Fields with a meaning of their own, found through the names the definition gives them. Kept
// apart from form.validate.ts so that a page that only shows an application loads nothing more.

/** The application's name: the text of the form's title field, trimmed; '' when none. */
export function applicationTitle(
  def: { form: FormDefinition },
  data: Record<string, unknown>,
): string {
  const value = data[def.form.titleField ?? 'title'];
  return typeof value === 'string' ? value.trim() : '';
}

/** The activity's date (`YYYY-MM-DD`): the form's activity date field (default activityDate). */
export function activityDateOf(
  def: { form: FormDefinition },
  data: Record<string, unknown>,
): string | undefined {
  const value = data[def.form.activityDateField ?? 'activityDate'];
  return typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value) ? value : undefined;
}

/**
 * What the application is about in the applicant's words: the form's description field, or
 * its first long text; '' when none.
 */
export function applicationDescription(
  def: { form: FormDefinition },
  data: Record<string, unknown>,
): string {
  const key = def.form.descriptionField ?? def.form.fields.find((f) => f.type === 'textarea')?.key;
  const value = key === undefined ? undefined : data[key];
  return typeof value === 'string' ? value.trim() : '';
}

/**
 * A new application's data with the regulation's district filled in, for forms that still ask
 * for it (version 1 of the shipped workflows: a select field `district`). The regulation decides
 * the district, so nobody has to pick it, and nobody outside the engine has to know the field's
 * name. Left as it is when the form has no such field, the caller gave a value, or the district
 * is not one of the field's options.
 */
export function withRegulationDistrict(
  def: { form: FormDefinition },
  data: Record<string, unknown>,
  district: string | undefined,
): Record<string, unknown> {
  const field = def.form.fields.find((f) => f.key === 'district');
  if (!district || !field || data[field.key] !== undefined) return data;
  const options = 'options' in field && Array.isArray(field.options) ? field.options : null;
  if (options && !options.includes(district)) return data;
  return { ...data, [field.key]: district };
}

/**
 * The account the applicant gave for the payment, as letters and mails name it: the answer to the
 * form's (first) IBAN question, written in groups of four as on a bank card ("NL91 ABNA 0417
 * 1643 00"), and in whose name it is: the answer to the text question that IBAN question names as
 * its holder (`holderField`), trimmed, runs of spaces one. Each '' when the form asks none or it
 * is not answered. The definition says which questions they are, so no code knows their keys.
 */
export function applicantAccount(
  def: { form: FormDefinition },
  data: Record<string, unknown>,
): { iban: string; holder: string } {
  const field = def.form.fields.find((f) => f.type === 'iban');
  if (field?.type !== 'iban') return { iban: '', holder: '' };
  const value = data[field.key];
  const holder = field.holderField === undefined ? undefined : data[field.holderField];
  return {
    iban:
      typeof value === 'string'
        ? value
            .replace(/\s+/g, '')
            .toUpperCase()
            .replace(/(.{4})(?=.)/g, '$1 ')
        : '',
    holder: typeof holder === 'string' ? holder.replace(/\s+/g, ' ').trim() : '',
  };
}
