import type { TemplateConditions } from '@initiatief/engine';
/** The kinds of letter a workflow can issue (mirrors the engine's LetterKind). */
export type LetterKind =
  | 'acknowledgement'
  | 'supplement_request'
  | 'not_considered'
  | 'grant'
  | 'rejection'
  | 'settlement'
  | 'extension'
  /** A notice the workflow only mails, on paper for a resident who gets her letters by post. */
  | 'notice'
  /** The decision setting the penalty of a notice of default (Awb 4:18), issued by the shell. */
  | 'penalty';

export const LETTER_KINDS: readonly LetterKind[] = [
  'acknowledgement',
  'supplement_request',
  'not_considered',
  'grant',
  'rejection',
  'settlement',
  'extension',
  'notice',
  'penalty',
];

/** Kinds that are decisions (besluiten) under the Awb: they carry the objection clause. */
export const DECISION_KINDS: ReadonlySet<LetterKind> = new Set([
  'not_considered',
  'grant',
  'rejection',
  'settlement',
  'penalty',
]);

/**
 * Everything a letter shows, resolved when the letter is issued and stored with it, so the
 * PDF and the HTML page are pure functions of this value and a later template edit never
 * changes an issued letter.
 */
export interface LetterContent {
  version: 1;
  kind: LetterKind;
  language: 'nl' | 'en';
  reference: string;
  /** The letter's date, YYYY-MM-DD (Europe/Amsterdam), and as printed. */
  date: string;
  dateText: string;
  sender: {
    organisation: string;
    department: string;
    addressLines: string[];
    phone: string;
    website: string;
  };
  recipient: { name: string; addressLines: string[] };
  subject: string;
  salutation: string;
  paragraphs: string[];
  /** The objection clause of a decision (bezwaarclausule), with its computed last day. */
  objection: { lastDay: string; lastDayText: string; heading: string; paragraphs: string[] } | null;
  signature: { closing: string; onBehalfOf: string | null; role: string; organisation: string };
  labels: {
    date: string;
    reference: string;
    subject: string;
    contact: string;
    /** '{page}' and '{pages}' are replaced. */
    page: string;
    documentTitle: string;
  };
  variables: Record<string, string>;
  /**
   * The conditions the text's sections were written out with (`{{#online}}…{{/online}}`, the
   * engine's renderTemplate): a paper letter redated when posted (print.service.ts) is written out
   * the same way. Absent on letters issued before sections existed: every section as if online.
   */
  conditions?: TemplateConditions;
  /**
   * The words are a mail's as it was sent (a notice whose mail bounced, messaging/bounce.service.ts;
   * its values are not kept with the mail): dated again when posted, never written again from the
   * template (print.service.ts redateLetter).
   */
  wordsAsSent?: true;
  /**
   * Resolved when the letter is rendered, never stored: the address of the letter's accessible
   * HTML page, printed under the letter (the PDF is tagged; the page reads better still). null when the recipient
   * has no way to log in (filed at the desk: no password, no DigiD), so cannot open that page:
   * the letter says where to get help instead (letter.links.ts).
   */
  links?: { html: string | null };
}
