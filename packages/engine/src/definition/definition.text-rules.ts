/**
 * Every text a person reads exists in Dutch and in English: an empty language of a name, a
 * question, its explanation, a choice (of a step's question or of a choice list in the form
 * that has words for its choices), a page, a step (and its name in the history), a status, a
 * time limit or a subject is a problem that blocks publishing, with a sentence that names the
 * thing by its label, so an English applicant never reads an empty question or help that only
 * exists in Dutch.
 */
import type { LocalizedText } from '../core/engine.types';
import type { WorkflowDefinition } from './definition.schema';
import { templateTitle } from './definition.template-rules';

type Add = (path: string, code: string, message: string, text?: LocalizedText) => void;
type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown): string => (typeof v === 'string' ? v : '');

/**
 * A localized text's words in `lang`; an English reader gets the Dutch ones when there are no
 * English ones yet (Dutch comes first), a Dutch reader never the English ones; else `fallback`.
 */
function name(v: unknown, lang: 'nl' | 'en', fallback: string): string {
  const o = isObj(v) ? v : {};
  return str(o[lang]).trim() || (lang === 'en' ? str(o.nl).trim() : '') || fallback;
}

type Where = LocalizedText;

/** "Stap ‘Verlenen’" by its words (`name`), else `untitled`: its place or "zonder … naam". */
function called(kind: Where, v: unknown, lang: 'nl' | 'en', untitled: Where): string {
  const words = name(v, lang, '');
  return words ? `${kind[lang]} ‘${words}’` : untitled[lang];
}
const MISSING = {
  nl: { nl: 'de Nederlandse tekst ontbreekt', en: 'de Engelse tekst ontbreekt' },
  en: { nl: 'the Dutch text is missing', en: 'the English text is missing' },
};

