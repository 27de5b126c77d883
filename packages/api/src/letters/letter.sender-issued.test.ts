/**
 * The sender as the real API issues and prints it: a klein buurtbudget application on version 10
 * gets its acknowledgement and the shell's own closing reminder from "Team Buurtbudget", stored
 * with the letter when issued and printed so in the day's batch (read back with PDF.js and
 * pdftotext); an application on version 9 (no sender in its definition) keeps the default team.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  demoSmallBudgetData,
  onlyFormFields,
  smallBudgetRegulation,
} from '../applications/applications.fixtures';
import {
  type Kit,
  lettersByPost,
  readJson,
  setupKit,
  step,
} from '../applications/lifecycle.test-kit';
import { shippedFile } from '../definitions/shipped-versions.fixture';
import { remindBeforeClosing } from '../reminders/closing-reminder.job';
import { call } from '../test/test-app';
import type { LetterContent } from './letter.types';
import { pdfText } from './pdf-text';
import { pdftotext, popplerOrSkip } from './poppler';

const poppler = popplerOrSkip();
const flat = (text: string) => text.replace(/\s+/g, ' ');
let kit: Kit;
beforeAll(async () => {
  kit = await setupKit();
  await lettersByPost(kit);
});
afterAll(() => kit.close());

async function submitOn(version: number, closesOn = '2026-12-31') {
  const regulationId = await smallBudgetRegulation(kit.t.db, {
    code: `KB-SENDER-${version}-${closesOn}`,
    title: 'Klein buurtbudget Delfshaven 2026',
    district: 'Delfshaven',
    workflowVersion: version,
  });
  if (closesOn !== '2026-12-31')
    await kit.t.db
      .updateTable('regulations')
      .set({ closes_on: closesOn })
      .where('id', '=', regulationId)
      .execute();
  const res = await call(kit.app, 'POST', '/api/applications', {
    cookie: kit.cookies.resident,
    json: {
      regulationId,
      // Only the fields the version's form has (no district: the regulation names it).
      data: onlyFormFields(
        shippedFile('klein-buurtbudget', version),
        demoSmallBudgetData(kit.clock()),
      ),
    },
  });
  expect(res.status, await res.clone().text()).toBe(201);
  return readJson(res);
}

async function lettersOf(applicationId: string) {
  const rows = await kit.t.db
    .selectFrom('documents')
    .select(['template_key', 'content'])
    .where('application_id', '=', applicationId)
    .orderBy('seq')
    .execute();
  return rows.map((r) => ({ template: r.template_key, content: r.content as LetterContent }));
}

describe('the sending team, issued and printed', () => {
  test('version 10: the acknowledgement and the closing reminder come from Team Buurtbudget', async () => {
    const sent = await submitOn(10);
    await step(kit, 'resident', sent.id, 'SUBMIT');
    // A draft of a regulation that closes within the fortnight: the shell's own reminder.
    const draft = await submitOn(10, '2026-03-12');
    expect(await remindBeforeClosing(kit.t.db, kit.clock(), { days: 14 })).toBeGreaterThan(0);

    const [ack] = await lettersOf(sent.id);
    expect(ack?.template).toBe('acknowledgement');
    expect(ack?.content.sender.department).toBe('Team Buurtbudget');
    const [reminder] = await lettersOf(draft.id);
    expect(reminder?.template).toBe('shell.closing_reminder');
    expect(reminder?.content.sender.department).toBe('Team Buurtbudget');
    expect(reminder?.content.signature.role).toBe('Team Buurtbudget');

    // The day's batch, dated and printed: both from the klein buurtbudget's own team.
    const batch = await call(kit.app, 'POST', '/api/print-batches', { cookie: kit.cookies.clerk });
    expect(batch.status).toBe(201);
    const { id } = await readJson(batch);
    const res = await call(kit.app, 'GET', `/api/print-batches/${id}/pdf`, {
      cookie: kit.cookies.clerk,
    });
    expect(res.status).toBe(200);
    const pdf = new Uint8Array(await res.arrayBuffer());
    for (const read of [flat(await pdfText(pdf)), ...(poppler ? [flat(pdftotext(pdf))] : [])]) {
      expect(read).toContain(sent.reference);
      expect(read).toContain(draft.reference);
      expect(read).toContain('Team Buurtbudget');
      expect(read).not.toMatch(/Bewonersinitiatieven/);
    }
  }, 120_000);

  test('version 9, published before the property: the default team', async () => {
    const sent = await submitOn(9);
    await step(kit, 'resident', sent.id, 'SUBMIT');
    const [ack] = await lettersOf(sent.id);
    expect(ack?.content.sender.department).toBe('Team Bewonersinitiatieven');
  });
});
