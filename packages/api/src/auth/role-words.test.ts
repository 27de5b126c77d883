/**
 * A page or action for other roles is refused in words: the roles that may, as a sentence names
 * them, in Dutch and English (`text`), `detail` its English; never a role code.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { type Kit, readJson, setupKit } from '../applications/lifecycle.test-kit';
import { call } from '../test/test-app';
import { USER_ROLES } from './roles';

let kit: Kit;
beforeAll(async () => {
  kit = await setupKit();
});
afterAll(() => kit.close());

/** Role codes found as a whole word; `only` limits them (some English words are codes too). */
function roleCodesIn(sentence: string, only: readonly string[] = USER_ROLES): string[] {
  return only.filter((code) => new RegExp(`(^|[^A-Za-z_])${code}($|[^A-Za-z_])`).test(sentence));
}

async function refusedFor(res: Response) {
  expect(res.status, await res.clone().text()).toBe(403);
  const body = await readJson(res);
  expect(body.code).toBe('forbidden');
  expect(body.text).toEqual({ nl: expect.any(String), en: expect.any(String) });
  expect(body.detail).toBe(body.text.en);
  expect(roleCodesIn(body.text.nl)).toEqual([]);
  // "an assessor", "a policy officer": some codes are English words too; these two are not.
  expect(roleCodesIn(body.text.en, ['clerk', 'admin'])).toEqual([]);
  return body.text as { nl: string; en: string };
}

describe('a page for other roles names them in words', () => {
  test('403 the queue, for a resident', async () => {
    const text = await refusedFor(
      await call(kit.app, 'GET', '/api/queue', { cookie: kit.cookies.resident }),
    );
    expect(text.nl).toBe(
      'Dit is alleen voor een behandelaar, een tweede beoordelaar, een beheerder of een medewerker dienstverlening.',
    );
    expect(text.en).toBe(
      'This is only for an assessor, an approver, an administrator or desk staff.',
    );
  });

  test('403 the policy pages, for an assessor', async () => {
    const text = await refusedFor(
      await call(kit.app, 'GET', '/api/policy/definitions', { cookie: kit.cookies.assessor }),
    );
    expect(text.nl).toBe('Dit is alleen voor een beleidsmedewerker.');
    expect(text.en).toBe('This is only for a policy officer.');
  });
});
