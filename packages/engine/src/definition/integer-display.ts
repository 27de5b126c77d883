/**
 * Whether a whole number is a quantity or a code. A quantity ("Aantal deelnemers") is read with
 * the language's thousands separator ("1.200" / "1,200"); a code (a year, a house number, a
 * registration number) as written ("2026", never "2.026"). A form field says so with
 * `display: 'code'`, an event's payload field with `x-display: 'code'`.
 */
export const X_DISPLAY = 'x-display';

type Spec = { type?: unknown; display?: unknown; [X_DISPLAY]?: unknown } | null | undefined;

/** True for an integer form field or payload field that is a code, shown without grouping. */
export function isCodeNumber(spec: Spec): boolean {
  if (spec?.type !== 'integer') return false;
  return spec.display === 'code' || spec[X_DISPLAY] === 'code';
}

/**
 * The `pattern` of a text field that holds a number written with digits only, which may start
 * with 0 and is never counted with (a KvK number "01234567", a client number): a whole number
 * would lose its leading zero. The form's refusal says "only digits" instead of "not in the
 * right format", the form offers a numeric keyboard, and the editor sets it with one choice.
 */
export const DIGITS_PATTERN = '^[0-9]+$';

/** True for a text field that takes digits only (DIGITS_PATTERN). */
export function isDigitsText(spec: { type?: unknown; pattern?: unknown } | null | undefined) {
  return spec?.type === 'text' && spec.pattern === DIGITS_PATTERN;
}
