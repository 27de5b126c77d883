/**
 * The vocabulary's guards, actions and delays as the policy editor reads them: their names, the
 * step a transition belongs to and its fields, and a reference in words.
 */

import { vocabularyParamSchemas } from '@initiatief/engine';
import { formatList } from '../i18n/lists';
import { useDistrictSummary } from './editor-district-postcodes';
import { labelOf, obj, str, templateName, textIn } from './editor-kit';
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

/** The step a transition at a dotted path belongs to (`states.x.on.SUBMIT…`), if any. */
export function eventOfPath(path: string): string | undefined {
  const parts = path.split('.');
  return parts[0] === 'states' && parts[2] === 'on' ? parts[3] : undefined;
}

/** The fields a step asks for, with their labels (`x-label`) in the officer's language. */
export function payloadFieldsOf(
  def: DefinitionJson,
  event: string | undefined,
  locale: 'nl' | 'en',
): { key: string; label: string }[] {
  if (!event) return [];
  const props = obj(obj(obj(obj(def.events)[event]).payload).properties);
  return Object.entries(props).map(([key, prop]) => ({
    key,
    label: textIn(obj(prop)['x-label'], locale, str(obj(prop).title) || key),
  }));
}

/**
 * A guard, action or delay reference in words: "Minimaal aantal ondersteuners: 4", with every
 * value by its label (a step's fields by their questions, a text by its subject, a regulation's
 * amount by what it is), never by its code. `event` is the step the transition belongs to.
 */
export function useRefText(def: DefinitionJson) {
  const { word, enumWord, e, locale, formatMoney } = useEditorText();
  const list = { format: (items: string[]) => formatList(items, locale) };
  const districtSummary = useDistrictSummary();
  return (group: VocabularyGroup, ref: unknown, event?: string): string => {
    const r = obj(ref);
    const type = str(r.type);
    const params = obj(r.params);
    const fields = payloadFieldsOf(def, event, locale);
    const fieldLabel = (v: unknown) => fields.find((f) => f.key === v)?.label ?? String(v);
    const valueText = (k: string, v: unknown): string => {
      if (k === 'cents' && typeof v === 'number') return formatMoney(v);
      if (k === 'event') return labelOf(obj(def.events)[str(v)], locale, str(v));
      if (k === 'template') {
        const g = type === 'issueDocument' ? 'letters' : 'mails';
        return templateName(obj(obj(def.templates)[g])[str(v)], locale);
      }
      if (k === 'sameDistrict') return districtSummary(v);
      if (k === 'field') return fieldLabel(v);
      if (k === 'value' && type === 'payloadEquals') {
        // A choice by its words in the step's field (`x-enumLabels`), else as entered.
        const prop = obj(
          obj(obj(obj(obj(def.events)[event ?? '']).payload).properties)[str(params.field)],
        );
        const words = textIn(obj(prop['x-enumLabels'])[String(v)], locale, '');
        return words || (typeof v === 'boolean' ? e(v ? 'ref.yes' : 'ref.no') : String(v));
      }
      if (k === 'fields')
        return Array.isArray(v) && v.length ? list.format(v.map(fieldLabel)) : e('ref.noFields');
      if (typeof v === 'string') return enumWord(k, v);
      return Array.isArray(v) ? list.format(v.map(String)) : String(v);
    };
    const name = word(PREFIX[group], type);
    const v = (k: string) => valueText(k, params[k]);
    if (type === 'amountAtMost' && params.amount !== undefined && params.limit !== undefined) {
      const limit = params.limit === 'fixed' ? v('cents') : v('limit');
      // An amount read from another field of the step (an advance) by that field's label.
      const amount = params.field !== undefined ? v('field') : v('amount');
      return e('ref.amountAtMost', { amount, limit });
    }
    if (type === 'amountAtLeast' && params.amount !== undefined && params.cents !== undefined)
      return e('ref.amountAtLeast', { amount: v('amount'), cents: v('cents') });
    if (type === 'assignPayload' && params.into !== undefined)
      return `${name}: ${e('ref.assignPayload', { fields: v('fields'), into: v('into') })}`;
    const values = Object.keys(params).map(v);
    return values.length ? `${name}: ${values.join(', ')}` : name;
  };
}
