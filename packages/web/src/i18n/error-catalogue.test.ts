/**
 * Every error code the API can answer has a sentence in both languages, rendered the way the
 * pages render it (useErrorText), so a new code cannot reach a person as a bare code.
 */
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, test } from 'vitest';
import { ERROR_CODES, type ErrorCode } from '../../../api/src/errors/error-codes';
import { ApiError } from '../api/client';
import { useErrorText } from '../components/ui';
import { I18nProvider } from './i18n';
import { messages } from './messages';

const CODES = Object.keys(ERROR_CODES) as ErrorCode[];

function Probe({ code, out }: { code: ErrorCode; out: { text: string } }) {
  const errorText = useErrorText();
  out.text = errorText(
    new ApiError({ status: ERROR_CODES[code].status, code, title: ERROR_CODES[code].title }),
  );
  return null;
}

/** Renders one problem through the app's own error text, as a page would show it. */
function render(code: ErrorCode, locale: 'nl' | 'en'): string {
  const store = new Map([['initiatief.locale', locale]]);
  const g = globalThis as Record<string, unknown>;
  g.localStorage = { getItem: (k: string) => store.get(k) ?? null, setItem() {} };
  g.document = { documentElement: { lang: '' } };
  g.window = {
    location: { pathname: '/', search: '', hash: '' },
    addEventListener() {},
    removeEventListener() {},
  };
  const out = { text: '' };
  renderToStaticMarkup(createElement(I18nProvider, null, createElement(Probe, { code, out })));
  return out.text;
}

describe('the error catalogue', () => {
  test.each(CODES)('%s has a Dutch and an English sentence', (code) => {
    const key = `errors.code.${code}` as keyof (typeof messages)['nl'];
    const nl = messages.nl[key];
    const en = messages.en[key];
    expect(nl, `nl ${key}`).toBeTruthy();
    expect(en, `en ${key}`).toBeTruthy();
    expect(nl).not.toBe(en);
  });

  test.each(CODES)('%s renders as words, not as its code, in both languages', (code) => {
    for (const locale of ['nl', 'en'] as const) {
      const text = render(code, locale);
      expect(text.length, `${code} ${locale}`).toBeGreaterThan(10);
      // Single-word codes are ordinary English words (conflict); compound ones never are.
      expect(text).not.toBe(code);
      if (code.includes('_')) expect(text).not.toContain(code);
      expect(text).not.toBe(ERROR_CODES[code].title);
      // A sentence that starts with a capital.
      expect(text).toMatch(/^[A-Z]/);
    }
  });
});
