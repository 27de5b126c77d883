import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createRegulation, type Kit, readJson, setupKit } from '../applications/lifecycle.test-kit';
import { call } from '../test/test-app';

type Localized = { nl: string; en: string };
type Listed = {
  id: string;
  scheme: { title: Localized; description: Localized | null };
  conditions: Localized[];
};

let kit: Kit;
let small: string;
let charlois: string;
beforeAll(async () => {
  kit = await setupKit({ maxAmountCents: 750_000 });
  small = await createRegulation(
    kit.t,
    { key: 'klein-buurtbudget', version: 10 },
    { district: 'Feijenoord', maxAmountCents: 150_000 },
  );
  charlois = await createRegulation(
    kit.t,
    { key: 'bewonersinitiatief', version: 13 },
    { district: 'Charlois' },
  );
});
afterAll(() => kit.close());

async function listed(): Promise<Map<string, Listed>> {
  // Public: a resident reads the conditions before she has an account.
  const res = await call(kit.app, 'GET', '/api/regulations');
  expect(res.status).toBe(200);
  const { items } = (await readJson(res)) as unknown as { items: Listed[] };
  return new Map(items.map((r) => [r.id, r]));
}

describe('the regulations name their conditions, from the workflow they start on', () => {
  test("each regulation's own rules, district and maximum", async () => {
    const all = await listed();
    const nl = (id: string) => all.get(id)!.conditions.map((c) => c.nl);

    expect(nl(kit.regulationId)).toContain('U vraagt niet meer dan €\u00a07.500,00 aan.');
    expect(nl(kit.regulationId)).toContain(
      'U vraagt de subsidie minstens 6 weken voor de activiteit aan.',
    );
    expect(nl(kit.regulationId).join(' ')).toMatch(/Minstens 4 buurtbewoners/);

    expect(nl(charlois)[0]).toBe(
      'Minstens 4 buurtbewoners uit Charlois van 12 jaar of ouder steunen uw idee; u zelf telt niet mee.',
    );
    expect(nl(charlois)).toContain('U verklaart: “Ik ben 18 jaar of ouder.”');

    expect(nl(small).join(' ')).not.toMatch(/buurtbewoner/);
    expect(nl(small)).toContain('U vraagt de subsidie minstens 4 weken voor de activiteit aan.');
    expect(nl(small)).toContain('U vraagt niet meer dan €\u00a01.500,00 aan.');
    expect(all.get(small)!.scheme.title).toEqual({
      nl: 'Klein buurtbudget',
      en: 'Small neighbourhood budget',
    });
    expect(all.get(small)!.conditions.map((c) => c.en)).toContain(
      'You apply at least 4 weeks before the activity.',
    );
  });

  test('one regulation reads the same as in the list', async () => {
    const res = await call(kit.app, 'GET', `/api/regulations/${charlois}`);
    expect(res.status).toBe(200);
    const one = (await readJson(res)) as unknown as Listed;
    expect(one.conditions).toEqual((await listed()).get(charlois)!.conditions);
    expect(one.scheme.description?.nl).toMatch(/bewoners zelf organiseren/);
  });
});
