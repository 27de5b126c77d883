import { EngineError } from '@initiatief/engine';
import { AppError } from '../errors';

const FORM_GUARDS: Record<string, string> = {
  formComplete: 'The application form is not complete.',
  supportersAtLeast: 'Not enough supporters from the district have signed.',
  amountAtMost: 'The amount is above the maximum of the regulation.',
  amountAtLeast: 'The amount is too low.',
  daysBeforeActivityAtLeast: 'The activity is too soon: apply well before the activity date.',
  payloadEquals: 'The request does not match what this step needs.',
};

/** Awb 4:25 lid 2: a grant beyond the remaining ceiling must be refused. */
export function budgetExceeded(detail?: string): AppError {
  return new AppError(
    'budget_exceeded',
    detail ??
      'The remaining budget (subsidieplafond) of this regulation does not cover this grant; ' +
        'under Awb 4:25 lid 2 it must be refused.',
    { extra: { law: 'Awb 4:25' } },
  );
}

/** Maps the engine's closed error codes to the API's. */
export function toAppError(err: EngineError): AppError {
  switch (err.code) {
    case 'event_not_allowed':
      return new AppError('event_not_allowed', err.message, {
        extra: { allowed: err.allowed ?? [] },
      });
    case 'not_editable':
      return new AppError('event_not_allowed', err.message, {
        extra: { allowed: err.allowed ?? [] },
      });
    case 'four_eyes':
      return new AppError('four_eyes', err.message);
    case 'role_not_allowed':
      return new AppError('forbidden', err.message);
    case 'invalid_payload':
      return new AppError('validation_failed', err.message, {
        invalidParams: (err.issues ?? []).map((i) => ({ name: i.path, reason: i.message })),
      });
    case 'unknown_state':
      return new AppError(
        'conflict',
        `The application's state no longer exists in its workflow definition: ${err.message}`,
      );
    case 'guard_failed': {
      const guard = err.guard ?? '';
      if (guard === 'budgetAvailable') return budgetExceeded();
      if (guard === 'actorIsNot') return new AppError('four_eyes', err.message);
      if (guard === 'extensionAvailable') return new AppError('conflict', err.message);
      const issues = err.issues?.length
        ? err.issues.map((i) => ({ name: i.path, reason: i.message }))
        : [{ name: guard || 'request', reason: FORM_GUARDS[guard] ?? err.message }];
      return new AppError('validation_failed', FORM_GUARDS[guard] ?? err.message, {
        invalidParams: issues,
        extra: { guard },
      });
    }
    default:
      return new AppError('conflict', err.message);
  }
}

/** Runs engine code, turning its refusals into AppErrors. */
export function engineCall<T>(fn: () => T): T {
  try {
    return fn();
  } catch (err) {
    if (err instanceof EngineError) throw toAppError(err);
    throw err;
  }
}
