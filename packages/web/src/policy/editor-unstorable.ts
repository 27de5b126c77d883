/**
 * Characters a draft cannot be saved with, found before it is sent: the API refuses a NUL, half
 * a character (a lone UTF-16 surrogate) and invisible control characters in any text (its input
 * boundary, 400). The live check names the text they are in by its place in words, so the check
 * never says "no problems" of a draft that cannot be saved; a refusal the check did not foresee
 * is said in words too (`refusalText`), naming the text when the API's field path can be read.
 */
import { ApiError } from '../api/client';
import { describePath, isObj, type Locale, templateName } from './editor-kit';
import type { DefinitionProblem } from './policy-api';

type Both = { nl: string; en: string };

const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
/** C0 controls but tab, line feed and carriage return; DEL; the C1 controls. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: the point is to find them
const CONTROL = /[\u0001-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/;

const AGAIN: Both = {
  nl: 'Typ de tekst opnieuw in plaats van hem te plakken.',
  en: 'Type the text again instead of pasting it.',
};
/** What is wrong, as the rest of a sentence whose subject names the text. */
const WHY: Record<'nul' | 'surrogate' | 'control', Both> = {
  nul: {
    nl: `bevat een teken dat niet kan worden opgeslagen (een NUL-teken). ${AGAIN.nl}`,
    en: `contains a character that cannot be stored (a NUL character). ${AGAIN.en}`,
  },
  surrogate: {
    nl: `bevat een half teken dat niet kan worden opgeslagen. ${AGAIN.nl}`,
    en: `contains half a character that cannot be stored. ${AGAIN.en}`,
  },
  control: {
    nl: `bevat een onzichtbaar stuurteken dat niet in tekst hoort. ${AGAIN.nl}`,
    en: `contains an invisible control character that does not belong in text. ${AGAIN.en}`,
  },
};

/** Which kind of character a string cannot be stored with, or null when it can. */
export function unstorableKind(s: string): keyof typeof WHY | null {
  if (s.includes('\u0000')) return 'nul';
  if (LONE_SURROGATE.test(s)) return 'surrogate';
  if (CONTROL.test(s)) return 'control';
  return null;
}

const KIND: Record<string, Both> = {
  letters: { nl: 'Brief', en: 'Letter' },
  mails: { nl: 'Mail', en: 'Mail' },
};
const PART: Record<string, Both> = {
  subject: { nl: 'onderwerp', en: 'subject' },
  body: { nl: 'tekst', en: 'text' },
};
/** The team that sends the letters (`sender.department`), as the editor labels its boxes. */
const SENDER: Both = { nl: 'Team dat de brieven stuurt', en: 'Team that sends the letters' };
const LANGUAGE: Record<string, Both> = {
  nl: { nl: 'Nederlandse tekst', en: 'Dutch text' },
  en: { nl: 'Engelse tekst', en: 'English text' },
};

/**
 * Where a path of the definition sits, in words (describePath); a letter's or mail's subject or
 * text also by which, and in which language: "Mail ‘Wij hebben uw aanvraag ontvangen («kenmerk»)’
 * (onderwerp, Nederlandse tekst)". Empty when the path names nothing with a label.
 */
export function placeOf(def: unknown, path: string, locale: Locale): string {
  const [top, group = '', key = '', lang = '', part = ''] = path.split('.');
  const d = isObj(def) ? def : {};
  if (top === 'templates' && KIND[group] && LANGUAGE[lang] && PART[part]) {
    const pair = (d.templates as Record<string, Record<string, unknown>> | undefined)?.[group]?.[
      key
    ];
    const name = templateName(pair, locale);
    const quoted = name.startsWith('(') ? name : `‘${name}’`;
    return `${KIND[group][locale]} ${quoted} (${PART[part][locale]}, ${LANGUAGE[lang][locale]})`;
  }
  if (top === 'sender' && group === 'department' && LANGUAGE[key])
    return `${SENDER[locale]} (${LANGUAGE[key][locale]})`;
  return describePath(def, path, locale);
}

