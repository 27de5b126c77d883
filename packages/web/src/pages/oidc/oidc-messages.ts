import { useI18n } from '../../i18n/i18n';
import { registerLabelTexts } from '../../i18n/label-words';

/**
 * The texts of signing in through DigiD/eHerkenning and the municipality's IdP, kept beside the
 * pages so the shared catalogue is not edited by two people at once. Same style as
 * src/i18n/messages.ts: Dutch is the source, English has the same keys, `{name}` placeholders.
 */
const nl = {
  'options.title': 'Kies hoe u inlogt',
  'options.resident': 'Inloggen met DigiD',
  'options.residentHint': 'Voor bewoners. Organisaties kunnen hier ook met eHerkenning inloggen.',
  'options.staff': 'Inloggen voor medewerkers',
  'options.staffHint': 'Voor medewerkers van de gemeente, met uw werkaccount.',

  'complete.title': 'Vul uw gegevens aan',
  'complete.intro':
    'U bent bijna ingelogd. Wij kennen uw naam en e-mailadres nog niet. Wij gebruiken ze om u te laten weten hoe het met uw aanvraag gaat.',
  'complete.name': 'Naam',
  'complete.email': 'E-mailadres',
  'complete.emailHint': 'Hierop ontvangt u berichten over uw aanvraag.',
  'complete.button': 'Opslaan en doorgaan',
  'complete.nameRequired': 'Vul uw naam in.',
  'complete.emailInvalid': 'Vul een geldig e-mailadres in, bijvoorbeeld naam@voorbeeld.nl.',
  'complete.emailTaken':
    'Er bestaat al een account met dit e-mailadres. Kies een ander e-mailadres, of log in met uw wachtwoord.',
  'complete.expired': 'Het inloggen is verlopen of al afgerond. Log opnieuw in.',

  'refused.title': 'Inloggen is niet gelukt',
  'refused.failed':
    'Wij konden uw inlogpoging niet controleren. Er is niemand ingelogd. Probeer het opnieuw.',
  'refused.expired':
    'Het inloggen duurde te lang of is in een ander venster begonnen. Probeer het opnieuw.',
  'refused.cancelled': 'U heeft het inloggen afgebroken.',
  'refused.unreadable':
    'Het antwoord van de inlogdienst kon niet worden gelezen: het adres bevatte tekens of gegevens die daar niet horen. Er is niemand ingelogd. Probeer het opnieuw.',
  'refused.noRoleTitle': 'U heeft geen toegang',
  'refused.no_role':
    'U bent bij de gemeente ingelogd, maar uw werkaccount geeft geen toegang tot Bewonersinitiatieven. Vraag uw leidinggevende of de functioneel beheerder om u de juiste rol te geven.',
  'refused.conflict':
    'Er bestaat al een account met het e-mailadres dat wij kregen. Log in met uw wachtwoord, of neem contact op met de gemeente.',
  'refused.tryAgain': 'Opnieuw inloggen',
  'refused.home': 'Naar de startpagina',
} as const;

export type OidcMessageKey = keyof typeof nl;

const en: Record<OidcMessageKey, string> = {
  'options.title': 'Choose how to log in',
  'options.resident': 'Log in with DigiD',
  'options.residentHint': 'For residents. Organisations can also log in here with eHerkenning.',
  'options.staff': 'Log in for staff',
  'options.staffHint': 'For municipal staff, with your work account.',

  'complete.title': 'Complete your details',
  'complete.intro':
    'You are almost logged in. We do not know your name and email address yet. We use them to tell you how your application is going.',
  'complete.name': 'Name',
  'complete.email': 'Email address',
  'complete.emailHint': 'You will receive messages about your application here.',
  'complete.button': 'Save and continue',
  'complete.nameRequired': 'Enter your name.',
  'complete.emailInvalid': 'Enter a valid email address, for example name@example.org.',
  'complete.emailTaken':
    'An account with this email address already exists. Choose another address, or log in with your password.',
  'complete.expired': 'Logging in has expired or was already completed. Log in again.',

  'refused.title': 'Logging in did not succeed',
  'refused.failed':
    'We could not verify your login attempt. Nobody is logged in. Please try again.',
  'refused.expired': 'Logging in took too long or was started in another window. Please try again.',
  'refused.cancelled': 'You cancelled logging in.',
  'refused.unreadable':
    'The answer from the login service could not be read: the address held characters or values that do not belong there. Nobody is logged in. Please try again.',
  'refused.noRoleTitle': 'You do not have access',
  'refused.no_role':
    'You are logged in at the municipality, but your work account gives no access to Resident initiatives. Ask your manager or the application administrator to give you the right role.',
  'refused.conflict':
    'An account with the email address we received already exists. Log in with your password, or contact the municipality.',
  'refused.tryAgain': 'Log in again',
  'refused.home': 'To the home page',
};

const catalogues = { nl, en } as const;
registerLabelTexts(catalogues);

export function useOidcText() {
  const i18n = useI18n();
  const catalogue = catalogues[i18n.locale] as Record<OidcMessageKey, string>;
  const o = (key: OidcMessageKey, vars?: Record<string, string | number>) =>
    catalogue[key].replace(/\{(\w+)\}/g, (m, name: string) =>
      vars && name in vars ? String(vars[name]) : m,
    );
  return { ...i18n, o };
}
