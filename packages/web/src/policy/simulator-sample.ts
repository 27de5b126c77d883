import {
  addDays,
  clearedAnswers,
  type FormField,
  isDigitsText,
  type ScalarField,
  supportersRule,
  type WorkflowDefinition,
} from '@initiatief/engine';

/** Items in each list: enough for most rules, and few enough to show a higher minimum at work. */
const LIST_ITEMS = 4;

/** Common shapes a text field's pattern may ask for. */
const SHAPES = ['010 123 45 67', '0612345678', '12345', 'AB12', 'Voorbeeld'];

const clamp = (n: number, min?: number, max?: number) =>
  Math.min(max ?? Number.POSITIVE_INFINITY, Math.max(min ?? Number.NEGATIVE_INFINITY, n));

function scalar(field: ScalarField, today: string, item: number, area = '3022'): unknown {
  const nth = item > 0 ? ` ${item + 1}` : '';
  switch (field.type) {
    case 'text': {
      // The label, or for a field with a pattern the first common shape it accepts (a phone
      // number, a number, a code).
      const fits = (text: string) =>
        text.length >= (field.minLength ?? 0) &&
        text.length <= (field.maxLength ?? 200) &&
        (!field.pattern || new RegExp(field.pattern).test(text));
      // A number of digits only (a KvK number): as many as its limits ask, starting with 0.
      const digits = isDigitsText(field)
        ? '0123456789'.repeat(4).slice(0, clamp(8, field.minLength, field.maxLength))
        : undefined;
      return [`${field.label.nl}${nth}`, ...(digits ? [digits] : []), ...SHAPES].find(fits);
    }
    case 'textarea':
      return 'Een voorbeeld, om het werkproces te proberen.'.slice(0, field.maxLength ?? 4000);
    case 'integer':
      return clamp(40 + item, field.min, field.max);
    case 'money':
      return clamp(15_000, field.min, field.max);
    case 'date':
      return addDays(today, 70);
    case 'iban':
      return 'NL91ABNA0417164300';
    case 'postcode':
      return `${area} A${String.fromCharCode(66 + (item % 24))}`;
    case 'select':
      return field.options?.[0];
    case 'confirm':
      return true;
    case 'yesno':
      // Answered, as every question of the sample is: Ja.
      return true;
    default:
      return undefined;
  }
}

/**
 * Sample data for the simulator, made from the definition's own form: a value of the right kind
 * for every field (a date ten weeks ahead, a valid IBAN, a Rotterdam postcode in the trial's
 * `district` where the supporters' rule keeps postcodes per district, the first choice),
 * and four items in every list; a question that does not apply to those answers is left out. Nothing here knows the fields of a shipped workflow.
 */
export function sampleDataFor(
  def: WorkflowDefinition,
  today: string,
  district?: string,
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  // Postcodes in the trial's district when the supporters' rule has a table of them, so the
  // sample's supporters count there as a real neighbour's would.
  const table = supportersRule(def)?.sameDistrict?.postcodes;
  const area =
    (district && table && Object.hasOwn(table, district) && table[district]?.[0]) || '3022';
  for (const field of def.form.fields as FormField[]) {
    if (field.type === 'list') {
      const count = clamp(LIST_ITEMS, field.minItems, field.maxItems);
      out[field.key] = Array.from({ length: count }, (_, i) =>
        Object.fromEntries(
          field.fields
            .map((sub) => [sub.key, scalar(sub, today, i, area)] as const)
            .filter(([, v]) => v !== undefined),
        ),
      );
    } else if (field.type === 'attachments') {
      // The trial uploads nothing: stand-in ids, as many as the field asks for at least.
      const count = Math.max(field.minItems ?? 0, field.required === false ? 0 : 1);
      out[field.key] = Array.from(
        { length: count },
        (_, i) => `00000000-0000-4000-8000-${String(i + 1).padStart(12, '0')}`,
      );
    } else {
      const value = scalar(field, today, 0, area);
      if (value !== undefined) out[field.key] = value;
    }
  }
  // A question asked only after another answer (`showWhen`) that these answers do not give is
  // left out, as the resident's form leaves it: the engine refuses an answer to it.
  for (const key of Object.keys(clearedAnswers(def.form, out))) delete out[key];
  return out;
}
