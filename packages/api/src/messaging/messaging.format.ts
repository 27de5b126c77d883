/**
 * Money, dates and paragraphs as the engine makes them, so letters, mails, the engine's
 * explanations and the policy editor's preview agree.
 */
export { formatDate, formatMoney as formatCents, paragraphsOf } from '@initiatief/engine';

/** Escapes text for HTML element content and attribute values. */
export function escapeHtml(value: string): string {
  return value
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&#39;');
}
