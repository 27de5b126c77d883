import { SUPPORTERS_LIST, supportersRule, supportersRules } from '@initiatief/engine';
import { arr, branchesOf, guardsOf, type Obj, obj, str, textIn } from './editor-kit';
import type { DefinitionJson } from './policy-api';

/** Every guard of `type` on any transition of the definition. */
function guardsOfType(def: DefinitionJson, type: string): Obj[] {
  const found: Obj[] = [];
  for (const [name, state] of Object.entries(obj(def.states)))
    for (const [ev, v] of Object.entries(obj(obj(state).on)))
      for (const b of branchesOf(v, `states.${name}.on.${ev}`))
        for (const g of guardsOf(b.t)) if (g.type === type) found.push(g);
  return found;
}

/**
 * The age from which the submit condition counts supporters (`supportersAtLeast`, strictest
 * count first), or null when no transition asks for supporters. It reads each row's `age`.
 * The engine's own reading of the rule (supportersRule), of the draft as it is now.
 */
export function supportersMinAge(def: DefinitionJson): number | null {
  return supportersRule(def)?.minAge ?? null;
}

/**
 * Whether a submit condition counts only supporters of a district (`supportersAtLeast` with a
 * `sameDistrict` table, any of them): then it reads each row's `postcode`.
 */
export function supportersByDistrict(def: DefinitionJson): boolean {
  return supportersRules(def).some((r) => Object.keys(r.sameDistrict?.postcodes ?? {}).length > 0);
}

/** Why the definition cannot do without a question of the form: a message and its words. */
export type Kept =
  | { message: 'form.keptRequested'; field: string }
  | { message: 'form.keptDate' | 'form.keptSupporters'; guard: string }
  | { message: 'form.keptTitle' };

/**
 * Whether the definition counts on the form's question `key`, and so the editor does not offer
 * to remove it: the list whose amounts make the requested amount, the activity date a condition
 * counts with, the supporters' list a condition counts, the question that names the application.
 * Without them the engine would refuse every submission, or a letter would name nothing.
 */
export function keptBy(def: DefinitionJson, key: string, locale: 'nl' | 'en'): Kept | null {
  const form = obj(def.form);
  const requested = obj(form.requestedAmount);
  if (str(requested.list) === key) {
    const list = arr(form.fields)
      .map(obj)
      .find((f) => f.key === key);
    const field = arr(list?.fields)
      .map(obj)
      .find((f) => f.key === requested.field);
    return {
      message: 'form.keptRequested',
      field: textIn(field?.label, locale, str(requested.field)),
    };
  }
  if ((str(form.activityDateField) || 'activityDate') === key) {
    const [guard] = guardsOfType(def, 'daysBeforeActivityAtLeast');
    if (guard) return { message: 'form.keptDate', guard: 'daysBeforeActivityAtLeast' };
  }
  if (key === SUPPORTERS_LIST && supportersMinAge(def) !== null)
    return { message: 'form.keptSupporters', guard: 'supportersAtLeast' };
  if ((str(form.titleField) || 'title') === key) return { message: 'form.keptTitle' };
  return null;
}
