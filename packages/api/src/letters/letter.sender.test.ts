/**
 * Who sends a letter: the team in its letterhead is the one the definition version of its
 * application names (`sender.department`), not one team for every workflow. A klein buurtbudget
 * letter was signed "team Buurtbudget" under a letterhead saying "Team Bewonersinitiatieven".
 * A version published before the property keeps the default team; a letter keeps the sender it
 * was issued with when it is dated again for the post. Each letter is read back from its PDF,
 * with PDF.js and pdftotext.
 */
import { renderTemplate, type WorkflowDefinition } from '@initiatief/engine';
import { describe, expect, it } from 'vitest';
import { shippedFile } from '../definitions/shipped-versions.fixture';
import { templateOf } from '../messaging/messaging.texts';
import type { WaitingLetter } from '../print/print.repository';
import { redateLetter } from '../print/print.service';
import { closingReminderText } from '../reminders/closing-reminder.job';
import { buildLetterContent } from './letter.content';
import { renderLetterPdf } from './letter.pdf';
import type { LetterContent } from './letter.types';
import { LETTERHEAD, letterheadOf } from './letterhead';
import { pdfText } from './pdf-text';
import { pdftotext, popplerOrSkip } from './poppler';

const poppler = popplerOrSkip();
type Language = 'nl' | 'en';
const flat = (text: string) => text.replace(/\s+/g, ' ');
const RECIPIENT = {
  name: 'Fatima el Amrani',
  street: 'Zwart Janstraat 12a',
  postcode: '3035 AT',
  city: 'Rotterdam',
};
const VARIABLES = {
  reference: 'KB-2027-000123',
  applicantName: 'Fatima el Amrani',
  title: 'Buurtbarbecue Spangen',
  receivedDate: '2 december 2026',
  decisionDueDate: '27 januari 2027',
};

/** The acknowledgement of `definition` as messaging.plan.ts issues it. */
function acknowledgement(definition: WorkflowDefinition, language: Language): LetterContent {
  const { text } = templateOf(definition, 'letters', 'acknowledgement', language);
  return buildLetterContent({
    kind: 'acknowledgement',
    language,
    reference: VARIABLES.reference,
    sentOn: '2027-01-14',
    objectionLastDay: '2027-02-25',
    recipient: RECIPIENT,
    subject: renderTemplate(text.subject, VARIABLES, { online: true }),
    body: renderTemplate(text.body, VARIABLES, { online: true }),
    variables: VARIABLES,
    sender: letterheadOf(definition, language),
  });
}

/** The letter as printed, read back by each reader available. */
async function readBack(content: LetterContent): Promise<string[]> {
  const pdf = await renderLetterPdf(content);
  return [flat(await pdfText(pdf)), ...(poppler ? [flat(pdftotext(pdf))] : [])];
}

/** The letterhead: what the first page prints above the address block (the recipient's name). */
function letterheadLines(read: string, content: LetterContent): string {
  const head = read.slice(0, read.indexOf(RECIPIENT.name));
  expect(head, 'the letterhead names the municipality').toContain(content.sender.organisation);
  return head;
}

describe('the letterhead names the team of the workflow version', () => {
  it('a klein buurtbudget letter (version 10) comes from Team Buurtbudget, in both languages', async () => {
    const definition = shippedFile('klein-buurtbudget', 10);
    for (const [language, team] of [
      ['nl', 'Team Buurtbudget'],
      ['en', 'Neighbourhood Budget team'],
    ] as const) {
      const content = acknowledgement(definition, language);
      expect(content.sender.department).toBe(team);
      for (const read of await readBack(content)) {
        expect(letterheadLines(read, content)).toContain(team);
        expect(read).not.toMatch(/Bewonersinitiatieven|Resident Initiatives/);
        // The letter's own sign-off names the same team.
        expect(read).toContain(
          language === 'nl' ? 'team Buurtbudget' : 'Neighbourhood Budget team',
        );
      }
    }
  }, 60_000);

  it('a bewonersinitiatief letter (version 12) comes from Team Bewonersinitiatieven', async () => {
    const definition = shippedFile('bewonersinitiatief', 12);
    const content = acknowledgement(definition, 'nl');
    expect(content.sender.department).toBe('Team Bewonersinitiatieven');
    for (const read of await readBack(content)) {
      expect(letterheadLines(read, content)).toContain('Team Bewonersinitiatieven');
      expect(read).not.toContain('Buurtbudget');
    }
  }, 60_000);

  it('a version without a sender (klein buurtbudget 9) keeps the default letterhead', async () => {
    const definition = shippedFile('klein-buurtbudget', 9);
    expect(definition.sender).toBeUndefined();
    for (const language of ['nl', 'en'] as const) {
      expect(letterheadOf(definition, language)).toEqual(LETTERHEAD[language]);
      const content = acknowledgement(definition, language);
      for (const read of await readBack(content)) {
        expect(letterheadLines(read, content)).toContain(LETTERHEAD[language].department);
      }
    }
  }, 60_000);
});

