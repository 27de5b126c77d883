import { type FormField, fieldLabel } from '@initiatief/engine';

type Locale = 'nl' | 'en';

/**
 * A question's label in `locale` for its reader: the applicant reads its label ("Naam van uw
 * initiatief"), anyone else (staff, the desk, a helper acting for her) its label for staff
 * ("Naam van het initiatief") when it has one. Whether someone reads for another is
 * readsForOther (page-heading.ts), as for the pages' headings.
 */
export function fieldLabelIn(
  field: Pick<FormField, 'label' | 'staffLabel'>,
  staff: boolean,
  locale: Locale,
): string {
  return fieldLabel(field, staff ? 'staff' : 'applicant')[locale] || field.label[locale];
}

/** Each question as staff read it, made once, so an input gets the same one on every render. */
const forStaff = new WeakMap<FormField, FormField>();

/**
 * A question as its reader reads it: for staff, its `label` is its label for staff in both
 * languages (and so are a list's own questions'), so the form's inputs, which show `label`,
 * speak of the applicant when the desk or a helper fills them in for her. For the applicant,
 * the question itself.
 */
export function asReadBy<F extends FormField>(field: F, staff: boolean): F {
  if (!staff) return field;
  const made = forStaff.get(field);
  if (made) return made as F;
  const label = { nl: fieldLabelIn(field, true, 'nl'), en: fieldLabelIn(field, true, 'en') };
  const read: F =
    field.type === 'list'
      ? { ...field, label, fields: field.fields.map((f) => asReadBy(f, true)) }
      : { ...field, label };
  forStaff.set(field, read);
  return read;
}
