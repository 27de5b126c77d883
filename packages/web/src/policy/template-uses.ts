import { delayText } from './delay-text';
import { labelOf, obj, str } from './editor-kit';
import type { DefinitionJson } from './policy-api';

type Group = 'letters' | 'mails';
type Lang = 'nl' | 'en';

/**
 * Where a template is sent: "Ingediend › Verlenen" for each transition that uses it; a time limit
 * by its name or else what it is ("Ingediend › 7 dagen vóór de uiterste beslisdatum"), never its
 * code.
 */
export function usesOf(def: DefinitionJson, group: Group, key: string, locale: Lang) {
  const action = group === 'letters' ? 'issueDocument' : 'sendNotice';
  const out: { where: string; kind?: string }[] = [];
  for (const [name, s] of Object.entries(obj(def.states))) {
    const st = obj(s);
    const parts: [string, unknown][] = [
      ...Object.entries(obj(st.on)).map(([ev, v]): [string, unknown] => [
        labelOf(obj(def.events)[ev], locale, ev),
        v,
      ]),
      ...Object.entries(obj(st.after)).map(([dl, v]): [string, unknown] => [
        delayText(def, dl, locale),
        v,
      ]),
    ];
    for (const [title, v] of parts) {
      for (const t of [v].flat()) {
        for (const a of (Array.isArray(obj(t).actions) ? (obj(t).actions as unknown[]) : []).map(
          obj,
        )) {
          const params = obj(a.params);
          if (a.type === action && params.template === key)
            out.push({
              where: `${labelOf(st, locale, name)} › ${title}`,
              kind: str(params.kind) || undefined,
            });
        }
      }
    }
  }
  return out;
}
