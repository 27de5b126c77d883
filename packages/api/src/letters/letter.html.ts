import { escapeHtml } from '../messaging/messaging.format';
import { webAddress } from '../messaging/web-address';
import { contactLine, withApplicationUrl } from './letter.content';
import type { LetterContent } from './letter.types';
import { IBAN_PATTERN } from './letter.typography';

const UI: Record<
  'nl' | 'en',
  {
    skip: string;
    recipient: string;
    download: string;
    details: string;
    sender: string;
    back: string;
    nav: string;
  }
> = {
  nl: {
    back: 'Naar de aanvraag',
    nav: 'Terug',
    skip: 'Naar de inhoud van de brief',
    recipient: 'Geadresseerde',
    download: 'Download deze brief als PDF',
    details: 'Gegevens van de brief',
    sender: 'Afzender',
  },
  en: {
    back: 'To the application',
    nav: 'Back',
    skip: 'Skip to the letter',
    recipient: 'Addressee',
    download: 'Download this letter as PDF',
    details: 'Letter details',
    sender: 'Sender',
  },
};

// One self-contained page: no scripts, no external resources, readable without CSS, print-ready.
// High contrast (>= 7:1 for body text), 1.6 line height, relative units so text can be enlarged
// to 200%, visible focus outlines, and landmarks/headings a screen reader can walk.
const CSS = `
:root { color-scheme: light; --green: #00811f; --ink: #1a1a1a; --muted: #4d4d4d; --link: #00689e; }
* { box-sizing: border-box; }
body { margin: 0; background: #f5f5f5; color: var(--ink); font: 1.0625rem/1.6 Arial, Helvetica, sans-serif; }
.skip { position: absolute; left: -999rem; }
.back { max-width: 48rem; margin: 1rem auto 0; padding: 0 1rem; }
.skip:focus { left: 1rem; top: 1rem; background: #fff; padding: .5rem 1rem; z-index: 1; }
main { max-width: 46rem; margin: 2rem auto; background: #fff; padding: 2.5rem 3rem; box-shadow: 0 1px 3px rgba(0,0,0,.15); }
header.letterhead { display: flex; flex-wrap: wrap; justify-content: space-between; gap: 1rem; border-bottom: .2rem solid var(--green); padding-bottom: 1rem; margin-bottom: 2rem; }
.organisation { font-size: 1.5rem; font-weight: bold; color: var(--green); margin: 0; }
.department, .sender-address { margin: 0; color: var(--muted); font-size: .9375rem; }
address { font-style: normal; }
.recipient { margin-bottom: 2rem; }
dl.meta { display: grid; grid-template-columns: max-content 1fr; gap: .25rem 1.5rem; margin: 0 0 2rem; }
dl.meta dt { color: var(--muted); }
dl.meta dd { margin: 0; }
h1 { font-size: 1.375rem; line-height: 1.3; margin: 0 0 1.25rem; }
h2 { font-size: 1.125rem; margin: 2rem 0 .5rem; }
p { margin: 0 0 1rem; }
.nowrap { white-space: nowrap; }
/* A long word ("Ontvangstbevestiging") breaks at a syllable by the page's lang, not anywhere. */
h1, h2, dl.meta dd { -webkit-hyphens: auto; hyphens: auto; }
.signature { margin-top: 2rem; }
.signature .role { font-weight: bold; margin-top: 2.5rem; margin-bottom: 0; }
section.objection { border-top: 1px solid #bbb; margin-top: 2rem; }
a { color: var(--link); text-decoration: underline; }
/* An address longer than a phone's line wraps inside it instead of widening the page. */
main a { overflow-wrap: anywhere; }
a:focus-visible, .skip:focus { outline: .1875rem solid #000; outline-offset: .125rem; }
.download { margin-top: 2.5rem; padding-top: 1rem; border-top: 1px solid #ddd; }
@media (max-width: 40rem) { main { margin: 0; padding: 1.25rem; box-shadow: none; } }
@media print { body { background: #fff; } main { box-shadow: none; margin: 0; max-width: none; } .download, .skip, .back { display: none; } }
`;

/** Escaped text with the letter's reference ("BI-2026-000012") kept on one line wherever it is. */
function withReference(text: string, reference: string): string {
  const escaped = escapeHtml(text);
  const ref = escapeHtml(reference);
  return ref ? escaped.replaceAll(ref, `<span class="nowrap">${ref}</span>`) : escaped;
}

