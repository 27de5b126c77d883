import type { SendMailOptions } from 'nodemailer/lib/mailer';
import { withApplicationUrl } from '../letters/letter.content';
import type { LetterKind } from '../letters/letter.types';
import { fromHeader, type MailSender, neutralMailSender, storedMailSender } from './mail.sender';
import { escapeHtml, paragraphsOf } from './messaging.format';
import type { Language, OutboxRow } from './messaging.table';
import { webAddress } from './web-address';

/**
 * Marks a mail that carries a one-time link for someone's account (auth/account-links): staff may
 * read the development mail drop, but not these, or they could use the link themselves.
 */
export const PRIVATE_MAIL_HEADER = 'X-Initiatief-Private';

/** The invitation to a neighbour to confirm their support (supporters/supporters.service.ts). */
export const SUPPORTER_INVITATION = 'supporter_invitation';

/**
 * A mail to someone who is not the applicant: the application's page is not theirs to open, and
 * "uw aanvraag" is not theirs either.
 */
function isToOthers(templateKey: string | null): boolean {
  return templateKey === SUPPORTER_INVITATION;
}

/** Words at the end of a mail to someone other than the applicant. */
const OTHERS_FOOTER: Record<Language, string> = {
  nl: 'Dit is een automatisch bericht van de gemeente. U kunt deze e-mail niet beantwoorden.',
  en: 'This is an automatic message from the municipality. Please do not reply to this e-mail.',
};

/**
 * Mails with a one-time link or code that only their addressee may use: account mails (template
 * keys `account_*`) and a neighbour's invitation to confirm support (whoever reads the code can
 * confirm in their name). The development mail drop does not show them to staff.
 */
export function isPrivateMail(templateKey: string | null): boolean {
  return (templateKey?.startsWith('account_') ?? false) || templateKey === SUPPORTER_INVITATION;
}

export interface ComposeOptions {
  /** MAIL_FROM: its address, and its display name when one is configured (mail.sender.ts). */
  from: string;
  /**
   * Who the mail comes from (the From display name, the team in a staff notice's footer): the
   * worker resolves it (outbox.worker.ts). Without it: the sender the row was planned with, else
   * the municipality alone.
   */
  sender?: MailSender;
  publicUrl: string;
  /** Where a staff notice goes when the application has no assignee. */
  staffMailbox: string;
  /** true: the letter rides along as a PDF attachment; false: the mail links to it. */
  attachLetters: boolean;
}

export interface AccompanyingLetter {
  id: string;
  kind: LetterKind;
  reference: string;
  pdf: Uint8Array | null;
}

interface MailTexts {
  view: string;
  attached: string;
  linked: string;
  /** The accessible web page of an attached letter (it reads better than the PDF, tagged as it is). */
  accessible: string;
  pdf: string;
  footer: string;
}

/**
 * A staff notice: the case page in the staff application, and words for a colleague of the team
 * that handles the application (its definition's sender).
 */
const STAFF_TEXTS: Record<Language, { view: string; footer: (team: string | null) => string }> = {
  nl: {
    view: 'Open de aanvraag in de behandelomgeving',
    footer: (team) =>
      `Dit is een automatisch bericht voor medewerkers${team ? ` van ${team}` : ' van de gemeente'}. Behandel de aanvraag in de behandelomgeving; beantwoord deze e-mail niet.`,
  },
  en: {
    view: 'Open the case in the staff application',
    footer: (team) =>
      `This is an automatic message for staff of ${team ? (/ team$/i.test(team) ? `the ${team}` : team) : 'the municipality'}. Handle the case in the staff application; do not reply to this e-mail.`,
  },
};

const TEXTS: Record<Language, MailTexts> = {
  nl: {
    view: 'Bekijk uw aanvraag',
    attached: 'De brief zit als PDF in de bijlage van deze e-mail.',
    linked: 'Lees de brief',
    accessible: 'Lees de brief als toegankelijke webpagina',
    pdf: 'Download de brief als PDF',
    footer:
      'Dit is een automatisch bericht van de gemeente over uw subsidieaanvraag. U kunt deze e-mail niet beantwoorden.',
  },
  en: {
    view: 'View your application',
    attached: 'The letter is attached to this e-mail as a PDF.',
    linked: 'Read the letter',
    accessible: 'Read the letter as an accessible web page',
    pdf: 'Download the letter as PDF',
    footer:
      'This is an automatic message from the municipality about your grant application. Please do not reply to this e-mail.',
  },
};

const LETTER_FILE: Record<LetterKind, Record<Language, string>> = {
  acknowledgement: { nl: 'ontvangstbevestiging', en: 'acknowledgement' },
  supplement_request: { nl: 'verzoek-om-aanvulling', en: 'request-to-supplement' },
  not_considered: { nl: 'besluit-buiten-behandeling', en: 'decision-not-considered' },
  grant: { nl: 'verleningsbesluit', en: 'grant-decision' },
  rejection: { nl: 'afwijzingsbesluit', en: 'rejection-decision' },
  settlement: { nl: 'vaststellingsbesluit', en: 'settlement-decision' },
  extension: { nl: 'verdaging', en: 'extension' },
  notice: { nl: 'bericht', en: 'notice' },
  penalty: { nl: 'besluit-dwangsom', en: 'penalty-decision' },
};

/** Turns bare http(s) URLs of an escaped text into links. */
function linkify(escaped: string): string {
  return escaped.replace(
    /https?:\/\/[^\s<]+[^\s<.,;:!?)]/g,
    (url) => `<a href="${url}">${url}</a>`,
  );
}

