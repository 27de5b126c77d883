/**
 * What a resident reads on paper, for every letter and every notice the shipped workflows can
 * send her by post (a step's letter, or a mail of a step without a letter: messaging.plan.ts):
 *
 * - the phone number is printed once: in the text's own sentence when the template names it,
 *   else in the line under the letter (contactLine). The letterhead, repeated on every page,
 *   carries the postal address and the website, not the number. Before, the acknowledgement of a
 *   resident without e-mail named 14 010 three times: letterhead, its own sentence, and a
 *   near-identical "Heeft u vragen over deze brief? Bel dan 14 010 …" under it;
 * - a notice printed from a mail's text is signed as the workflow's letters are ("Het college van
 *   burgemeester en wethouders, namens dezen, team …"), not as the mail ("Team …"), and no
 *   printed page speaks of an e-mail.
 *
 * Each letter is rendered as the print batch renders it and read back with PDF.js and pdftotext.
 */
import {
  renderTemplate,
  type TemplateConditions,
  type WorkflowDefinition,
} from '@initiatief/engine';
import { beforeAll, describe, expect, it } from 'vitest';
import { newestShipped, readShippedDefinitions } from '../definitions/definitions.repository';
import { SHIPPED_VERSIONS } from '../definitions/shipped-versions.fixture';
import { letterSignOff, paperNoticeOf, templateOf } from '../messaging/messaging.texts';
import { buildLetterContent, contactLine } from './letter.content';
import { renderLetterHtml } from './letter.html';
import { renderLetterPdf } from './letter.pdf';
import type { LetterContent, LetterKind } from './letter.types';
import { letterheadOf } from './letterhead';
import { pdfText } from './pdf-text';
import { pdftotext, popplerOrSkip } from './poppler';

const poppler = popplerOrSkip();
type Language = 'nl' | 'en';
const PHONE = /14[\s\u00a0]*010/g;
/** Words of a mail that a letter on paper must not use. */
const MAIL_WORDS = /\be-?mail\b|\bmail\b|deze e-mail|this e-mail|beantwoorden|do not reply/i;
const flat = (text: string) => text.replace(/\s+/g, ' ');
const count = (text: string, pattern: RegExp) => text.match(pattern)?.length ?? 0;
type Action = { type: string; params?: Record<string, unknown> };

/** The letters and the applicant's notices a step sends, walked from the definition's actions. */
function paperTexts(definition: WorkflowDefinition) {
  const letters = new Set<string>();
  const notices = new Set<string>();
  const visit = (node: unknown) => {
    if (Array.isArray(node)) return node.forEach(visit);
    if (typeof node !== 'object' || node === null) return;
    const actions = (node as { actions?: Action[] }).actions;
    if (Array.isArray(actions)) {
      const documents = actions.filter((a) => a.type === 'issueDocument');
      for (const a of documents) letters.add(String(a.params?.template));
      // Only a step without a letter of its own prints its mail (messaging.plan.ts).
      if (documents.length === 0) {
        for (const a of actions) {
          if (a.type === 'sendNotice' && a.params?.audience === 'applicant') {
            notices.add(String(a.params.template));
          }
        }
      }
    }
    for (const value of Object.values(node)) visit(value);
  };
  visit(definition.states);
  return { letters: [...letters], notices: [...notices] };
}

const SAMPLE: Record<string, string> = {
  reference: 'BI-2027-000123',
  applicantName: 'Fatima el Amrani',
  title: 'Straatfeest Zwart Janstraat',
  district: 'Noord',
  activityDate: '14 maart 2027',
  requestedAmount: '€ 1.250,00',
  grantedAmount: '€ 1.250,00',
  advanceAmount: '€ 1.000,00',
  settledAmount: '€ 1.250,00',
  paymentAmount: '€ 250,00',
  reclaimAmount: '€ 0,00',
  receivedDate: '2 december 2026',
  decisionDueDate: '27 januari 2027',
  supplementDueDate: '28 januari 2027',
  objectionDeadline: '25 februari 2027',
  reportDueDate: '9 mei 2027',
  motivation: 'Uw initiatief past bij het wijkakkoord.',
  message: 'Wilt u de offerte van de tent sturen?',
  conditions: 'U vermeldt de bijdrage van de gemeente.',
  today: '14 januari 2027',
  periodDays: '14',
};

