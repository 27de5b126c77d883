import { describe, expect, test } from 'vitest';
import { validateDefinition } from '../definition/definition.validate';
import { shippedJson } from '../test/fixtures';
import { consequencesOf } from './consequences';

describe('consequencesOf', () => {
  const def = validateDefinition(shippedJson('bewonersinitiatief', 'definition.v2.json'))
    .definition!;

  test('a decision, a payment, another letter, or nothing to take back', () => {
    // Granting issues a decision; one of its branches settles and pays at once.
    expect(consequencesOf(def, 'assessed', 'GRANT')).toEqual({
      decision: true,
      letter: false,
      payment: true,
      grant: true,
    });
    expect(consequencesOf(def, 'assessed', 'REJECT')).toMatchObject({
      decision: true,
      grant: false,
    });
    expect(consequencesOf(def, 'granted', 'PAY_ADVANCE')).toEqual({
      decision: false,
      letter: false,
      payment: true,
      grant: false,
    });
    expect(consequencesOf(def, 'submitted', 'REQUEST_INFO')).toEqual({
      decision: false,
      letter: true,
      payment: false,
      grant: false,
    });
    expect(consequencesOf(def, 'submitted', 'ASSESS')).toEqual({
      decision: false,
      letter: false,
      payment: false,
      grant: false,
    });
    expect(consequencesOf(def, 'submitted', 'NO_SUCH_EVENT')).toEqual({
      decision: false,
      letter: false,
      payment: false,
      grant: false,
    });
  });
});
