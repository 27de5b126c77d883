import { Button, Fieldset, FieldsetLegend, Paragraph } from '@utrecht/component-library-react';
import { useState } from 'react';
import { SelectField } from '../components/ui';
import { delayText } from './delay-text';
import { codeFrom, labelOf, obj, pathId, str, type Update } from './editor-kit';
import { useEditorText } from './editor-messages';
import { ParamsEditor } from './editor-params';
import { vocabularyNames } from './editor-ref-text';
import { PolicyTextField as TextField } from './editor-texts';
import type { DefinitionJson } from './policy-api';

/** Time limits: relative to which date, how many days; where each is used. */
export function DelaysSection({ def, update }: { def: DefinitionJson; update: Update }) {
  const { p, e, word, locale } = useEditorText();
  const delays = obj(def.delays);
  const [name, setName] = useState('');
  const [kind, setKind] = useState('decisionDue');
  const code = codeFrom(name).replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase());
  const usedIn = (delay: string) =>
    Object.entries(obj(def.states))
      .filter(([, s]) => Object.hasOwn(obj(obj(s).after), delay))
      .map(([n, s]) => labelOf(s, locale, n));
  const kinds = vocabularyNames('delays');
  return (
    <details className="policy-section" id="def-section-delays">
      <summary id="def-delays-title" className="policy-section__summary">
        {p('delays.title')}
      </summary>
      <Paragraph>{p('delays.intro')}</Paragraph>
      {Object.entries(delays).map(([delay, ref]) => {
        const type = str(obj(ref).type);
        const where = usedIn(delay);
        return (
          <Fieldset
            key={delay}
            id={pathId(`delays.${delay}`)}
            tabIndex={-1}
            className="policy-delay"
          >
            <FieldsetLegend>{delayText(def, delay, locale)}</FieldsetLegend>
            <div className="policy-grid">
              {(['nl', 'en'] as const).map((lang) => (
                <TextField
                  key={lang}
                  id={pathId(`delays.${delay}.label.${lang}`)}
                  label={e(lang === 'nl' ? 'delays.labelNl' : 'delays.labelEn')}
                  value={str(obj(obj(ref).label)[lang])}
                  onChange={(v) =>
                    update((d) => {
                      const target = obj(obj(d.delays)[delay]);
                      const now = obj(target.label);
                      target.label = { nl: str(now.nl), en: str(now.en), [lang]: v };
                    })
                  }
                />
              ))}
            </div>
            <SelectField
              id={pathId(`delays.${delay}.type`)}
              label={e('delays.kind')}
              value={type}
              onChange={(v) =>
                update((d) => {
                  const label = obj(obj(d.delays)[delay]).label;
                  obj(d.delays)[delay] = label ? { type: v, label } : { type: v };
                })
              }
              options={kinds.map((k) => ({ value: k, label: word('delay', k) }))}
            />
            <ParamsEditor
              def={def}
              group="delays"
              type={type}
              params={obj(obj(ref).params)}
              path={`delays.${delay}`}
              onChange={(params) =>
                update((d) => {
                  const target = obj(obj(d.delays)[delay]);
                  if (Object.keys(params).length) target.params = params;
                  else delete target.params;
                })
              }
            />
            <Paragraph>
              {where.length ? e('delays.where', { states: where.join(', ') }) : e('delays.unused')}
            </Paragraph>
            {where.length === 0 && (
              <Button
                appearance="subtle-button"
                onClick={() =>
                  update((d) => {
                    delete obj(d.delays)[delay];
                  })
                }
              >
                {e('delays.remove', { delay: delayText(def, delay, locale) })}
              </Button>
            )}
          </Fieldset>
        );
      })}
      <div className="policy-inline">
        <TextField
          id="def-new-delay"
          label={e('delays.name')}
          value={name}
          onChange={setName}
          width="medium"
        />
        <SelectField
          id="def-new-delay-kind"
          label={e('delays.kind')}
          value={kind}
          onChange={setKind}
          options={kinds.map((k) => ({ value: k, label: word('delay', k) }))}
        />
        <Button
          appearance="secondary-action-button"
          disabled={!/^[a-z][A-Za-z0-9_]*$/.test(code) || Object.hasOwn(delays, code)}
          onClick={() => {
            update((d) => {
              const params =
                kind === 'days'
                  ? { days: 7 }
                  : kind === 'supplementDue'
                    ? undefined
                    : { offsetDays: 1 };
              d.delays = {
                ...obj(d.delays),
                [code]: {
                  type: kind,
                  ...(params ? { params } : {}),
                  // The name as typed is Dutch: the English one is asked for (missing_translation).
                  label: { nl: name.trim(), en: '' },
                },
              };
            });
            setName('');
          }}
        >
          {e('delays.add')}
        </Button>
      </div>
    </details>
  );
}
