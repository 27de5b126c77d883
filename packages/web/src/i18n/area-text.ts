import { useMemo } from 'react';
import { interpolate, type PluralKey, useI18n } from './i18n';
import type { MessageKey } from './messages';
import { formatCount, pluralOf } from './numbers';

/**
 * A screen's own texts, kept beside it rather than in the shared catalogue, so that a page which
 * does not show them does not download them. Dutch is the source; English has the same keys.
 */
export interface AreaTable<K extends string> {
  readonly nl: Readonly<Record<K, string>>;
  readonly en: Readonly<Record<K, string>>;
}

type Vars = Record<string, string | number>;
type PluralBase<K> = K extends `${infer B}.one` ? B : never;

/** The shared i18n, its `t` and `tn` knowing an area's keys as well as the catalogue's. */
export type AreaText<K extends string> = Omit<ReturnType<typeof useI18n>, 't' | 'tn'> & {
  t(key: MessageKey | K, vars?: Vars): string;
  tn(key: PluralKey | PluralBase<K>, n: number, vars?: Vars): string;
};

/**
 * For an area's hook: the shared i18n, answering the keys of `a` (and `b`) from those tables and
 * every other key from the shared catalogue. The area registers its tables as labels' words
 * (label-words.ts) where it makes them.
 */
export function useAreaText<A extends string, B extends string = never>(
  a: AreaTable<A>,
  b?: AreaTable<B>,
): AreaText<A | B> {
  const i18n = useI18n();
  return useMemo(() => {
    const tables: AreaTable<string>[] = b ? [a, b] : [a];
    const own = new Map(tables.flatMap((table) => Object.entries(table[i18n.locale])));
    const text: AreaText<A | B> = {
      ...i18n,
      t: (key, vars) => {
        const found = own.get(key);
        return found === undefined ? i18n.t(key as MessageKey, vars) : interpolate(found, vars);
      },
      tx: (key, fallback, vars) => {
        const found = own.get(key);
        return found === undefined ? i18n.tx(key, fallback, vars) : interpolate(found, vars);
      },
      tn: (key, n, vars) => {
        const found = own.get(`${key}.${pluralOf(n)}`) ?? own.get(`${key}.other`);
        return found === undefined
          ? i18n.tn(key as PluralKey, n, vars)
          : interpolate(found, { n: formatCount(n, i18n.locale), ...vars });
      },
    };
    return text;
  }, [i18n, a, b]);
}
