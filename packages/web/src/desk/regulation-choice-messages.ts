import { useI18n } from '../i18n/i18n';
import { registerLabelTexts } from '../i18n/label-words';

/**
 * The texts of the desk's choice of regulation for a resident: which regulation the resident's
 * postcode leads to, and why. Dutch is the source; English has the same keys.
 */
const nl = {
  'choice.none': 'Kies een regeling',
  'choice.matched': 'Gekozen omdat postcode {postcode} in {district} ligt.',
  'choice.otherChosen':
    'Postcode {postcode} ligt in {district}. U hebt zelf een andere regeling gekozen.',
  'choice.several':
    'Postcode {postcode} ligt in {district}, waar meer dan één regeling open is. Daarom is er geen vooraf gekozen.',
  'choice.noneOpen':
    'Postcode {postcode} ligt in {district}, maar daar is geen regeling open. Daarom is er geen vooraf gekozen.',
  'choice.unknownDistrict':
    'Bij postcode {postcode} hoort geen wijk die de regelingen kennen. Daarom is er geen regeling vooraf gekozen.',
  'choice.noPostcode':
    'De postcode van {name} is niet bekend. Daarom is er geen regeling vooraf gekozen; vul het adres in als u dat wilt.',
  'choice.looking': 'Even nagaan in welke wijk postcode {postcode} ligt.',
  'choice.failed':
    'Het lukte niet na te gaan in welke wijk postcode {postcode} ligt. Daarom is er geen regeling vooraf gekozen.',
  'choice.chooseYourself': 'Kies zelf een regeling.',
  'choice.required': 'Kies de regeling waarvoor u de aanvraag start.',
};

type ChoiceMessageKey = keyof typeof nl;

const en: Record<ChoiceMessageKey, string> = {
  'choice.none': 'Choose a scheme',
  'choice.matched': 'Chosen because postcode {postcode} is in {district}.',
  'choice.otherChosen': 'Postcode {postcode} is in {district}. You chose another scheme yourself.',
  'choice.several':
    'Postcode {postcode} is in {district}, where more than one scheme is open. So none is chosen in advance.',
  'choice.noneOpen':
    'Postcode {postcode} is in {district}, but no scheme is open there. So none is chosen in advance.',
  'choice.unknownDistrict':
    'Postcode {postcode} is in no district the schemes know. So no scheme is chosen in advance.',
  'choice.noPostcode':
    'The postcode of {name} is not known. So no scheme is chosen in advance; enter the address if you wish.',
  'choice.looking': 'Finding out which district postcode {postcode} is in.',
  'choice.failed':
    'It was not possible to find out which district postcode {postcode} is in. So no scheme is chosen in advance.',
  'choice.chooseYourself': 'Choose a scheme yourself.',
  'choice.required': 'Choose the scheme you start the application for.',
};

export const choiceCatalogues = { nl, en } as const;
registerLabelTexts(choiceCatalogues);

/** The shared i18n plus `c()` for the desk's choice of regulation. */
export function useChoiceText() {
  const i18n = useI18n();
  const catalogue = choiceCatalogues[i18n.locale];
  const c = (key: ChoiceMessageKey, vars?: Record<string, string | number>) =>
    catalogue[key].replace(/\{(\w+)\}/g, (m, name: string) =>
      vars && name in vars ? String(vars[name]) : m,
    );
  return { ...i18n, c };
}
