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
  'reclaimDueDate',
  'reportDueDate',
  'motivation',
  'message',
  'conditions',
  'applicationUrl',
  'today',
  'periodDays',
  'municipalityIban',
  'regulationTitle',
  'accountIban',
  'accountHolder',
] as const;
export type TemplateVariable = (typeof TEMPLATE_VARIABLES)[number];

/**
 * What a part of a letter or mail may depend on, as a section of its text:
 * `{{#online}}…{{/online}}` is printed only for an applicant who can log in to follow her
 * application online (an account with e-mail, or DigiD), `{{^online}}…{{/online}}` only for one
 * who cannot (a resident the desk registered without e-mail): a letter then does not send her to
 * a web address she cannot open.
 *
 * `{{#reclaim}}…{{/reclaim}}` is printed only when the decision orders her to pay money back
 * (*terugvordering*: a settlement below the advances paid), `{{^reclaim}}…{{/reclaim}}` only when
 * it does not; it follows from the letter's own values (valueConditions).
 *
 * `{{#advance}}…{{/advance}}` is printed only when an advance (*voorschot*) has been set for the
 * application, `{{^advance}}…{{/advance}}` only when none has: a grant letter never speaks of an
 * advance that does not exist. It too follows from the letter's values.
 */
export const TEMPLATE_CONDITIONS = ['online', 'reclaim', 'advance'] as const;
export type TemplateCondition = (typeof TEMPLATE_CONDITIONS)[number];
export type TemplateConditions = Partial<Record<TemplateCondition, boolean>>;

/** When a condition is not known (a preview, a letter issued before sections existed). */
export const DEFAULT_TEMPLATE_CONDITIONS: Record<TemplateCondition, boolean> = {
  online: true,
  reclaim: false,
  advance: false,
};

/**
 * The conditions that follow from a letter's own values rather than from its reader: `reclaim`
 * when there is a last day to pay money back (`reclaimDueDate`, filled only when the decision
 * orders a reclaim); `advance` when the advances come to more than nothing (`advanceAmount` is
 * written as money, `€ 0,00` when none was set: a digit other than 0 means one was).
 */
export function valueConditions(
  vars: Partial<Record<string, string>>,
): Pick<Record<TemplateCondition, boolean>, 'reclaim' | 'advance'> {
  return {
    reclaim: Boolean(vars.reclaimDueDate?.trim()),
    advance: /[1-9]/.test(vars.advanceAmount ?? ''),
  };
}

const PLACEHOLDER = /\{\{\s*([A-Za-z][A-Za-z0-9_]*)\s*\}\}/g;
/** A section with the spaces before it: `{{#name}}…{{/name}}` or `{{^name}}…{{/name}}`. */
const SECTION = /([ \t]*)\{\{([#^])([A-Za-z][A-Za-z0-9_]*)\}\}([\s\S]*?)\{\{\/\3\}\}/g;

/**
 * The text with its sections kept or left out by `conditions`, then its `{{name}}` placeholders
 * replaced; an unknown variable becomes the empty string. A section left out takes the spaces
 * before it along when a space, a line break or the end follows, so no double space is left.
 */
export function renderTemplate(
  text: string,
  vars: Record<string, string>,
  conditions: TemplateConditions = {},
): string {
  const given = { ...DEFAULT_TEMPLATE_CONDITIONS, ...conditions } as Record<string, boolean>;
  const shown = text.replace(
    SECTION,
    (whole, lead: string, sign: string, name: string, inner: string, at: number, all: string) => {
      const value = Object.hasOwn(given, name) ? given[name] : false;
      if (sign === '#' ? value : !value) return lead + inner;
      const next = all[at + whole.length];
      return next === undefined || /\s/.test(next) ? '' : lead;
    },
  );
  return shown.replace(PLACEHOLDER, (_, name: string) =>
    Object.hasOwn(vars, name) ? (vars[name] ?? '') : '',
  );
}

export type SectionProblem =
  | { code: 'unknown_condition'; piece: string }
  | { code: 'unclosed_section'; piece: string }
  | { code: 'unopened_section'; piece: string }
  | { code: 'nested_section'; piece: string }
  | { code: 'empty_section'; piece: string };

/**
 * What is wrong with a text's sections, each with the marker it is about: a condition that does
 * not exist (`{{#betaald}}`), a section never closed, an end without a start, a section inside
 * another (left out: one condition at a time reads plainly), a section with nothing in it.
 */
export function sectionProblems(text: string): SectionProblem[] {
  const problems: SectionProblem[] = [];
  let open: { name: string; piece: string; end: number } | undefined;
  for (const m of text.matchAll(/\{\{([#^/])([A-Za-z][A-Za-z0-9_]*)\}\}/g)) {
    const [piece, sign, name] = m as unknown as [string, string, string];
    const at = m.index ?? 0;
    if (sign !== '/' && !(TEMPLATE_CONDITIONS as readonly string[]).includes(name))
      problems.push({ code: 'unknown_condition', piece });
    if (sign === '/') {
      if (open?.name !== name) problems.push({ code: 'unopened_section', piece });
      else if (text.slice(open.end, at).trim() === '')
        problems.push({ code: 'empty_section', piece: open.piece });
      if (open?.name === name) open = undefined;
    } else if (open) {
      problems.push({ code: 'nested_section', piece });
    } else {
      open = { name, piece, end: at + piece.length };
    }
  }
  if (open) problems.push({ code: 'unclosed_section', piece: open.piece });
  return problems;
}

/** The variable names a template text uses, in order of first use. */
export function templatePlaceholders(text: string): string[] {
  const seen = new Set<string>();
  for (const m of text.matchAll(PLACEHOLDER)) seen.add(m[1]!);
  return [...seen];
}

/** A placeholder or a section's marker, written exactly. */
const STRICT_PLACEHOLDER = /\{\{[#^/]?[A-Za-z][A-Za-z0-9_]*\}\}/g;

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
