import {
  Button,
  Fieldset,
  FieldsetLegend,
  Heading3,
  Paragraph,
} from '@utrecht/component-library-react';
import { useState } from 'react';
import { SelectField, TextField } from '../components/ui';
import {
  arr,
  branchesOf,
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
import { ListQuestions } from './editor-list-questions';
import { useEditorText } from './editor-messages';
import { keptBy } from './editor-needs';
import { PagesEditor } from './editor-pages';
import { ParamsEditor } from './editor-params';
import {
  isFreeCode,
  newQuestion,
  QuestionEditor,
  questionCode,
  SCALAR_TYPES,
} from './editor-question';
import { offersQuestionCondition, QuestionCondition } from './editor-question-condition';
import type { DefinitionJson } from './policy-api';

/** The kinds of answer of a question of the form: a list's own kinds, a list, files. */
const FIELD_TYPES = [...SCALAR_TYPES, 'list', 'attachments'];
/** Guards about the form's content: shown beside the form so a condition is found where it is felt. */
const FORM_GUARDS = new Set([
  'supportersAtLeast',
  'daysBeforeActivityAtLeast',
  'amountAtMost',
  'amountAtLeast',
]);

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

/**
 * The application form: questions (each with QuestionEditor, a list's own questions with
 * ListQuestions), their page, removing and adding a question, the pages, and the submit
 * conditions.
 */
export function FormSection({ def, update }: { def: DefinitionJson; update: Update }) {
  const { e, word, locale } = useEditorText();
  const form = obj(def.form);
  const fields = arr(form.fields).map(obj);
  const pages = arr(form.pages).map(obj);
  const [label, setLabel] = useState('');
  const [type, setType] = useState('text');
  const pageOf = (key: string) => pages.findIndex((pg) => arr(pg.fields).includes(key));
  const code = questionCode(label);
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
        // Without words in the officer's language, a question goes by its place: the Dutch
        // screen never falls back to the English text.
        const words = textIn(f.label, locale, '');
        const title = words || e('form.untitled', { n: i + 1 });
        const heading = words
          ? e('form.field', { label: words })
          : e('form.fieldUntitled', { n: i + 1 });
        // What the definition counts on is not offered for removal; the reason is said instead.
        const kept = keptBy(def, key, locale);
        return (
          <Fieldset key={key} id={pathId(base)} tabIndex={-1} className="policy-state">
            <FieldsetLegend>{heading}</FieldsetLegend>
            <QuestionEditor field={f} base={base} where={heading} update={update}>
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
              {/* The letters print the account's holder beside the number, from this question. */}
              {str(f.type) === 'iban' && (
                <SelectField
                  id={pathId(`${base}.holderField`)}
                  label={e('form.holderField')}
                  value={str(f.holderField)}
                  onChange={(v) =>
                    update((d) => {
                      const q = obj(arr(obj(d.form).fields)[i]);
                      if (v) q.holderField = v;
                      else delete q.holderField;
                    })
                  }
                  options={[
                    { value: '', label: e('form.holderFieldNone') },
                    ...fields.flatMap((o, n) =>
                      str(o.type) === 'text'
                        ? [
                            {
                              value: str(o.key),
                              label:
                                textIn(o.label, locale, '') || e('form.untitled', { n: n + 1 }),
                            },
                          ]
                        : [],
                    ),
                  ]}
                />
              )}
            </QuestionEditor>
            {offersQuestionCondition(fields, i) && (
              <QuestionCondition def={def} index={i} fieldLabel={title} update={update} />
            )}
            {str(f.type) === 'list' && (
              <ListQuestions def={def} list={f} base={base} update={update} />
            )}
            {kept ? (
              <Paragraph>
                {e(kept.message, {
                  label: title,
                  field: 'field' in kept ? kept.field : '',
                  guard: 'guard' in kept ? word('guard', kept.guard) : '',
                })}
              </Paragraph>
            ) : (
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
            )}
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
          disabled={!isFreeCode(code, fields)}
          onClick={() => {
            update((d) => {
              const fm = obj(d.form);
              fm.fields = [...arr(fm.fields), newQuestion(code, type, label)];
              const ps = arr(fm.pages).map(obj);
              if (ps.length > 0)
                ps[ps.length - 1]!.fields = [...arr(ps[ps.length - 1]!.fields), code];
            });
            setLabel('');
            // The button is disabled once its box is empty: focus goes on to the new question's
            // first box, not back to the top of the page.
            const at = fields.length;
            requestAnimationFrame(() =>
              document.getElementById(pathId(`form.fields.${at}.label.nl`))?.focus(),
            );
          }}
        >
          {e('form.add')}
        </Button>
      </div>
    </details>
  );
}
