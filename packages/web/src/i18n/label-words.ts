import { slugify } from '../forms/slugify';

// An address's word for a field of the shell's forms is the word of its label as the page shows
// it, in the interface's language (components/error-summary.tsx). A link shared across languages
// (an English reader's #town opened by a Dutch one) names the field by its label in the other
// language: the message tables say which word that is. Each table with labels of the shell's
// forms is told here once (the shared catalogue by i18n.tsx, the tables beside their components
// where they are made), so this module imports none of them and a lazily loaded page's table
// counts once its page is loaded.

type Table = Readonly<Record<'nl' | 'en', Readonly<Record<string, string>>>>;

const tables: Table[] = [];
/** Each word a text of a table makes, to the words its text in the other language makes. */
let counterparts: Map<string, Set<string>> | null = null;

/** Makes a bilingual message table's texts known as labels' words in either language. */
export function registerLabelTexts(table: Table): void {
  if (tables.includes(table)) return;
  tables.push(table);
  counterparts = null;
}

function counterpartsOf(): Map<string, Set<string>> {
  if (counterparts) return counterparts;
  const out = new Map<string, Set<string>>();
  const pair = (a: string, b: string) => {
    if (!a || !b || a === b) return;
    const set = out.get(a) ?? new Set<string>();
    set.add(b);
    out.set(a, set);
  };
  for (const table of tables) {
    for (const [key, nl] of Object.entries(table.nl)) {
      const en = table.en[key];
      // A text with a place for a value ({name}) is no label's whole text.
      if (typeof en !== 'string' || nl.includes('{') || nl.length > 80) continue;
      const [wordNl, wordEn] = [slugify(nl), slugify(en)];
      pair(wordNl, wordEn);
      pair(wordEn, wordNl);
    }
  }
  counterparts = out;
  return out;
}

/**
 * The words a label whose word is `word` in one language has in the other (`town`: woonplaats),
 * as the registered tables say; none for a word no table's text makes.
 */
export function otherLanguageWords(word: string): string[] {
  return [...(counterpartsOf().get(word) ?? [])];
}
