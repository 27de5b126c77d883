import { type ParamSchema, vocabularyParamSchemas } from '@initiatief/engine';
import { MoneyInput } from '../components/money-input';
import { SelectField, TextField } from '../components/ui';
import { arr, obj, pathId, str } from './editor-kit';
import { useEditorText } from './editor-messages';
import type { DefinitionJson } from './policy-api';

export type VocabularyGroup = 'guards' | 'actions' | 'delays';
const PREFIX: Record<VocabularyGroup, string> = {
  guards: 'guard',
  actions: 'action',
  delays: 'delay',
};

/** The names of a vocabulary group, in the engine's order. */
export function vocabularyNames(group: VocabularyGroup): string[] {
  return Object.keys(vocabularyParamSchemas()[group]);
}

/** A guard, action or delay reference in words: "Minimaal aantal ondersteuners: 4". */
export function useRefText(def: DefinitionJson) {
  const { word, locale, formatMoney } = useEditorText();
  return (group: VocabularyGroup, ref: unknown): string => {
    const r = obj(ref);
    const type = str(r.type);
    const params = obj(r.params);
    const values = Object.entries(params).map(([k, v]) => {
      if (k === 'cents' && typeof v === 'number') return formatMoney(v);
      if (k === 'event') return str(obj(obj(obj(def.events)[str(v)]).label)[locale]) || str(v);
      if (typeof v === 'string') return word('enum', v);
      return Array.isArray(v) ? v.join(', ') : String(v);
    });
    const name = word(PREFIX[group], type);
    return values.length ? `${name}: ${values.join(', ')}` : name;
  };
}

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
            <MoneyInput
              key={key}
              id={id}
              label={label}
              value={typeof value === 'number' ? value : null}
              onChange={(cents) => cents !== null && set(key, cents)}
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
                  label: `${str(obj(obj(pair)[locale]).subject) || k} (${k})`,
                })),
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
                  label: str(obj(obj(ev).label)[locale]) || k,
                })),
              ]}
            />
          );
        }
        return (
          <ParamField
            key={key}
            id={id}
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

function ParamField({
  id,
  label,
  schema,
  value,
  set,
  optional,
}: {
  id: string;
  label: string;
  schema: ParamSchema;
  value: unknown;
  set(v: unknown): void;
  optional: boolean;
}) {
  const { e, word } = useEditorText();
  if (schema.enum) {
    return (
      <SelectField
        id={id}
        label={label}
        value={value === undefined ? '' : String(value)}
        onChange={(v) => set(v || undefined)}
        options={[
          ...(optional || value === undefined ? [{ value: '', label: e('tr.choose') }] : []),
          ...schema.enum.map((v) => ({ value: String(v), label: word('enum', String(v)) })),
        ]}
      />
    );
  }
  if (schema.type === 'integer' || schema.type === 'number') {
    return (
      <TextField
        id={id}
        label={label}
        type="number"
        inputMode="numeric"
        width="short"
        value={typeof value === 'number' ? String(value) : str(value)}
        onChange={(v) => {
          const n = Number(v);
          set(v.trim() === '' ? undefined : Number.isFinite(n) ? Math.trunc(n) : v);
        }}
      />
    );
  }
  if (schema.type === 'array') {
    return (
      <TextField
        id={id}
        label={label}
        value={arr(value).map(String).join(', ')}
        onChange={(v) =>
          set(
            v
              .split(',')
              .map((x) => x.trim())
              .filter(Boolean),
          )
        }
      />
    );
  }
  return (
    <TextField
      id={id}
      label={label}
      value={value === undefined ? '' : String(value)}
      onChange={(v) => set(v === '' ? undefined : v === 'true' ? true : v === 'false' ? false : v)}
    />
  );
}
