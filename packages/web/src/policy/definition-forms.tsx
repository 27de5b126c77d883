import { TEMPLATE_VARIABLES } from '@initiatief/engine';
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
import { SelectField, TextAreaField, TextField } from '../components/ui';
import type { DefinitionJson } from './policy-api';
import { type PolicyMessageKey, usePolicyText } from './policy-messages';

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const obj = (v: unknown): Obj => (isObj(v) ? v : {});
const str = (v: unknown): string => (typeof v === 'string' ? v : '');

/** The DOM id of the form control for a dotted definition path. */
export function pathId(path: string): string {
  return `def-${path.replace(/[^A-Za-z0-9_-]/g, '-')}`;
}

/**
 * Focuses the control of a validation problem: the exact path, else the nearest enclosing part
 * that has one, else the raw JSON. Closed <details> on the way are opened.
 */
export function focusPath(path: string) {
  const parts = path.split('.');
  for (let n = parts.length; n >= 0; n--) {
    const el = document.getElementById(n === 0 ? 'def-json' : pathId(parts.slice(0, n).join('.')));
    if (!el) continue;
    for (let d = el.closest('details'); d; d = d.parentElement?.closest('details') ?? null) {
      d.open = true;
    }
    el.scrollIntoView({ block: 'center' });
    el.focus();
    return;
  }
}

export const ROLE_CODES = [
  'applicant',
  'clerk',
  'assessor',
  'approver',
  'policy',
  'admin',
] as const;

type Update = (change: (def: DefinitionJson) => void) => void;

interface Branch {
  path: string;
  target: string;
  guards: string;
}

function branchesOf(value: unknown, path: string): Branch[] {
  const guardText = (t: Obj) => {
    const g = t.guard;
    const list = Array.isArray(g) ? g : g ? [g] : [];
    return list.map((x) => str(obj(x).type)).join(', ');
  };
  if (typeof value === 'string') return [{ path, target: value, guards: '' }];
  if (Array.isArray(value))
    return value.map((t, i) => ({
      path: `${path}.${i}`,
      target: str(obj(t).target),
      guards: guardText(obj(t)),
    }));
  if (isObj(value)) return [{ path, target: str(value.target), guards: guardText(value) }];
  return [];
}

/** Sets the target of one branch at a dotted path (string shorthand or object). */
function setTarget(def: DefinitionJson, path: string, target: string) {
  const parts = path.split('.');
  const last = parts.pop()!;
  let parent: unknown = def;
  for (const part of parts) parent = (parent as Obj)[part];
  const container = parent as Obj;
  const current = container[last];
  if (typeof current === 'string' || current === undefined) container[last] = target;
  else (current as Obj).target = target;
}

