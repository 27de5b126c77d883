/**
 * The application form's own texts (autosave that saved part, the budget's total, removed rows),
 * Dutch first and English with the same keys; a sibling of messages.ts, read with `useFormText`.
 */
import { useI18n } from './i18n';
import { formatList } from './lists';

const nl = {
  'save.partlyAt': 'Deels opgeslagen om {time}',
  'save.partly': 'Uw andere wijzigingen zijn opgeslagen. Dit is niet opgeslagen:',
  'save.partlyHint':
    'Pas dit aan bij het veld. Zolang het niet is opgeslagen, vragen wij of u de pagina echt wilt verlaten.',
  'save.partlyInSummary':
    'Uw andere wijzigingen zijn opgeslagen. Wat hieronder niet goed is ingevuld, is nog niet opgeslagen.',
  'save.notSavedInSummary':
    'Uw laatste wijziging is niet opgeslagen. Hieronder staat wat u moet aanpassen.',
  'save.alsoInSummary': 'Ook wat hieronder niet goed is ingevuld, is niet opgeslagen.',
  'leave.unsaved':
    'Niet al uw wijzigingen zijn opgeslagen. Wilt u deze pagina verlaten? Wat niet is opgeslagen, gaat dan verloren.',
  'total.overMax':
    'Het totaal is hoger dan het maximum van deze regeling: u vraagt {total} aan, het maximum is {max}.',
  'total.unclear.one': 'Regel {lines} telt niet mee: het bedrag is niet duidelijk.',
  'total.unclear.other': 'Regels {lines} tellen niet mee: de bedragen zijn niet duidelijk.',
  'row.removed': '{item} is verwijderd.',
  'question.shown': 'Er is een vraag bijgekomen: ‘{label}’.',
  'question.hidden': 'De vraag ‘{label}’ is niet meer nodig en weggehaald.',
  'step.shown': 'Er is een stap bijgekomen: ‘{title}’.',
  'step.hidden': 'De stap ‘{title}’ is niet meer nodig en wordt overgeslagen.',
  'attachments.added.one': '{names} is toegevoegd.',
  'attachments.added.other': '{names} zijn toegevoegd.',
  'attachments.ready.one':
    '{names} staat klaar. Het is nog niet verstuurd: dat gebeurt met de knop ‘{button}’.',
  'attachments.ready.other':
    '{names} staan klaar. Ze zijn nog niet verstuurd: dat gebeurt met de knop ‘{button}’.',
  'leave.unsent':
    'U heeft dit formulier nog niet verstuurd. Wilt u deze pagina verlaten? Wat u heeft ingevuld en toegevoegd, gaat dan verloren.',
  'supporters.counted':
    'Telt nu mee: {n}. Nodig: minstens {count} bewoners van {minAge} jaar of ouder.',
  'supporters.enough':
    'Telt nu mee: {n}. Dat is genoeg: nodig zijn minstens {count} bewoners van {minAge} jaar of ouder.',
  'supporters.tooYoung.one': 'Regel {lines} telt niet mee: jonger dan {minAge} jaar.',
  'supporters.tooYoung.other': 'Regels {lines} tellen niet mee: jonger dan {minAge} jaar.',
  'supporters.noAge.one': 'Regel {lines} telt nog niet mee: de leeftijd is niet ingevuld.',
  'supporters.noAge.other': 'Regels {lines} tellen nog niet mee: de leeftijd is niet ingevuld.',
  'supporters.otherDistrict.one':
    'Regel {lines} telt niet mee: woont volgens de postcode niet in {district}.',
  'supporters.otherDistrict.other':
    'Regels {lines} tellen niet mee: wonen volgens de postcode niet in {district}.',
  'supporters.noPostcode.one':
    'Regel {lines} telt nog niet mee: de postcode is niet ingevuld, en alleen bewoners van {district} tellen mee.',
  'supporters.noPostcode.other':
    'Regels {lines} tellen nog niet mee: de postcode is niet ingevuld, en alleen bewoners van {district} tellen mee.',
  'supporters.mark.heading': 'Telt mee',
  'supporters.mark.yes': 'Telt mee',
  'supporters.mark.no': 'Telt niet mee',
  'supporters.why.applicant': 'Dit is de aanvrager zelf.',
  'supporters.why.self': 'Dit bent u zelf. Het gaat om de steun van andere bewoners.',
  'supporters.why.noAge': 'De leeftijd is niet ingevuld.',
  'supporters.why.tooYoung': 'Jonger dan {minAge} jaar.',
  'supporters.why.noPostcode': 'De postcode is niet ingevuld.',
  'supporters.why.otherDistrict': 'Woont volgens de postcode niet in {district}.',
  'supporters.why.unconfirmed': 'Heeft (nog) niet bevestigd.',
  'supporters.byConfirmed':
    'Deze namen tellen niet meer mee: er zijn ondersteuners uitgenodigd, en dan tellen alleen zij die zelf bevestigden. Zie ‘{panel}’ hieronder.',
  'supporters.byConfirmedAbove':
    'Deze namen tellen niet meer mee: er zijn ondersteuners uitgenodigd, en dan tellen alleen zij die zelf bevestigden. Zie ‘{panel}’ hierboven.',
  'supporters.self.one':
    'Regel {lines} telt niet mee: dat bent u zelf. Het gaat om de steun van andere bewoners.',
  'supporters.self.other':
    'Regels {lines} tellen niet mee: dat bent u zelf. Het gaat om de steun van andere bewoners.',
  'supporters.applicant.one':
    'Regel {lines} telt niet mee: dat is de aanvrager, {name}. Het gaat om de steun van andere bewoners.',
  'supporters.applicant.other':
    'Regels {lines} tellen niet mee: dat is de aanvrager, {name}. Het gaat om de steun van andere bewoners.',
};