function paragraph(text: string, reference: string): string {
  // The euro sign stays on the line of its amount ("€ 1.684,56"), however the line breaks, and
  // an IBAN on one line, its spaces ordinary ones (copied into a bank's form as written).
  const escaped = withReference(text.replace(/€ (?=[\d-])/g, '€\u00a0'), reference)
    .replace(IBAN_PATTERN, (iban) => `<span class="nowrap">${iban}</span>`)
    .replace(/https?:\/\/[^\s<]+[^\s<.,;:!?)]/g, (url) => `<a href="${url}">${url}</a>`);
  return `<p>${escaped.replaceAll('\n', '<br>')}</p>`;
}

/**
 * The accessible HTML form of a letter: the same content as the (tagged) PDF, as a semantic page
 * with landmarks, a real heading structure and machine-readable dates; it reads better than the
 * PDF on a phone and with a screen reader.
 */
export function renderLetterHtml(
  content: LetterContent,
  options: { documentId: string; publicUrl: string; applicationId: string },
): string {
  const ui = UI[content.language];
  const url = webAddress(options.publicUrl, '/aanvragen/:id', content.language, {
    id: options.applicationId,
  });
  const { sender, labels } = content;
  const title = `${content.subject} – ${content.reference}`;
  // The phone number once, as on the PDF: the text's own sentence, else this one (contactLine).
  const contact = contactLine(content);
  return `<!doctype html>
<html lang="${content.language}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>${CSS}</style>
</head>
<body>
<a class="skip" href="#letter-subject">${escapeHtml(ui.skip)}</a>
<nav class="back" aria-label="${escapeHtml(ui.nav)}"><a href="${url}">← ${escapeHtml(ui.back)} ${withReference(content.reference, content.reference)}</a></nav>
<main>
<article aria-labelledby="letter-subject">
<header class="letterhead">
<div>
<p class="organisation">${escapeHtml(sender.organisation)}</p>
<p class="department">${escapeHtml(sender.department)}</p>
</div>
<address class="sender-address" aria-label="${escapeHtml(ui.sender)}">
${sender.addressLines.map(escapeHtml).join('<br>')}<br>
${escapeHtml(sender.website)}
</address>
</header>
<address class="recipient" aria-label="${escapeHtml(ui.recipient)}">
<strong>${escapeHtml(content.recipient.name)}</strong><br>
${content.recipient.addressLines.map(escapeHtml).join('<br>')}
</address>
<dl class="meta" aria-label="${escapeHtml(ui.details)}">
<dt>${escapeHtml(labels.date)}</dt><dd><time datetime="${content.date}">${escapeHtml(content.dateText)}</time></dd>
<dt>${escapeHtml(labels.reference)}</dt><dd>${withReference(content.reference, content.reference)}</dd>
<dt>${escapeHtml(labels.subject)}</dt><dd>${withReference(content.subject, content.reference)}</dd>
</dl>
<h1 id="letter-subject" tabindex="-1">${withReference(content.subject, content.reference)}</h1>
<p>${escapeHtml(content.salutation)}</p>
${content.paragraphs.map((p) => paragraph(withApplicationUrl(p, url), content.reference)).join('\n')}
<div class="signature">
<p>${escapeHtml(content.signature.closing)}${content.signature.onBehalfOf ? `<br>${escapeHtml(content.signature.onBehalfOf).replaceAll('\n', '<br>')}` : ''}</p>
<p class="role">${escapeHtml(content.signature.role)}</p>
<p>${escapeHtml(content.signature.organisation)}</p>
</div>
${
  content.objection
    ? `<section class="objection" aria-labelledby="objection-heading">
<h2 id="objection-heading">${escapeHtml(content.objection.heading)}</h2>
${content.objection.paragraphs
  .map((p) =>
    paragraph(p, content.reference).replace(
      escapeHtml(content.objection!.lastDayText),
      `<strong><time datetime="${content.objection!.lastDay}">${escapeHtml(content.objection!.lastDayText)}</time></strong>`,
    ),
  )
  .join('\n')}
</section>`
    : ''
}
${contact ? `<p class="contact">${withReference(contact, content.reference)}</p>` : ''}
<p class="download"><a href="/api/documents/${options.documentId}?format=pdf" type="application/pdf" download>${escapeHtml(ui.download)}</a></p>
</article>
</main>
</body>
</html>`;
}