function StatesSection({ def, update }: { def: DefinitionJson; update: Update }) {
  const { p, locale } = usePolicyText();
  const states = obj(def.states);
  const eventLabel = (type: string) => str(obj(obj(obj(def.events)[type]).label)[locale]) || type;
  const events = Object.keys(obj(def.events));
  const names = Object.keys(states);
  const [newName, setNewName] = useState('');
  const [newEvent, setNewEvent] = useState<Record<string, string>>({});
  const stateOptions = names.map((n) => ({
    value: n,
    label: str(obj(obj(obj(states[n]).meta).label)[locale]) || n,
  }));

  return (
    <details className="policy-section" id="def-section-states">
      <summary id="def-states-title" className="policy-section__summary">
        {p('states.title')}
      </summary>
      <SelectField
        id={pathId('initial')}
        label={p('states.initial')}
        value={str(def.initial)}
        onChange={(v) =>
          update((d) => {
            d.initial = v;
          })
        }
        options={stateOptions}
      />
      {names.map((name) => {
        const s = obj(states[name]);
        const meta = obj(s.meta);
        const label = obj(meta.label);
        const base = `states.${name}`;
        const rows: { key: string; title: string; branch: Branch }[] = [];
        for (const [type, t] of Object.entries(obj(s.on))) {
          for (const b of branchesOf(t, `${base}.on.${type}`))
            rows.push({ key: b.path, title: eventLabel(type), branch: b });
        }
        for (const [delay, t] of Object.entries(obj(s.after))) {
          for (const b of branchesOf(t, `${base}.after.${delay}`))
            rows.push({ key: b.path, title: p('states.timer', { delay }), branch: b });
        }
        const unused = events.filter((e) => !Object.hasOwn(obj(s.on), e));
        return (
          <Fieldset key={name} id={pathId(base)} tabIndex={-1} className="policy-state">
            <FieldsetLegend>
              {str(label[locale]) || name} <code>{name}</code>
            </FieldsetLegend>
            <div className="policy-grid">
              <TextField
                id={pathId(`${base}.meta.label.nl`)}
                label={p('states.labelNl')}
                value={str(label.nl)}
                onChange={(v) =>
                  update((d) => {
                    const st = obj(obj(d.states)[name]);
                    st.meta = {
                      ...obj(st.meta),
                      label: {
                        ...obj(obj(st.meta).label),
                        nl: v,
                        en: str(obj(obj(st.meta).label).en),
                      },
                    };
                  })
                }
              />
              <TextField
                id={pathId(`${base}.meta.label.en`)}
                label={p('states.labelEn')}
                value={str(label.en)}
                onChange={(v) =>
                  update((d) => {
                    const st = obj(obj(d.states)[name]);
                    st.meta = {
                      ...obj(st.meta),
                      label: {
                        nl: str(obj(obj(st.meta).label).nl),
                        ...obj(obj(st.meta).label),
                        en: v,
                      },
                    };
                  })
                }
              />
              <SelectField
                id={pathId(`${base}.type`)}
                label={p('states.type')}
                value={s.type === 'final' ? 'final' : 'atomic'}
                onChange={(v) =>
                  update((d) => {
                    const st = obj(obj(d.states)[name]);
                    if (v === 'final') st.type = 'final';
                    else delete st.type;
                  })
                }
                options={[
                  { value: 'atomic', label: p('states.type.atomic') },
                  { value: 'final', label: p('states.type.final') },
                ]}
              />
            </div>
            <FormField type="checkbox" className="app-field">
              <Checkbox
                id={pathId(`${base}.meta.editable`)}
                appearance="html"
                className="policy-checkbox"
                checked={meta.editable === true}
                onChange={(e) => {
                  const checked = e.target.checked;
                  update((d) => {
                    const st = obj(obj(d.states)[name]);
                    st.meta = { ...obj(st.meta), editable: checked };
                  });
                }}
              />
              <FormLabel htmlFor={pathId(`${base}.meta.editable`)} type="checkbox">
                {p('states.editable')}
              </FormLabel>
            </FormField>
            <Heading3 className="policy-h3">
              {p('states.transitions', { state: str(label[locale]) || name })}
            </Heading3>
            {rows.length === 0 ? (
              <Paragraph>{p('states.noTransitions')}</Paragraph>
            ) : (
              <ul className="policy-transitions">
                {rows.map((r) => (
                  <li key={r.key} className="policy-transition">
                    <SelectField
                      id={pathId(`${r.branch.path}.target`)}
                      label={`${r.title} → ${p('states.target').toLowerCase()}`}
                      description={
                        r.branch.guards ? `${p('states.guards')}: ${r.branch.guards}` : undefined
                      }
                      value={r.branch.target}
                      onChange={(v) => update((d) => setTarget(d, r.branch.path, v))}
                      options={[
                        ...(names.includes(r.branch.target)
                          ? []
                          : [{ value: r.branch.target, label: r.branch.target || '–' }]),
                        ...stateOptions,
                      ]}
                    />
                    {r.key.includes('.on.') && !/\.\d+$/.test(r.key) && (
                      <Button
                        appearance="subtle-button"
                        onClick={() =>
                          update((d) => {
                            const on = obj(obj(obj(d.states)[name]).on);
                            delete on[r.key.split('.on.')[1]!];
                          })
                        }
                      >
                        {p('states.removeTransition', { event: r.title })}
                      </Button>
                    )}
                  </li>
                ))}
              </ul>
            )}
            {unused.length > 0 && (
              <div className="policy-inline">
                <SelectField
                  id={`def-new-transition-${name}`}
                  label={p('states.addTransition')}
                  value={newEvent[name] ?? ''}
                  onChange={(v) => setNewEvent({ ...newEvent, [name]: v })}
                  options={[
                    { value: '', label: '–' },
                    ...unused.map((e) => ({ value: e, label: eventLabel(e) })),
                  ]}
                />
                <Button
                  appearance="secondary-action-button"
                  disabled={!newEvent[name]}
                  onClick={() => {
                    const type = newEvent[name]!;
                    update((d) => {
                      const st = obj(obj(d.states)[name]);
                      st.on = { ...obj(st.on), [type]: { target: name } };
                    });
                    setNewEvent({ ...newEvent, [name]: '' });
                  }}
                >
                  {p('common.add')}
                </Button>
              </div>
            )}
            {name !== def.initial && (
              <Button
                appearance="subtle-button"
                onClick={() =>
                  update((d) => {
                    delete obj(d.states)[name];
                  })
                }
              >
                {p('states.removeNamed', { state: name })}
              </Button>
            )}
          </Fieldset>
        );
      })}
      <div className="policy-inline">
        <TextField
          id="def-new-state"
          label={p('states.newName')}
          description={p('states.newHint')}
          value={newName}
          onChange={setNewName}
          width="medium"
        />
        <Button
          appearance="secondary-action-button"
          disabled={!/^[a-z][a-z0-9_]*$/.test(newName) || names.includes(newName)}
          onClick={() => {
            update((d) => {
              d.states = {
                ...obj(d.states),
                [newName]: { meta: { label: { nl: newName, en: newName } }, on: {} },
              };
            });
            setNewName('');
          }}
        >
          {p('states.new')}
        </Button>
      </div>
    </details>
  );
}

