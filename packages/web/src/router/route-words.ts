/**
 * The fixed words of the app's addresses (the route table's literal parts: aanvragen, bewerken),
 * in each language of the interface. The route table is written in Dutch; an address in the
 * address bar is in the interface's language (/applications/…/edit in English). An address in
 * either language opens the same page, so a link shared or bookmarked in one keeps working in the
 * other; the router then puts the interface's words in the address bar in its place.
 *
 * Only the literal parts of a route are words: a part the route takes as a value (an id, a page's
 * word, a workflow's key) is never translated, even when it happens to spell a word here.
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

/** Whether `segment` is the Dutch route word `word` in either language. */
function says(word: string, segment: string): boolean {
  return segment === word || segment === ROUTE_WORDS[word];
}

const parts = (path: string) => path.split('/').filter(Boolean);

/**
 * The segments of `path` with its literal parts in `locale`, when a route of `patterns` matches
 * it in either language; null when none does.
 */
function rewrite(path: string, patterns: readonly string[], locale: RouteLocale): string[] | null {
  const s = parts(path);
  for (const pattern of patterns) {
    const p = parts(pattern);
    if (p.length !== s.length) continue;
    if (p.every((part, i) => part.startsWith(':') || says(part, s[i]!)))
      return p.map((part, i) => (part.startsWith(':') ? s[i]! : routeWord(part, locale)));
  }
  return null;
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
