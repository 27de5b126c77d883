import { useI18n } from '../i18n/i18n';
import { registerLabelTexts } from '../i18n/label-words';

/**
 * The texts of the page a supporter opens from the invitation mail. Dutch is the source; English
 * has the same keys.
 */
const nl = {
  'confirm.title': 'Steunt u dit initiatief?',
  'confirm.intro':
    '{applicant} vraagt subsidie aan en noemt u, {name}, als buurtbewoner die het steunt.',
  'confirm.initiative': 'Initiatief',
  'confirm.reference': 'Kenmerk',
  'confirm.district': 'Wijk',
  'confirm.description': 'Wat gaat de aanvrager doen?',
  'confirm.code': 'Code uit de e-mail',
  'confirm.button': 'Ja, ik steun dit initiatief',
  'confirm.done': 'Dank u wel. Uw steun is bevestigd.',
  'confirm.already': 'U heeft uw steun al bevestigd. Dank u wel.',
  'confirm.noToken': 'Deze link is niet compleet. Open de link uit de e-mail opnieuw.',
  'confirm.codeRequired': 'Vul de code uit de e-mail in.',
  'confirm.digid.title': 'Bevestigen met DigiD',
  'confirm.digid.intro':
    'U logt in met DigiD. Daarna komt u terug op deze pagina en bevestigt u uw steun.',
  'confirm.digid.button': 'Bevestigen met DigiD',
  'confirm.digid.signedIn':
    'U bent ingelogd met DigiD als {name}. Vul uw postcode en leeftijd in en bevestig uw steun.',
  'confirm.digid.required':
    'Voor deze subsidieregeling bevestigt u uw steun met DigiD. De code uit de e-mail is niet genoeg.',
  'confirm.digid.unavailable':
    'Bevestigen met DigiD kan op dit moment niet. Probeer het later opnieuw.',
  'confirm.code.title': 'Bevestigen met de code uit de e-mail',
  'confirm.code.intro': 'Hebt u geen DigiD? Bevestig dan met de code uit de e-mail.',
};

export type SupportMessageKey = keyof typeof nl;

const en: Record<SupportMessageKey, string> = {
  'confirm.title': 'Do you support this initiative?',
  'confirm.intro':
    '{applicant} applies for a grant and names you, {name}, as a neighbour who supports it.',
  'confirm.initiative': 'Initiative',
  'confirm.reference': 'Reference',
  'confirm.district': 'District',
  'confirm.description': 'What will the applicant do?',
  'confirm.code': 'Code from the email',
  'confirm.button': 'Yes, I support this initiative',
  'confirm.done': 'Thank you. Your support is confirmed.',
  'confirm.already': 'You have already confirmed your support. Thank you.',
  'confirm.noToken': 'This link is incomplete. Open the link from the email again.',
  'confirm.codeRequired': 'Enter the code from the email.',
  'confirm.digid.title': 'Confirm with DigiD',
  'confirm.digid.intro':
    'You sign in with DigiD. Then you come back to this page and confirm your support.',
  'confirm.digid.button': 'Confirm with DigiD',
  'confirm.digid.signedIn':
    'You are signed in with DigiD as {name}. Enter your postcode and age and confirm your support.',
  'confirm.digid.required':
    'For this grant scheme you confirm your support with DigiD. The code from the email is not enough.',
  'confirm.digid.unavailable': 'Confirming with DigiD is not possible right now. Try again later.',
  'confirm.code.title': 'Confirm with the code from the email',
  'confirm.code.intro': 'No DigiD? Then confirm with the code from the email.',
};

export const supportCatalogues = { nl, en } as const;
registerLabelTexts(supportCatalogues);

/** The shared i18n plus `s()` for the supporter's confirmation page. */
export function useSupportText() {
  const i18n = useI18n();
  const catalogue = supportCatalogues[i18n.locale];
  const s = (key: SupportMessageKey, vars?: Record<string, string | number>) =>
    catalogue[key].replace(/\{(\w+)\}/g, (m, name: string) =>
      vars && name in vars ? String(vars[name]) : m,
    );
  return { ...i18n, s };
}
