import { describe, expect, it } from 'vitest';
import { newRefusals, stillRefused, withoutRefused } from './refusals';

const nul = 'tekst\u0000geplakt';

describe('refused fields held back from the save', () => {
  const data = {
    a: nul,
    b: 80,
    list: [
      { x: 'goed', y: nul },
      { x: 'ook goed', y: 2 },
    ],
  };
  const refusals = newRefusals(
    data,
    'malformed_request',
    [
      { name: 'data.a', reason: 'NUL' },
      { name: 'data.list.0.y', reason: 'NUL' },
      { name: 'data', reason: 'whole' },
      { name: 'data.missing', reason: 'not sent' },
    ],
    [],
  );

  it('names the fields the data holds, with the refused values', () => {
    expect(refusals.map((r) => r.path)).toEqual(['a', 'list.0.y']);
    expect(refusals.every((r) => stillRefused(data, r))).toBe(true);
    expect(newRefusals(data, undefined, [{ name: 'data.a', reason: 'x' }], refusals)).toEqual([]);
  });

  it('sends the rest: a field left out, a list item without its refused field', () => {
    expect(withoutRefused(data, refusals)).toEqual({
      b: 80,
      list: [{ x: 'goed' }, { x: 'ook goed', y: 2 }],
    });
    // Nothing of the form's own data is changed.
    expect(data.list[0]).toEqual({ x: 'goed', y: nul });
  });

  it('sends a refused field again once it is changed', () => {
    const changed = { ...data, a: 'tekst opnieuw getypt' };
    expect(withoutRefused(changed, refusals).a).toBe('tekst opnieuw getypt');
  });

  it('leaves a whole item out when the item itself is refused', () => {
    const list = { files: ['x', 'y', 'z'] };
    const r = newRefusals(list, undefined, [{ name: 'data.files.1', reason: 'no file' }], []);
    expect(withoutRefused(list, r)).toEqual({ files: ['x', 'z'] });
  });
});
