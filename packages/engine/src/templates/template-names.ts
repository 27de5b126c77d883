/**
 * Each template variable by a short name in words, and a subject with its placeholders in words:
 * policy staff know a mail as "Wij hebben uw aanvraag ontvangen («kenmerk»)", never by the codes
 * `{{reference}}` it is written with.
 */
import type { LocalizedText } from '../core/engine.types';
import type { TemplateCondition, TemplateVariable } from './templates';

/** Typed by the engine's list: a new variable without a name does not compile. */
export const TEMPLATE_VARIABLE_NAMES: Record<TemplateVariable, LocalizedText> = {
  reference: { nl: 'kenmerk', en: 'reference' },
  applicantName: { nl: 'naam aanvrager', en: 'applicant’s name' },
  title: { nl: 'titel', en: 'title' },
  district: { nl: 'wijk', en: 'district' },
  activityDate: { nl: 'datum activiteit', en: 'activity date' },
  requestedAmount: { nl: 'aangevraagd bedrag', en: 'amount applied for' },
  grantedAmount: { nl: 'verleend bedrag', en: 'amount granted' },
  advanceAmount: { nl: 'voorschotten', en: 'advances' },
  settledAmount: { nl: 'vastgesteld bedrag', en: 'settled amount' },
  reclaimAmount: { nl: 'terug te betalen bedrag', en: 'amount to pay back' },
  paymentAmount: { nl: 'uit te betalen bedrag', en: 'amount paid out' },
  receivedDate: { nl: 'datum ontvangst', en: 'date received' },
  decisionDueDate: { nl: 'beslisdatum', en: 'decision deadline' },
  supplementDueDate: { nl: 'aanvuldatum', en: 'supplement deadline' },
  objectionDeadline: { nl: 'bezwaartermijn', en: 'objection deadline' },
  reclaimDueDate: { nl: 'uiterste betaaldatum terugbetaling', en: 'last day to pay back' },
  reportDueDate: { nl: 'verantwoordingsdatum', en: 'report deadline' },
  motivation: { nl: 'motivering', en: 'reasons' },
  message: { nl: 'toelichting', en: 'explanation' },
  conditions: { nl: 'voorwaarden', en: 'conditions' },
  applicationUrl: { nl: 'link naar de aanvraag', en: 'link to the application' },
  today: { nl: 'datum van vandaag', en: 'today’s date' },
  periodDays: { nl: 'aantal dagen', en: 'number of days' },
  municipalityIban: {
    nl: 'rekeningnummer (IBAN) van de gemeente',
    en: 'municipality’s bank account (IBAN)',
  },
  regulationTitle: { nl: 'naam van de regeling', en: 'name of the grant scheme' },
  accountIban: {
    nl: 'rekeningnummer (IBAN) van de aanvrager',
    en: 'applicant’s bank account (IBAN)',
  },
  accountHolder: { nl: 'naam van de rekeninghouder', en: 'name of the account holder' },
};

/** Each condition of a section (templates.ts TEMPLATE_CONDITIONS), as the editor names it. */
export const TEMPLATE_CONDITION_NAMES: Record<
  TemplateCondition,
  { shown: LocalizedText; hidden: LocalizedText }
> = {
  online: {
    shown: { nl: 'alleen als de aanvrager kan inloggen', en: 'only if the applicant can log in' },
    hidden: {
      nl: 'alleen als de aanvrager niet kan inloggen',
      en: 'only if the applicant cannot log in',
    },
  },
  reclaim: {
    shown: {
      nl: 'alleen als de aanvrager geld moet terugbetalen',
      en: 'only if the applicant has to pay money back',
    },
    hidden: {
      nl: 'alleen als de aanvrager niets hoeft terug te betalen',
      en: 'only if the applicant has nothing to pay back',
    },
  },
  advance: {
    shown: { nl: 'alleen als er een voorschot is', en: 'only if there is an advance' },
    hidden: { nl: 'alleen als er geen voorschot is', en: 'only if there is no advance' },
  },
};
const SECTION_END: LocalizedText = { nl: 'einde', en: 'end' };

const PLACEHOLDER = /\{\{\s*([A-Za-z][A-Za-z0-9_]*)\s*\}\}/g;
const SECTION_MARKER = /\{\{([#^/])([A-Za-z][A-Za-z0-9_]*)\}\}/g;

/**
 * A text with each known placeholder by its name in words between « »: "Wij hebben uw aanvraag
 * ontvangen ({{reference}})" reads "Wij hebben uw aanvraag ontvangen («kenmerk»)". A placeholder
 * that is no variable stays as written: it is what the officer typed and has to correct.
 */
export function placeholdersInWords(text: string, lang: 'nl' | 'en'): string {
  return text
    .replace(SECTION_MARKER, (whole, sign: string, name: string) => {
      if (!Object.hasOwn(TEMPLATE_CONDITION_NAMES, name)) return whole;
      const names = TEMPLATE_CONDITION_NAMES[name as TemplateCondition];
      return `«${(sign === '/' ? SECTION_END : sign === '#' ? names.shown : names.hidden)[lang]}»`;
    })
    .replace(PLACEHOLDER, (whole, name: string) =>
      Object.hasOwn(TEMPLATE_VARIABLE_NAMES, name)
        ? `«${TEMPLATE_VARIABLE_NAMES[name as TemplateVariable][lang]}»`
        : whole,
    );
}
