/**
 * The form's own checks for a definition whose shape is valid: each list of fields without
 * duplicate keys, with options for a choice list, sensible limits and valid patterns; and the
 * questions the definition names for the requested amount, the activity's date, the title and
 * the description of the right kind. Each refusal a policy officer can act on has a sentence
 * naming the question by its label.
 */
import type { LocalizedText } from '../core/engine.types';
import { bothLanguages, eventLabel } from './definition.house-rules';
import type { FormField, ScalarField, WorkflowDefinition } from './definition.schema';
import { checkShowWhen } from './definition.show-when-rules';
import { X_DISPLAY } from './integer-display';
import { checkPayloadAudience } from './payload-audience';
import { payloadLabel } from './payload-labels';
import { AT_LEAST_ONE_OF } from './payload-schema';

type Add = (path: string, code: string, message: string, text?: LocalizedText) => void;

/** The label of a form field for a sentence, or its key when it has none (yet). */
function fieldLabel(def: WorkflowDefinition, key: string): LocalizedText {
  const field = def.form.fields.find((f) => f.key === key);
  return bothLanguages(field?.label, key);
}

/** The form's checks (see above); a refusal with a sentence passes it to `add`. */
export function checkForm(def: WorkflowDefinition, add: Add) {
  /** "De titel van de aanvraag" must be a text field: said with the question's own label. */
  const mustBe = (
    path: string,
    key: string,
    nlKind: string,
    enKind: string,
    role: LocalizedText,
  ) => {
    const l = fieldLabel(def, key);
    const exists = def.form.fields.some((f) => f.key === key);
    add(path, 'bad_form', `${key} must be ${enKind}`, {
      nl: exists
        ? `${role.nl}: de vraag ${l.nl} is geen ${nlKind}. Kies een andere vraag.`
        : `${role.nl}: het formulier heeft geen vraag ${key}. Kies een vraag uit het formulier.`,
      en: exists
        ? `${role.en}: the question ${l.en} is not ${enKind}. Choose another question.`
        : `${role.en}: the form has no question ${key}. Choose a question of the form.`,
    });
  };
  const checkFields = (fields: readonly FormField[], path: string) => {
    const keys = new Set<string>();
    fields.forEach((f, i) => {
      const p = `${path}.${i}`;
      if (keys.has(f.key)) add(`${p}.key`, 'duplicate_field', `field ${f.key} appears twice`);
      keys.add(f.key);
      if (f.type === 'list' || f.type === 'attachments') {
        if (f.minItems !== undefined && f.maxItems !== undefined && f.minItems > f.maxItems) {
          add(p, 'bad_limits', 'minItems is more than maxItems');
        }
        if (f.type === 'list') checkFields(f.fields, `${p}.fields`);
        return;
      }
      if (f.type === 'select' && (!f.options || f.options.length === 0)) {
        add(`${p}.options`, 'bad_field', 'a select field needs options', {
          nl: `De keuzelijst ${f.label.nl} heeft nog geen keuzes. Voeg er minstens één toe.`,
          en: `The choice list ${f.label.en} has no choices yet. Add at least one.`,
        });
      }
      checkOptionLabels(f, p, add);
      const limits = (
        ['minLength', 'maxLength', 'min', 'max', 'pattern', 'options'] as const
      ).filter((k) => f[k] !== undefined);
      if (f.type === 'confirm' && limits.length > 0) {
        add(`${p}.${limits[0]}`, 'bad_field', `a confirm field takes no ${limits.join(', ')}`, {
          nl: `De vraag ${f.label.nl} is een verklaring om aan te vinken en heeft geen grenzen, patroon of keuzes. Haal die weg.`,
          en: `The question ${f.label.en} is a statement to tick and has no limits, pattern or choices. Remove them.`,
        });
      }
      if (f.type === 'yesno' && limits.length > 0) {
        add(`${p}.${limits[0]}`, 'bad_field', `a yesno field takes no ${limits.join(', ')}`, {
          nl: `De vraag ${f.label.nl} is een ja/nee-vraag: de antwoorden zijn Ja en Nee, zonder grenzen, patroon of andere keuzes. Haal die weg.`,
          en: `The question ${f.label.en} is a yes/no question: its answers are Yes and No, without limits, pattern or other choices. Remove them.`,
        });
      }
      if (f.display !== undefined && f.type !== 'integer') {
        add(`${p}.display`, 'bad_field', `display ${f.display} is for integer fields only`, {
          nl: `De vraag ${f.label.nl} is geen geheel getal en kan daarom niet als code (zonder scheidingsteken) getoond worden. Haal die keuze weg.`,
          en: `The question ${f.label.en} is not a whole number, so it cannot be shown as a code (without a thousands separator). Remove that choice.`,
        });
      }
      if (f.minLength !== undefined && f.maxLength !== undefined && f.minLength > f.maxLength) {
        add(p, 'bad_limits', 'minLength is more than maxLength');
      }
      if (f.min !== undefined && f.max !== undefined && f.min > f.max)
        add(p, 'bad_limits', 'min is more than max');
      if (f.pattern !== undefined) {
        try {
          new RegExp(f.pattern);
        } catch {
          add(`${p}.pattern`, 'bad_field', 'the pattern is not a valid regular expression', {
            nl: `Het patroon van ${f.label.nl} is geen geldige reguliere expressie.`,
            en: `The pattern of ${f.label.en} is not a valid regular expression.`,
          });
        }
      }
    });
  };
  checkFields(def.form.fields, 'form.fields');
  const spec = def.form.requestedAmount;
  if (spec) {
    const list = def.form.fields.find((f) => f.key === spec.list);
    const field = list?.type === 'list' ? list.fields.find((f) => f.key === spec.field) : undefined;
    if (field?.type !== 'money') {
      // Said by the questions' labels where they are there; only a question that is gone
      // is named by its key, the one thing left of it.
      const gone = { nl: 'Zet de vraag terug.', en: 'Put the question back.' };
      const [what, advice]: [LocalizedText, LocalizedText] =
        list?.type !== 'list'
          ? [
              {
                nl: `een lijst die niet meer op het formulier staat (${spec.list})`,
                en: `a list that is no longer on the form (${spec.list})`,
              },
              gone,
            ]
          : field
            ? [
                {
                  nl: `${field.label.nl} in ${list.label.nl}, en dat is geen bedrag`,
                  en: `${field.label.en} in ${list.label.en}, and that is not an amount`,
                },
                {
                  nl: 'Kies in ‘De definitie als JSON’ een bedrag in een lijst om op te tellen.',
                  en: 'Choose an amount in a list to add up in ‘The definition as JSON’.',
                },
              ]
            : [
                {
                  nl: `een vraag die niet meer in ${list.label.nl} staat (${spec.field})`,
                  en: `a question that is no longer in ${list.label.en} (${spec.field})`,
                },
                gone,
              ];
      add(
        'form.requestedAmount',
        'bad_form',
        `${spec.list}.${spec.field} must be a money field in a list`,
        {
          nl: `Het aangevraagde bedrag is de optelsom van ${what.nl}. ${advice.nl}`,
          en: `The requested amount is the sum of ${what.en}. ${advice.en}`,
        },
      );
    }
  }
  const dateKey = def.form.activityDateField;
  if (dateKey && def.form.fields.find((f) => f.key === dateKey)?.type !== 'date') {
    mustBe('form.activityDateField', dateKey, 'datum', 'a date field', {
      nl: 'Datum van de activiteit',
      en: 'Date of the activity',
    });
  }
  const titleKey = def.form.titleField;
  const titleType = def.form.fields.find((f) => f.key === titleKey)?.type;
  if (titleKey && titleType !== 'text' && titleType !== 'textarea') {
    mustBe('form.titleField', titleKey, 'tekst', 'a text field', {
      nl: 'Naam van de aanvraag',
      en: 'Name of the application',
    });
  }
  const descriptionKey = def.form.descriptionField;
  const descriptionType = def.form.fields.find((f) => f.key === descriptionKey)?.type;
  if (descriptionKey && descriptionType !== 'text' && descriptionType !== 'textarea') {
    mustBe('form.descriptionField', descriptionKey, 'tekst', 'a text field', {
      nl: 'Omschrijving van de aanvraag',
      en: 'Description of the application',
    });
  }
}

