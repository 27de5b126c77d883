/**
 * The grant letters of bewonersinitiatief v12 and klein-buurtbudget v10 on PostgreSQL, through the
 * real API: the letter issued with the grant names the regulation it is granted under (its title as
 * recorded), the account she gave, and when the money comes; an advance only when one is set (none
 * is at the grant: the advance is a step of its own, whose notice names her account). A form
 * without the account holder (bi) or without the statement of age (kbb) is not submitted.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  demoFormData,
  demoSmallBudgetData,
  onlyFormFields,
  smallBudgetRegulation,
} from '../applications/applications.fixtures';
import {
  createDraft,
  createRegulation,
  type Kit,
  readJson,
  sendEvent,
  setupKit,
  step,
} from '../applications/lifecycle.test-kit';
import { shippedFile } from '../definitions/shipped-versions.fixture';
import type { LetterContent } from './letter.types';

const bi12 = shippedFile('bewonersinitiatief', 12);
const kbb10 = shippedFile('klein-buurtbudget', 10);
/** A letter as she reads it: its paragraphs and its objection clause, every run of space one. */
const read = (c: LetterContent) =>
  [...c.paragraphs, ...(c.objection?.paragraphs ?? [])].join(' ').replace(/\s+/g, ' ');

let kit: Kit;
beforeAll(async () => {
  kit = await setupKit();
});
afterAll(() => kit.close());

async function grantLetter(id: string): Promise<LetterContent> {
  const row = await kit.t.db
    .selectFrom('documents')
    .select(['content'])
    .where('application_id', '=', id)
    .where('kind', '=', 'grant')
    .executeTakeFirstOrThrow();
  return row.content as LetterContent;
}

describe('bewonersinitiatief v12', () => {
  let regulationId: string;
  beforeAll(async () => {
    regulationId = await createRegulation(kit.t, { key: bi12.key, version: 12 });
  });

  test('without the account holder the application is not submitted, by the field’s label', async () => {
    const { accountHolder: _, ...data } = onlyFormFields(bi12, demoFormData(kit.clock()));
    const draft = await createDraft(kit, 'resident', { regulationId, data });
    const res = await sendEvent(kit, 'resident', String(draft.id), 'SUBMIT');
    expect(res.status).toBe(422);
    const problem = await readJson(res);
    expect(JSON.stringify(problem)).toContain('Naam van de rekeninghouder');
  });

  test('the grant letter names the regulation, her account and when it is paid; no advance', async () => {
    const draft = await createDraft(kit, 'resident', {
      regulationId,
      data: onlyFormFields(bi12, demoFormData(kit.clock())),
    });
    const id = String(draft.id);
    await step(kit, 'resident', id, 'SUBMIT');
    await step(kit, 'assessor', id, 'ASSESS', { recommendation: 'grant', motivation: 'Past.' });
    await step(kit, 'approver', id, 'GRANT', {});
    const content = await grantLetter(id);
    expect(content.variables.regulationTitle).toBe('Bewonersinitiatieven Delfshaven 2026');
    expect(content.variables.accountIban).toBe('NL91 ABNA 0417 1643 00');
    expect(content.conditions).toMatchObject({ advance: false });
    const text = read(content);
    expect(text).toContain(
      'in het bijzonder de artikelen 4:23 en 4:29 tot en met 4:35, en de regeling ‘Bewonersinitiatieven Delfshaven 2026’.',
    );
    expect(text).toContain('Wij betalen de subsidie op uw rekening NL91 ABNA 0417 1643 00.');
    expect(text).toContain('staat binnen zes weken na de vaststelling op uw rekening.');
    // No advance is set when the grant is decided: none is promised, no amount named.
    expect(text).not.toContain('U krijgt een voorschot van');
    // Every placeholder filled; the link alone is finished when the letter is sent.
    expect(text.replaceAll('{{applicationUrl}}', '')).not.toContain('{{');
    expect(content.objection?.paragraphs.join(' ')).toContain('bezwaar');

    // The advance, a step of its own: its notice says where the money goes.
    await step(kit, 'assessor', id, 'PAY_ADVANCE', { amountCents: 40_000 });
    const mail = await kit.t.db
      .selectFrom('outbox')
      .select(['body'])
      .where('application_id', '=', id)
      .where('template_key', '=', 'advance_paid')
      .executeTakeFirstOrThrow();
    expect(mail.body).toContain(
      'betalen wij een voorschot van € 400,00 op uw rekening NL91 ABNA 0417 1643 00.',
    );
  });
});

describe('klein-buurtbudget v10', () => {
  let regulationId: string;
  beforeAll(async () => {
    regulationId = await smallBudgetRegulation(kit.t.db, {
      code: 'KB-V10-TEST',
      title: 'Klein buurtbudget Delfshaven 2026',
      district: 'Delfshaven',
      workflowVersion: 10,
    });
  });

  test('without the statement of age the application is not submitted', async () => {
    const data = { ...onlyFormFields(kbb10, demoSmallBudgetData(kit.clock())), adult: false };
    const draft = await createDraft(kit, 'resident', { regulationId, data });
    const res = await sendEvent(kit, 'resident', String(draft.id), 'SUBMIT');
    expect(res.status).toBe(422);
    expect(JSON.stringify(await readJson(res))).toContain('Ik ben 18 jaar of ouder.');
  });

  test('the grant letter names the regulation, her account and the six weeks', async () => {
    const draft = await createDraft(kit, 'resident', {
      regulationId,
      data: onlyFormFields(kbb10, demoSmallBudgetData(kit.clock())),
    });
    const id = String(draft.id);
    await step(kit, 'resident', id, 'SUBMIT');
    await step(kit, 'assessor', id, 'ASSESS', { recommendation: 'grant', motivation: 'Past.' });
    await step(kit, 'approver', id, 'GRANT', {});
    const text = read(await grantLetter(id));
    expect(text).toContain('en de regeling ‘Klein buurtbudget Delfshaven 2026’.');
    expect(text).toContain(
      'Wij betalen € 950,00 binnen zes weken na de dag waarop deze brief is verzonden uit op uw rekening NL91 ABNA 0417 1643 00.',
    );
    expect(text.replaceAll('{{applicationUrl}}', '')).not.toContain('{{');
  });
});
