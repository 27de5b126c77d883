import { vocabularyParamSchemas } from '@initiatief/engine';
import { describe, expect, it } from 'vitest';
import { enumWordOf } from './editor-messages';

describe('the words for the values of guards, actions and delays', () => {
  it('every choice the engine offers has words in Dutch and English, never its code', () => {
    const missing: string[] = [];
    for (const [group, words] of Object.entries(vocabularyParamSchemas()))
      for (const [name, schema] of Object.entries(words))
        for (const [param, prop] of Object.entries(schema.properties ?? {}))
          for (const value of prop.enum ?? [])
            for (const locale of ['nl', 'en'] as const)
              if (!enumWordOf(locale, param, String(value)))
                missing.push(`${group}.${name}.${param}=${String(value)} (${locale})`);
    expect(missing).toEqual([]);
  });

  it('a regulation’s amount by what it is, and a letter’s kind apart from an amount', () => {
    expect(enumWordOf('nl', 'limit', 'settlementFourEyes')).toBe(
      'het bedrag waarboven een tweede persoon de vaststelling bevestigt',
    );
    expect(enumWordOf('en', 'limit', 'settlementFourEyes')).toBe(
      'the amount above which a second person confirms the settlement',
    );
    expect(enumWordOf('nl', 'kind', 'grant')).toBe('verlening');
    expect(enumWordOf('nl', 'amount', 'grant')).toBe('het te verlenen bedrag');
  });
});