/**
 * The words of a choice list's choices (`optionLabels`): only on a choice list, and only for
 * its choices; a key that is no choice is refused at that key, named by its words. That every
 * choice has words in both languages is the text rules' (definition.text-rules.ts).
 */
function checkOptionLabels(f: ScalarField, p: string, add: Add) {
  if (f.optionLabels === undefined) return;
  const q = bothLanguages(f.label, f.key);
  if (f.type !== 'select') {
    add(`${p}.optionLabels`, 'bad_field', 'optionLabels are for select fields only', {
      nl: `De vraag ${q.nl} is geen keuzelijst en heeft daarom geen keuzes met woorden. Haal die woorden weg.`,
      en: `The question ${q.en} is not a choice list, so it has no choices with words. Remove those words.`,
    });
    return;
  }
  const options = new Set(f.options ?? []);
  for (const [value, words] of Object.entries(f.optionLabels)) {
    if (options.has(value)) continue;
    const w = bothLanguages(words, value);
    add(`${p}.optionLabels.${value}`, 'bad_field', `optionLabels names ${value}, not an option`, {
      nl: `De keuzelijst ${q.nl} heeft woorden voor de keuze ‘${w.nl}’, maar die keuze staat niet in de lijst. Voeg de keuze toe of haal de woorden weg.`,
      en: `The choice list ${q.en} has words for the choice ‘${w.en}’, but that choice is not in the list. Add the choice or remove the words.`,
    });
  }
}