export function checkTexts(def: WorkflowDefinition, add: Add): void {
  /** Checks one localized text at `path`; `where` names it in both languages. */
  const text = (v: unknown, path: string, where: Where) => {
    if (!isObj(v)) return;
    for (const lang of ['nl', 'en'] as const) {
      if (str(v[lang]).trim() !== '') continue;
      add(`${path}.${lang}`, 'missing_translation', `${path}: the ${lang} text is empty`, {
        nl: `${where.nl}: ${MISSING.nl[lang]}.`,
        en: `${where.en}: ${MISSING.en[lang]}.`,
      });
    }
  };
  const both = (f: (lang: 'nl' | 'en') => string): Where => ({ nl: f('nl'), en: f('en') });

  text(def.title, 'title', { nl: 'Naam van de regeling', en: 'Name of the scheme' });
  if (def.description)
    text(def.description, 'description', { nl: 'Omschrijving', en: 'Description' });

  const fields = (list: WorkflowDefinition['form']['fields'], base: string, prefix: Where) =>
    list.forEach((f, i) => {
      const q = both(
        (l) =>
          `${prefix[l]}${called({ nl: 'Vraag', en: 'Question' }, f.label, l, { nl: `Vraag ${i + 1}`, en: `Question ${i + 1}` })}`,
      );
      text(f.label, `${base}.${i}.label`, q);
      if (f.staffLabel)
        text(
          f.staffLabel,
          `${base}.${i}.staffLabel`,
          both((l) => `${q[l]}, ${l === 'nl' ? 'vraag voor medewerkers' : 'question for staff'}`),
        );
      if (f.help)
        text(
          f.help,
          `${base}.${i}.help`,
          both((l) => `${q[l]}, ${l === 'nl' ? 'uitleg' : 'explanation'}`),
        );
      // A choice list with words for its choices: each choice has them in both languages. A
      // choice without any is named by its place ("keuze 2"), as the editor's boxes are.
      if (f.type === 'select' && f.optionLabels)
        for (const [n, option] of (f.options ?? []).entries()) {
          const words = Object.hasOwn(f.optionLabels, option) ? f.optionLabels[option] : {};
          const choice = (l: 'nl' | 'en') => {
            const w = name(words, l, '');
            return `${l === 'nl' ? 'keuze' : 'choice'} ${w ? `‘${w}’` : n + 1}`;
          };
          text(
            words,
            `${base}.${i}.optionLabels.${option}`,
            both((l) => `${q[l]}, ${choice(l)}`),
          );
        }
      if (f.type === 'list')
        fields(
          f.fields,
          `${base}.${i}.fields`,
          both((l) => `${q[l]} › `),
        );
    });
  fields(def.form.fields, 'form.fields', { nl: '', en: '' });
  (def.form.pages ?? []).forEach((p, i) => {
    const page = both((l) =>
      called({ nl: 'Pagina', en: 'Page' }, p.title, l, {
        nl: `Pagina ${i + 1}`,
        en: `Page ${i + 1}`,
      }),
    );
    text(p.title, `form.pages.${i}.title`, page);
    if (p.staffTitle)
      text(
        p.staffTitle,
        `form.pages.${i}.staffTitle`,
        both((l) => `${page[l]}, ${l === 'nl' ? 'titel voor medewerkers' : 'title for staff'}`),
      );
    if (p.intro)
      text(
        p.intro,
        `form.pages.${i}.intro`,
        both((l) => `${page[l]}, ${l === 'nl' ? 'inleiding' : 'introduction'}`),
      );
  });

  for (const [type, e] of Object.entries(def.events)) {
    const step = both((l) =>
      called({ nl: 'Stap', en: 'Step' }, e.label, l, {
        nl: 'Stap zonder Nederlandse naam',
        en: 'Step without a name',
      }),
    );
    if (e.label) text(e.label, `events.${type}.label`, step);
    if (e.outcome)
      text(
        e.outcome,
        `events.${type}.outcome`,
        both((l) => `${step[l]}, ${l === 'nl' ? 'melding na de stap' : 'message after the step'}`),
      );
    if (e.historyLabel)
      text(
        e.historyLabel,
        `events.${type}.historyLabel`,
        both(
          (l) => `${step[l]}, ${l === 'nl' ? 'naam in de geschiedenis' : 'name in the history'}`,
        ),
      );
    const props = isObj(e.payload) && isObj(e.payload.properties) ? e.payload.properties : {};
    for (const [key, prop] of Object.entries(props)) {
      if (!isObj(prop)) continue;
      const base = `events.${type}.payload.properties.${key}`;
      const q = both(
        (l) =>
          `${step[l]}, ${called({ nl: 'vraag', en: 'question' }, prop['x-label'], l, { nl: 'vraag zonder Nederlandse tekst', en: 'question without a text' })}`,
      );
      text(prop['x-label'], `${base}.x-label`, q);
      text(
        prop['x-help'],
        `${base}.x-help`,
        both((l) => `${q[l]}, ${l === 'nl' ? 'uitleg' : 'explanation'}`),
      );
      const choices = isObj(prop['x-enumLabels']) ? prop['x-enumLabels'] : {};
      for (const [value, words] of Object.entries(choices))
        text(
          words,
          `${base}.x-enumLabels.${value}`,
          both(
            (l) =>
              `${q[l]}, ${called({ nl: 'keuze', en: 'choice' }, words, l, { nl: 'keuze zonder Nederlandse tekst', en: 'choice without a text' })}`,
          ),
        );
    }
  }

  for (const [key, s] of Object.entries(def.states))
    if (s.meta?.label)
      text(
        s.meta.label,
        `states.${key}.meta.label`,
        both((l) =>
          called({ nl: 'Status', en: 'Status' }, s.meta?.label, l, {
            nl: 'Status zonder Nederlandse naam',
            en: 'Status without a name',
          }),
        ),
      );
  for (const [key, d] of Object.entries(def.delays))
    if (d.label)
      text(
        d.label,
        `delays.${key}.label`,
        both((l) =>
          called({ nl: 'Termijn', en: 'Time limit' }, d.label, l, {
            nl: 'Termijn zonder Nederlandse naam',
            en: 'Time limit without a name',
          }),
        ),
      );

  // A subject in one language only (an empty body is `empty_template`).
  for (const group of ['letters', 'mails'] as const)
    for (const [key, pair] of Object.entries(def.templates[group]))
      for (const lang of ['nl', 'en'] as const) {
        if (pair[lang].subject.trim() !== '') continue;
        const path = `templates.${group}.${key}.${lang}.subject`;
        add(path, 'missing_translation', `${path}: the subject is empty`, {
          nl: `${group === 'letters' ? 'Brief' : 'Mail'} ${templateTitle(pair, 'nl')}, onderwerp: ${MISSING.nl[lang]}.`,
          en: `${group === 'letters' ? 'Letter' : 'Mail'} ${templateTitle(pair, 'en')}, subject: ${MISSING.en[lang]}.`,
        });
      }
}