const en: typeof nl = {
  'save.partlyAt': 'Partly saved at {time}',
  'save.partly': 'Your other changes have been saved. This has not been saved:',
  'save.partlyHint':
    'Please correct it at the field. As long as it has not been saved, we ask whether you really want to leave the page.',
  'save.partlyInSummary':
    'Your other changes have been saved. What is not filled in correctly below has not been saved yet.',
  'save.notSavedInSummary':
    'Your last change has not been saved. Below is what you need to correct.',
  'save.alsoInSummary': 'What is not filled in correctly below has not been saved either.',
  'leave.unsaved':
    'Not all of your changes have been saved. Do you want to leave this page? What has not been saved will be lost.',
  'total.overMax':
    'The total is higher than the maximum of this scheme: you are asking for {total}, the maximum is {max}.',
  'total.unclear.one': 'Line {lines} is not counted: its amount is unclear.',
  'total.unclear.other': 'Lines {lines} are not counted: their amounts are unclear.',
  'row.removed': '{item} has been removed.',
  'question.shown': 'A question has been added: ‘{label}’.',
  'question.hidden': 'The question ‘{label}’ is no longer needed and has been removed.',
  'step.shown': 'A step has been added: ‘{title}’.',
  'step.hidden': 'The step ‘{title}’ is no longer needed and will be skipped.',
  'attachments.added.one': '{names} has been added.',
  'attachments.added.other': '{names} have been added.',
  'attachments.ready.one':
    '{names} is ready. It has not been sent yet: that happens with the ‘{button}’ button.',
  'attachments.ready.other':
    '{names} are ready. They have not been sent yet: that happens with the ‘{button}’ button.',
  'leave.unsent':
    'You have not sent this form yet. Do you want to leave this page? What you filled in and added will be lost.',
  'supporters.counted':
    'Counted now: {n}. Needed: at least {count} residents aged {minAge} or older.',
  'supporters.enough':
    'Counted now: {n}. That is enough: at least {count} residents aged {minAge} or older are needed.',
  'supporters.tooYoung.one': 'Line {lines} is not counted: younger than {minAge}.',
  'supporters.tooYoung.other': 'Lines {lines} are not counted: younger than {minAge}.',
  'supporters.noAge.one': 'Line {lines} is not counted yet: the age is not filled in.',
  'supporters.noAge.other': 'Lines {lines} are not counted yet: the age is not filled in.',
  'supporters.otherDistrict.one':
    'Line {lines} is not counted: by the postcode, this person does not live in {district}.',
  'supporters.otherDistrict.other':
    'Lines {lines} are not counted: by the postcode, these people do not live in {district}.',
  'supporters.noPostcode.one':
    'Line {lines} is not counted yet: the postcode is not filled in, and only residents of {district} count.',
  'supporters.noPostcode.other':
    'Lines {lines} are not counted yet: the postcode is not filled in, and only residents of {district} count.',
  'supporters.mark.heading': 'Counts',
  'supporters.mark.yes': 'Counts',
  'supporters.mark.no': 'Does not count',
  'supporters.why.applicant': 'This is the applicant.',
  'supporters.why.self': 'This is you. The scheme asks for the support of other residents.',
  'supporters.why.noAge': 'The age is not filled in.',
  'supporters.why.tooYoung': 'Younger than {minAge}.',
  'supporters.why.noPostcode': 'The postcode is not filled in.',
  'supporters.why.otherDistrict': 'By the postcode, does not live in {district}.',
  'supporters.why.unconfirmed': 'Has not confirmed (yet).',
  'supporters.byConfirmed':
    'These names no longer count: supporters were invited, and then only those who confirmed themselves count. See ‘{panel}’ below.',
  'supporters.byConfirmedAbove':
    'These names no longer count: supporters were invited, and then only those who confirmed themselves count. See ‘{panel}’ above.',
  'supporters.self.one':
    'Line {lines} is not counted: that is you. The scheme asks for the support of other residents.',
  'supporters.self.other':
    'Lines {lines} are not counted: that is you. The scheme asks for the support of other residents.',
  'supporters.applicant.one':
    'Line {lines} is not counted: that is the applicant, {name}. The scheme asks for the support of other residents.',
  'supporters.applicant.other':
    'Lines {lines} are not counted: that is the applicant, {name}. The scheme asks for the support of other residents.',
};

export const formMessages = { nl, en };
export type FormTextKey = keyof typeof nl;
type Base<K> = K extends `${infer B}.one` ? B : never;

/** The form's texts in the user's language: `f` for a text, `fn` for one with plural forms. */
export function useFormText() {
  const i18n = useI18n();
  const catalogue: Record<string, string> = formMessages[i18n.locale];
  const fill = (text: string, vars: Record<string, string | number>) =>
    text.replace(/\{(\w+)\}/g, (m, name: string) =>
      vars[name] === undefined ? m : String(vars[name]),
    );
  const f = (key: FormTextKey, vars: Record<string, string | number> = {}) =>
    fill(catalogue[key] ?? key, vars);
  const fn = (key: Base<FormTextKey>, n: number, vars: Record<string, string | number> = {}) =>
    fill(catalogue[`${key}.${n === 1 ? 'one' : 'other'}`] ?? key, {
      n: i18n.formatNumber(n),
      ...vars,
    });
  /** "2, 3 en 5" / "2, 3 and 5". */
  const list = (items: (string | number)[]) => formatList(items.map(String), i18n.locale);
  return { ...i18n, f, fn, list };
}
