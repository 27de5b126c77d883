/**
 * The settlement decision with money to pay back (bewonersinitiatief v11), on PostgreSQL: a real
 * settlement below the advance paid is issued, its PDF rendered from the stored letter and read
 * back with pdftotext and PDF.js: the amount as € 1.234,56, the municipality's IBAN, the
 * reference to quote, the last day (six weeks after sending, Awb 4:87) and the payment
 * arrangement by phone. A settlement with nothing to pay back has none of it. A paper letter
 * posted days after the decision counts its last day to pay from its posting day, as it does its
 * objection period.
 */
import {
  formatDate,
  objectionDeadline,
  paymentDeadline,
  toAmsterdamDate,
} from '@initiatief/engine';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { demoFormData, onlyFormFields } from '../applications/applications.fixtures';
import {
  createDraft,
  createRegulation,
  type Kit,
  lettersByPost,
  setupKit,
  step,
} from '../applications/lifecycle.test-kit';
import { shippedFile } from '../definitions/shipped-versions.fixture';
import { createPrintBatch, printBatchPdf } from '../print/print.service';
import { renderLetterPdf } from './letter.pdf';
import type { LetterContent } from './letter.types';
import { MUNICIPALITY_ACCOUNT } from './letterhead';
import { pdfText } from './pdf-text';
import { pdftotext, popplerOrSkip } from './poppler';

const DAY = 86_400_000;
const poppler = popplerOrSkip();
const v11 = shippedFile('bewonersinitiatief', 11);
/** Text as a reader reads it: every run of white space one space. */
const flat = (s: string) => s.replace(/\s+/g, ' ');

let kit: Kit;
let regulationId: string;
beforeAll(async () => {
  kit = await setupKit();
  regulationId = await createRegulation(kit.t, { key: v11.key, version: 11 });
});
afterAll(() => kit.close());

/** A v11 application granted € 3.000,00, paid it all as an advance, and settled at `cents`. */
async function settledAt(cents: number): Promise<{ id: string; reference: string }> {
  const draft = await createDraft(kit, 'resident', {
    regulationId,
    data: onlyFormFields(v11, demoFormData(kit.clock(), { amountsCents: [300_000] })),
  });
  const id = String(draft.id);
  await step(kit, 'resident', id, 'SUBMIT');
  await step(kit, 'assessor', id, 'ASSESS', { recommendation: 'grant', motivation: 'Past.' });
  await step(kit, 'approver', id, 'GRANT', {});
  await step(kit, 'assessor', id, 'PAY_ADVANCE', { amountCents: 300_000 });
  await kit.advance(10 * 7 * DAY);
  await step(kit, 'resident', id, 'SUBMIT_REPORT', {
    actualCostsCents: cents,
    report: 'Het feest is doorgegaan, met minder kosten.',
  });
  const settled = await step(kit, 'assessor', id, 'SETTLE', { amountCents: cents });
  if (settled.state === 'settlement_proposed') {
    await step(kit, 'approver', id, 'CONFIRM_SETTLEMENT', {});
  }
  return { id, reference: String(draft.reference) };
}

async function settlementOf(id: string) {
  return kit.t.db
    .selectFrom('documents')
    .select(['id', 'content', 'sent_on', 'objection_deadline', 'pdf'])
    .where('application_id', '=', id)
    .where('kind', '=', 'settlement')
    .executeTakeFirstOrThrow();
}

/** The PDF's text by PDF.js and, when installed, by pdftotext, each read flat. */
async function readBack(pdf: Uint8Array): Promise<string[]> {
  const texts = [flat(await pdfText(pdf))];
  if (poppler) texts.push(flat(pdftotext(pdf)));
  return texts;
}

