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
  sampleReference,
  TEMPLATE_CONDITIONS,
  TEMPLATE_VARIABLES,
  type TemplateConditions,
  templatePlaceholders,
  toAmsterdamDate,
  valueConditions,
} from '@initiatief/engine';
import { buildLetterContent } from '../letters/letter.content';
import { letterheadOf, MUNICIPALITY_ACCOUNT } from '../letters/letterhead';
import { webAddress } from '../messaging/web-address';

type Language = 'nl' | 'en';

export interface PreviewInput {
  group: 'letters' | 'mails';
  kind?: LetterKind;
  language: Language;
  subject: string;
  body: string;
  /** The definition's reference prefix; absent: the default one. */
  referencePrefix?: string;
  /** The definition's sending team (`sender`), for the letterhead; absent: the default team. */
  sender?: { department: { nl: string; en: string } };
  /** Whether the sample applicant can log in (the text's {{#online}} parts); absent: she can. */
  online?: boolean;
  /**
   * The sections that follow from a letter's values (the engine's valueConditions: `reclaim`),
   * each shown or left out, so the officer sees the text both ways; the sample values agree (with
   * a reclaim, a settlement below the advances paid and a last day to pay back). Absent: the
   * sample case without any of them.
   */
  sections?: Record<string, boolean>;
}

/** The names of the sections that follow from a letter's own values, from the engine's list. */
export const VALUE_SECTIONS: string[] = Object.keys(valueConditions({})).filter((name) =>
  (TEMPLATE_CONDITIONS as readonly string[]).includes(name),
);

export interface PreviewText {
  subject: string;
  body: string;
  /** The sample value of every variable, so the officer sees what each placeholder becomes. */
  variables: Record<string, string>;
  /** Placeholders no letter can fill, and pieces that are no placeholder at all. */
  unknown: string[];
  malformed: string[];
}

/**
 * Sample values for every template variable, formatted as a real letter would have them, with a
 * reference that says it is an example ("VOORBEELD-BI-2026-000123"). `reclaim`: the settlement
 * lies below the advances paid, so money is paid back by a last day; else the rest is paid out.
 */
export function sampleVariables(
  language: Language,
  now: Date,
  publicUrl: string,
  prefix: string = DEFAULT_REFERENCE_PREFIX,
  reclaim = false,
) {
  const today = toAmsterdamDate(now);
  const date = (days: number) => formatDate(addDays(today, days), language);
  const money = (cents: number) => formatMoney(cents, language);
  const nl = language === 'nl';
  const vars: Record<(typeof TEMPLATE_VARIABLES)[number], string> = {
    reference: sampleReference(prefix, today.slice(0, 4), language, 123),
    applicantName: 'Fatima el Amrani',
    title: nl ? 'Straatfeest Zwart Janstraat' : 'Zwart Janstraat street party',
    district: 'Noord',
    activityDate: date(60),
    requestedAmount: money(150_000),
    grantedAmount: money(125_000),
    advanceAmount: money(100_000),
    // Settled below the € 1.000,00 paid in advance: € 200,00 back; above it: € 180,50 paid out.
    settledAmount: money(reclaim ? 80_000 : 118_050),
    reclaimAmount: money(reclaim ? 20_000 : 0),
    paymentAmount: money(reclaim ? 0 : 18_050),
    receivedDate: date(0),
    decisionDueDate: date(56),
    supplementDueDate: date(14),
    objectionDeadline: date(42),
    // Only a decision with money to pay back has one (it decides the {{#reclaim}} sections).
    reclaimDueDate: reclaim ? date(42) : '',
    reportDueDate: date(144),
    motivation: nl
      ? 'Het initiatief brengt bewoners uit de straat bij elkaar.'
      : 'The initiative brings the residents of the street together.',
    message: nl ? 'Wilt u de begroting per onderdeel toelichten?' : 'Please explain the budget.',
    conditions: nl
      ? 'De activiteit is openbaar toegankelijk.'
      : 'The activity is open to everyone.',
    applicationUrl: webAddress(publicUrl, '/aanvragen/:id', language, { id: 'voorbeeld' }),
    today: date(0),
    periodDays: '14',
    municipalityIban: MUNICIPALITY_ACCOUNT.iban,
    regulationTitle: `${nl ? 'Bewonersinitiatieven' : 'Resident initiatives'} Noord ${today.slice(0, 4)}`,
    // The example account of the IBAN standard's own documentation, no one's real account.
    accountIban: 'NL91 ABNA 0417 1643 00',
    accountHolder: 'Ayşe Yıldız-Çelik',
  };
  return vars;
}

/** The template filled with sample data, as a mail or the text of a letter. */
export function previewText(input: PreviewInput, now: Date, publicUrl: string): PreviewText {
  const asked = input.sections ?? {};
  const variables = sampleVariables(
    input.language,
    now,
    publicUrl,
    input.referencePrefix,
    asked.reclaim === true,
  );
  const known = new Set<string>(TEMPLATE_VARIABLES);
  const both = `${input.subject}\n${input.body}`;
  const conditions = previewConditions(input, variables);
  return {
    subject: renderTemplate(input.subject, variables, conditions),
    body: renderTemplate(input.body, variables, conditions),
    variables,
    unknown: templatePlaceholders(both).filter((v) => !known.has(v)),
    malformed: malformedPlaceholders(both),
  };
}

/**
 * What the preview's sections are written out with: the reader (`online`), the values' own
 * sections as the sample values say, and each value section asked for as asked, also one whose
 * sample values this preview does not know how to change.
 */
function previewConditions(
  input: PreviewInput,
  variables: Record<string, string>,
): TemplateConditions {
  const asked = Object.fromEntries(
    Object.entries(input.sections ?? {}).filter(([name]) => VALUE_SECTIONS.includes(name)),
  );
  return { online: input.online ?? true, ...valueConditions(variables), ...asked };
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
    sender: letterheadOf({ sender: input.sender }, input.language),
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
