import { randomUUID } from 'node:crypto';
import {
  addDays,
  DEFAULT_REFERENCE_PREFIX,
  formatDate,
  formatMoney,
  LETTER_KINDS,
  type LetterKind,
  malformedPlaceholders,
  renderTemplate,
  TEMPLATE_VARIABLES,
  templatePlaceholders,
  toAmsterdamDate,
} from '@initiatief/engine';
import { buildLetterContent } from '../letters/letter.content';
import { MUNICIPALITY_ACCOUNT } from '../letters/letterhead';

type Language = 'nl' | 'en';

export interface PreviewInput {
  group: 'letters' | 'mails';
  kind?: LetterKind;
  language: Language;
  subject: string;
  body: string;
  /** The definition's reference prefix; absent: the default one. */
  referencePrefix?: string;
  /** Whether the sample applicant can log in (the text's {{#online}} parts); absent: she can. */
  online?: boolean;
}

export interface PreviewText {
  subject: string;
  body: string;
  /** The sample value of every variable, so the officer sees what each placeholder becomes. */
  variables: Record<string, string>;
  /** Placeholders no letter can fill, and pieces that are no placeholder at all. */
  unknown: string[];
  malformed: string[];
}

/** Sample values for every template variable, formatted as a real letter would have them. */
export function sampleVariables(
  language: Language,
  now: Date,
  publicUrl: string,
  prefix: string = DEFAULT_REFERENCE_PREFIX,
) {
  const today = toAmsterdamDate(now);
  const date = (days: number) => formatDate(addDays(today, days), language);
  const money = (cents: number) => formatMoney(cents, language);
  const nl = language === 'nl';
  const vars: Record<(typeof TEMPLATE_VARIABLES)[number], string> = {
    reference: `${prefix}-${today.slice(0, 4)}-000123`,
    applicantName: 'Fatima el Amrani',
    title: nl ? 'Straatfeest Zwart Janstraat' : 'Zwart Janstraat street party',
    district: 'Noord',
    activityDate: date(60),
    requestedAmount: money(150_000),
    grantedAmount: money(125_000),
    advanceAmount: money(100_000),
    settledAmount: money(118_050),
    reclaimAmount: money(0),
    paymentAmount: money(100_000),
    receivedDate: date(0),
    decisionDueDate: date(56),
    supplementDueDate: date(14),
    objectionDeadline: date(42),
    // Only a decision with money to pay back has one; shown here so its format can be seen.
    reclaimDueDate: date(42),
    reportDueDate: date(144),
    motivation: nl
      ? 'Het initiatief brengt bewoners uit de straat bij elkaar.'
      : 'The initiative brings the residents of the street together.',
    message: nl ? 'Wilt u de begroting per onderdeel toelichten?' : 'Please explain the budget.',
    conditions: nl
      ? 'De activiteit is openbaar toegankelijk.'
      : 'The activity is open to everyone.',
    applicationUrl: `${publicUrl.replace(/\/$/, '')}/aanvragen/voorbeeld`,
    today: date(0),
    periodDays: '14',
    municipalityIban: MUNICIPALITY_ACCOUNT.iban,
  };
  return vars;
}

/** The template filled with sample data, as a mail or the text of a letter. */
export function previewText(input: PreviewInput, now: Date, publicUrl: string): PreviewText {
  const variables = sampleVariables(input.language, now, publicUrl, input.referencePrefix);
  const known = new Set<string>(TEMPLATE_VARIABLES);
  const both = `${input.subject}\n${input.body}`;
  return {
    subject: renderTemplate(input.subject, variables, { online: input.online ?? true }),
    body: renderTemplate(input.body, variables, { online: input.online ?? true }),
    variables,
    unknown: templatePlaceholders(both).filter((v) => !known.has(v)),
    malformed: malformedPlaceholders(both),
  };
}

// react-pdf's font handling has failed under concurrent renders in one thread: one at a time.
let queue: Promise<unknown> = Promise.resolve();

/** The letter as the real renderer prints it (letterhead, address, objection clause), as PDF. */
export async function previewLetterPdf(
  input: PreviewInput,
  now: Date,
  publicUrl: string,
): Promise<Uint8Array> {
  const text = previewText(input, now, publicUrl);
  const kind: LetterKind = input.kind && LETTER_KINDS.includes(input.kind) ? input.kind : 'grant';
  const today = toAmsterdamDate(now);
  const content = buildLetterContent({
    kind,
    language: input.language,
    reference: text.variables.reference!,
    sentOn: today,
    objectionLastDay: addDays(today, 42),
    recipient: {
      name: text.variables.applicantName!,
      street: 'Zwart Janstraat 12a',
      postcode: '3035 AT',
      city: 'Rotterdam',
    },
    subject: text.subject,
    body: text.body,
    variables: text.variables,
  });
  // react-pdf is loaded on the first preview: importing it costs half a second at start-up.
  const run = queue.then(async () =>
    (await import('../letters/letter.pdf')).renderLetterPdf(content),
  );
  queue = run.catch(() => undefined);
  return new Uint8Array(await run);
}

/**
 * Rendered previews kept a few minutes for their author, so the browser can open the PDF by an
 * ordinary link in a new tab (a blob: URL is refused by the content security policy).
 */
const stored = new Map<string, { userId: string; pdf: Uint8Array; until: number }>();
const KEEP_MS = 10 * 60_000;
const MAX_STORED = 50;

export function storePreview(userId: string, pdf: Uint8Array, now: Date): string {
  for (const [id, entry] of stored) if (entry.until < now.getTime()) stored.delete(id);
  while (stored.size >= MAX_STORED) stored.delete(stored.keys().next().value!);
  const id = randomUUID();
  stored.set(id, { userId, pdf, until: now.getTime() + KEEP_MS });
  return id;
}

export function storedPreview(userId: string, id: string, now: Date): Uint8Array | null {
  const entry = stored.get(id);
  if (!entry || entry.userId !== userId || entry.until < now.getTime()) return null;
  return entry.pdf;
}