/**
 * The rules across an event's payload fields: `x-atLeastOneOf` names two or more different
 * fields of that payload (a supplement: an explanation or a file), and each field's `x-showWhen`
 * names a choice of that payload and some of its values (definition.show-when-rules.ts). A refusal
 * names the event by its label.
 */
export function checkEventPayloadRules(def: WorkflowDefinition, add: Add) {
  for (const [type, event] of Object.entries(def.events)) {
    const payload = event.payload;
    if (payload !== undefined) {
      checkShowWhen(type, payload, eventLabel(def, type), add);
      checkPayloadDisplay(type, payload, eventLabel(def, type), add);
      checkPayloadAudience(type, payload, eventLabel(def, type), add);
    }
    if (payload === undefined || !(AT_LEAST_ONE_OF in payload)) continue;
    const path = `events.${type}.payload.${AT_LEAST_ONE_OF}`;
    const name = eventLabel(def, type);
    const keys = payload[AT_LEAST_ONE_OF];
    const properties = (payload.properties ?? {}) as Record<string, unknown>;
    if (
      !Array.isArray(keys) ||
      keys.some((k) => typeof k !== 'string') ||
      new Set(keys).size !== keys.length ||
      keys.length < 2
    ) {
      add(path, 'bad_payload_rule', `${AT_LEAST_ONE_OF} must list two or more different fields`, {
        nl: `${name.nl}: de regel "ten minste één van" noemt minstens twee verschillende velden.`,
        en: `${name.en}: the rule "at least one of" names at least two different fields.`,
      });
      continue;
    }
    for (const [i, key] of (keys as string[]).entries()) {
      if (Object.hasOwn(properties, key)) continue;
      add(`${path}.${i}`, 'bad_payload_rule', `${key} is not a field of the ${type} payload`, {
        nl: `${name.nl}: de regel "ten minste één van" noemt ${key}, maar dat veld staat niet in het formulier. Kies een veld van het formulier.`,
        en: `${name.en}: the rule "at least one of" names ${key}, but the form has no such field. Choose a field of the form.`,
      });
    }
  }
}

/**
 * `x-display: 'code'` on a payload field: only on a whole number that is not an amount of money
 * (a year, a house number), shown as written. A refusal names the step and the field.
 */
function checkPayloadDisplay(
  type: string,
  payload: Record<string, unknown>,
  name: LocalizedText,
  add: Add,
) {
  const properties = (payload.properties ?? {}) as Record<string, unknown>;
  for (const [key, raw] of Object.entries(properties)) {
    if (typeof raw !== 'object' || raw === null || !(X_DISPLAY in raw)) continue;
    const prop = raw as Record<string, unknown>;
    if (prop[X_DISPLAY] === 'code' && prop.type === 'integer' && prop['x-unit'] !== 'cents') {
      continue;
    }
    const f = payloadLabel(payload, key);
    add(
      `events.${type}.payload.properties.${key}.${X_DISPLAY}`,
      'bad_field',
      `${X_DISPLAY} must be code, on an integer field that is not money`,
      {
        nl: `${name.nl}: ${f.nl} kan alleen als code (zonder scheidingsteken) getoond worden als het een geheel getal is en geen bedrag. Haal die keuze weg.`,
        en: `${name.en}: ${f.en} can only be shown as a code (without a thousands separator) when it is a whole number and not an amount of money. Remove that choice.`,
      },
    );
  }
}
