import {
  Button,
  Checkbox,
  Fieldset,
  FieldsetLegend,
  FormField,
  FormLabel,
  Heading3,
  Paragraph,
} from '@utrecht/component-library-react';
import { useState } from 'react';
import { SelectField, TextField } from '../components/ui';
import {
  arr,
  branchesOf,
  codeFrom,
  guardsOf,
  labelOf,
  type Obj,
  obj,
  pathId,
  str,
  textIn,
  transitionAt,
  type Update,
} from './editor-kit';
import { useEditorText } from './editor-messages';
import { WholeNumberField } from './editor-number';
import { PagesEditor } from './editor-pages';
import { ParamsEditor } from './editor-params';
import { type TextPart, TextsInBothLanguages } from './editor-texts';
import type { DefinitionJson } from './policy-api';

const FIELD_TYPES = [
  'text',
  'textarea',
  'integer',
  'money',
  'date',
  'iban',
  'postcode',
  'select',
  'list',
  'attachments',
];
/** Guards about the form's content: shown beside the form so a condition is found where it is felt. */
const FORM_GUARDS = new Set([
  'supportersAtLeast',
  'daysBeforeActivityAtLeast',
  'amountAtMost',
  'amountAtLeast',
]);
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

/**
 * A question's texts, each in both languages: its label (to the applicant), its label for staff
 * and whoever fills in for her (optional), its explanation (optional).
 */
const TEXTS: TextPart<'label' | 'staffLabel' | 'help'>[] = [
  { part: 'label', labels: { nl: 'form.labelNl', en: 'form.labelEn' } },
  {
    part: 'staffLabel',
    labels: { nl: 'form.staffLabelNl', en: 'form.staffLabelEn' },
    hint: 'form.staffLabelHint',
  },
  { part: 'help', labels: { nl: 'form.helpNl', en: 'form.helpEn' } },
];

/** The conditions on leaving the first state (submitting), with their parameters. */
function Conditions({ def, update }: { def: DefinitionJson; update: Update }) {
  const { e, word, locale } = useEditorText();
  const initial = str(def.initial);
  const state = obj(obj(def.states)[initial]);
  const rows: { path: string; guard: Obj; event: string }[] = [];
  for (const [ev, v] of Object.entries(obj(state.on))) {
    for (const b of branchesOf(v, `states.${initial}.on.${ev}`)) {
      const list = guardsOf(b.t);
      const isArray = Array.isArray(b.t.guard);
      list.forEach((g, i) => {
        if (FORM_GUARDS.has(str(g.type)))
          rows.push({
            path: isArray ? `${b.path}.guard.${i}` : `${b.path}.guard`,
            guard: g,
            event: ev,
          });
      });
    }
  }
  if (rows.length === 0) return null;
  return (
    <>
      <Heading3 className="policy-h3">{e('form.conditions')}</Heading3>
      <Paragraph>
        {e('form.conditionsHint', {
          event: labelOf(obj(def.events)[rows[0]!.event], locale, rows[0]!.event),
          state: labelOf(state, locale, initial),
        })}
      </Paragraph>
      {rows.map((r) => (
        <Fieldset key={r.path} className="policy-ref" id={`${pathId(r.path)}-form`}>
          <FieldsetLegend>{word('guard', str(r.guard.type))}</FieldsetLegend>
          <ParamsEditor
            def={def}
            group="guards"
            type={str(r.guard.type)}
            params={obj(r.guard.params)}
            path={`${r.path}-form`}
            onChange={(params) =>
              update((d) => {
                const parts = r.path.split('.');
                const last = parts.pop()!;
                const branchPath =
                  last === 'guard' ? parts.join('.') : parts.slice(0, -1).join('.');
                const t = transitionAt(d, branchPath);
                if (last === 'guard') t.guard = { ...obj(t.guard), params };
                else
                  (t.guard as Obj[])[Number(last)] = {
                    ...obj((t.guard as Obj[])[Number(last)]),
                    params,
                  };
              })
            }
          />
        </Fieldset>
      ))}
    </>
  );
}

