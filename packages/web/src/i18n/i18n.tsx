import { createContext, type ReactNode, useCallback, useContext, useMemo, useState } from 'react';
import { formatMoney } from '../components/money';
import { formatDate, formatDateTime, formatTime } from './dates';
import { registerLabelTexts } from './label-words';
import { type MessageKey, messages } from './messages';
import { formatCount, pluralOf } from './numbers';

// The shared catalogue's labels, in either language, name their fields in an address.
registerLabelTexts(messages);

export type Locale = 'nl' | 'en';
const STORAGE_KEY = 'initiatief.locale';

export type Translate = (key: MessageKey, vars?: Record<string, string | number>) => string;

/** A text with plural forms: the catalogue holds `<key>.one` and `<key>.other`. */
export type PluralKey = MessageKey extends infer K
  ? K extends `${infer B}.one`
    ? B
    : never
  : never;

interface I18n {
  locale: Locale;
  setLocale(locale: Locale): void;
  t: Translate;
  /** Looks up a key built at run time (state names, event types), falling back to the raw value. */
  tx(key: string, fallback: string, vars?: Record<string, string | number>): string;
  /** The plural form for `n` ("1 aanvraag", "1.200 aanvragen"); `{n}` is filled in as a count. */
  tn(key: PluralKey, n: number, vars?: Record<string, string | number>): string;
  formatMoney(cents: number | null | undefined): string;
  /** A quantity: "1.200" in Dutch, "1,200" in English. Not for years, postcodes or references. */
  formatNumber(n: number | null | undefined): string;
  formatDate(date: string | null | undefined): string;
  formatDateTime(instant: string | null | undefined): string;
  formatTime(instant: Date): string;
}

const I18nContext = createContext<I18n | null>(null);

function initialLocale(): Locale {
  try {
    const stored = localStorage.getItem(STORAGE_KEY);
    if (stored === 'nl' || stored === 'en') return stored;
  } catch {
    // storage can be blocked; Dutch is the default
  }
  return 'nl';
}

/** Fills in a text's `{name}` places from `vars`, leaving those it has no value for. */
export function interpolate(text: string, vars?: Record<string, string | number>): string {
  if (!vars) return text;
  return text.replace(/\{(\w+)\}/g, (m, name: string) => (name in vars ? String(vars[name]) : m));
}

export function I18nProvider({ children }: { children: ReactNode }) {
  const [locale, setLocaleState] = useState<Locale>(() => {
    const l = initialLocale();
    document.documentElement.lang = l;
    return l;
  });

  const setLocale = useCallback((l: Locale) => {
    try {
      localStorage.setItem(STORAGE_KEY, l);
    } catch {
      // not remembered, still switched
    }
    document.documentElement.lang = l;
    setLocaleState(l);
  }, []);

  const value = useMemo<I18n>(() => {
    const catalogue = messages[locale];
    return {
      locale,
      setLocale,
      t: (key, vars) => interpolate(catalogue[key], vars),
      tx: (key, fallback, vars) =>
        interpolate((catalogue as Record<string, string>)[key] ?? fallback, vars),
      tn: (key, n, vars) => {
        const all = catalogue as Record<string, string>;
        const text = all[`${key}.${pluralOf(n)}`] ?? all[`${key}.other`] ?? key;
        return interpolate(text, { n: formatCount(n, locale), ...vars });
      },
      formatMoney: (cents) => (cents == null ? '–' : formatMoney(cents, locale)),
      formatNumber: (n) => (n == null ? '–' : formatCount(n, locale)),
      formatDate: (d) => (d ? formatDate(d, locale) : '–'),
      formatDateTime: (d) => (d ? formatDateTime(d, locale) : '–'),
      formatTime: (d) => formatTime(d),
    };
  }, [locale, setLocale]);

  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const ctx = useContext(I18nContext);
  if (!ctx) throw new Error('useI18n outside I18nProvider');
  return ctx;
}
