import { describe, expect, it } from 'vitest';
import { choiceCode } from './editor-choices';

describe('a new choice’s value', () => {
  it('comes from its Dutch words, and is never one the list has', () => {
    expect(choiceCode('Buurt-bbq', [])).toBe('buurt_bbq');
    expect(choiceCode('Één dag', ['keuze_1'])).toBe('een_dag');
    // Other words that make the same value (a renamed choice kept its value): one of its own.
    expect(choiceCode('Moestuin!', ['moestuin'])).toBe('moestuin_2');
    expect(choiceCode('Moestuin', ['moestuin', 'moestuin_2'])).toBe('moestuin_3');
  });
});
