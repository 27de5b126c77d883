import type { Effect, TemplateConditions } from '@initiatief/engine';

// How the trial applicant gets a step's letters and mails, without React: as the API's
// messaging does (packages/api/src/messaging/messaging.plan.ts), for an applicant who can log in
// or one who cannot (registered at the desk without e-mail: everything on paper).

/** The texts' `{{#online}}` and `{{^online}}` parts follow whether the applicant can log in. */
export const conditionsFor = (online: boolean): TemplateConditions => ({ online });

/**
 * What becomes of each effect of one step for the applicant: `mail` is sent as a mail (to the
 * applicant who can log in, or to staff, whoever the applicant is), `paper` is a mail's text sent
 * to an applicant who cannot log in as a letter by post, as a step without a letter of its own
 * does; `inLetter` is a mail she does not get because the step's letter tells her; `letter` is a
 * letter; `other` is any other effect.
 */
export type Delivery = 'mail' | 'paper' | 'inLetter' | 'letter' | 'other';

export function deliveries(effects: readonly Effect[], online: boolean): Delivery[] {
  const letters = effects.some((ef) => ef.type === 'document');
  return effects.map((ef): Delivery => {
    if (ef.type === 'document') return 'letter';
    if (ef.type !== 'notice') return 'other';
    if (online || ef.audience !== 'applicant') return 'mail';
    return letters ? 'inLetter' : 'paper';
  });
}
