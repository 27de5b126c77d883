/**
 * A whole number as people write it: digits, or digits in groups of three with the thousands
 * separator of their language ("1.200" in Dutch, "1,200" in English) or a space ("1 200").
 * Null when it is not one. "1,5" and "1.5" are not whole numbers in either language.
 * A code (`code`: a year, a house number) is digits only: "2.026" is no year, so it is refused
 * rather than read as 2026.
 */
export function parseWholeNumber(
  text: string,
  locale: 'nl' | 'en',
  { code = false }: { code?: boolean } = {},
): number | null {
  const s = text.trim().replace(/[\u00a0\u202f]/g, ' ');
  if (/^\d+$/.test(s)) return Number(s);
  if (code) return null;
  const separator = locale === 'nl' ? '[. ]' : '[, ]';
  if (new RegExp(`^\\d{1,3}(${separator}\\d{3})+$`).test(s)) {
    const groups = s.split(/[., ]/);
    // One separator throughout: "1.200 300" is a typing slip, not a number.
    const used = new Set(s.replace(/\d/g, ''));
    if (used.size === 1) return Number(groups.join(''));
  }
  return null;
}
