/**
 * For unit tests that render components to HTML on Node: the few browser globals the app reads as
 * it starts (the stored choice of language, the document's language, the address), with the
 * language set to `locale`.
 */
export function fakeBrowser(locale: 'nl' | 'en'): void {
  const store = new Map([['initiatief.locale', locale]]);
  const g = globalThis as Record<string, unknown>;
  g.localStorage = { getItem: (k: string) => store.get(k) ?? null, setItem() {} };
  g.document = { documentElement: { lang: '' } };
  g.window = {
    location: { pathname: '/', search: '', hash: '' },
    addEventListener() {},
    removeEventListener() {},
  };
}
