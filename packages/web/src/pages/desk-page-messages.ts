import { useAreaText } from '../i18n/area-text';
import { registerLabelTexts } from '../i18n/label-words';

/**
 * The texts of the desk's search for a resident and its new-resident form (staff only), kept
 * beside them so a resident's pages do not download them.
 * Dutch is the source; English has the same keys.
 */
const nl = {
  'desk.title': 'Aanvraag namens een bewoner',
  'desk.intro':
    'Voor bewoners die aan de balie komen of bellen. Zoek de bewoner of maak een account aan, en vul de aanvraag samen in. De bewoner krijgt dezelfde berichten; wie kan inloggen (met een e-mailadres of DigiD), ziet de aanvraag ook in het eigen account.',
  'desk.search': 'Bewoner zoeken',
  'desk.query': 'Naam of e-mailadres',
  'desk.queryHint': 'Minstens 2 tekens.',
  'desk.searchButton': 'Zoeken',
  'desk.found.one': '{n} bewoner gevonden.',
  'desk.found.other': '{n} bewoners gevonden.',
  'desk.choose': 'Kies',
  'desk.chooseNamed': 'Kies {name}',
  'desk.newResident': 'Nieuwe bewoner',
  'desk.create': 'Bewoner aanmaken',
  'desk.startFor': 'Aanvraag starten voor {name}',
  'desk.selected': 'Gekozen: {name}.',
  'desk.start': 'Aanvraag starten',
  'desk.nameRequired': 'Vul de naam van de bewoner in.',
  'desk.emailHint':
    'Niet verplicht. Zonder e-mailadres krijgt de bewoner brieven per post. Met e-mailadres kan de bewoner later ook zelf inloggen: via ‘Wachtwoord vergeten’ stelt hij of zij een wachtwoord in.',
};

const en: Record<keyof typeof nl, string> = {
  'desk.title': 'Apply on behalf of a resident',
  'desk.intro':
    'For residents who come to the desk or call. Find the resident or create an account, and fill in the application together. The resident receives the same messages; a resident who can log in (with an e-mail address or DigiD) also sees the application in their own account.',
  'desk.search': 'Find a resident',
  'desk.query': 'Name or email address',
  'desk.queryHint': 'At least 2 characters.',
  'desk.searchButton': 'Search',
  'desk.found.one': '{n} resident found.',
  'desk.found.other': '{n} residents found.',
  'desk.choose': 'Choose',
  'desk.chooseNamed': 'Choose {name}',
  'desk.newResident': 'New resident',
  'desk.create': 'Create resident',
  'desk.startFor': 'Start an application for {name}',
  'desk.selected': 'Chosen: {name}.',
  'desk.start': 'Start application',
  'desk.nameRequired': "Enter the resident's name.",
  'desk.emailHint':
    'Optional. Without an email address the resident receives letters by post. With one, the resident can later log in too: ‘Forgot your password?’ lets them set a password.',
};

export const deskPageTexts = { nl, en } as const;

registerLabelTexts(deskPageTexts);

/** The shared i18n, its `t` and `tn` knowing these texts too. */
export function useDeskPageText() {
  return useAreaText(deskPageTexts);
}
