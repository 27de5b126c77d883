import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

/**
 * poppler's command-line tools (Debian's poppler-utils), for tests and tools that read a PDF
 * back with something independent of PDF.js. Absent on a developer machine: tests skip with a
 * notice; in CI (`CI` set) they run and fail instead.
 */
export const POPPLER = '/usr/bin/pdftotext';

export function havePoppler(): boolean {
  return existsSync(POPPLER) && existsSync('/usr/bin/pdffonts');
}

/** Tests that need poppler: run them, skip them with a notice, or fail in CI. */
export function popplerOrSkip(): boolean {
  if (havePoppler()) return true;
  if (process.env.CI) throw new Error('poppler-utils (pdftotext, pdffonts) is required in CI');
  console.warn('NOTICE: poppler-utils is not installed; the pdftotext/pdffonts checks are skipped');
  return false;
}

/** The text of a PDF as pdftotext reads it (UTF-8, reading order). */
export function pdftotext(pdf: Uint8Array, options: { layout?: boolean } = {}): string {
  const args = ['-enc', 'UTF-8', ...(options.layout ? ['-layout'] : []), '-', '-'];
  return execFileSync(POPPLER, args, { input: pdf, encoding: 'utf8' });
}

export interface PdfFont {
  name: string;
  type: string;
  encoding: string;
  embedded: boolean;
  subset: boolean;
  unicode: boolean;
}

/** The fonts of a PDF as pdffonts lists them. */
export function pdffonts(pdf: Uint8Array): PdfFont[] {
  const out = execFileSync('/usr/bin/pdffonts', ['-'], { input: pdf, encoding: 'utf8' });
  return out
    .split('\n')
    .slice(2)
    .filter((line) => line.trim() !== '')
    .map((line) => {
      // name, type (may hold spaces), encoding, emb, sub, uni, object, generation
      const match = line.match(
        /^(\S+)\s+(.+?)\s{2,}(\S+)\s+(yes|no)\s+(yes|no)\s+(yes|no)\s+\d+\s+\d+$/,
      );
      if (!match) throw new Error(`unexpected pdffonts line: ${line}`);
      return {
        name: match[1]!,
        type: match[2]!,
        encoding: match[3]!,
        embedded: match[4] === 'yes',
        subset: match[5] === 'yes',
        unicode: match[6] === 'yes',
      };
    });
}
