import { AppError } from '../errors';
import { fileNameProblem } from '../http/input-boundary.middleware';

/** The largest attachment accepted (10 MB). */
export const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;

export type AttachmentType = 'application/pdf' | 'image/jpeg' | 'image/png';

const EXTENSION: Record<AttachmentType, string> = {
  'application/pdf': '.pdf',
  'image/jpeg': '.jpg',
  'image/png': '.png',
};

function startsWith(bytes: Uint8Array, magic: number[]): boolean {
  return bytes.length >= magic.length && magic.every((b, i) => bytes[i] === b);
}

/** The type by content (magic bytes), never by name or the client's Content-Type. */
export function sniffType(bytes: Uint8Array): AttachmentType | null {
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46, 0x2d])) return 'application/pdf'; // %PDF-
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  return null;
}

/** The multipart field that carries the file, as a refusal names it. */
export const FILE_FIELD = 'form.file';

/**
 * Refuses a file name with a control character (NUL, tab and line breaks included), a lone
 * surrogate, U+FFFD for bytes that were no UTF-8, or a bidi override: 400 naming `form.file`.
 * Such a name is refused, never cleaned into something the person did not send.
 */
export function refuseOddFilename(original: string): void {
  const problem = fileNameProblem(FILE_FIELD, original);
  if (problem) {
    throw new AppError('malformed_request', `The file in ${FILE_FIELD} ${problem.reason}`, {
      invalidParams: [problem],
    });
  }
}

/**
 * A name safe to store and to send back in Content-Disposition: no path, no markup characters,
 * at most 120 characters, and the extension that matches the content. A name with odd
 * characters (see refuseOddFilename) is refused, not cleaned.
 */
export function safeFilename(original: string, type: AttachmentType): string {
  refuseOddFilename(original);
  const base = original.split(/[\\/]/).pop() ?? '';
  const withoutExt = base.replace(/\.[^.]*$/, '');
  const cleaned = withoutExt
    .normalize('NFKC')
    .replace(/[^\p{L}\p{N} ._()-]/gu, '_')
    .replace(/^[.\s_-]+/, '')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, 120);
  return `${cleaned || 'bijlage'}${EXTENSION[type]}`;
}

/** Content-Disposition with an ASCII fallback and the UTF-8 name (RFC 6266 / 8187). */
export function contentDisposition(filename: string): string {
  const ascii = filename.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(filename)}`;
}
