import {
  EngineError,
  eventLabel,
  formatDate,
  formatMoney,
  RECEIPT_WINDOW,
  receiptClosedIssue,
  stateLabel,
  type WorkflowDefinition,
} from '@initiatief/engine';
import { AppError, type InvalidParam } from '../errors';

const FORM_GUARDS: Record<string, { nl: string; en: string }> = {
  formComplete: {
    nl: 'Het aanvraagformulier is nog niet compleet.',
    en: 'The application form is not complete.',
  },
  supportersAtLeast: {
    nl: 'Er hebben nog niet genoeg buurtbewoners getekend.',
    en: 'Not enough supporters from the district have signed.',
  },
  amountAtMost: {
    nl: 'Het bedrag is hoger dan het maximum van de regeling.',
    en: 'The amount is above the maximum of the regulation.',
  },
  amountAtLeast: { nl: 'Het bedrag is te laag.', en: 'The amount is too low.' },
  daysBeforeActivityAtLeast: {
    nl: 'De activiteit is te snel: vraag ruim voor de datum van de activiteit aan.',
    en: 'The activity is too soon: apply well before the activity date.',
  },
  activityDateReached: {
    nl: 'De verantwoording kan pas vanaf de dag van de activiteit worden verstuurd.',
    en: 'The final report can be sent from the day of the activity on.',
  },
  payloadEquals: {
    nl: 'Het verzoek past niet bij deze stap.',
    en: 'The request does not match what this step needs.',
  },
  reasonForChangedAmount: {
    nl: 'Een ander bedrag dan voorgesteld vraagt om een motivering.',
    en: 'Another amount than proposed needs a reason.',
  },
};

/** Engine issues as invalidParams; the problem writer picks the user's language from `text`. */
function invalidParamsOf(issues: EngineError['issues']) {
  return (issues ?? []).map((i) => ({ name: i.path, reason: i.message, text: i.text }));
}

/** The issues' sentences joined, in both languages; undefined when none has them. */
function issuesText(issues: EngineError['issues']): { nl: string; en: string } | undefined {
  const said = (issues ?? []).flatMap((i) => (i.text ? [i.text] : []));
  if (said.length === 0) return undefined;
  return { nl: said.map((t) => t.nl).join(' '), en: said.map((t) => t.en).join(' ') };
}

/** What a grant asked of the regulation's remaining budget, in both languages, money in words. */
export function budgetShortText(amountCents: number, remainingCents: number) {
  const left = Math.max(0, remainingCents);
  return {
    nl:
      `Het bedrag (${formatMoney(amountCents, 'nl')}) is hoger dan wat er van het budget van de ` +
      `regeling nog over is (${formatMoney(left, 'nl')}).`,
    en:
      `The amount (${formatMoney(amountCents, 'en')}) is more than what is left of the ` +
      `regulation's budget (${formatMoney(left, 'en')}).`,
  };
}

/**
 * Awb 4:25 lid 2: a grant beyond the remaining ceiling must be refused. The field's reason names
 * the amount and what it is counted against (the regulation's remaining budget) in the user's
 * language; `invalidParams` from the engine's guard already do, else the figures make them.
 */
export function budgetExceeded(
  args: { amountCents?: number; remainingCents?: number; invalidParams?: InvalidParam[] } = {},
): AppError {
  const { amountCents, remainingCents } = args;
  const figures = amountCents !== undefined && remainingCents !== undefined;
  const text = figures
    ? budgetShortText(amountCents, remainingCents)
    : {
        nl: 'Wat er van het budget van de regeling nog over is, is niet genoeg voor dit bedrag.',
        en: "What is left of the regulation's budget does not cover this amount.",
      };
  const invalidParams = args.invalidParams?.length
    ? args.invalidParams
    : [{ name: 'amountCents', reason: text.en, text }];
  return new AppError(
    'budget_exceeded',
    `${invalidParams[0]?.text?.en ?? text.en} The remaining budget (subsidieplafond) must not be ` +
      'exceeded: under Awb 4:25 lid 2 the grant is refused.',
    {
      invalidParams,
      extra: {
        law: 'Awb 4:25',
        ...(figures ? { amountCents, remainingCents: Math.max(0, remainingCents) } : {}),
      },
    },
  );
}

/**
 * The refusal in both languages as the engine said it (the step and the state by their labels):
 * the problem's `text`, for a client to show in its own language; `detail` is its English.
 */
function textOf(err: EngineError): { text?: { nl: string; en: string } } {
  return err.text ? { text: err.text } : {};
}

