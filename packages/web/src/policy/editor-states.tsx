import { STATE_TAGS } from '@initiatief/engine';
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
import { SelectField, TextAreaField } from '../components/ui';
import { delayText } from './delay-text';
import {
  arr,
  branchesOf,
  codeFrom,
  labelOf,
  obj,
  pathId,
  removeAt,
  str,
  type Update,
} from './editor-kit';
import { memoOnReadParts } from './editor-memo';
import { useEditorText } from './editor-messages';
import { useKeyOrder } from './editor-order';
import {
  NewTargetSelect,
  RemoveState,
  STAY,
  StateOptionsContext,
  StateOrder,
  StatesContext,
  useStableOptions,
} from './editor-states-shared';
import { PolicyTextField as TextField } from './editor-texts';
import { TransitionEditor } from './editor-transition';
import type { DefinitionJson } from './policy-api';

function StateEditor({ def, update, name }: { def: DefinitionJson; update: Update; name: string }) {
  const { p, e, word, locale } = useEditorText();
  const s = obj(obj(def.states)[name]);
  const meta = obj(s.meta);
  const label = obj(meta.label);
  const base = `states.${name}`;
  const title = labelOf(s, locale, name);
  const events = obj(def.events);
  const eventLabel = (type: string) => labelOf(events[type], locale, type);
  const [newEvent, setNewEvent] = useState('');
  const [newTarget, setNewTarget] = useState('');
  const [newDelay, setNewDelay] = useState('');
  const setState = (fn: (st: Record<string, unknown>) => void) =>
    update((d) => fn(obj(obj(d.states)[name])));
  const setLabel = (lang: 'nl' | 'en', v: string) =>
    setState((st) => {
      const m = obj(st.meta);
      const l = obj(m.label);
      st.meta = { ...m, label: { nl: str(l.nl), en: str(l.en), [lang]: v } };
    });
  const tags = arr(s.tags).map(String);
  const final = s.type === 'final';
  const unusedDelays = Object.keys(obj(def.delays)).filter(
    (dl) => !Object.hasOwn(obj(s.after), dl),
  );

  return (
    <Fieldset id={pathId(base)} tabIndex={-1} className="policy-state">
      <FieldsetLegend>{title}</FieldsetLegend>
      <StateOrder name={name} what={title} />
      <div className="policy-grid">
        <TextField
          id={pathId(`${base}.meta.label.nl`)}
          label={p('states.labelNl')}
          value={str(label.nl)}
          onChange={(v) => setLabel('nl', v)}
        />
        <TextField
          id={pathId(`${base}.meta.label.en`)}
          label={p('states.labelEn')}
          value={str(label.en)}
          onChange={(v) => setLabel('en', v)}
        />
        <SelectField
          id={pathId(`${base}.type`)}
          label={p('states.type')}
          value={final ? 'final' : 'atomic'}
          onChange={(v) =>
            setState((st) => {
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
      <TextAreaField
        id={pathId(`${base}.description`)}
        label={e('states.description')}
        value={str(s.description)}
        rows={2}
        onChange={(v) =>
          setState((st) => {
            if (v) st.description = v;
            else delete st.description;
          })
        }
      />
      <fieldset className="policy-plain-fieldset" id={pathId(`${base}.tags`)}>
        <legend className="utrecht-form-label">{e('states.tags', { state: title })}</legend>
        <div className="policy-checks">
          <FormField type="checkbox" className="app-field">
            <Checkbox
              id={pathId(`${base}.meta.editable`)}
              appearance="html"
              className="policy-checkbox"
              checked={meta.editable === true}
              onChange={(ev) => {
                const checked = ev.target.checked;
                setState((st) => {
                  st.meta = { ...obj(st.meta), editable: checked };
                });
              }}
            />
            <FormLabel htmlFor={pathId(`${base}.meta.editable`)} type="checkbox">
              {p('states.editable')}
            </FormLabel>
          </FormField>
          {STATE_TAGS.map((tag) => {
            const id = pathId(`${base}.tags.${tag}`);
            return (
              <FormField key={tag} type="checkbox" className="app-field">
                <Checkbox
                  id={id}
                  appearance="html"
                  className="policy-checkbox"
                  checked={tags.includes(tag)}
                  onChange={(ev) => {
                    const on = ev.target.checked;
                    setState((st) => {
                      const now = arr(st.tags).map(String);
                      const next = on
                        ? [...now.filter((t) => t !== tag), tag]
                        : now.filter((t) => t !== tag);
                      if (next.length) st.tags = next;
                      else delete st.tags;
                    });
                  }}
                />
                <FormLabel htmlFor={id} type="checkbox">
                  {word('tag', tag)}
                </FormLabel>
              </FormField>
            );
          })}
        </div>
      </fieldset>

      {!final && (
        <>
          <Heading3 className="policy-h3">{p('states.transitions', { state: title })}</Heading3>
          {Object.keys(obj(s.on)).length === 0 && (
            <Paragraph>{p('states.noTransitions')}</Paragraph>
          )}
          <ul className="policy-transitions">
            {Object.entries(obj(s.on)).flatMap(([type, value]) => {
              const branches = branchesOf(value, `${base}.on.${type}`);
              return branches.map((b, i) => {
                const name =
                  branches.length > 1
                    ? e('tr.branchOf', { n: i + 1, event: eventLabel(type) })
                    : eventLabel(type);
                return (
                  <li key={b.path}>
                    <TransitionEditor def={def} update={update} branch={b} title={name} />
                    <Button
                      appearance="subtle-button"
                      onClick={() => update((d) => removeAt(d, b.path))}
                    >
                      {p('states.removeTransition', { event: name })}
                    </Button>
                  </li>
                );
              });
            })}
          </ul>
          <fieldset className="policy-plain-fieldset policy-add">
            <legend className="utrecht-form-label">{e('states.addTitle', { state: title })}</legend>
            <div className="policy-inline">
              <SelectField
                id={`def-new-transition-${name}`}
                label={e('states.addEvent')}
                value={newEvent}
                onChange={setNewEvent}
                options={[
                  { value: '', label: e('tr.choose') },
                  ...Object.keys(events).map((ev) => ({ value: ev, label: eventLabel(ev) })),
                ]}
              />
              <NewTargetSelect from={name} value={newTarget} onChange={setNewTarget} />
              <Button
                appearance="secondary-action-button"
                disabled={!newEvent || !newTarget}
                onClick={() => {
                  const branch = newTarget === STAY ? {} : { target: newTarget };
                  setState((st) => {
                    const on = obj(st.on);
                    const existing = on[newEvent];
                    // A second transition on the same step becomes an option after the first.
                    on[newEvent] =
                      existing === undefined
                        ? branch
                        : [
                            ...(Array.isArray(existing)
                              ? existing
                              : [typeof existing === 'string' ? { target: existing } : existing]),
                            branch,
                          ];
                    st.on = on;
                  });
                  setNewEvent('');
                  setNewTarget('');
                }}
              >
                {p('states.addTransition')}
              </Button>
            </div>
          </fieldset>

          <Heading3 className="policy-h3">{e('timers.title', { state: title })}</Heading3>
          {Object.keys(obj(s.after)).length === 0 && <Paragraph>{e('timers.none')}</Paragraph>}
          <ul className="policy-transitions">
            {Object.entries(obj(s.after)).flatMap(([delay, value]) =>
              branchesOf(value, `${base}.after.${delay}`).map((b) => (
                <li key={b.path}>
                  <TransitionEditor
                    def={def}
                    update={update}
                    branch={b}
                    title={e('timers.label', { delay: delayText(def, delay, locale) })}
                  />
                  <Button
                    appearance="subtle-button"
                    onClick={() => update((d) => removeAt(d, b.path))}
                  >
                    {p('states.removeTransition', {
                      event: e('timers.label', { delay: delayText(def, delay, locale) }),
                    })}
                  </Button>
                </li>
              )),
            )}
          </ul>
          {unusedDelays.length > 0 && (
            <div className="policy-inline">
              <SelectField
                id={`def-new-timer-${name}`}
                label={e('timers.delay')}
                value={newDelay}
                onChange={setNewDelay}
                options={[
                  { value: '', label: e('tr.choose') },
                  ...unusedDelays.map((dl) => ({ value: dl, label: delayText(def, dl, locale) })),
                ]}
              />
              <Button
                appearance="secondary-action-button"
                disabled={!newDelay}
                onClick={() => {
                  setState((st) => {
                    st.after = { ...obj(st.after), [newDelay]: { actions: [] } };
                  });
                  setNewDelay('');
                }}
              >
                {e('timers.add')}
              </Button>
            </div>
          )}
        </>
      )}
      <RemoveState update={update} name={name} title={title} />
    </Fieldset>
  );
}

// Typing in one state draws that state's editor again, not every state's: each is memoised on
// its own state object (`states[name]`) and the other parts of the definition it reads.
const MemoStateEditor = memoOnReadParts(StateEditor, {
  deep: ['states'],
  instanceOf: (props) => props.name,
});

/** States with their labels, tags, transitions and timers; a new state from its label. */
export function StatesSection({ def, update }: { def: DefinitionJson; update: Update }) {
  const { p, e, locale } = useEditorText();
  const states = obj(def.states);
  const names = Object.keys(states);
  const [newLabel, setNewLabel] = useState('');
  const stateOptions = useStableOptions(
    names.map((n) => ({ value: n, label: labelOf(states[n], locale, n) })),
  );
  const code = codeFrom(newLabel);
  const { orderButtons, announcement } = useKeyOrder(def, update, 'states');
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
      <Paragraph>{e('order.states')}</Paragraph>
      <StatesContext.Provider value={{ def, orderButtons }}>
        <StateOptionsContext.Provider value={stateOptions}>
          {names.map((name) => (
            <MemoStateEditor key={name} def={def} update={update} name={name} />
          ))}
        </StateOptionsContext.Provider>
      </StatesContext.Provider>
      {announcement}
      <div className="policy-inline">
        <TextField
          id="def-new-state"
          label={p('states.newName')}
          value={newLabel}
          onChange={setNewLabel}
          width="medium"
        />
        <Button
          appearance="secondary-action-button"
          disabled={!/^[a-z][a-z0-9_]*$/.test(code) || names.includes(code)}
          onClick={() => {
            update((d) => {
              d.states = {
                ...obj(d.states),
                [code]: { tags: ['open'], meta: { label: { nl: newLabel, en: '' } }, on: {} },
              };
            });
            setNewLabel('');
          }}
        >
          {p('states.new')}
        </Button>
      </div>
    </details>
  );
}