/** A letter as issued (messaging.plan.ts) and finished for the post (letter.links.ts). */
function paperLetter(
  definition: WorkflowDefinition,
  which: { kind: 'letter' | 'notice'; template: string },
  language: Language,
  online: boolean,
): LetterContent {
  const { text } =
    which.kind === 'notice'
      ? paperNoticeOf(definition, which.template, language)
      : templateOf(definition, 'letters', which.template, language);
  const conditions: TemplateConditions = { online };
  const variables = { ...SAMPLE, applicationUrl: 'http://localhost:3000/aanvragen/1' };
  const kind: LetterKind =
    which.kind === 'notice'
      ? 'notice'
      : which.template === 'grant_direct'
        ? 'grant'
        : (which.template as LetterKind);
  const content = buildLetterContent({
    kind,
    language,
    reference: SAMPLE.reference!,
    sentOn: '2027-01-14',
    objectionLastDay: '2027-02-25',
    recipient: {
      name: 'Fatima el Amrani',
      street: 'Zwart Janstraat 12a',
      postcode: '3035 AT',
      city: 'Rotterdam',
    },
    subject: renderTemplate(text.subject, variables, conditions),
    body: renderTemplate(text.body, variables, conditions),
    variables,
    conditions,
    sender: letterheadOf(definition, language),
  });
  // Who can log in gets the line to the letter's web page; who cannot, none (letter.links.ts).
  return { ...content, links: { html: online ? 'http://localhost:3000/api/documents/1' : null } };
}

let definitions: WorkflowDefinition[] = [];
beforeAll(async () => {
  definitions = await readShippedDefinitions();
});