describe('a settlement with money to pay back', () => {
  test('says the amount, the account, the reference and the last day; nothing more to wait for', async () => {
    const { id, reference } = await settledAt(176_544);
    const letter = await settlementOf(id);
    const content = letter.content as LetterContent;
    const sentOn = String(letter.sent_on);
    expect(sentOn).toBe(toAmsterdamDate(kit.clock()));
    const due = formatDate(paymentDeadline(sentOn).date, 'nl');
    expect(content.variables.reclaimAmount).toBe('€ 1.234,56');
    expect(content.variables.reclaimDueDate).toBe(due);
    expect(content.variables.municipalityIban).toBe(MUNICIPALITY_ACCOUNT.iban);
    expect(content.conditions).toMatchObject({ reclaim: true });

    const pdf = await renderLetterPdf(content);
    const texts = await readBack(pdf);
    expect(texts.length).toBe(poppler ? 2 : 1);
    for (const text of texts) {
      expect(text).toContain('U moet € 1.234,56 aan ons terugbetalen.');
      expect(text).toContain(
        `Het bedrag moet uiterlijk op ${due} op onze rekening NL09 BNGH 0285 1700 07 ten name van Gemeente Rotterdam staan.`,
      );
      expect(text).toContain(`Vermeld bij uw betaling het kenmerk ${reference}.`);
      expect(text).toContain('Dan kunt u vragen om een betalingsregeling: bel 14 010');
      expect(text).not.toContain('aparte brief');
      expect(text).not.toContain('Krijgt u nog geld van ons');
      // The phone number once: the letter's own sentence, no second "Heeft u vragen" line.
      expect(text.match(/14 010/g)).toHaveLength(1);
      // The objection clause is still there, with its own last day.
      expect(text).toContain(formatDate(objectionDeadline(sentOn).date, 'nl'));
    }
  });

  test('with nothing to pay back, no paragraph on paying back', async () => {
    const { id } = await settledAt(300_000);
    const letter = await settlementOf(id);
    const content = letter.content as LetterContent;
    expect(content.variables.reclaimAmount).toBe('€ 0,00');
    expect(content.variables.reclaimDueDate).toBe('');
    expect(content.conditions).toMatchObject({ reclaim: false });
    for (const text of await readBack(await renderLetterPdf(content))) {
      expect(text).toContain(
        'Krijgt u nog geld van ons, dan betalen wij dat binnen zes weken op uw rekening.',
      );
      expect(text).not.toMatch(/aan ons terugbetalen|betalingsregeling|NL09|BNGH|aparte brief/);
    }
  });
});

describe('a settlement with money to pay back, by post', () => {
  test('counts the last day to pay from the day it is posted', async () => {
    await lettersByPost(kit);
    const { id, reference } = await settledAt(176_544);
    const issued = await settlementOf(id);
    const decidedOn = String(issued.sent_on);
    // The batch goes out three days later.
    await kit.advance(3 * DAY);
    const postingDate = toAmsterdamDate(kit.clock());
    expect(postingDate > decidedOn).toBe(true);
    const due = paymentDeadline(postingDate).date;
    expect(due > paymentDeadline(decidedOn).date).toBe(true);
    const batch = await createPrintBatch(kit.t.db, {
      now: kit.clock(),
      actor: { id: null, roles: ['system'] },
    });
    const letter = await settlementOf(id);
    const content = letter.content as LetterContent;
    expect(String(letter.sent_on)).toBe(postingDate);
    expect(content.variables.reclaimDueDate).toBe(formatDate(due, 'nl'));
    expect(String(letter.objection_deadline)).toBe(objectionDeadline(postingDate).date);

    const { pdf } = await printBatchPdf(kit.t.db, batch.id, 'http://localhost:3000');
    const texts = [flat(await pdfText(pdf))];
    if (poppler) texts.push(flat(pdftotext(pdf)));
    for (const text of texts) {
      const ours = text
        .split(/(?=Postbus 70012 Gemeente Rotterdam)/)
        .filter((l) => l.includes(`Vermeld bij uw betaling het kenmerk ${reference}.`));
      expect(ours).toHaveLength(1);
      expect(ours[0]).toContain(
        `Het bedrag moet uiterlijk op ${formatDate(due, 'nl')} op onze rekening NL09 BNGH 0285 1700 07`,
      );
      expect(ours[0]).not.toContain(formatDate(paymentDeadline(decidedOn).date, 'nl'));
    }
  });
});