function EventsSection({ def, update }: { def: DefinitionJson; update: Update }) {
  const { p, locale } = usePolicyText();
  const events = obj(def.events);
  return (
    <details className="policy-section" id="def-section-events">
      <summary id="def-events-title" className="policy-section__summary">
        {p('events.title')}
      </summary>
      {Object.entries(events).map(([type, e]) => {
        const roles = Array.isArray(obj(e).roles) ? (obj(e).roles as string[]) : [];
        return (
          <Fieldset key={type} id={pathId(`events.${type}.roles`)} tabIndex={-1}>
            <FieldsetLegend>
              {p('events.roles', { event: str(obj(obj(e).label)[locale]) || type })}{' '}
              <code>{type}</code>
            </FieldsetLegend>
            <div className="policy-checks">
              {ROLE_CODES.map((role) => {
                const id = pathId(`events.${type}.roles.${role}`);
                return (
                  <FormField key={role} type="checkbox" className="app-field">
                    <Checkbox
                      id={id}
                      appearance="html"
                      className="policy-checkbox"
                      checked={roles.includes(role)}
                      onChange={(ev) => {
                        const on = ev.target.checked;
                        update((d) => {
                          const target = obj(obj(d.events)[type]);
                          const now = Array.isArray(target.roles) ? (target.roles as string[]) : [];
                          // Adding keeps every role already there (also ones this screen does not list).
                          target.roles = on
                            ? [...now.filter((r) => r !== role), role]
                            : now.filter((r) => r !== role);
                        });
                      }}
                    />
                    <FormLabel htmlFor={id} type="checkbox">
                      {p(`roles.${role}` as PolicyMessageKey)}
                    </FormLabel>
                  </FormField>
                );
              })}
            </div>
          </Fieldset>
        );
      })}
    </details>
  );
}

