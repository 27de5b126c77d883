import { useAreaText } from '../i18n/area-text';
import { registerLabelTexts } from '../i18n/label-words';
import { queueTexts } from './queue-messages';

/**
 * The texts of the case page (staff only), kept beside it so a resident's pages do not download
 * them; its hook knows the queue's texts too (claiming, releasing). Dutch is the source; English
 * has the same keys.
 */
const nl = {
  'case.history': 'Verloop',
  'case.title': 'Aanvraag behandelen',
  'case.summary': 'Overzicht',
  'case.applicant': 'Aanvrager',
  'case.letters': 'Brieven en besluiten',
  'case.lettersByEmail': 'Per e-mail naar {email}',
  'case.lettersByPost': 'Per post naar {address}',
  'case.lettersByPostNoAddress': 'Per post, maar er is geen volledig postadres bekend',
  'case.phone': 'Telefoon',
  'case.online': 'Online',
  'case.onlineYes': 'Kan inloggen en volgt de aanvraag online',
  'case.onlineNo': 'Kan niet inloggen (geen e-mailadres of DigiD) en ziet de aanvraag niet online',
  'case.budgetRemaining': 'Budget over in wijk {district}',
  'case.actions': 'Wat kunt u nu doen?',
  'case.noActions': 'U kunt nu niets doen met deze aanvraag.',
  'case.confirm.decision':
    '{step}: hierna gaat het besluit naar de aanvrager. Dat kan niet ongedaan worden gemaakt. Weet u het zeker?',
  'case.confirm.payment':
    '{step}: hierna wordt de betaling vastgelegd. Dat kan niet ongedaan worden gemaakt. Weet u het zeker?',
  'case.confirm.grant':
    '{step}: {amount}. Hierna gaat het besluit naar de aanvrager. Dat kan niet ongedaan worden gemaakt. Weet u het zeker?',
  'case.confirm.grantAdvance':
    '{step}: {amount}, waarvan nu {advance} als voorschot wordt uitbetaald. Hierna gaat het besluit naar de aanvrager. Dat kan niet ongedaan worden gemaakt. Weet u het zeker?',
  'case.confirm.decisionAdvance':
    '{step}: nu wordt {advance} als voorschot uitbetaald. Hierna gaat het besluit naar de aanvrager. Dat kan niet ongedaan worden gemaakt. Weet u het zeker?',
  'case.confirm.paymentAmount':
    '{step}: {advance} wordt uitbetaald. Hierna wordt de betaling vastgelegd. Dat kan niet ongedaan worden gemaakt. Weet u het zeker?',
  'case.confirm.amountProposed': '{amount} (het voorgestelde bedrag)',
  'case.confirm.amountRequested': '{amount} (het aangevraagde bedrag)',
  'case.fourEyes':
    'U heeft deze aanvraag beoordeeld. Volgens het vier-ogenprincipe neemt een andere medewerker het besluit.',
  'case.recorded': 'Vastgelegd bij de stap {step}',
  'case.recordedHistory': 'Vastgelegd: {step}',
  'case.recordedBy': '{name}, {when}',
  'case.colleague': 'Een collega',
  'case.letterByPost':
    'Let op: de aanvrager krijgt brieven per post. De brief van deze stap is pas verstuurd als de postbatch met de brief gepost is.',
};

const en: Record<keyof typeof nl, string> = {
  'case.history': 'History',
  'case.title': 'Handle application',
  'case.summary': 'Overview',
  'case.applicant': 'Applicant',
  'case.letters': 'Letters and decisions',
  'case.lettersByEmail': 'By e-mail to {email}',
  'case.lettersByPost': 'By post to {address}',
  'case.lettersByPostNoAddress': 'By post, but no complete postal address is known',
  'case.phone': 'Phone',
  'case.online': 'Online',
  'case.onlineYes': 'Logs in and follows the application online',
  'case.onlineNo':
    'Cannot log in (no e-mail address or DigiD) and does not see the application online',
  'case.budgetRemaining': 'Budget left in district {district}',
  'case.actions': 'What can you do now?',
  'case.noActions': 'There is nothing you can do with this application now.',
  'case.confirm.decision':
    '{step}: the decision will then go to the applicant. This cannot be undone. Are you sure?',
  'case.confirm.payment':
    '{step}: the payment will then be recorded. This cannot be undone. Are you sure?',
  'case.confirm.grant':
    '{step}: {amount}. The decision will then go to the applicant. This cannot be undone. Are you sure?',
  'case.confirm.grantAdvance':
    '{step}: {amount}, of which {advance} is paid out now as an advance. The decision will then go to the applicant. This cannot be undone. Are you sure?',
  'case.confirm.decisionAdvance':
    '{step}: {advance} is paid out now as an advance. The decision will then go to the applicant. This cannot be undone. Are you sure?',
  'case.confirm.paymentAmount':
    '{step}: {advance} is paid out. The payment will then be recorded. This cannot be undone. Are you sure?',
  'case.confirm.amountProposed': '{amount} (the proposed amount)',
  'case.confirm.amountRequested': '{amount} (the requested amount)',
  'case.fourEyes':
    'You assessed this application. Under the four-eyes principle another colleague takes the decision.',
  'case.recorded': 'Recorded with the step {step}',
  'case.recordedHistory': 'Recorded: {step}',
  'case.recordedBy': '{name}, {when}',
  'case.colleague': 'A colleague',
  'case.letterByPost':
    'Note: the applicant gets letters by post. The letter of this step is sent only once the print batch with it has been posted.',
};

export const caseTexts = { nl, en } as const;

registerLabelTexts(caseTexts);

/** The shared i18n, its `t` and `tn` knowing these texts too. */
export function useCaseText() {
  return useAreaText(caseTexts, queueTexts);
}
