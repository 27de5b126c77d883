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
