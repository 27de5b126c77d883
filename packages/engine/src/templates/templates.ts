/** Every variable a letter or mail may use; all are strings formatted in the recipient's language. */
export const TEMPLATE_VARIABLES = [
  'reference',
  'applicantName',
  'title',
  'district',
  'activityDate',
  'requestedAmount',
  'grantedAmount',
  'advanceAmount',
  'settledAmount',
  'reclaimAmount',
  'paymentAmount',
  'receivedDate',
  'decisionDueDate',
  'supplementDueDate',
  'objectionDeadline',
  'reportDueDate',
  'motivation',
  'message',
  'conditions',
  'applicationUrl',
  'today',
  'periodDays',
] as const;
export type TemplateVariable = (typeof TEMPLATE_VARIABLES)[number];

const PLACEHOLDER = /\{\{\s*([A-Za-z][A-Za-z0-9_]*)\s*\}\}/g;

/** Replaces `{{name}}` placeholders; an unknown variable becomes the empty string. */
export function renderTemplate(text: string, vars: Record<string, string>): string {
  return text.replace(PLACEHOLDER, (_, name: string) =>
    Object.hasOwn(vars, name) ? (vars[name] ?? '') : '',
  );
}

/** The variable names a template text uses, in order of first use. */
export function templatePlaceholders(text: string): string[] {
  const seen = new Set<string>();
  for (const m of text.matchAll(PLACEHOLDER)) seen.add(m[1]!);
  return [...seen];
}

const STRICT_PLACEHOLDER = /\{\{[A-Za-z][A-Za-z0-9_]*\}\}/g;

/**
 * The pieces of a template text that look like a placeholder but are not one written exactly as
 * `{{name}}` (no spaces, two braces each side): `{{reference}`, `{grantedAmount}`,
 * `{{ applicant name }}`. They would be printed literally in a letter.
 */
export function malformedPlaceholders(text: string): string[] {
  const rest = text.replace(STRICT_PLACEHOLDER, (m) => ' '.repeat(m.length));
  const found: string[] = [];
  // A run of braces with what sits between them on the same line, e.g. `{{ applicant name }}`.
  for (const m of rest.matchAll(/\{+[^{}\n]{0,60}\}+|\{+[^{}\n]{0,40}|[^{}\n]{0,40}\}+/g)) {
    const piece = m[0].trim();
    if (piece && !found.includes(piece)) found.push(piece);
  }
  return found;
}

/**
 * A letter's or mail's body in paragraphs, as every place that shows one splits it (the PDF,
 * the mail, the editor's preview, the simulator): a blank line, even one with spaces, separates
 * them; each is trimmed; a single line break stays inside its paragraph.
 */
export function paragraphsOf(body: string): string[] {
  return body
    .replace(/\r\n/g, '\n')
    .split(/\n[ \t]*\n/)
    .map((p) => p.trim())
    .filter((p) => p.length > 0);
}
