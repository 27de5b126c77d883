/**
 * The fixed words of the web app's addresses (the route table's literal parts: aanvragen,
 * bewerken), in each language of the interface. The route table is written in Dutch; an address
 * in the address bar is in the interface's language (/applications/…/edit in English). An address
 * in either language opens the same page, so a link shared or bookmarked in one keeps working in
 * the other; the router then puts the interface's words in the address bar in its place.
 *
 * Only the literal parts of a route are words: a part the route takes as a value (an id, a page's
 * word, a workflow's key) is never translated, even when it happens to spell a word here.
 *
 * Here, not in the web package, because the API writes the same addresses in mails and letters,
 * in the recipient's language (routeAddress): one table for both, so they cannot drift.
 */

export type RouteLocale = 'nl' | 'en';

/** Each Dutch route word and its English word. A word the same in both (post) is listed too. */
export const ROUTE_WORDS: Readonly<Record<string, string>> = {
  inloggen: 'sign-in',
  aanvullen: 'complete',
  geweigerd: 'refused',
  registreren: 'register',
  'wachtwoord-vergeten': 'forgot-password',
  'wachtwoord-instellen': 'set-password',
  'account-bevestigen': 'confirm-account',
  uitgelogd: 'signed-out',
  regelingen: 'regulations',
  'mijn-gegevens': 'my-details',
  aanvragen: 'applications',
  bewerken: 'edit',
  brieven: 'letters',
  balie: 'desk',
  werkvoorraad: 'work-queue',
  berichten: 'messages',
  post: 'post',
  behandeling: 'cases',
  beleid: 'policy',
  werkprocessen: 'workflows',
  migratie: 'migration',
  rapportages: 'reports',
  beheer: 'admin',
  'te-beslissen': 'to-decide',
  steunen: 'support',
};

/** A route's Dutch word in `locale` (a word not in the table is its own). */
export function routeWord(word: string, locale: RouteLocale): string {
  return locale === 'en' ? (ROUTE_WORDS[word] ?? word) : word;
}

/**
 * Each route word, in either language, to its word in each language: made once, so that reading
 * an address (a link's href, on every render of the link) looks its words up in these instead of
 * translating the route table again.
 */
const WORD_IN: Readonly<Record<RouteLocale, ReadonlyMap<string, string>>> = (() => {
  const nl = new Map<string, string>();
  const en = new Map<string, string>();
  for (const [dutch, english] of Object.entries(ROUTE_WORDS)) {
    for (const word of [dutch, english]) {
      nl.set(word, dutch);
      en.set(word, english);
    }
  }
  return { nl, en };
})();

const parts = (path: string) => path.split('/').filter(Boolean);

/** A route table's patterns in parts, and the paths it has answered, by language. */
interface Table {
  patterns: readonly string[][];
  answers: Record<RouteLocale, Map<string, string[] | null>>;
}

/** More than the paths of a session's pages; past it the answers start over. */
const MAX_ANSWERS = 1000;

/** By route table: the app's is one array, made once. */
const tables = new WeakMap<readonly string[], Table>();

function tableOf(patterns: readonly string[]): Table {
  let table = tables.get(patterns);
  if (!table) {
    table = { patterns: patterns.map(parts), answers: { nl: new Map(), en: new Map() } };
    tables.set(patterns, table);
  }
  return table;
}

/** Whether `segment` is the Dutch route word `word` in either language. */
const says = (word: string, segment: string) => (WORD_IN.nl.get(segment) ?? segment) === word;

/**
 * The segments of `path` with its literal parts in `locale`, when a route of `patterns` matches
 * it in either language; null when none does.
 */
function rewrite(path: string, patterns: readonly string[], locale: RouteLocale): string[] | null {
  const table = tableOf(patterns);
  const answers = table.answers[locale];
  const known = answers.get(path);
  if (known !== undefined) return known;
  const s = parts(path);
  const words = WORD_IN[locale];
  let found: string[] | null = null;
  for (const p of table.patterns) {
    if (p.length !== s.length) continue;
    if (!p.every((part, i) => part.startsWith(':') || says(part, s[i]!))) continue;
    found = p.map((part, i) => (part.startsWith(':') ? s[i]! : (words.get(part) ?? part)));
    break;
  }
  if (answers.size >= MAX_ANSWERS) answers.clear();
  answers.set(path, found);
  return found;
}

/**
 * The route table's (Dutch) path of an address in either language (/applications/7/edit:
 * /aanvragen/7/bewerken); an address no route matches as it is.
 */
export function canonicalPath(path: string, patterns: readonly string[]): string {
  const s = rewrite(path, patterns, 'nl');
  return s ? `/${s.join('/')}` : path;
}

/** The address of a path (in either language) in `locale`; one no route matches as it is. */
export function localPath(path: string, patterns: readonly string[], locale: RouteLocale): string {
  const s = rewrite(path, patterns, locale);
  return s ? `/${s.join('/')}` : path;
}

/** `localPath` for an href with a query and a fragment (`/aanvragen?x=1#y`); others as they are. */
export function localHref(href: string, patterns: readonly string[], locale: RouteLocale): string {
  if (!href.startsWith('/') || href.startsWith('//')) return href;
  const at = href.search(/[?#]/);
  const path = at < 0 ? href : href.slice(0, at);
  const rest = at < 0 ? '' : href.slice(at);
  return localPath(path, patterns, locale) + rest;
}

/**
 * A route of the (Dutch) route table as an address in `locale`, its `:name` parts filled from
 * `params`: routeAddress('/aanvragen/:id', { id }, 'en') is /applications/<id>. The values are
 * URI-encoded and never translated. Throws on a missing value: a link must not point nowhere.
 */
export function routeAddress(
  pattern: string,
  params: Readonly<Record<string, string>>,
  locale: RouteLocale,
): string {
  const s = parts(pattern).map((part) => {
    if (!part.startsWith(':')) return routeWord(part, locale);
    const value = params[part.slice(1)];
    if (!value) throw new Error(`routeAddress: no value for ${part} in ${pattern}`);
    return encodeURIComponent(value);
  });
  return `/${s.join('/')}`;
}
