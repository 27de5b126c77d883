import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { WorkflowDefinition } from '@initiatief/engine';
import { describe, expect, it } from 'vitest';
import { formProblems } from './form-model';
import { inFormOrder, totalPath } from './form-order';

// A shipped definition as test data: the code under test must not know its names.
const def = JSON.parse(
  readFileSync(
    fileURLToPath(
      new URL('../../../../workflows/bewonersinitiatief/definition.v2.json', import.meta.url),
    ),
    'utf8',
  ),
) as WorkflowDefinition;

const fieldsOfPages = def.form.pages!.flatMap((p) => p.fields);

describe('problems in the order of the form', () => {
  it('text that is no value comes where its field is, not before the others', () => {
    const first = fieldsOfPages[0]!;
    const last = def.form.pages![0]!.fields.at(-1)!;
    const all = formProblems(def, {}, { [last]: 'geen heel getal' }, 'nl');
    const order = inFormOrder(def, all).map(([path]) => path);
    expect(order.indexOf(first)).toBeLessThan(order.indexOf(last));
    expect(order).toEqual(
      [...order].sort((a, b) => fieldsOfPages.indexOf(a) - fieldsOfPages.indexOf(b)),
    );
  });

  it('a list row by row in its fields’ order, its own problem first and its total last', () => {
    const list = def.form.fields.find((f) => f.type === 'list')!;
    if (list.type !== 'list') throw new Error('no list');
    const [a, b] = list.fields.map((f) => f.key);
    const problems = {
      [totalPath(list.key)]: 'total',
      [`${list.key}.1.${a}`]: '1a',
      [`${list.key}.0.${b}`]: '0b',
      [`${list.key}.0.${a}`]: '0a',
      [list.key]: 'list',
      [`${list.key}.10.${a}`]: '10a',
      [`${list.key}.2.${b}`]: '2b',
    };
    expect(inFormOrder(def, problems).map(([, m]) => m)).toEqual([
      'list',
      '0a',
      '0b',
      '1a',
      '2b',
      '10a',
      'total',
    ]);
  });

  it('a problem of no field comes last', () => {
    const order = inFormOrder(def, { data: 'whole', [fieldsOfPages.at(-1)!]: 'last' });
    expect(order.map(([p]) => p)).toEqual([fieldsOfPages.at(-1), 'data']);
  });
});
