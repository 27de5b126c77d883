import { useI18n } from '../i18n/i18n';
import { pluralOf } from '../i18n/numbers';

/**
 * Texts of the simulator's trial application (its form, the JSON view behind it), beside
 * policy-messages.ts in the same style: Dutch is the source, English has the same keys.
 */
const nl = {
  'sd.title': 'Gegevens van de aanvraag',
  'sd.intro':
    'Een voorbeeldaanvraag, ingevuld volgens het formulier van dit concept. Pas aan wat u wilt proberen. Wijzigingen tellen mee zodra u (opnieuw) een aanvraag begint.',
  'sd.reset': 'Voorbeeldgegevens opnieuw invullen',
  'sd.resetDone': 'De voorbeeldgegevens zijn opnieuw ingevuld.',
  'sd.showJson': 'Als JSON bewerken (voor experts)',
  'sd.showForm': 'Terug naar het formulier',
  'sd.jsonHint':
    'Dezelfde gegevens als in het formulier. Wat u hier verandert, ziet u terug in het formulier.',
  'sd.jsonInvalid':
    'Dit is geen geldige JSON ({message}). Zolang dat zo is, houdt het formulier de laatste geldige gegevens.',
  'sd.noFiles.one':
    'In de proef kunt u geen bestanden toevoegen. De proefaanvraag telt {n} voorbeeldbestand.',
  'sd.noFiles.other':
    'In de proef kunt u geen bestanden toevoegen. De proefaanvraag telt {n} voorbeeldbestanden.',
  'sd.notStarted': 'De aanvraag is niet begonnen: verbeter eerst de gegevens van de aanvraag.',
  'sd.incomplete':
    'De aanvraag is begonnen, maar het formulier is nog niet compleet. De problemen staan bij de gegevens van de aanvraag.',
  'sl.readLetter': 'Tekst van de brief lezen',
  'sl.readMail': 'Tekst van de mail lezen',
  'sl.textTitle': 'Tekst van “{subject}”',
  'sl.note': 'Zo krijgt de aanvrager de tekst, ingevuld met de gegevens van de proefaanvraag.',
  'sl.noteStaff':
    'Zo krijgen de medewerkers die de aanvraag behandelen de tekst, ingevuld met de gegevens van de proefaanvraag.',
  'sim.district': 'Wijk (voor {{district}} in brieven en mails)',
  'sl.empty': 'Deze tekst is leeg.',
  'sl.changed':
    'Dit is de tekst van toen deze stap werd gezet. De tekst is daarna gewijzigd; een volgende stap krijgt de nieuwe tekst.',
  'sr.title': 'De stap “{event}” is niet gezet',
  'sc.legend': 'De aanvrager in de proef',
  'sc.hint':
    'Brieven en mails volgen deze keuze, ook die van stappen die al zijn gezet: de delen die alleen voor wie kan inloggen zijn, of juist voor wie dat niet kan.',
  'sc.online': 'De aanvrager kan inloggen (met e-mail of DigiD)',
  'sc.offline': 'De aanvrager kan niet inloggen (krijgt alles op papier)',
  'sc.paper': 'Brief per post aan de aanvrager, in plaats van een mail: {subject}',
  'sc.inLetter': 'Geen mail aan de aanvrager: de brief van deze stap zegt het al ({subject})',
  'sl.noteOffline':
    'Zo krijgt een aanvrager die niet kan inloggen de tekst op papier, ingevuld met de gegevens van de proefaanvraag.',
};

const en: Record<keyof typeof nl, string> = {
  'sd.title': 'Application data',
  'sd.intro':
    'A sample application, filled in following this draft’s form. Change what you want to try. Changes count as soon as you start an application (again).',
  'sd.reset': 'Fill in the sample data again',
  'sd.resetDone': 'The sample data has been filled in again.',
  'sd.showJson': 'Edit as JSON (for experts)',
  'sd.showForm': 'Back to the form',
  'sd.jsonHint': 'The same data as in the form. What you change here shows in the form.',
  'sd.jsonInvalid':
    'This is not valid JSON ({message}). As long as it is not, the form keeps the last valid data.',
  'sd.noFiles.one':
    'Files cannot be added in the trial. The trial application counts {n} sample file.',
  'sd.noFiles.other':
    'Files cannot be added in the trial. The trial application counts {n} sample files.',
  'sd.notStarted': 'The application has not started: first correct the application data.',
  'sd.incomplete':
    'The application has started, but the form is not complete yet. The problems are shown with the application data.',
  'sl.readLetter': 'Read the letter’s text',
  'sl.readMail': 'Read the mail’s text',
  'sl.textTitle': 'Text of “{subject}”',
  'sl.note': 'This is the text the applicant gets, filled in with the trial application’s data.',
  'sl.noteStaff':
    'This is the text the staff handling the application get, filled in with the trial application’s data.',
  'sim.district': 'District (for {{district}} in letters and mails)',
  'sl.empty': 'This text is empty.',
  'sl.changed':
    'This is the text as it was when this step was taken. The text has changed since; a next step gets the new text.',
  'sr.title': 'The step “{event}” was not taken',
  'sc.legend': 'The applicant in the trial',
  'sc.hint':
    'Letters and mails follow this choice, also those of steps already taken: the parts only for those who can log in, or only for those who cannot.',
  'sc.online': 'The applicant can log in (with e-mail or DigiD)',
  'sc.offline': 'The applicant cannot log in (gets everything on paper)',
  'sc.paper': 'Letter by post to the applicant, instead of a mail: {subject}',
  'sc.inLetter': 'No mail to the applicant: this step’s letter already says it ({subject})',
  'sl.noteOffline':
    'This is the text an applicant who cannot log in gets on paper, filled in with the trial application’s data.',
};

export type SimulatorMessageKey = keyof typeof nl;
const catalogues = { nl, en } as const;

type PluralKey = SimulatorMessageKey extends infer K
  ? K extends `${infer B}.one`
    ? B
    : never
  : never;

/** The shared i18n plus `s()` for the trial application's texts and `sn()` for plurals. */
export function useSimulatorText() {
  const i18n = useI18n();
  const catalogue = catalogues[i18n.locale] as Record<SimulatorMessageKey, string>;
  const s = (key: SimulatorMessageKey, vars?: Record<string, string | number>) =>
    catalogue[key].replace(/\{(\w+)\}/g, (x, name: string) =>
      vars && name in vars ? String(vars[name]) : x,
    );
  const sn = (key: PluralKey, n: number) =>
    s(pluralOf(n) === 'one' ? `${key}.one` : `${key}.other`, { n });
  return { ...i18n, s, sn };
}
