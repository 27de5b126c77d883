import { vocabularyParamSchemas } from '@initiatief/engine';
import { SelectField } from '../components/ui';
import { DistrictPostcodesField } from './editor-district-postcodes';
import { arr, describePath, labelOf, obj, pathId, str, templateName } from './editor-kit';
import { useEditorText } from './editor-messages';
import { MoneyParamField } from './editor-number';
import { FieldsChooser, ParamField } from './editor-param-fields';
import { eventOfPath, payloadFieldsOf, type VocabularyGroup } from './editor-ref-text';
import type { DefinitionJson } from './policy-api';

/**
 * The parameters of one guard, action or delay as form fields, built from the engine's JSON
 * Schema of that vocabulary word: enums as choices, integers as numbers, cents as money,
 * templates and events chosen from the definition.
 */
export function ParamsEditor({
  def,
  group,
  type,
  params,
  path,
  onChange,
}: {
  def: DefinitionJson;
  group: VocabularyGroup;
  type: string;
  params: Record<string, unknown>;
  path: string;
  onChange(next: Record<string, unknown>): void;
}) {
  const { e, word, locale } = useEditorText();
  const schema = vocabularyParamSchemas()[group][type];
  const props = Object.entries(schema?.properties ?? {});
  if (props.length === 0) return null;
  const set = (key: string, value: unknown) => {
    const next = { ...params };
    if (value === undefined || value === '') delete next[key];
    else next[key] = value;
    onChange(next);
  };
  const templates = obj(def.templates);
  return (
    <div className="policy-grid">
      {props.map(([key, s]) => {
        const id = pathId(`${path}.params.${key}`);
        const label = word('param', key);
        const value = params[key];
        if (key === 'cents') {
          if (type === 'amountAtMost' && params.limit !== 'fixed') return null;
          return (
            <MoneyParamField
              key={key}
              id={id}
              path={`${path}.params.${key}`}
              where={describePath(def, path, locale)}
              label={label}
              value={typeof value === 'number' ? value : null}
              onValid={(cents) => set(key, cents)}
            />
          );
        }
        if (key === 'template') {
          const g = type === 'issueDocument' ? 'letters' : 'mails';
          return (
            <SelectField
              key={key}
              id={id}
              label={label}
              value={str(value)}
              onChange={(v) => set(key, v)}
              options={[
                { value: '', label: e('tr.choose') },
                ...Object.entries(obj(templates[g])).map(([k, pair]) => ({
                  value: k,
                  label: templateName(pair, locale),
                })),
              ]}
            />
          );
        }
        if (key === 'sameDistrict') {
          return (
            <DistrictPostcodesField
              key={key}
              id={id}
              path={`${path}.params.${key}`}
              where={describePath(def, path, locale)}
              label={label}
              value={value}
              set={(v) => set(key, v)}
            />
          );
        }
        if (key === 'fields' && type === 'assignPayload') {
          return (
            <FieldsChooser
              key={key}
              id={id}
              def={def}
              event={eventOfPath(path)}
              value={arr(value).map(String)}
              set={(v) => set(key, v)}
            />
          );
        }
        const fields = payloadFieldsOf(def, eventOfPath(path), locale);
        // `amountAtMost` reads another field of the step only for the amount in this step.
        if (key === 'field' && type === 'amountAtMost' && params.amount !== 'payload') return null;
        if (key === 'field' && fields.length > 0) {
          const known = fields.some((f) => f.key === value);
          return (
            <SelectField
              key={key}
              id={id}
              label={label}
              value={str(value)}
              onChange={(v) => set(key, v)}
              options={[
                // An optional field (the amount of an advance) can be set back to none.
                ...(!known
                  ? [{ value: str(value), label: str(value) || e('tr.choose') }]
                  : schema?.required?.includes(key)
                    ? []
                    : [{ value: '', label: e('tr.choose') }]),
                ...fields.map((f) => ({ value: f.key, label: f.label })),
              ]}
            />
          );
        }
        if (key === 'event') {
          return (
            <SelectField
              key={key}
              id={id}
              label={label}
              value={str(value)}
              onChange={(v) => set(key, v)}
              options={[
                { value: '', label: e('tr.choose') },
                ...Object.entries(obj(def.events)).map(([k, ev]) => ({
                  value: k,
                  label: labelOf(ev, locale, k),
                })),
              ]}
            />
          );
        }
        return (
          <ParamField
            key={key}
            id={id}
            path={`${path}.params.${key}`}
            where={describePath(def, path, locale)}
            param={key}
            label={label}
            schema={s}
            value={value}
            set={(v) => set(key, v)}
            optional={!schema?.required?.includes(key)}
          />
        );
      })}
    </div>
  );
}