describe('the shell’s own texts are signed by the workflow’s team', () => {
  const reminder = (definition: WorkflowDefinition, language: Language) => {
    const text = closingReminderText(
      language,
      {
        name: 'Fatima el Amrani',
        title: 'Buurtbarbecue Spangen',
        reference: 'KB-2027-000123',
        regulation: 'Klein buurtbudget Delfshaven 2027',
        closesOn: '2027-01-31',
      },
      { paper: true, online: false },
    );
    return buildLetterContent({
      kind: 'notice',
      language,
      reference: 'KB-2027-000123',
      sentOn: '2027-01-14',
      objectionLastDay: '2027-02-25',
      recipient: RECIPIENT,
      subject: text.subject,
      body: text.body,
      variables: {},
      sender: letterheadOf(definition, language),
    });
  };

  it('the closing reminder on paper of a klein buurtbudget draft', async () => {
    const definition = shippedFile('klein-buurtbudget', 10);
    for (const [language, team] of [
      ['nl', 'Team Buurtbudget'],
      ['en', 'Neighbourhood Budget team'],
    ] as const) {
      const content = reminder(definition, language);
      expect(content.signature.role).toBe(team);
      for (const read of await readBack(content)) {
        const closing = language === 'nl' ? 'Met vriendelijke groet,' : 'Yours sincerely,';
        const signed = read.slice(read.lastIndexOf(closing));
        expect(signed).toContain(team);
        expect(read).not.toMatch(/Bewonersinitiatieven|Resident Initiatives/);
      }
    }
  }, 60_000);

  it('of a bewonersinitiatief draft, and of a version without a sender: the default team', () => {
    expect(reminder(shippedFile('bewonersinitiatief', 12), 'nl').signature.role).toBe(
      'Team Bewonersinitiatieven',
    );
    expect(reminder(shippedFile('klein-buurtbudget', 9), 'en').signature.role).toBe(
      'Resident Initiatives team',
    );
  });
});

describe('a letter keeps the sender it was issued with', () => {
  it('dated again for the post, its letterhead and signature do not follow the definition', async () => {
    const issued = reminder9();
    const letter: WaitingLetter = {
      id: '00000000-0000-4000-8000-000000000001',
      application_id: '00000000-0000-4000-8000-000000000002',
      history_id: null,
      kind: 'notice',
      template_key: 'shell.closing_reminder',
      definition_key: 'klein-buurtbudget',
      definition_version: 10,
      language: 'nl',
      reference: 'KB-2027-000123',
      content: issued,
      print_batch_id: null,
      created_at: new Date('2027-01-14T09:00:00Z'),
    };
    // The definition now names another team: the letter already issued still reads as issued.
    const dated = redateLetter(letter, shippedFile('klein-buurtbudget', 10), '2027-01-18', {
      applicantId: '00000000-0000-4000-8000-000000000003',
      ...RECIPIENT,
    });
    expect(dated.date).toBe('2027-01-18');
    expect(dated.sender).toEqual(issued.sender);
    expect(dated.signature.role).toBe('Team Bewonersinitiatieven');
    const read = flat(await pdfText(await renderLetterPdf(dated)));
    expect(read).toContain('Team Bewonersinitiatieven');
    expect(read).not.toContain('Buurtbudget');
  }, 60_000);
});

/** A closing reminder issued with the default letterhead (before the workflow named its team). */
function reminder9(): LetterContent {
  const text = closingReminderText(
    'nl',
    {
      name: 'Fatima el Amrani',
      title: 'Buurtbarbecue Spangen',
      reference: 'KB-2027-000123',
      regulation: 'Klein buurtbudget Delfshaven 2027',
      closesOn: '2027-01-31',
    },
    { paper: true, online: false },
  );
  return buildLetterContent({
    kind: 'notice',
    language: 'nl',
    reference: 'KB-2027-000123',
    sentOn: '2027-01-14',
    objectionLastDay: '2027-02-25',
    recipient: RECIPIENT,
    subject: text.subject,
    body: text.body,
    variables: {},
  });
}
