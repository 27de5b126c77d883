/**
 * The grant letter of bewonersinitiatief v13 on PostgreSQL, through the real API, rendered to PDF
 * and read back (PDF.js and, when installed, pdftotext): it names the account the money goes to
 * with its holder ("IBAN … ten name van …", the question the IBAN question names as its holder),
 * and an advance decided with the grant (Awb 4:95): how much, and when it is paid. An advance
 * above the amount granted is refused, naming the field by its label; the budget reserves the
 * grant as before, the advance is paid out of it.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { demoFormData, onlyFormFields } from '../applications/applications.fixtures';
import {
  createDraft,
  createRegulation,
  type Kit,
  readJson,
  sendEvent,
  setupKit,
  step,
} from '../applications/lifecycle.test-kit';
import { SHIPPED_VERSIONS, shippedFile } from '../definitions/shipped-versions.fixture';
import { renderLetterPdf } from './letter.pdf';
import type { LetterContent } from './letter.types';
import { pdfText } from './pdf-text';
import { pdftotext, popplerOrSkip } from './poppler';

const poppler = popplerOrSkip();
const v13 = shippedFile('bewonersinitiatief', 13);
const HOLDER = 'Ayşe Yıldız-Çelik';
/** Text as a reader reads it: every run of white space one space. */
const flat = (s: string) => s.replace(/\s+/g, ' ');

let kit: Kit;
let regulationId: string;
beforeAll(async () => {
  kit = await setupKit();
  regulationId = await createRegulation(kit.t, { key: v13.key, version: 13 });
});
afterAll(() => kit.close());

/** A v13 application of € 750,00 with the holder's name, submitted and assessed. */
async function assessed(): Promise<string> {
  const data = { ...onlyFormFields(v13, demoFormData(kit.clock())), accountHolder: HOLDER };
  const draft = await createDraft(kit, 'resident', { regulationId, data });
  const id = String(draft.id);
  await step(kit, 'resident', id, 'SUBMIT');
  await step(kit, 'assessor', id, 'ASSESS', { recommendation: 'grant', motivation: 'Past.' });
  return id;
}

async function grantLetter(id: string): Promise<LetterContent> {
  const row = await kit.t.db
    .selectFrom('documents')
    .select(['content'])
    .where('application_id', '=', id)
    .where('kind', '=', 'grant')
    .executeTakeFirstOrThrow();
  return row.content as LetterContent;
}

/** The letter's PDF as the renderer prints it, read back by each reader there is. */
async function readBack(content: LetterContent): Promise<string[]> {
  const pdf = await renderLetterPdf(content);
  const texts = [flat(await pdfText(pdf))];
  if (poppler) texts.push(flat(pdftotext(pdf)));
  return texts;
}

async function ledger(id: string) {
  return kit.t.db
    .selectFrom('budget_ledger')
    .select(['kind', 'amount_cents'])
    .where('application_id', '=', id)
    .orderBy('at')
    .execute();
}

describe('bewonersinitiatief v13', () => {
  test('is shipped', () => {
    expect(SHIPPED_VERSIONS.bewonersinitiatief).toContain(13);
    expect(v13.version).toBe(13);
  });

  test('a grant with an advance: the letter says how much, when, and on whose account', async () => {
    const id = await assessed();
    const granted = await step(kit, 'approver', id, 'GRANT', { advanceCents: 30_000 });
    expect(granted.state).toBe('granted');
    const content = await grantLetter(id);
    expect(content.variables).toMatchObject({
      accountIban: 'NL91 ABNA 0417 1643 00',
      accountHolder: HOLDER,
      advanceAmount: '€ 300,00',
      grantedAmount: '€ 750,00',
    });
    expect(content.conditions).toMatchObject({ advance: true });
    const texts = await readBack(content);
    expect(texts).toHaveLength(poppler ? 2 : 1);
    for (const text of texts) {
      expect(text).toContain(
        'U krijgt een voorschot van € 300,00 (artikel 4:95 van de Algemene wet bestuursrecht).',
      );
      expect(text).toContain(
        `Wij betalen het binnen zes weken na de dag waarop deze brief is verzonden op uw rekening NL91 ABNA 0417 1643 00 ten name van ${HOLDER}.`,
      );
      expect(text).not.toContain('Krijgt u een deel vooraf');
    }
    // The grant is reserved as before; the advance is paid out of it, not booked again.
    expect(await ledger(id)).toEqual([{ kind: 'reserve', amount_cents: 75_000 }]);
    // A later advance counts this one: all of them together stay within the grant.
    const over = await sendEvent(kit, 'assessor', id, 'PAY_ADVANCE', { amountCents: 45_001 });
    expect(over.status).toBe(422);
    await step(kit, 'assessor', id, 'PAY_ADVANCE', { amountCents: 45_000 });
  });

  test('a grant without one: the account and its holder, no advance promised', async () => {
    const id = await assessed();
    await step(kit, 'approver', id, 'GRANT', {});
    const content = await grantLetter(id);
    expect(content.conditions).toMatchObject({ advance: false });
    for (const text of await readBack(content)) {
      expect(text).toContain(
        `Wij betalen de subsidie op uw rekening NL91 ABNA 0417 1643 00 ten name van ${HOLDER}.`,
      );
      expect(text).not.toContain('U krijgt een voorschot van');
    }
  });

  test('an advance above the amount granted is refused, by the field’s label', async () => {
    const id = await assessed();
    const res = await sendEvent(kit, 'approver', id, 'GRANT', { advanceCents: 75_001 });
    expect(res.status).toBe(422);
    const problem = JSON.stringify(await readJson(res));
    expect(problem).toContain(
      'Bedrag van het voorschot (€ 750,01) is hoger dan het te verlenen bedrag (€ 750,00).',
    );
    expect(await ledger(id)).toEqual([]);
  });
});
