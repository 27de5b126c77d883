/**
 * What letters say, filled in from the step: the settlement letter's amounts (what is still paid
 * to the resident and what she pays back are two different lines, and a reclaim is never shown
 * as a payment to her as well), the lapsed period a "not considered" letter names, and the
 * conditions a grant states when the decision gave none of its own.
 */
import { DEFAULT_CONDITIONS } from '@initiatief/engine';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { applicationIn, type Kit, setupKit, step } from '../applications/lifecycle.test-kit';
import { runDueTimers } from '../timers/timer.worker';

let kit: Kit;
beforeAll(async () => {
  kit = await setupKit();
});
afterAll(() => kit.close());

async function letterVariables(
  id: string,
  kind: 'settlement' | 'not_considered' | 'grant',
): Promise<Record<string, string>> {
  const doc = await kit.t.db
    .selectFrom('documents')
    .select('content')
    .where('application_id', '=', id)
    .where('kind', '=', kind)
    .executeTakeFirstOrThrow();
  const content = (typeof doc.content === 'string' ? JSON.parse(doc.content) : doc.content) as {
    variables: Record<string, string>;
  };
  return content.variables;
}

async function settle(advanceCents: number, settledCents: number) {
  const granted = await applicationIn(kit, 'granted');
  await step(kit, 'assessor', granted.id, 'PAY_ADVANCE', { amountCents: advanceCents });
  await kit.advance(10 * 7 * 86_400_000);
  await step(kit, 'resident', granted.id, 'SUBMIT_REPORT', {
    actualCostsCents: settledCents,
    report: 'Het feest is doorgegaan.',
  });
  await step(kit, 'assessor', granted.id, 'SETTLE', { amountCents: settledCents });
  await kit.advance(-10 * 7 * 86_400_000);
  return letterVariables(granted.id, 'settlement');
}

describe('settlement letter amounts', () => {
  test('settled below the advance: nothing more is paid, the difference is paid back', async () => {
    const v = await settle(50_000, 20_000);
    expect(v.advanceAmount).toBe('€ 500,00');
    expect(v.settledAmount).toBe('€ 200,00');
    expect(v.reclaimAmount).toBe('€ 300,00');
    expect(v.paymentAmount).toBe('€ 0,00');
  });

  test('settled above the advance: the rest is paid, nothing is paid back', async () => {
    const v = await settle(20_000, 60_000);
    expect(v.paymentAmount).toBe('€ 400,00');
    expect(v.reclaimAmount).toBe('€ 0,00');
  });

  test('settled at the advance: both lines say € 0,00, none is left empty', async () => {
    const v = await settle(30_000, 30_000);
    expect(v.paymentAmount).toBe('€ 0,00');
    expect(v.reclaimAmount).toBe('€ 0,00');
  });
});

describe('the "not considered" letter', () => {
  test('names the last day of the request it was not answered by', async () => {
    const app = await applicationIn(kit, 'info_requested');
    const { deadlines } = app as unknown as { deadlines: { key: string; date: string }[] };
    const due = deadlines.find((d) => d.key === 'supplement')!.date;
    await kit.advance(30 * 86_400_000);
    await runDueTimers({ db: kit.t.db, clock: kit.clock });
    const v = await letterVariables(app.id, 'not_considered');
    await kit.advance(-30 * 86_400_000);
    const [y, m, d] = due.split('-').map(Number) as [number, number, number];
    const text = new Intl.DateTimeFormat('nl-NL', {
      day: 'numeric',
      month: 'long',
      year: 'numeric',
      timeZone: 'UTC',
    }).format(new Date(Date.UTC(y, m - 1, d)));
    expect(v.supplementDueDate).toBe(text);
  });
});

describe('the grant letter', () => {
  test('states the standard conditions when the decision gave none', async () => {
    const app = await applicationIn(kit, 'granted');
    const v = await letterVariables(app.id, 'grant');
    expect(v.conditions).toBe(DEFAULT_CONDITIONS.nl);
    expect(v.conditions).toContain('U gebruikt de subsidie alleen voor de activiteit');
  });

  test('states the decision’s own conditions when it gave them', async () => {
    let app = await applicationIn(kit, 'assessed');
    app = await step(kit, 'approver', app.id, 'GRANT', {
      conditions: 'Het feest eindigt om 22.00 uur.',
    });
    const v = await letterVariables(app.id, 'grant');
    expect(v.conditions).toBe('Het feest eindigt om 22.00 uur.');
  });
});
