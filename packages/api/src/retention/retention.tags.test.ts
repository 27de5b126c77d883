import { afterAll, beforeAll, expect, it } from 'vitest';
import {
  createDraft,
  createRegulation,
  type Kit,
  setupKit,
} from '../applications/lifecycle.test-kit';
import type { MailTransport } from '../messaging/mail.transport';
import { startOutboxWorker } from '../messaging/outbox.worker';
import { workflowSkeleton } from '../policy/policy-workflows.service';
import { runRetention } from './retention.job';

// Retention finds drafts by the state tag `draft` (contract C3), also in a workflow whose first
// state has another name; the database's history guard agrees.
const DAY = 86_400_000;
let kit: Kit;
beforeAll(async () => {
  kit = await setupKit();
});
afterAll(() => kit.close());

it('warns and deletes a never-submitted application of any workflow by its draft tag', async () => {
  const definition = workflowSkeleton('eigen-regeling', { nl: 'Eigen regeling', en: 'Own scheme' });
  expect(definition.initial).not.toBe('draft');
  await kit.t.db
    .insertInto('workflow_definitions')
    .values({
      key: definition.key,
      version: 1,
      status: 'published',
      definition: JSON.stringify(definition),
      created_at: kit.clock(),
      published_at: kit.clock(),
    })
    .execute();
  const regulationId = await createRegulation(kit.t, { key: definition.key, version: 1 });
  const own = await createDraft(kit, 'resident', { regulationId, data: { title: 'Eigen plan' } });
  expect(own.state).toBe('started');

  const deps = kit.app.deps;
  await kit.advance(170 * DAY);
  expect(await runRetention(deps, { draftDays: 180, warningDays: 14 })).toMatchObject({
    warned: 1,
  });
  const transport: MailTransport = { kind: 'smtp', async send() {}, close() {} };
  const worker = startOutboxWorker(deps, { transport, loop: false });
  await worker.drain();
  await worker.stop();
  await kit.advance(15 * DAY);
  const result = await runRetention(deps, { draftDays: 180, warningDays: 14 });
  expect(result.deletedReferences).toEqual([own.reference]);
  const left = await kit.t.db.selectFrom('applications').select('id').execute();
  expect(left).toHaveLength(0);
});
