/**
 * The district table of `supportersAtLeast` (`sameDistrict`) against the form: when it names the
 * form's question that holds the district (`field`), that is a choice list, and every district in
 * the table is one of its options. Without `field` the district is the regulation's, which the
 * definition does not know: the table's names must then be the regulations' district names.
 * The table's own shape (four digits, no postcode in two districts) is checked by its zod schema.
 */
import type { LocalizedText } from '../core/engine.types';
import { bothLanguages } from './definition.house-rules';
import { optionLabel } from './definition.rules';
import type { WorkflowDefinition } from './definition.schema';

type Add = (path: string, code: string, message: string, text?: LocalizedText) => void;

export function checkSupportersDistrict(
  def: WorkflowDefinition,
  params: Record<string, unknown> | undefined,
  path: string,
  add: Add,
): void {
  const table = params?.sameDistrict as
    | { field?: unknown; postcodes?: Record<string, unknown> }
    | undefined;
  if (!table || typeof table.field !== 'string') return;
  const at = `${path}.params.sameDistrict.field`;
  const field = def.form.fields.find((f) => f.key === table.field);
  if (field?.type !== 'select') {
    const l = bothLanguages(field?.label, table.field);
    add(at, 'bad_params', `supportersAtLeast: ${table.field} is not a choice list of the form`, {
      nl: field
        ? `De wijk van de handtekeningen: de vraag ${l.nl} is geen keuzelijst. Kies de vraag naar de wijk.`
        : `De wijk van de handtekeningen: het formulier heeft geen vraag ${table.field}. Kies de vraag naar de wijk.`,
      en: field
        ? `The supporters' district: the question ${l.en} is not a choice list. Choose the question that asks for the district.`
        : `The supporters' district: the form has no question ${table.field}. Choose the question that asks for the district.`,
    });
    return;
  }
  const options = field.options ?? [];
  const l = bothLanguages(field.label, field.key);
  for (const district of Object.keys(table.postcodes ?? {})) {
    if (options.includes(district)) continue;
    const d = optionLabel(field, district);
    add(
      `${path}.params.sameDistrict.postcodes.${district}`,
      'bad_params',
      `supportersAtLeast: ${district} is not an option of ${field.key}`,
      {
        nl: `De postcodetabel van de handtekeningen noemt de wijk ${d.nl}, maar die staat niet in de keuzelijst ${l.nl}.`,
        en: `The supporters' postcode table names the district ${d.en}, which is not a choice of ${l.en}.`,
      },
    );
  }
}