/** Maps the engine's closed error codes to the API's. */
export function toAppError(err: EngineError): AppError {
  switch (err.code) {
    case 'event_not_allowed':
    case 'not_editable':
      return new AppError('event_not_allowed', err.message, {
        extra: { allowed: err.allowed ?? [], ...textOf(err) },
      });
    case 'four_eyes':
      return new AppError('four_eyes', err.message, { extra: textOf(err) });
    case 'role_not_allowed':
      return new AppError('forbidden', err.message, { extra: textOf(err) });
    case 'invalid_payload':
      return new AppError('validation_failed', err.message, {
        invalidParams: invalidParamsOf(err.issues),
      });
    case 'unknown_state':
      return new AppError(
        'conflict',
        `The application's state no longer exists in its workflow definition: ${err.message}`,
      );
    case 'guard_failed': {
      const guard = err.guard ?? '';
      if (guard === 'budgetAvailable') {
        return budgetExceeded({ invalidParams: invalidParamsOf(err.issues) });
      }
      if (guard === 'actorIsNot') {
        return new AppError('four_eyes', err.message, { extra: textOf(err) });
      }
      if (guard === 'extensionAvailable') {
        // The guard says why in both languages (once only, after receipt, before the term ends).
        const said = issuesText(err.issues);
        return new AppError('conflict', said?.en ?? err.message, {
          invalidParams: invalidParamsOf(err.issues),
          extra: said ? { guard, text: said } : { guard },
        });
      }
      if (guard === RECEIPT_WINDOW) {
        return new AppError('regulation_closed', err.message, {
          invalidParams: invalidParamsOf(err.issues),
          extra: { guard },
        });
      }
      const sentence = FORM_GUARDS[guard];
      const issues = err.issues?.length
        ? invalidParamsOf(err.issues)
        : [{ name: guard || 'request', reason: sentence?.en ?? err.message, text: sentence }];
      return new AppError('validation_failed', sentence?.en ?? err.message, {
        invalidParams: issues,
        extra: { guard },
      });
    }
    default:
      return new AppError('conflict', err.message);
  }
}

/**
 * Four-eyes beyond the definition's own rules: who applied for or filed the application does not
 * take the step that decides on it. Said with the step and the state by their labels.
 */
export function ownDecisionRefused(
  def: WorkflowDefinition,
  eventType: string,
  state: string,
): AppError {
  const step = eventLabel(def, eventType);
  const s = stateLabel(def, state);
  const text = {
    nl:
      `U heeft deze aanvraag zelf ingediend of ingevoerd; iemand anders moet de stap ` +
      `"${step.nl}" doen (vier-ogenprincipe). De aanvraag blijft in de status "${s.nl}".`,
    en:
      `You applied for or filed this application yourself; someone else must take the step ` +
      `"${step.en}" (four-eyes principle). The application stays in the status "${s.en}".`,
  };
  return new AppError('four_eyes', text.en, { extra: { text } });
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

/** A new regulation no second policy officer approved yet: no application starts on it. */
export function notApproved(code: string): AppError {
  return new AppError(
    'conflict',
    `The regulation ${code} is not open for applications yet: a second policy officer has not approved it.`,
    {
      invalidParams: [
        {
          name: 'regulationId',
          reason: 'regulation not approved yet',
          text: {
            nl: 'Deze regeling is nog niet open voor aanvragen.',
            en: 'This regulation is not open for applications yet.',
          },
        },
      ],
    },
  );
}

/**
 * A regulation takes applications from its first day up to and including its last: outside them
 * no application starts on it (and none is received: the engine refuses that step).
 */
export function outsideApplicationPeriod(
  reg: { code: string; opensOn: string; closesOn: string },
  today: string,
): AppError | null {
  const issue =
    today < reg.opensOn
      ? {
          message: `the regulation takes applications from ${reg.opensOn}`,
          text: {
            nl: `Deze regeling neemt aanvragen aan vanaf ${formatDate(reg.opensOn, 'nl')}.`,
            en: `This grant scheme takes applications from ${formatDate(reg.opensOn, 'en')}.`,
          },
        }
      : receiptClosedIssue(reg.closesOn, today);
  if (!issue) return null;
  return new AppError(
    'regulation_closed',
    `The regulation ${reg.code} is open for applications from ${reg.opensOn} to ${reg.closesOn}.`,
    { invalidParams: [{ name: 'regulationId', reason: issue.message, text: issue.text }] },
  );
}
