import type { TemplateConditions } from '@initiatief/engine';
import { formatDate, paragraphsOf } from '../messaging/messaging.format';
import { DECISION_KINDS, type LetterContent, type LetterKind } from './letter.types';
import { LABELS, LETTERHEAD } from './letterhead';

type Language = 'nl' | 'en';

export interface LetterInput {
  kind: LetterKind;
  language: Language;
  reference: string;
  /** The letter's date (YYYY-MM-DD, Europe/Amsterdam). */
  sentOn: string;
  /** Last day for objection (YYYY-MM-DD), computed by the engine's legal clock. */
  objectionLastDay: string;
  recipient: { name: string; street: string | null; postcode: string | null; city: string | null };
  /** The resolved template texts. */
  subject: string;
  body: string;
  variables: Record<string, string>;
  /** What the body's sections were written out with (LetterContent.conditions). */
  conditions?: TemplateConditions;
  /**
   * The letterhead: the workflow's (letterheadOf its pinned definition), or the one a letter
   * stored when it was issued (dated again for the post). Absent: the default LETTERHEAD.
   */
  sender?: LetterContent['sender'];
}

/**
 * The signature of a text without its own sign-off (the shell's texts: a reminder, a receipt): a
 * decision is signed by the district manager on behalf of the board, anything else by the team
 * in the letterhead (`sender.department`: the workflow's own team).
 */
const SIGNATURE: Record<Language, { closing: string; board: string; decisionRole: string }> = {
  nl: {
    closing: 'Met vriendelijke groet,',
    board: 'namens het college van burgemeester en wethouders van Rotterdam,',
    decisionRole: 'De wijkmanager',
  },
  en: {
    closing: 'Yours sincerely,',
    board:
      'on behalf of the Municipal Executive of Rotterdam (college van burgemeester en wethouders),',
    decisionRole: 'The district manager (wijkmanager)',
  },
};

function objectionClause(
  language: Language,
  reference: string,
  lastDay: string,
  sender: LetterContent['sender'],
): NonNullable<LetterContent['objection']> {
  const lastDayText = formatDate(lastDay, language);
  const address = sender.addressLines.join(', ');
  if (language === 'en') {
    return {
      lastDay,
      lastDayText,
      heading: 'Objection',
      paragraphs: [
        `If you disagree with this decision, you can lodge an objection (bezwaar) within six weeks of the day after this letter was sent. We must receive your objection no later than ${lastDayText}.`,
        `Send your objection to the Municipal Executive (college van burgemeester en wethouders), ${address}. State your name and address, the date, the reference ${reference} of this decision and why you disagree with it, and sign it.`,
      ],
    };
  }
  return {
    lastDay,
    lastDayText,
    heading: 'Bezwaar maken',
    paragraphs: [
      `Bent u het niet eens met dit besluit? Dan kunt u bezwaar maken binnen zes weken na de dag waarop deze brief is verzonden. Uw bezwaarschrift moet uiterlijk op ${lastDayText} bij ons binnen zijn.`,
      `Stuur uw bezwaarschrift aan het college van burgemeester en wethouders, ${address}. Vermeld daarin uw naam en adres, de datum, het kenmerk ${reference} van dit besluit en waarom u het niet eens bent met het besluit, en onderteken het.`,
    ],
  };
}

const SALUTATION = /^(beste|geachte|dear|hello|hallo)\b/i;
const CLOSING =
  /^(met vriendelijke groet|hoogachtend|kind regards|yours sincerely|yours faithfully|best regards)/i;

/**
 * The sign-off a text ends with, from its closing ("Met vriendelijke groet,") to its end, as
 * written; null when it has none.
 */
export function signOffOf(body: string): string | null {
  const paragraphs = paragraphsOf(body);
  const at = paragraphs.findIndex((p) => CLOSING.test(p));
  return at >= 0 ? paragraphs.slice(at).join('\n\n') : null;
}

/**
 * A mail's text as a letter on paper: its sign-off ("Met vriendelijke groet, Team …", as a mail
 * is signed) becomes `letterSignOff`, the one the workflow's own letters are signed with
 * ("… namens dezen, team …"), so a notice that goes by post is signed as a letter. A text
 * without a sign-off is left as it is.
 */
export function withLetterSignOff(body: string, letterSignOff: string | null): string {
  if (!letterSignOff) return body;
  const paragraphs = paragraphsOf(body);
  const at = paragraphs.findIndex((p) => CLOSING.test(p));
  if (at < 0) return body;
  return [...paragraphs.slice(0, at), letterSignOff].join('\n\n');
}

/** Words an objection paragraph uses, in the letter languages. */
const OBJECTION_WORD = /bezwaar|objection/i;

/**
 * Builds the complete, self-contained content of a letter from its resolved texts.
 *
 * The template body may bring its own salutation, closing and signature (policy staff write
 * whole letters); they are lifted into the letter's structure instead of being printed twice.
 * A decision always ends with the objection clause holding the computed last day: the template's
 * own paragraph when it names that day, else the standard clause.
 */