/** The application form: questions, their explanation and limits, pages, and the submit conditions. */
export function FormSection({ def, update }: { def: DefinitionJson; update: Update }) {
  const { e, word, locale } = useEditorText();
  const form = obj(def.form);
  const fields = arr(form.fields).map(obj);
  const pages = arr(form.pages).map(obj);
  const [label, setLabel] = useState('');
  const [type, setType] = useState('text');
  const change = (i: number, fn: (f: Obj) => void) =>
    update((d) => {
      const f = obj(arr(obj(d.form).fields)[i]);
      fn(f);
    });
  const pageOf = (key: string) => pages.findIndex((pg) => arr(pg.fields).includes(key));
  const code = codeFrom(label).replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase());
  return (
    <details className="policy-section" id="def-section-form">
      <summary id="def-form-title" className="policy-section__summary">
        {e('form.title')}
      </summary>
      <Conditions def={def} update={update} />
      <PagesEditor def={def} update={update} />
      {fields.map((f, i) => {
        const key = str(f.key);
        const base = `form.fields.${i}`;
        const setText = (part: 'label' | 'staffLabel' | 'help', lang: 'nl' | 'en', v: string) =>
          change(i, (x) => {
            const now = obj(x[part]);
            const next = { nl: str(now.nl), en: str(now.en), [lang]: v };
            // An optional text left empty in both languages is absent (staff then read the label).
            if (part !== 'label' && !next.nl && !next.en) delete x[part];
            else x[part] = next;
          });
        const title = textIn(f.label, locale, key);
        return (
          <Fieldset key={key} id={pathId(base)} tabIndex={-1} className="policy-state">
            <FieldsetLegend>{e('form.field', { label: title })}</FieldsetLegend>
            <div className="policy-grid">
              <TextsInBothLanguages
                parts={TEXTS}
                base={base}
                of={f}
                onChange={(part, lang, v) => setText(part, lang, v)}
              />
              {(LIMITS[str(f.type)] ?? []).map((limit) => (
                <WholeNumberField
                  key={limit}
                  id={pathId(`${base}.${limit}`)}
                  path={`${base}.${limit}`}
                  where={e('form.field', { label: title })}
                  label={e(
                    (str(f.type) === 'attachments'
                      ? `form.${limit}Files`
                      : `form.${limit}`) as 'form.min',
                  )}
                  value={f[limit]}
                  rule={{
                    unit: 'number',
                    min: limit === 'min' || limit === 'max' ? undefined : 0,
                    optional: true,
                  }}
                  onValid={(n) =>
                    change(i, (x) => {
                      if (n === undefined) delete x[limit];
                      else x[limit] = n;
                    })
                  }
                />
              ))}
              {str(f.type) === 'attachments' && (
                <SelectField
                  id={pathId(`${base}.accept`)}
                  label={e('form.accept')}
                  value={arr(f.accept).length === 1 ? str(arr(f.accept)[0]) : 'all'}
                  onChange={(v) =>
                    change(i, (x) => {
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
              {pages.length > 0 && (
                <SelectField
                  id={pathId(`${base}.page`)}
                  label={e('form.page')}
                  value={String(pageOf(key))}
                  onChange={(v) =>
                    update((d) => {
                      const ps = arr(obj(d.form).pages).map(obj);
                      for (const pg of ps) pg.fields = arr(pg.fields).filter((k) => k !== key);
                      const target = ps[Number(v)];
                      if (target) target.fields = [...arr(target.fields), key];
                    })
                  }
                  options={pages.map((pg, n) => ({
                    value: String(n),
                    label: textIn(pg.title, locale, str(pg.key)),
                  }))}
                />
              )}
            </div>
            <FormField type="checkbox" className="app-field">
              <Checkbox
                id={pathId(`${base}.required`)}
                appearance="html"
                className="policy-checkbox"
                checked={f.required !== false}
                onChange={(ev) => {
                  const on = ev.target.checked;
                  change(i, (x) => {
                    if (on) delete x.required;
                    else x.required = false;
                  });
                }}
              />
              <FormLabel htmlFor={pathId(`${base}.required`)} type="checkbox">
                {e('form.required')} ({word('ftype', str(f.type))})
              </FormLabel>
            </FormField>
            {/* Offered on a whole number; elsewhere only while set, so it can be taken away. */}
            {(str(f.type) === 'integer' || f.display !== undefined) && (
              <FormField type="checkbox" className="app-field">
                <Checkbox
                  id={pathId(`${base}.display`)}
                  appearance="html"
                  className="policy-checkbox"
                  checked={f.display === 'code'}
                  onChange={(ev) => {
                    const on = ev.target.checked;
                    change(i, (x) => {
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
            <Button
              appearance="subtle-button"
              onClick={() =>
                update((d) => {
                  const fm = obj(d.form);
                  fm.fields = arr(fm.fields).filter((_, n) => n !== i);
                  if (Array.isArray(fm.pages))
                    for (const pg of fm.pages.map(obj))
                      pg.fields = arr(pg.fields).filter((k) => k !== key);
                })
              }
            >
              {e('form.remove', { label: title })}
            </Button>
          </Fieldset>
        );
      })}
      <div className="policy-inline">
        <TextField
          id="def-new-field"
          label={e('form.newLabel')}
          value={label}
          onChange={setLabel}
          width="medium"
        />
        <SelectField
          id="def-new-field-type"
          label={e('form.newType')}
          value={type}
          onChange={setType}
          options={FIELD_TYPES.map((t) => ({ value: t, label: word('ftype', t) }))}
        />
        <Button
          appearance="secondary-action-button"
          disabled={!/^[a-z][A-Za-z0-9]*$/.test(code) || fields.some((f) => f.key === code)}
          onClick={() => {
            update((d) => {
              const fm = obj(d.form);
              const field: Obj =
                type === 'list'
                  ? {
                      key: code,
                      type,
                      label: { nl: label, en: '' },
                      fields: [{ key: 'name', type: 'text', label: { nl: 'Naam', en: 'Name' } }],
                    }
                  : type === 'select'
                    ? { key: code, type, label: { nl: label, en: '' }, options: ['—'] }
                    : { key: code, type, label: { nl: label, en: '' }, required: false };
              fm.fields = [...arr(fm.fields), field];
              const ps = arr(fm.pages).map(obj);
              if (ps.length > 0)
                ps[ps.length - 1]!.fields = [...arr(ps[ps.length - 1]!.fields), code];
            });
            setLabel('');
          }}
        >
          {e('form.add')}
        </Button>
      </div>
    </details>
  );
}
