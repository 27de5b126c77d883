/**
 * The closed set of error codes the API answers with. Domain code throws AppError with one of
 * these; only the table below knows about HTTP.
 */
export const ERROR_CODES = {
  malformed_request: { status: 400, title: 'Malformed request' },
  unauthenticated: { status: 401, title: 'Not logged in' },
  forbidden: { status: 403, title: 'Forbidden' },
  four_eyes: { status: 403, title: 'Four-eyes principle' },
  not_found: { status: 404, title: 'Not found' },
  method_not_allowed: { status: 405, title: 'Method not allowed' },
  event_not_allowed: { status: 409, title: 'Not allowed in this state' },
  conflict: { status: 409, title: 'Conflict' },
  claimed: { status: 409, title: 'Handled by someone else' },
  budget_exceeded: { status: 409, title: 'Budget exceeded' },
  regulation_closed: { status: 409, title: 'Regulation closed' },
  precondition_failed: { status: 412, title: 'Precondition failed' },
  payload_too_large: { status: 413, title: 'Payload too large' },
  unsupported_media_type: { status: 415, title: 'Unsupported media type' },
  validation_failed: { status: 422, title: 'Validation failed' },
  idempotency_mismatch: { status: 422, title: 'Idempotency key reused' },
  precondition_required: { status: 428, title: 'Precondition required' },
  rate_limited: { status: 429, title: 'Too many requests' },
  header_too_large: { status: 431, title: 'Request header fields too large' },
  internal: { status: 500, title: 'Internal server error' },
  unavailable: { status: 503, title: 'Service unavailable' },
} as const satisfies Record<string, { status: number; title: string }>;

export type ErrorCode = keyof typeof ERROR_CODES;
export type ErrorStatus = (typeof ERROR_CODES)[ErrorCode]['status'];

/** What each code means for a client; served at /api/problems/{code}. */
export const ERROR_DESCRIPTIONS: Record<ErrorCode, string> = {
  malformed_request: 'The request could not be read: malformed JSON or a broken header.',
  unauthenticated: 'Log in first; the session is missing, expired or revoked.',
  forbidden: 'Your roles do not allow this, or the request came from a foreign origin.',
  four_eyes: 'The same person may not take both steps of a four-eyes decision.',
  not_found: 'There is nothing at this address, or you may not see it.',
  method_not_allowed: 'The address exists but not with this method; see the Allow header.',
  event_not_allowed: 'The application is in a state where this step is not possible.',
  conflict: 'The request conflicts with the current state (e.g. an e-mail address in use).',
  claimed: 'Another assessor has claimed this application; take it over explicitly first.',
  budget_exceeded: 'The remaining budget of the regulation does not cover this amount.',
  regulation_closed:
    'The regulation no longer takes applications: its last day for them (closesOn) has passed.',
  precondition_failed: 'The If-Match version is out of date; reload and try again.',
  payload_too_large: 'The request body is larger than the server accepts.',
  unsupported_media_type: 'Send the body as application/json (or multipart/form-data for files).',
  validation_failed: 'Some fields are invalid; see invalidParams.',
  idempotency_mismatch: 'The Idempotency-Key was used before with a different request.',
  precondition_required: 'This change needs an If-Match header with the current version.',
  rate_limited: 'Too many attempts; wait for the number of seconds in Retry-After.',
  header_too_large: 'The address or the headers are longer than the server reads (16 kB in all).',
  internal: 'Something went wrong on our side; quote the instance id when reporting it.',
  unavailable: 'The service is not ready; try again shortly.',
};

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && Object.hasOwn(ERROR_CODES, value);
}

export function statusOf(code: ErrorCode): ErrorStatus {
  return ERROR_CODES[code].status;
}
