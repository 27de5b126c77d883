import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { FREE_TEXT_VARIABLES, tidyFreeText, withTidyFreeText } from './free-text';
import { paragraphsOf, TEMPLATE_VARIABLES } from './templates';

describe('tidyFreeText', () => {
  test('collapses spaces and tabs inside a line and trims each line', () => {
    expect(tidyFreeText('  Wij  missen de\t\tbegroting .   ')).toBe('Wij missen de begroting .');
    expect(tidyFreeText('Eerste regel   \n   tweede regel')).toBe('Eerste regel\ntweede regel');
  });

  test('keeps at most one empty line between paragraphs, and the line breaks typed', () => {
    expect(tidyFreeText('\n\nAlinea een.\n\n\n\n  \nAlinea twee,\nop twee regels.\n\n')).toBe(
      'Alinea een.\n\nAlinea twee,\nop twee regels.',
    );
    expect(tidyFreeText('Windows\r\nregels\r\n\r\n\r\nklaar')).toBe('Windows\nregels\n\nklaar');
  });

  test('leaves no-break spaces that were put on purpose', () => {
    expect(tidyFreeText('€\u00a0500,00  per  dag')).toBe('€\u00a0500,00 per dag');
  });

  test('reads a line of only no-break spaces as the empty line it looks like', () => {
    expect(tidyFreeText('Alinea een.\n\u00a0\u00a0\nAlinea twee.')).toBe(
      'Alinea een.\n\nAlinea twee.',
    );
    expect(tidyFreeText('a\n\u00a0\ra')).toBe('a\n\na');
  });

  test('is idempotent and never leaves a double space or a paragraph the letter would split differently', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: fc.constantFrom('a', 'b', ' ', '\t', '\n', '\r', '.', '\u00a0') }),
        (typed) => {
          const tidied = tidyFreeText(typed);
          expect(tidyFreeText(tidied)).toBe(tidied);
          expect(tidied).not.toMatch(/[ \t]{2}|\t|[ ]\n|\n[ ]|\n{3}|\r/);
          expect(tidied).toBe(tidied.trim());
          // The paragraphs a letter makes of it are the typed ones, tidied; a line of nothing but
          // blanks (no-break spaces too) reads as the empty line it looks like.
          const lines = typed.replace(/\r\n?/g, '\n').replace(/^\s+$/gm, '');
          expect(paragraphsOf(tidied)).toEqual(
            paragraphsOf(lines).map(tidyFreeText).filter(Boolean),
          );
        },
      ),
    );
  });
});

describe('withTidyFreeText', () => {
  test('tidies only the free-text variables', () => {
    const vars = withTidyFreeText({
      motivation: 'Past  bij het  wijkakkoord. ',
      message: 'Graag de begroting.\n\n\n\nEn een offerte.',
      conditions: ' Tot 22.00  uur. ',
      title: 'Buurtfeest  Zomer',
    });
    expect(vars).toEqual({
      motivation: 'Past bij het wijkakkoord.',
      message: 'Graag de begroting.\n\nEn een offerte.',
      conditions: 'Tot 22.00 uur.',
      title: 'Buurtfeest  Zomer',
    });
  });

  test('names only variables that exist', () => {
    for (const name of FREE_TEXT_VARIABLES) expect(TEMPLATE_VARIABLES).toContain(name);
  });
});