const SOMEWHERE: Both = { nl: 'Een tekst van het werkproces', en: 'A text of the workflow' };

/** What `unstorableKind` finds, to be left out of a name shown in a sentence. */
const UNSHOWABLE = new RegExp(`\\u0000|${CONTROL.source}|${LONE_SURROGATE.source}`, 'g');

/**
 * `place` + `why` as one sentence: the place, capitalised, is its subject. A name that holds the
 * very character complained of (a mail's subject) is shown without it.
 */
function sentence(place: string, why: string): string {
  const shown = place.replace(UNSHOWABLE, '');
  return `${shown.charAt(0).toUpperCase()}${shown.slice(1)} ${why}`;
}

/** Every string of the definition (and every member's name) that cannot be stored, as a problem. */
export function unstorableProblems(def: unknown): DefinitionProblem[] {
  const out: DefinitionProblem[] = [];
  const walk = (v: unknown, path: string) => {
    if (out.length >= 20) return;
    if (typeof v === 'string') {
      const kind = unstorableKind(v);
      if (!kind) return;
      const place = (l: Locale) => placeOf(def, path, l) || SOMEWHERE[l];
      out.push({
        path,
        code: `unstorable_${kind}`,
        message: `${path}: ${WHY[kind].en}`,
        text: { nl: sentence(place('nl'), WHY[kind].nl), en: sentence(place('en'), WHY[kind].en) },
      });
    } else if (Array.isArray(v)) {
      for (const [i, x] of v.entries()) walk(x, path ? `${path}.${i}` : String(i));
    } else if (isObj(v))
      for (const [k, x] of Object.entries(v)) {
        const at = path ? `${path}.${k}` : k;
        const kind = unstorableKind(k);
        if (kind)
          out.push({
            path: at,
            code: `unstorable_${kind}`,
            message: `${at}: the name ${WHY[kind].en}`,
            text: {
              nl: `Een naam in de JSON-weergave ${WHY[kind].nl}`,
              en: `A name in the JSON view ${WHY[kind].en}`,
            },
          });
        else walk(x, at);
      }
  };
  walk(def, '');
  return out;
}

const UNREADABLE: Both = {
  nl: 'Het concept is niet opgeslagen: een tekst erin bevat een teken dat niet kan worden opgeslagen (zoals een NUL-teken of een onzichtbaar stuurteken). Typ de tekst opnieuw in plaats van hem te plakken en sla het concept dan op.',
  en: 'The draft was not saved: a text in it contains a character that cannot be stored (such as a NUL character or an invisible control character). Type the text again instead of pasting it, then save the draft.',
};
const NOT_SAVED: Both = { nl: 'Het concept is niet opgeslagen.', en: 'The draft was not saved.' };

/**
 * A save the API refused for its characters (400 `malformed_request`), in words: each text it
 * names by its place in the draft ("Het concept is niet opgeslagen. Mail ‘…’ (onderwerp,
 * Nederlandse tekst) bevat …"); a field it names that is no place of the draft, a complete
 * sentence. Null for any other error (the app's own text says those). Never "reload the page":
 * that would lose the officer's unsaved work.
 */
export function refusalText(err: unknown, def: unknown, locale: Locale): string | null {
  if (!(err instanceof ApiError) || err.code !== 'malformed_request') return null;
  const named = err.invalidParams
    .filter((p) => p.name.startsWith('definition.') && p.reason.trim())
    .map((p) => {
      const place = placeOf(def, p.name.slice('definition.'.length), locale);
      return place ? sentence(place, p.reason.trim()) : null;
    });
  if (named.length === 0 || named.includes(null)) return UNREADABLE[locale];
  return [NOT_SAVED[locale], ...new Set(named)].join(' ');
}
