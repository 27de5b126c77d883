/**
 * The account's holder (`holderField` on an IBAN question): only an IBAN question names one, and
 * it names a text question of the form itself (not one inside a list, not itself), so a letter's
 * `{{accountHolder}}` is always the answer to "in whose name is the account". Each refusal names
 * the questions by their labels.
 */
import type { LocalizedText } from '../core/engine.types';
import { bothLanguages } from './definition.house-rules';
import type { WorkflowDefinition } from './definition.schema';

type Add = (path: string, code: string, message: string, text?: LocalizedText) => void;

export function checkAccountHolder(def: WorkflowDefinition, add: Add): void {
  def.form.fields.forEach((field, i) => {
    if (field.type === 'attachments') return;
    if (field.type === 'list') {
      field.fields.forEach((inner, j) => {
        if (inner.holderField === undefined) return;
        const q = bothLanguages(inner.label, inner.key);
        add(
          `form.fields.${i}.fields.${j}.holderField`,
          'bad_field',
          'holderField is for an IBAN field of the form itself',
          {
            nl: `De vraag ${q.nl} staat in een lijst en kan geen rekeninghouder noemen. Haal die keuze weg.`,
            en: `The question ${q.en} is in a list and cannot name an account holder. Remove that choice.`,
          },
        );
      });
      return;
    }
    const key = field.holderField;
    if (key === undefined) return;
    const path = `form.fields.${i}.holderField`;
    const q = bothLanguages(field.label, field.key);
    if (field.type !== 'iban') {
      add(path, 'bad_field', 'holderField is for iban fields only', {
        nl: `De vraag ${q.nl} is geen IBAN-rekeningnummer en heeft daarom geen rekeninghouder. Haal die keuze weg.`,
        en: `The question ${q.en} is not an IBAN account number, so it has no account holder. Remove that choice.`,
      });
      return;
    }
    const holder = def.form.fields.find((f) => f.key === key);
    if (holder === undefined) {
      add(path, 'bad_field', `holderField names ${key}, which is not a field of the form`, {
        nl: `De rekeninghouder bij ${q.nl}: het formulier heeft geen vraag ${key}. Kies een tekstvraag van het formulier.`,
        en: `The account holder of ${q.en}: the form has no question ${key}. Choose a text question of the form.`,
      });
    } else if (holder.type !== 'text') {
      const h = bothLanguages(holder.label, holder.key);
      add(path, 'bad_field', `holderField ${key} must be a text field`, {
        nl: `De rekeninghouder bij ${q.nl}: de vraag ${h.nl} is geen tekstvraag. Kies een tekstvraag voor de naam van de rekeninghouder.`,
        en: `The account holder of ${q.en}: the question ${h.en} is not a text question. Choose a text question for the account holder’s name.`,
      });
    }
  });
}