describe.each(Object.keys(SHIPPED_VERSIONS))(
  '%s, newest version, as a resident reads it on paper',
  (key) => {
    const newest = () => newestShipped(definitions, key)!;

    it('sends letters and notices by post', () => {
      const { letters, notices } = paperTexts(newest());
      expect(letters).toContain('acknowledgement');
      // The confirmation that a supplement came in has no letter of its own: its mail is printed.
      expect(notices).toContain('supplement_confirmation');
    });

    for (const language of ['nl', 'en'] as const) {
      for (const online of [false, true]) {
        it(`names the phone number once and never an e-mail (${language}, ${online ? 'can' : 'cannot'} log in)`, async () => {
          const definition = newest();
          const { letters, notices } = paperTexts(definition);
          const signOff = letterSignOff(definition, language)!;
          expect(signOff).toBeTruthy();
          const all = [
            ...letters.map((template) => ({ kind: 'letter' as const, template })),
            ...notices.map((template) => ({ kind: 'notice' as const, template })),
          ];
          for (const which of all) {
            const where = `${which.kind} ${which.template}`;
            const content = paperLetter(definition, which, language, online);
            const pdf = await renderLetterPdf(content);
            const readers = [flat(await pdfText(pdf)), ...(poppler ? [flat(pdftotext(pdf))] : [])];
            for (const read of readers) {
              expect(count(read, PHONE), where).toBe(1);
              expect(read, where).not.toMatch(MAIL_WORDS);
              expect(read, where).toContain(content.reference);
              // Signed as the workflow's letters are, each line of it.
              for (const line of signOff.split('\n').filter(Boolean)) {
                expect(read, where).toContain(line.trim());
              }
            }
          }
        }, 120_000);
      }
    }

    it('the letterhead names the team its letters are signed by', async () => {
      for (const language of ['nl', 'en'] as const) {
        const definition = newest();
        const team = letterSignOff(definition, language)!.split('\n').at(-1)!.trim();
        const content = paperLetter(
          definition,
          { kind: 'letter', template: 'acknowledgement' },
          language,
          false,
        );
        expect(content.sender.department.toLowerCase()).toBe(team.toLowerCase());
        const pdf = await renderLetterPdf(content);
        for (const read of [flat(await pdfText(pdf)), ...(poppler ? [flat(pdftotext(pdf))] : [])]) {
          // Above the address block: the letterhead.
          const head = read.slice(0, read.indexOf('Fatima el Amrani'));
          expect(head).toContain(content.sender.department);
        }
      }
    }, 60_000);

    it('the acknowledgement for a resident without e-mail says “call 14 010” in one sentence', async () => {
      for (const [language, sentence] of [
        [
          'nl',
          'Bel dan 14 010 (maandag tot en met vrijdag van 8.00 tot 18.00 uur) en noem uw kenmerk',
        ],
        ['en', 'Call 14 010 (Monday to Friday, 8:00 to 18:00) and quote your reference'],
      ] as const) {
        const content = paperLetter(
          newest(),
          { kind: 'letter', template: 'acknowledgement' },
          language,
          false,
        );
        const pdf = await renderLetterPdf(content);
        const read = flat(await pdfText(pdf));
        expect(count(read, PHONE)).toBe(1);
        expect(read).toContain(sentence);
        // Its own sentence says it: no second "Heeft u vragen over deze brief? Bel dan …" under it.
        expect(contactLine(content)).toBeNull();
        expect(read).not.toMatch(/Heeft u vragen over deze brief|Any questions about this letter/);
        if (poppler) expect(count(flat(pdftotext(pdf)), PHONE)).toBe(1);
      }
    }, 60_000);

    it('the confirmation of a supplement, by post, is signed as a letter, not as the mail', async () => {
      const definition = newest();
      const mail = templateOf(definition, 'mails', 'supplement_confirmation', 'nl').text.body;
      const mailSignOff = mail.slice(mail.indexOf('Met vriendelijke groet'));
      const content = paperLetter(
        definition,
        { kind: 'notice', template: 'supplement_confirmation' },
        'nl',
        false,
      );
      expect(content.signature.onBehalfOf).toMatch(/namens dezen/);
      const read = flat(await pdfText(await renderLetterPdf(content)));
      expect(read).toContain('Wij hebben de aanvulling op uw aanvraag');
      expect(read).toContain(flat(letterSignOff(definition, 'nl')!));
      // The mail's own sign-off ("Met vriendelijke groet, Team …") is not what the letter prints.
      expect(read).not.toContain(flat(mailSignOff));
      // Where to call: the line under the letter, once.
      expect(count(read, PHONE)).toBe(1);
      expect(read).toContain(
        'Heeft u vragen over deze brief? Bel dan 14 010 (maandag tot en met vrijdag van 8.00 tot 18.00 uur) en noem uw kenmerk BI-2027-000123.',
      );
    }, 60_000);
  },
);

describe('every shipped version', () => {
  it('names the phone number once in each letter and notice, in every language and for every reader', () => {
    let checked = 0;
    for (const definition of definitions) {
      const { letters, notices } = paperTexts(definition);
      for (const language of ['nl', 'en'] as const) {
        for (const online of [false, true]) {
          const all = [
            ...letters.map((template) => ({ kind: 'letter' as const, template })),
            ...notices.map((template) => ({ kind: 'notice' as const, template })),
          ];
          for (const which of all) {
            const content = paperLetter(definition, which, language, online);
            const words = [
              content.salutation,
              ...content.paragraphs,
              ...(content.objection?.paragraphs ?? []),
              contactLine(content) ?? '',
            ].join('\n');
            expect(
              count(words, PHONE),
              `${definition.key} v${definition.version} ${which.template}`,
            ).toBe(1);
            checked++;
          }
        }
      }
    }
    expect(checked).toBeGreaterThan(100);
  });
});

describe('the letter’s web page', () => {
  it('names the phone number once too, as the PDF does', () => {
    const definition = newestShipped(definitions, 'bewonersinitiatief')!;
    for (const template of ['acknowledgement', 'rejection']) {
      const content = paperLetter(definition, { kind: 'letter', template }, 'nl', true);
      const html = renderLetterHtml(content, {
        documentId: '00000000-0000-4000-8000-000000000001',
        applicationId: '00000000-0000-4000-8000-000000000002',
        publicUrl: 'http://localhost:3000',
      });
      expect(count(html, PHONE), template).toBe(1);
    }
  });
});
