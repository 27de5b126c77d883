import { AppError } from './app-error';
import type { ErrorCode } from './error-codes';

/**
 * A refusal a person reads: `text` in Dutch and English (the web shows the page's language),
 * `detail` its English; members for programs go in `extra`. No sentence names a code.
 */
export function refusedIn(
  code: ErrorCode,
  said: { nl: string; en: string },
  extra: Record<string, unknown> = {},
): AppError {
  return new AppError(code, said.en, { extra: { ...extra, text: said } });
}
