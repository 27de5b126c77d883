import {
  Button,
  Checkbox,
  Fieldset,
  FieldsetLegend,
  FormField,
  FormLabel,
  Paragraph,
} from '@utrecht/component-library-react';
import { useState } from 'react';
import { USER_ROLES } from '../api/client';
import { arr, codeFrom, labelOf, obj, pathId, str, type Update } from './editor-kit';
import { useEditorText } from './editor-messages';
import { useKeyOrder } from './editor-order';
import { PayloadFields } from './editor-payload';
import { PolicyTextField as TextField } from './editor-texts';
import type { DefinitionJson } from './policy-api';
import type { PolicyMessageKey } from './policy-messages';

/** The roles an event can be given to: the people's roles, defined once (api/client). */
export const ROLE_CODES = USER_ROLES;
/**
 * Steps: their names, who may take them, the message after them, how the history names them
 * once taken and the data they carry.
 */
export function EventsSection({ def, update }: { def: DefinitionJson; update: Update }) {
  const { p, e, locale } = useEditorText();
  const events = obj(def.events);
  const [newLabel, setNewLabel] = useState('');
  const newCode = codeFrom(newLabel, true);
  const { orderButtons, announcement } = useKeyOrder(def, update, 'events');
  return (
    <details className="policy-section" id="def-section-events">
      <summary id="def-events-title" className="policy-section__summary">
        {p('events.title')}
      </summary>
      <Paragraph>{e('order.events')}</Paragraph>
      {Object.entries(events).map(([type, ev]) => {
        const roles = arr(obj(ev).roles).map(String);
        const label = obj(obj(ev).label);
        const outcome = obj(obj(ev).outcome);
        const history = obj(obj(ev).historyLabel);
        const title = labelOf(ev, locale, type);
        const setLocalized = (
          part: 'label' | 'outcome' | 'historyLabel',
          lang: 'nl' | 'en',
          v: string,
        ) =>
          update((d) => {
            const target = obj(obj(d.events)[type]);
            const now = obj(target[part]);
            const next = { nl: str(now.nl), en: str(now.en), [lang]: v };
            // The history's name is optional: both boxes emptied, the step's name is used again.
            if (part === 'historyLabel' && !next.nl.trim() && !next.en.trim()) delete target[part];
            else target[part] = next;
          });
        return (
          <Fieldset key={type} id={pathId(`events.${type}`)} tabIndex={-1} className="policy-state">
            <FieldsetLegend>{title}</FieldsetLegend>
            {orderButtons(type, title)}
            <div className="policy-grid">
              <TextField
                id={pathId(`events.${type}.label.nl`)}
                label={p('events.labelNl')}
                value={str(label.nl)}
                onChange={(v) => setLocalized('label', 'nl', v)}
              />
              <TextField
                id={pathId(`events.${type}.label.en`)}
                label={p('events.labelEn')}
                value={str(label.en)}
                onChange={(v) => setLocalized('label', 'en', v)}
              />
              <TextField
                id={pathId(`events.${type}.outcome.nl`)}
                label={e('events.outcomeNl')}
                value={str(outcome.nl)}
                onChange={(v) => setLocalized('outcome', 'nl', v)}
              />
              <TextField
                id={pathId(`events.${type}.outcome.en`)}
                label={e('events.outcomeEn')}
                value={str(outcome.en)}
                onChange={(v) => setLocalized('outcome', 'en', v)}
              />
              <TextField
                id={pathId(`events.${type}.historyLabel.nl`)}
                label={e('events.historyNl')}
                description={e('events.historyHint')}
                value={str(history.nl)}
                onChange={(v) => setLocalized('historyLabel', 'nl', v)}
              />
              <TextField
                id={pathId(`events.${type}.historyLabel.en`)}
                label={e('events.historyEn')}
                description={e('events.historyHint')}
                value={str(history.en)}
                onChange={(v) => setLocalized('historyLabel', 'en', v)}
              />
            </div>
            <fieldset
              className="policy-plain-fieldset"
              id={pathId(`events.${type}.roles`)}
              tabIndex={-1}
            >
              <legend className="utrecht-form-label">{p('events.roles', { event: title })}</legend>
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
                        onChange={(evt) => {
                          const on = evt.target.checked;
                          update((d) => {
                            const target = obj(obj(d.events)[type]);
                            const now = arr(target.roles).map(String);
                            // Adding keeps every role already there (also ones not listed here).
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
            </fieldset>
            <PayloadFields def={def} update={update} type={type} />
          </Fieldset>
        );
      })}
      <div className="policy-inline">
        <TextField
          id="def-new-event"
          label={e('events.newLabel')}
          value={newLabel}
          onChange={setNewLabel}
          width="medium"
        />
        <Button
          appearance="secondary-action-button"
          disabled={!/^[A-Z][A-Z0-9_]*$/.test(newCode) || Object.hasOwn(events, newCode)}
          onClick={() => {
            update((d) => {
              d.events = {
                ...obj(d.events),
                [newCode]: {
                  label: { nl: newLabel, en: '' },
                  roles: ['assessor'],
                  payload: {
                    type: 'object',
                    properties: {},
                    required: [],
                    additionalProperties: false,
                  },
                },
              };
            });
            setNewLabel('');
          }}
        >
          {e('events.add')}
        </Button>
      </div>
      {announcement}
    </details>
  );
}
