import fc from 'fast-check';
import { expect, test } from 'vitest';
import { loadShippedDefinition } from '../test/fixtures';
import { compilePayloadSchema } from './payload-schema';

const def = loadShippedDefinition();

test('the direct payload validator agrees with zod on every shipped payload schema', () => {
  const value = fc.oneof(
    fc.string({ maxLength: 30 }),
    fc.integer({ min: -5, max: 200_000_000 }),
    fc.double(),
    fc.boolean(),
    fc.constant(null),
    fc.constantFrom('grant', 'reject', ''),
    fc.dictionary(fc.string({ maxLength: 5 }), fc.string({ maxLength: 5 }), { maxKeys: 2 }),
    fc.array(fc.integer(), { maxLength: 2 }),
  );
  for (const [type, event] of Object.entries(def.events)) {
    if (!event.payload) continue;
    const { zod, check } = compilePayloadSchema(event.payload);
    const keys = [...Object.keys((event.payload.properties ?? {}) as object), 'extra'];
    fc.assert(
      fc.property(
        fc.dictionary(fc.constantFrom(...keys), value, { maxKeys: keys.length }),
        (payload) => {
          expect(check(payload).length === 0, `${type} ${JSON.stringify(payload)}`).toBe(
            zod.safeParse(payload).success,
          );
        },
      ),
      { numRuns: 300 },
    );
  }
});

test('schemas beyond the plain subset fall back to zod', () => {
  const { check } = compilePayloadSchema({
    type: 'object',
    properties: { tags: { type: 'array', items: { type: 'string' } } },
    required: ['tags'],
  });
  expect(check({ tags: ['a'] })).toEqual([]);
  expect(check({ tags: [1] }).map((i) => i.path)).toEqual(['tags.0']);
  expect(() =>
    compilePayloadSchema({ type: 'object', properties: { x: { type: 'nonsense' } } }),
  ).toThrow();
});
