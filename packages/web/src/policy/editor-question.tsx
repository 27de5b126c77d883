import { DIGITS_PATTERN, SCALAR_FIELD_TYPES } from '@initiatief/engine';
import { Checkbox, FormField, FormLabel } from '@utrecht/component-library-react';
import type { ReactNode } from 'react';
import { SelectField } from '../components/ui';
import { ChoicesEditor } from './editor-choices';
import { arr, changeAt, codeFrom, isObj, type Obj, pathId, str, type Update } from './editor-kit';
import { useEditorText } from './editor-messages';
import { MoneyParamField, WholeNumberField } from './editor-number';
import { type TextPart, TextsInBothLanguages } from './editor-texts';

/** The kinds of answer a list's own question may have: no list or files inside a list. */
export const SCALAR_TYPES: readonly string[] = SCALAR_FIELD_TYPES;

/** The limits a question of each kind has, as whole numbers. */
const LIMITS: Record<string, string[]> = {
  text: ['minLength', 'maxLength'],
  textarea: ['minLength', 'maxLength'],
  integer: ['min', 'max'],
  list: ['minItems', 'maxItems'],
  attachments: ['minItems', 'maxItems'],
};
/** What an attachments field takes: the definition's `accept`, absent for both kinds. */
const ACCEPT_CHOICES: Record<string, string[] | undefined> = {
  all: undefined,
  pdf: ['pdf'],
  image: ['image'],
};

type QuestionText = 'label' | 'staffLabel' | 'help';
/**
 * A question's texts, each in both languages: its label (to the applicant), its label for staff
 * and whoever fills in for her (optional), its explanation (optional).
 */
const TEXTS: TextPart<QuestionText>[] = [
  { part: 'label', labels: { nl: 'form.labelNl', en: 'form.labelEn' } },
  {
    part: 'staffLabel',
    labels: { nl: 'form.staffLabelNl', en: 'form.staffLabelEn' },
    hint: 'form.staffLabelHint',
  },
  { part: 'help', labels: { nl: 'form.helpNl', en: 'form.helpEn' } },
];
/** The same texts of a list's own question, named apart from those of the list around them. */
const TEXTS_IN_LIST: TextPart<QuestionText>[] = [
  { part: 'label', labels: { nl: 'list.labelNl', en: 'list.labelEn' } },
  {
    part: 'staffLabel',
    labels: { nl: 'list.staffLabelNl', en: 'list.staffLabelEn' },
    hint: 'list.staffLabelHint',
  },
  { part: 'help', labels: { nl: 'list.helpNl', en: 'list.helpEn' } },
];

/** The key of a new question, from its Dutch label: "Naam van de leverancier" → naamVanDeLeverancier. */
export function questionCode(label: string): string {
  return codeFrom(label).replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase());
}

/** Whether `code` can be the key of a new question among `fields` (not taken, well formed). */
export function isFreeCode(code: string, fields: readonly Obj[]): boolean {
  return /^[a-z][A-Za-z0-9]*$/.test(code) && !fields.some((f) => f.key === code);
}

/** The value of a new choice list's first choice; its words are the officer's to give. */
export const FIRST_CHOICE = 'keuze_1';

/**
 * A new question with its Dutch label (its English is asked for by the check): optional, a choice
 * list with one choice whose words in both languages the check asks for, a list with one
 * question of its own.
 */
export function newQuestion(code: string, type: string, label: string): Obj {
  const base = { key: code, type, label: { nl: label, en: '' } };
  if (type === 'list')
    return { ...base, fields: [{ key: 'name', type: 'text', label: { nl: 'Naam', en: 'Name' } }] };
  if (type === 'select')
    return {
      ...base,
      options: [FIRST_CHOICE],
      optionLabels: { [FIRST_CHOICE]: { nl: '', en: '' } },
    };
  return { ...base, required: false };
}

/**
 * What a policy officer sets of one question of the form, a list's own question alike: its texts
 * in both languages, its limits, the kind of files, a choice list's choices (ChoicesEditor),
 * whether it is required, and whether a whole number is shown as a code. `base` is its path (`form.fields.5` or `form.fields.5.fields.1`),
 * from which each control's id comes, so a problem found in the definition leads to it; `where`
 * names the question for a box's problem; `children` go with the limits (a top-level question's
 * page); `inList` names the boxes of a list's own question apart from the list's.
 */
