type Obj = Record<string, unknown>;
// Own helper, not editor-kit's: editor-kit's describePath uses this module.
const obj = (v: unknown): Obj =>
  typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Obj) : {};

type Lang = 'nl' | 'en';

/** The moment each kind of time limit is counted from, as the end of a sentence. */
const ANCHOR: Record<string, Record<Lang, string>> = {
  decisionDue: { nl: 'de uiterste beslisdatum', en: 'the decision deadline' },
  supplementDue: {
    nl: 'het einde van de aanvullingstermijn',
    en: 'the end of the supplement period',
  },
  reportDue: { nl: 'de uiterste datum voor de verantwoording', en: 'the report deadline' },
};

const days = (n: number, lang: Lang) =>
  lang === 'nl' ? `${n} ${n === 1 ? 'dag' : 'dagen'}` : `${n} ${n === 1 ? 'day' : 'days'}`;

/**
 * A time limit of a definition in words: the name policy staff gave it, else its kind and days
 * ("7 dagen vóór de uiterste beslisdatum"), so diagrams, the editor and the simulator never show
 * the limit's code (decisionWarning). A kind this web does not know yet keeps its code.
 */
export function delayText(def: unknown, name: string, lang: Lang): string {
  const d = obj(def);
  const ref = obj(obj(d.delays)[name]);
  const label = obj(ref.label)[lang];
  if (typeof label === 'string' && label.trim()) return label;
  const type = typeof ref.type === 'string' ? ref.type : '';
  const params = obj(ref.params);
  const offset = typeof params.offsetDays === 'number' ? params.offsetDays : 0;
  const anchor = ANCHOR[type]?.[lang];
  if (anchor) {
    if (offset === 0) return lang === 'nl' ? `Bij ${anchor}` : `At ${anchor}`;
    const n = days(Math.abs(offset), lang);
    if (offset < 0) return lang === 'nl' ? `${n} vóór ${anchor}` : `${n} before ${anchor}`;
    return lang === 'nl' ? `${n} na ${anchor}` : `${n} after ${anchor}`;
  }
  if (type === 'days' && typeof params.days === 'number') {
    const n = days(params.days, lang);
    return lang === 'nl' ? `${n} na binnenkomst in de status` : `${n} after entering the status`;
  }
  return name;
}
