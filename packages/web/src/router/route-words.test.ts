import { describe, expect, it } from 'vitest';
import { canonicalPath, localHref, localPath, ROUTE_WORDS, routeWord } from './route-words';

/** A route table like the app's (src/app.tsx), its words in Dutch. */
const ROUTES = [
  '/',
  '/inloggen',
  '/inloggen/aanvullen',
  '/regelingen',
  '/aanvragen',
  '/aanvragen/:id/bewerken',
  '/aanvragen/:id/bewerken/:step',
  '/aanvragen/:id/brieven/:doc',
  '/aanvragen/:id',
  '/post',
  '/behandeling/:id',
  '/beleid/werkprocessen/:key/migratie',
  '/beleid/werkprocessen/:key/:version',
  '/beleid/aanvragen/:id',
  '/steunen',
];

describe('the words of the app’s addresses', () => {
  it('every Dutch route word has an English word, made of a-z and hyphens', () => {
    for (const [nl, en] of Object.entries(ROUTE_WORDS)) {
      expect(nl).toMatch(/^[a-z]+(-[a-z]+)*$/);
      expect(en).toMatch(/^[a-z]+(-[a-z]+)*$/);
    }
    // One English word names one Dutch word: an address reads back to one route.
    const english = Object.values(ROUTE_WORDS);
    expect(new Set(english).size).toBe(english.length);
    // No English word is another route's Dutch word (post is post in both).
    for (const [nl, en] of Object.entries(ROUTE_WORDS))
      if (en !== nl) expect(Object.keys(ROUTE_WORDS)).not.toContain(en);
  });

  it('every literal part of the app’s routes has a word in the table', async () => {
    const { readFileSync } = await import('node:fs');
    const sources = [
      '../app.tsx',
      '../policy/policy-routes.tsx',
      '../desk/desk-routes.tsx',
      '../pages/oidc/oidc-routes.tsx',
    ].map((f) => readFileSync(new URL(f, import.meta.url), 'utf8'));
    const words = new Set<string>();
    for (const source of sources)
      for (const [, path] of source.matchAll(/path: '([^']+)'/g))
        for (const part of path!.split('/').filter(Boolean))
          if (!part.startsWith(':')) words.add(part);
    expect(words.size).toBeGreaterThan(15);
    for (const word of words) expect(ROUTE_WORDS, word).toHaveProperty([word]);
  });

  it('a Dutch path in English, and back', () => {
    expect(localPath('/aanvragen/7a1c/bewerken/controleren', ROUTES, 'en')).toBe(
      '/applications/7a1c/edit/controleren',
    );
    expect(localPath('/aanvragen', ROUTES, 'en')).toBe('/applications');
    expect(localPath('/inloggen/aanvullen', ROUTES, 'en')).toBe('/sign-in/complete');
    expect(localPath('/beleid/werkprocessen/post/migratie', ROUTES, 'en')).toBe(
      '/policy/workflows/post/migration',
    );
    expect(localPath('/applications/7a1c/edit', ROUTES, 'nl')).toBe('/aanvragen/7a1c/bewerken');
    expect(localPath('/', ROUTES, 'en')).toBe('/');
    expect(routeWord('behandeling', 'en')).toBe('cases');
    expect(routeWord('behandeling', 'nl')).toBe('behandeling');
  });

  it('an address in either language reads as the route table’s path', () => {
    expect(canonicalPath('/applications/7a1c/edit/payment-details', ROUTES)).toBe(
      '/aanvragen/7a1c/bewerken/payment-details',
    );
    expect(canonicalPath('/aanvragen/7a1c', ROUTES)).toBe('/aanvragen/7a1c');
    expect(canonicalPath('/policy/applications/9', ROUTES)).toBe('/beleid/aanvragen/9');
    // Mixed: a link half translated still opens its page.
    expect(canonicalPath('/applications/7a1c/bewerken', ROUTES)).toBe('/aanvragen/7a1c/bewerken');
  });

  it('a value in an address is never translated, even when it spells a route word', () => {
    // A page titled "Berichten" or "Applications": its word is the page's, not a route's.
    expect(localPath('/aanvragen/7a1c/bewerken/berichten', ROUTES, 'en')).toBe(
      '/applications/7a1c/edit/berichten',
    );
    expect(canonicalPath('/applications/7a1c/edit/applications', ROUTES)).toBe(
      '/aanvragen/7a1c/bewerken/applications',
    );
    expect(canonicalPath('/applications/edit', ROUTES)).toBe('/aanvragen/edit');
  });

  it('an address of no route stays as it is', () => {
    expect(localPath('/nergens/heen', ROUTES, 'en')).toBe('/nergens/heen');
    expect(canonicalPath('/nowhere', ROUTES)).toBe('/nowhere');
    expect(localPath('/aanvragen/1/2/3/4', ROUTES, 'en')).toBe('/aanvragen/1/2/3/4');
  });

  it('an href keeps its query and fragment; one to elsewhere is left alone', () => {
    expect(localHref('/aanvragen/7?x=1#begroting', ROUTES, 'en')).toBe(
      '/applications/7?x=1#begroting',
    );
    expect(localHref('/inloggen?next=%2Faanvragen', ROUTES, 'en')).toBe(
      '/sign-in?next=%2Faanvragen',
    );
    expect(localHref('#naam', ROUTES, 'en')).toBe('#naam');
    expect(localHref('https://example.org/aanvragen', ROUTES, 'en')).toBe(
      'https://example.org/aanvragen',
    );
    expect(localHref('//example.org/aanvragen', ROUTES, 'en')).toBe('//example.org/aanvragen');
  });

  it('each route table answers for itself, the same however often it is asked', () => {
    const other = ['/aanvragen/:id/:what'];
    for (let round = 0; round < 2; round++) {
      expect(localPath('/aanvragen/7/bewerken', ROUTES, 'en')).toBe('/applications/7/edit');
      expect(localPath('/aanvragen/7/bewerken', other, 'en')).toBe('/applications/7/bewerken');
      expect(localPath('/applications/7/edit', ROUTES, 'nl')).toBe('/aanvragen/7/bewerken');
      expect(localPath('/applications/7/edit', ROUTES, 'en')).toBe('/applications/7/edit');
      expect(canonicalPath('/applications/7/edit', ROUTES)).toBe('/aanvragen/7/bewerken');
    }
    // More addresses than are kept: each still right.
    for (let i = 0; i < 2500; i++)
      expect(localHref(`/aanvragen/${i}#x`, ROUTES, 'en')).toBe(`/applications/${i}#x`);
  });
});
