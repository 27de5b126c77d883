import { paragraphsOf, type TemplateVariable } from '@initiatief/engine';

type Lang = 'nl' | 'en';

/**
 * What each placeholder of a letter or mail fills in, in words, so the placeholder picker shows
 * "{{applicantName}} — naam van de aanvrager" and not just the code. Typed by the engine's list:
 * a new variable without a description does not compile.
 */
const DESCRIPTIONS: Record<TemplateVariable, Record<Lang, string>> = {
  reference: { nl: 'kenmerk van de aanvraag', en: 'reference of the application' },
  applicantName: { nl: 'naam van de aanvrager', en: 'name of the applicant' },
  title: { nl: 'titel van de aanvraag', en: 'title of the application' },
  district: { nl: 'wijk van de regeling', en: 'district of the scheme' },
  activityDate: { nl: 'datum van de activiteit', en: 'date of the activity' },
  requestedAmount: { nl: 'aangevraagd bedrag', en: 'amount applied for' },
  grantedAmount: { nl: 'verleend bedrag', en: 'amount granted' },
  advanceAmount: { nl: 'alle voorschotten samen', en: 'all advances together' },
  settledAmount: { nl: 'vastgesteld bedrag', en: 'settled amount' },
  reclaimAmount: { nl: 'terug te betalen bedrag', en: 'amount to be paid back' },
  paymentAmount: {
    nl: 'bedrag dat (nog) wordt uitbetaald',
    en: 'amount that is (still) paid out',
  },
  receivedDate: {
    nl: 'dag waarop de aanvraag binnenkwam',
    en: 'day the application came in',
  },
  decisionDueDate: { nl: 'uiterste beslisdatum', en: 'decision deadline' },
  supplementDueDate: {
    nl: 'uiterste datum om de aanvraag aan te vullen',
    en: 'deadline to supplement the application',
  },
  objectionDeadline: {
    nl: 'uiterste datum om bezwaar te maken',
    en: 'deadline to lodge an objection',
  },
  reclaimDueDate: {
    nl: 'uiterste datum om terug te betalen (leeg als er niets terug hoeft)',
    en: 'last day to pay back (empty when nothing is to be paid back)',
  },
  reportDueDate: {
    nl: 'uiterste datum voor de verantwoording',
    en: 'deadline for the final report',
  },
  motivation: { nl: 'motivering van het besluit', en: 'reasons for the decision' },
  message: {
    nl: 'toelichting van de medewerker bij het verzoek',
    en: 'the staff member’s explanation with the request',
  },
  conditions: { nl: 'voorwaarden bij de subsidie', en: 'conditions of the grant' },
  applicationUrl: { nl: 'link naar de aanvraag', en: 'link to the application' },
  today: { nl: 'datum van vandaag', en: 'today’s date' },
  periodDays: {
    nl: 'aantal dagen om de aanvraag aan te vullen',
    en: 'number of days to supplement the application',
  },
  municipalityIban: {
    nl: 'rekeningnummer (IBAN) van de gemeente voor terugbetalingen',
    en: 'the municipality’s bank account (IBAN) for payments back',
  },
  regulationTitle: {
    nl: 'naam van de regeling waaronder de subsidie wordt verleend',
    en: 'name of the grant scheme the grant is given under',
  },
  accountIban: {
    nl: 'rekeningnummer (IBAN) dat de aanvrager opgaf voor de betaling',
    en: 'the bank account (IBAN) the applicant gave for the payment',
  },
  accountHolder: {
    nl: 'naam waarop dat rekeningnummer staat (ten name van)',
    en: 'name the bank account is in (account holder)',
  },
};

/** A placeholder's description in words; undefined for a name that is no template variable. */
export function templateVariableDescription(name: string, lang: Lang): string | undefined {
  return Object.hasOwn(DESCRIPTIONS, name)
    ? DESCRIPTIONS[name as TemplateVariable][lang]
    : undefined;
}

/** A placeholder as the picker offers it: "{{applicantName}} — naam van de aanvrager". */
export function templateVariableOption(name: string, lang: Lang): string {
  const description = templateVariableDescription(name, lang);
  return description ? `{{${name}}} — ${description}` : `{{${name}}}`;
}

/**
 * A letter's or mail's body as the API sends it: the engine's paragraphs, each with its single
 * line breaks (the mail's HTML writes them as `<br>`, its plain text keeps them).
 */
export function paragraphLines(body: string): string[][] {
  return paragraphsOf(body).map((p) => p.split('\n'));
}
