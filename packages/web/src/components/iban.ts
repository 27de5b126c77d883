/** Normalises an IBAN for storage: upper case, no spaces. */
export function normaliseIban(input: string): string {
  return input.replace(/\s+/g, '').toUpperCase();
}

/** Groups of four for reading ("NL91 ABNA 0417 1643 00"). */
export function formatIban(input: string): string {
  return normaliseIban(input)
    .replace(/(.{4})/g, '$1 ')
    .trim();
}