export function buildLetterContent(input: LetterInput): LetterContent {
  const { language } = input;
  const sender = input.sender ?? LETTERHEAD[language];
  const defaults = { ...SIGNATURE[language], role: sender.department };
  const decision = DECISION_KINDS.has(input.kind);
  const addressLines = addressLinesOf(input.recipient);

  const paragraphs = paragraphsOf(input.body);
  const salutation =
    paragraphs[0] && SALUTATION.test(paragraphs[0])
      ? paragraphs.shift()!
      : language === 'en'
        ? `Dear ${input.recipient.name},`
        : `Beste ${input.recipient.name},`;

  let signature: LetterContent['signature'] = {
    closing: defaults.closing,
    onBehalfOf: decision ? defaults.board : null,
    role: decision ? defaults.decisionRole : defaults.role,
    organisation: sender.organisation,
  };
  const closingAt = paragraphs.findIndex((p) => CLOSING.test(p));
  if (closingAt >= 0) {
    const lines = paragraphs
      .splice(closingAt)
      .flatMap((p) => p.split('\n'))
      .map((line) => line.trim())
      .filter(Boolean);
    const [closing, ...rest] = lines;
    const role = rest.pop();
    signature = {
      closing: closing ?? defaults.closing,
      onBehalfOf: rest.length > 0 ? rest.join('\n') : null,
      role: role ?? (decision ? defaults.decisionRole : defaults.role),
      organisation: sender.organisation,
    };
  }

  let objection: LetterContent['objection'] = null;
  if (decision) {
    const standard = objectionClause(language, input.reference, input.objectionLastDay, sender);
    // Another paragraph may name the same day (an activity on it): the objection paragraph is
    // the last one naming it, and the one that speaks of objection when there are several.
    const naming = paragraphs.flatMap((p, i) => (p.includes(standard.lastDayText) ? [i] : []));
    const own =
      naming.findLast((i) => OBJECTION_WORD.test(paragraphs[i] ?? '')) ?? naming.at(-1) ?? -1;
    objection = own >= 0 ? { ...standard, paragraphs: paragraphs.splice(own, 1) } : standard;
  }

  return {
    version: 1,
    kind: input.kind,
    language,
    reference: input.reference,
    date: input.sentOn,
    dateText: formatDate(input.sentOn, language),
    sender,
    recipient: { name: input.recipient.name, addressLines },
    subject: input.subject,
    salutation,
    paragraphs,
    objection,
    signature,
    labels: LABELS[language],
    variables: input.variables,
    ...(input.conditions ? { conditions: input.conditions } : {}),
  };
}

/**
 * Whether the letter's own words name its phone number (the sender's, however it is spaced:
 * "14 010", "14010").
 */
export function namesPhone(content: LetterContent): boolean {
  const digits = content.sender.phone.replace(/\D/g, '');
  if (!digits) return false;
  const phone = new RegExp(digits.split('').join('[\\s\\u00a0]*'));
  return [
    content.salutation,
    ...content.paragraphs,
    ...(content.objection?.paragraphs ?? []),
    content.signature.onBehalfOf ?? '',
  ].some((text) => phone.test(text));
}

/**
 * The phone number is printed once on a letter, in a sentence that says when to call and what to
 * quote: the text's own when it names the number (a template's "Heeft u vragen? Bel 14 010."),
 * else this line under the letter as it reaches its reader (finished: letter.links.ts). The
 * letterhead, on every page, does not repeat it.
 */
export function contactLine(content: LetterContent): string | null {
  if (namesPhone(content)) return null;
  const { phone } = content.sender;
  return content.language === 'en'
    ? `Any questions about this letter? Call ${phone} (Monday to Friday, 8:00 to 18:00) and quote your reference ${content.reference}.`
    : `Heeft u vragen over deze brief? Bel dan ${phone} (maandag tot en met vrijdag van 8.00 tot 18.00 uur) en noem uw kenmerk ${content.reference}.`;
}

/** Finishes the link placeholder that is resolved at render/send time (PUBLIC_URL). */
export function withApplicationUrl(text: string, url: string): string {
  return text.replaceAll('{{applicationUrl}}', url);
}

/**
 * The address block's lines under the name: the street, then postcode and town as PostNL asks
 * for them: a Dutch postcode as "3011 AB", two spaces, the town in capitals ("ROTTERDAM"),
 * however the resident typed them ("3011ab rotterdam").
 */
export function addressLinesOf(a: {
  street: string | null;
  postcode: string | null;
  city: string | null;
}): string[] {
  const dutch = /^\s*(\d{4})\s*([a-z]{2})\s*$/i.exec(a.postcode ?? '');
  const postcode = dutch ? `${dutch[1]} ${dutch[2]!.toUpperCase()}` : a.postcode?.trim();
  const city = a.city?.trim().toLocaleUpperCase('nl-NL');
  return [a.street?.trim(), [postcode, city].filter(Boolean).join('  ')].filter(
    (line): line is string => Boolean(line?.trim()),
  );
}
