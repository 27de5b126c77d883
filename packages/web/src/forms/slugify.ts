// A text as a word of an address (a page's title, a field's label): no engine, no zod, so the
// shell's error summary can use it too.

/** The longest slug made from a title; a longer one is cut at a word's end. */
const MAX_LENGTH = 60;

/** Letters that do not come apart into a base letter and a mark (NFD): their spelling in a-z. */
const SPELLED: Record<string, string> = {
  ß: 'ss',
  æ: 'ae',
  œ: 'oe',
  ø: 'o',
  ł: 'l',
  đ: 'd',
  ð: 'd',
  þ: 'th',
  ı: 'i',
  ĳ: 'ij',
};

/**
 * A title as an address's word: lowercase, diacritics removed ("Ayşe" ayse, "één" een), every run
 * of other characters one hyphen ("Uw initiatief" uw-initiatief), apostrophes dropped ("Ayşe's
 * buurt" ayses-buurt), no hyphen at either end. '' when nothing of a-z and 0-9 is left.
 */
export function slugify(title: string): string {
  const plain = title
    .toLowerCase()
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[ßæœøłđðþıĳ]/g, (c) => SPELLED[c] ?? c)
    .replace(/['’‘`´]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  if (plain.length <= MAX_LENGTH) return plain;
  const cut = plain.slice(0, MAX_LENGTH + 1);
  const end = cut.lastIndexOf('-');
  return (end > 0 ? cut.slice(0, end) : plain.slice(0, MAX_LENGTH)).replace(/-+$/, '');
}
