import { formatDecimal } from '../i18n/numbers';

const KB = 1024;
const MB = 1024 * 1024;

/**
 * A file's size in the reader's language: "193 bytes", "1,2 kB", "1,5 MB" in Dutch and "1.2 kB",
 * "1.5 MB" in English. A fraction only where it tells something (below 10 kB, and in MB).
 */
export function formatSize(bytes: number, locale: 'nl' | 'en'): string {
  if (bytes < KB) return `${formatDecimal(bytes, locale)} ${bytes === 1 ? 'byte' : 'bytes'}`;
  if (bytes < MB) {
    const kb = bytes / KB;
    return `${formatDecimal(kb, locale, { maxDigits: kb < 10 ? 1 : 0 })} kB`;
  }
  return `${formatDecimal(bytes / MB, locale, { minDigits: 1, maxDigits: 1 })} MB`;
}