function DelaysSection({ def, update }: { def: DefinitionJson; update: Update }) {
  const { p } = usePolicyText();
  const delays = obj(def.delays);
  return (
    <details className="policy-section" id="def-section-delays">
      <summary id="def-delays-title" className="policy-section__summary">
        {p('delays.title')}
      </summary>
      <Paragraph>{p('delays.intro')}</Paragraph>
      {Object.entries(delays).map(([name, ref]) => {
        const type = str(obj(ref).type);
        const params = obj(obj(ref).params);
        const field = type === 'days' ? 'days' : type === 'supplementDue' ? null : 'offsetDays';
        const kindKey = `delays.kind.${type}` as PolicyMessageKey;
        return (
          <div key={name} id={pathId(`delays.${name}`)} tabIndex={-1} className="policy-delay">
            <Paragraph>
              <strong>{name}</strong>: {p(kindKey) ?? type}
            </Paragraph>
            {field && (
              <TextField
                id={pathId(`delays.${name}.params.${field}`)}
                label={
                  field === 'days'
                    ? p('delays.days', { delay: name })
                    : p('delays.offsetDays', { delay: name })
                }
                description={field === 'offsetDays' ? p('delays.offsetHint') : undefined}
                type="number"
                inputMode="numeric"
                width="short"
                value={params[field] === undefined ? '' : String(params[field])}
                onChange={(v) =>
                  update((d) => {
                    const target = obj(obj(d.delays)[name]);
                    const next = { ...obj(target.params) };
                    if (v.trim() === '') delete next[field];
                    else next[field] = Number.isFinite(Number(v)) ? Math.trunc(Number(v)) : v;
                    target.params = next;
                  })
                }
              />
            )}
          </div>
        );
      })}
    </details>
  );
}

function TextsSection({ def, update }: { def: DefinitionJson; update: Update }) {
  const { p } = usePolicyText();
  const templates = obj(def.templates);
  const list = TEMPLATE_VARIABLES.map((v) => `{{${v}}}`).join(', ');
  return (
    <details className="policy-section" id="def-section-texts">
      <summary id="def-texts-title" className="policy-section__summary">
        {p('texts.title')}
      </summary>
      <Paragraph className="policy-placeholders">{p('texts.placeholders', { list })}</Paragraph>
      {(['mails', 'letters'] as const).map((group) => (
        <div key={group}>
          <Heading3 className="policy-h3">
            {p(group === 'mails' ? 'texts.mails' : 'texts.letters')}
          </Heading3>
          {Object.entries(obj(templates[group])).map(([key, pair]) => (
            <details key={key} className="policy-template" id={pathId(`templates.${group}.${key}`)}>
              <summary>{key}</summary>
              {(['nl', 'en'] as const).map((lang) => {
                const t = obj(obj(pair)[lang]);
                const base = `templates.${group}.${key}.${lang}`;
                const langName = p(`texts.lang.${lang}`);
                const set = (part: 'subject' | 'body', v: string) =>
                  update((d) => {
                    const g = obj(obj(d.templates)[group]);
                    const pr = obj(g[key]);
                    pr[lang] = {
                      subject: str(obj(pr[lang]).subject),
                      body: str(obj(pr[lang]).body),
                      [part]: v,
                    };
                  });
                return (
                  <div key={lang}>
                    <TextField
                      id={pathId(`${base}.subject`)}
                      label={p('texts.subject', { lang: langName })}
                      value={str(t.subject)}
                      onChange={(v) => set('subject', v)}
                    />
                    <TextAreaField
                      id={pathId(`${base}.body`)}
                      label={p('texts.body', { lang: langName })}
                      value={str(t.body)}
                      rows={8}
                      onChange={(v) => set('body', v)}
                    />
                  </div>
                );
              })}
            </details>
          ))}
        </div>
      ))}
    </details>
  );
}

/** The form view of a definition: every change goes through `update` into the JSON. */
export function DefinitionForms({ def, update }: { def: DefinitionJson; update: Update }) {
  return (
    <>
      <StatesSection def={def} update={update} />
      <EventsSection def={def} update={update} />
      <DelaysSection def={def} update={update} />
      <TextsSection def={def} update={update} />
    </>
  );
}