export function letterFileName(
  letter: Pick<AccompanyingLetter, 'kind' | 'reference'>,
  language: Language,
) {
  return `${LETTER_FILE[letter.kind][language]}-${letter.reference}.pdf`;
}

/** The domain of a From address ("Name <user@domain>" or "user@domain"). */
export function mailDomain(from: string): string | null {
  const address = from.match(/<([^>]+)>/)?.[1] ?? from;
  const domain = address.split('@')[1]?.trim().toLowerCase();
  return domain && /^[a-z0-9.-]+$/.test(domain) ? domain : null;
}

/**
 * The Message-ID as sent: the stored id (fixed before the first attempt) in the From address's
 * domain, as RFC 5322 recommends. The same row gives the same id on every attempt.
 */
export function messageIdFor(stored: string | null, from: string): string | undefined {
  if (!stored) return undefined;
  const domain = mailDomain(from);
  return domain ? stored.replace(/@[^>]*>$/, `@${domain}>`) : stored;
}

/** The RFC 3676 signature separator: dash, dash, space, on a line of its own. */
export const SIGNATURE_SEPARATOR = '-- ';

/** Builds the nodemailer message of an outbox mail row: HTML and plain text, one language. */
export function composeMail(
  row: OutboxRow,
  letter: AccompanyingLetter | null,
  options: ComposeOptions,
): SendMailOptions {
  const language: Language = row.language === 'en' ? 'en' : 'nl';
  const staff = row.audience === 'staff';
  const others = isToOthers(row.template_key);
  const sender = options.sender ?? storedMailSender(row.variables) ?? neutralMailSender(language);
  const t: MailTexts = staff
    ? {
        ...TEXTS[language],
        view: STAFF_TEXTS[language].view,
        footer: STAFF_TEXTS[language].footer(sender.department),
      }
    : others
      ? { ...TEXTS[language], footer: OTHERS_FOOTER[language] }
      : TEXTS[language];
  // Staff work on the case page; the resident's page would show them the resident's view.
  const applicationUrl = row.application_id
    ? webAddress(options.publicUrl, staff ? '/behandeling/:id' : '/aanvragen/:id', language, {
        id: row.application_id,
      })
    : options.publicUrl;
  const paragraphs = paragraphsOf(withApplicationUrl(row.body ?? '', applicationUrl));
  const subject = withApplicationUrl(row.subject ?? '', applicationUrl);
  const attach = Boolean(letter && options.attachLetters && letter.pdf);
  const letterUrl = letter ? `${options.publicUrl}/api/documents/${letter.id}` : null;

  // A mail about an account (confirm it, a new password) is about no application: no link to one;
  // nor one to someone the application is not theirs (a neighbour asked to support it).
  const about = Boolean(row.application_id) && !others;
  const textParts = about ? [...paragraphs, `${t.view}: ${applicationUrl}`] : [...paragraphs];
  if (letter && attach) textParts.push(t.attached, `${t.accessible}: ${letterUrl}?format=html`);
  if (letter && !attach) {
    textParts.push(`${t.linked}: ${letterUrl}?format=html`, `${t.pdf}: ${letterUrl}?format=pdf`);
  }
  // The footer follows the signature separator on a line of its own ("-- \n").
  const text = `${textParts.join('\n\n')}\n\n${SIGNATURE_SEPARATOR}\n${t.footer}\n`;

  const htmlLetter = !letter
    ? ''
    : attach
      ? `<p>${escapeHtml(t.attached)} <a href="${letterUrl}?format=html">${escapeHtml(t.accessible)}</a></p>`
      : `<ul><li><a href="${letterUrl}?format=html">${escapeHtml(t.linked)}</a></li><li><a href="${letterUrl}?format=pdf">${escapeHtml(t.pdf)}</a></li></ul>`;
  const html = `<!doctype html>
<html lang="${language}">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(subject)}</title></head>
<body style="margin:0;padding:24px;background:#ffffff;color:#1a1a1a;font-family:Arial,Helvetica,sans-serif;font-size:16px;line-height:1.5">
<div role="article" aria-roledescription="e-mail" lang="${language}" style="max-width:36rem">
<h1 style="font-size:20px;margin:0 0 16px">${escapeHtml(subject)}</h1>
${paragraphs.map((p) => `<p style="margin:0 0 12px">${linkify(escapeHtml(p)).replaceAll('\n', '<br>')}</p>`).join('\n')}
${about ? `<p style="margin:20px 0"><a href="${applicationUrl}" style="color:#00689e;font-weight:bold">${escapeHtml(t.view)}</a></p>` : ''}
${htmlLetter}
<hr style="border:0;border-top:1px solid #cccccc;margin:24px 0">
<p style="font-size:14px;color:#4d4d4d">${escapeHtml(t.footer)}</p>
</div>
</body>
</html>`;

  const to = row.recipient_email ?? options.staffMailbox;
  return {
    from: fromHeader(options.from, sender),
    to: row.recipient_name ? { name: row.recipient_name, address: to } : to,
    subject,
    messageId: messageIdFor(row.message_id, options.from),
    text,
    html,
    headers: {
      'Auto-Submitted': 'auto-generated',
      'Content-Language': language,
      ...(isPrivateMail(row.template_key) ? { [PRIVATE_MAIL_HEADER]: 'one-time link' } : {}),
    },
    attachments:
      letter && attach && letter.pdf
        ? [
            {
              filename: letterFileName(letter, language),
              content: Buffer.from(letter.pdf.buffer, letter.pdf.byteOffset, letter.pdf.byteLength),
              contentType: 'application/pdf',
            },
          ]
        : [],
  };
}