export function QuestionEditor({
  field,
  base,
  where,
  update,
  children,
  inList = false,
}: {
  field: Obj;
  base: string;
  where: string;
  update: Update;
  children?: ReactNode;
  inList?: boolean;
}) {
  const { e, word } = useEditorText();
  const type = str(field.type);
  const change = changeAt(update, base);
  const setText = (part: QuestionText, lang: 'nl' | 'en', v: string) =>
    change((x) => {
      const now = isObj(x[part]) ? (x[part] as Obj) : {};
      const next = { nl: str(now.nl), en: str(now.en), [lang]: v };
      // An optional text left empty in both languages is absent (staff then read the label).
      if (part !== 'label' && !next.nl && !next.en) delete x[part];
      else x[part] = next;
    });
  return (
    <>
      <div className="policy-grid">
        <TextsInBothLanguages
          parts={inList ? TEXTS_IN_LIST : TEXTS}
          base={base}
          of={field}
          onChange={setText}
        />
        {(LIMITS[type] ?? []).map((limit) => (
          <WholeNumberField
            key={limit}
            id={pathId(`${base}.${limit}`)}
            path={`${base}.${limit}`}
            where={where}
            label={e(
              (type === 'attachments' ? `form.${limit}Files` : `form.${limit}`) as 'form.min',
            )}
            value={field[limit]}
            rule={{
              unit: 'number',
              min: limit === 'min' || limit === 'max' ? undefined : 0,
              optional: true,
            }}
            onValid={(n) =>
              change((x) => {
                if (n === undefined) delete x[limit];
                else x[limit] = n;
              })
            }
          />
        ))}
        {type === 'money' &&
          (['min', 'max'] as const).map((limit) => (
            <MoneyParamField
              key={limit}
              id={pathId(`${base}.${limit}`)}
              path={`${base}.${limit}`}
              where={where}
              label={e(limit === 'min' ? 'form.minAmount' : 'form.maxAmount')}
              value={typeof field[limit] === 'number' ? (field[limit] as number) : null}
              optional
              onValid={(cents) =>
                change((x) => {
                  if (cents === undefined) delete x[limit];
                  else x[limit] = cents;
                })
              }
            />
          ))}
        {type === 'attachments' && (
          <SelectField
            id={pathId(`${base}.accept`)}
            label={e('form.accept')}
            value={arr(field.accept).length === 1 ? str(arr(field.accept)[0]) : 'all'}
            onChange={(v) =>
              change((x) => {
                const kinds = ACCEPT_CHOICES[v];
                if (kinds) x.accept = kinds;
                else delete x.accept;
              })
            }
            options={Object.keys(ACCEPT_CHOICES).map((k) => ({
              value: k,
              label: e(`form.accept.${k}` as 'form.accept.all'),
            }))}
          />
        )}
        {children}
      </div>
      {type === 'select' && <ChoicesEditor field={field} base={base} update={update} />}
      <FormField type="checkbox" className="app-field">
        <Checkbox
          id={pathId(`${base}.required`)}
          appearance="html"
          className="policy-checkbox"
          checked={field.required !== false}
          onChange={(ev) => {
            const on = ev.target.checked;
            change((x) => {
              if (on) delete x.required;
              else x.required = false;
            });
          }}
        />
        <FormLabel htmlFor={pathId(`${base}.required`)} type="checkbox">
          {e('form.required')} ({word('ftype', type)})
        </FormLabel>
      </FormField>
      {/* A text question may hold a number that starts with 0; a pattern of its own stays the JSON's. */}
      {type === 'text' && (field.pattern === undefined || field.pattern === DIGITS_PATTERN) && (
        <FormField type="checkbox" className="app-field">
          <Checkbox
            id={pathId(`${base}.pattern`)}
            appearance="html"
            className="policy-checkbox"
            checked={field.pattern === DIGITS_PATTERN}
            onChange={(ev) => {
              const on = ev.target.checked;
              change((x) => {
                if (on) x.pattern = DIGITS_PATTERN;
                else delete x.pattern;
              });
            }}
          />
          <FormLabel htmlFor={pathId(`${base}.pattern`)} type="checkbox">
            {e('form.digits')}
          </FormLabel>
        </FormField>
      )}
      {/* Offered on a whole number; elsewhere only while set, so it can be taken away. */}
      {(type === 'integer' || field.display !== undefined) && (
        <FormField type="checkbox" className="app-field">
          <Checkbox
            id={pathId(`${base}.display`)}
            appearance="html"
            className="policy-checkbox"
            checked={field.display === 'code'}
            onChange={(ev) => {
              const on = ev.target.checked;
              change((x) => {
                if (on) x.display = 'code';
                else delete x.display;
              });
            }}
          />
          <FormLabel htmlFor={pathId(`${base}.display`)} type="checkbox">
            {e('form.code')}
          </FormLabel>
        </FormField>
      )}
    </>
  );
}
