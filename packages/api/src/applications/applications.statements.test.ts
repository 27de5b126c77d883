import type { CompiledQuery, Transaction } from 'kysely';
import { describe, expect, test } from 'vitest';
import type { DB } from '../db/schema';
import type { MessagingPlan } from '../messaging/messaging.service';
import type { TimerChanges } from '../timers/timers.repository';
import { updateApplicationWithHistory } from './applications.statements';

const NOW = new Date('2026-03-02T09:00:00Z');
const APP = '6f1c2a4e-6d3b-4c55-9a51-0d2f3b1a7c10';

/** A transaction that keeps the statements it is given and answers one written row. */
function capturingTransaction() {
  const seen: CompiledQuery[] = [];
  const trx = {
    executeQuery: async (query: CompiledQuery) => {
      seen.push(query);
      return { rows: [{ version: 2, id: 'history', seq: 2 }] };
    },
  } as unknown as Transaction<DB>;
  return { trx, seen };
}

function timers(n: number): TimerChanges {
  const keys = Array.from({ length: n }, (_, i) => `timer-${i}`);
  return {
    cancelKeys: keys,
    scheduleKeys: keys,
    scheduleEvents: keys.map(() => 'DEADLINE'),
    scheduleDue: keys.map(() => NOW.toISOString()),
  };
}

function mails(n: number): MessagingPlan {
  const outboxRows = Array.from({ length: n }, (_, i) => ({
    id: `00000000-0000-4000-8000-00000000000${i}`,
    kind: 'mail' as const,
    application_id: APP,
    history_id: null,
    message_id: `<m${i}@example.org>`,
    recipient_email: 'ayse@example.org',
    recipient_name: 'Ayşe Yıldız-Çelik',
    audience: 'applicant' as const,
    language: 'nl' as const,
    template_key: 'received',
    subject: 'Ontvangen',
    body: 'Beste Ayşe',
    variables: { naam: 'Ayşe' },
    next_attempt_at: NOW,
    created_at: NOW,
    updated_at: NOW,
  }));
  return { documentRows: [], outboxRows, result: { documentIds: [], outboxIds: [] } };
}

async function write(extra: { timers?: TimerChanges; messages?: MessagingPlan }) {
  const { trx, seen } = capturingTransaction();
  await updateApplicationWithHistory(
    trx,
    APP,
    1,
    {
      state: 'submitted',
      snapshot: { value: 'submitted' },
      data: { title: 'Buurtfeest' },
      title: 'Buurtfeest',
      district: 'Feijenoord',
      requestedCents: 123_456,
      grantedCents: null,
      receivedOn: '2026-03-02',
      decisionDueOn: '2026-04-27',
      nextDeadlineOn: '2026-04-27',
      deadlinesRecomputeOn: null,
      suspended: false,
      awaitingDecision: false,
      awaitingApproval: false,
      decisionAfterActivity: false,
      submittedAt: NOW,
      now: NOW,
    },
    {
      applicationId: APP,
      event: 'SUBMIT',
      fromState: 'draft',
      toState: 'submitted',
      actorId: 'resident',
      actorRoles: ['applicant'],
      onBehalfOf: null,
      payload: {},
      at: NOW,
    },
    extra,
  );
  expect(seen).toHaveLength(1);
  return seen[0]!;
}

describe('the step’s write statement', () => {
  test('has one text per kind of write, whatever the number of timers and mails', async () => {
    const one = await write({ timers: timers(1), messages: mails(1) });
    const three = await write({ timers: timers(3), messages: mails(3) });
    expect(three.sql).toBe(one.sql);
    expect(three.parameters).toHaveLength(one.parameters.length);
    const bare = await write({});
    expect(bare.sql).not.toBe(one.sql);
    expect(bare.sql).not.toMatch(/timers|outbox/);
  });

  test('refuses a row with a column the statement does not write, instead of dropping it', async () => {
    const plan = mails(1);
    (plan.outboxRows[0] as Record<string, unknown>).priority = 'high';
    await expect(write({ messages: plan })).rejects.toThrow(/priority is not one of the columns/);
  });

  test('refuses a row without a column that has a default, instead of writing NULL', async () => {
    const plan = mails(1);
    delete (plan.outboxRows[0] as Record<string, unknown>).next_attempt_at;
    await expect(write({ messages: plan })).rejects.toThrow(/a row has no next_attempt_at/);
  });
});
