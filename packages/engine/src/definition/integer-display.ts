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
