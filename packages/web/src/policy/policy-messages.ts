import { useI18n } from '../i18n/i18n';
import { pluralOf } from '../i18n/numbers';
import { migEn, migNl } from './policy-migration-list-messages';
import { regsEn, regsNl } from './policy-regulations-messages';
import { reportsEn, reportsNl } from './policy-reports-messages';
import { simEn, simNl } from './policy-simulator-messages';

/**
 * The texts of the policy pages, kept beside them so the shared catalogue is not edited by two
 * people at once. Same style as src/i18n/messages.ts: Dutch is the source, English has the same
 * keys, `{name}` placeholders.
 */
const nl = {
  'nav.definitions': 'Werkprocessen',
  'nav.regulations': 'Regelingen en budget',
  'nav.reports': 'Rapportages',
  'sub.label': 'Beleid',

  'common.version': 'Versie {version}',
  'common.status.draft': 'Concept',
  'common.status.proposed': 'Concept, wacht op een tweede beleidsmedewerker',
  'common.status.published': 'Gepubliceerd',
  'common.status.retired': 'Ingetrokken',
  'common.save': 'Opslaan',
  'common.saved': 'Opgeslagen.',
  'common.cancel': 'Annuleren',
  'common.remove': 'Verwijderen',
  'common.add': 'Toevoegen',
  'common.none': 'Geen',
  'common.yes': 'Ja',
  'common.no': 'Nee',

  'defs.title': 'Werkprocessen',
  'defs.intro':
    'Hier legt u vast hoe een aanvraag door de organisatie gaat: de statussen, wie welke stap mag zetten, termijnen en de teksten van brieven en mails. Een gepubliceerde versie verandert nooit meer; wijzigingen maakt u in een nieuw concept.',
  'defs.caption': 'Versies van werkprocessen',
  'defs.name': 'Werkproces',
  'defs.version': 'Versie',
  'defs.status': 'Status',
  'defs.published': 'Gepubliceerd op',
  'defs.use': 'In gebruik',
  'defs.useText': '{regulations}, {active}',
  'defs.useTextNotApproved': '{regulations} ({notApproved} nog niet goedgekeurd), {active}',
  'defs.regulations.one': '{n} regeling',
  'defs.regulations.other': '{n} regelingen',
  'defs.running.one': '{n} lopende aanvraag',
  'defs.running.other': '{n} lopende aanvragen',
  'defs.open': 'Open versie {version}',
  'defs.newDraft': 'Nieuw concept van versie {version}',
  'defs.migrate': 'Aanvragen overzetten',
  'defs.draftCreated': 'Concept versie {version} is gemaakt.',

  'editor.title': '{name}, versie {version}',
  'editor.readOnly':
    'Deze versie is {status} en kan niet meer veranderen. Maak een nieuw concept om iets te wijzigen.',
  'editor.sections': 'Onderdelen',
  'editor.forms': 'Formulier',
  'editor.json': 'JSON',
  'editor.jsonLabel': 'De definitie als JSON',
  'editor.jsonHint': 'Wijzigingen hier en in het formulier gaan over en weer.',
  'editor.jsonInvalid': 'Dit is geen geldige JSON: {message}',
  'editor.problems': 'Controle',
  'editor.problemsOk': 'Geen problemen gevonden. Deze versie kan gepubliceerd worden.',
  'editor.problemsOk.published': 'Geen problemen gevonden. Deze versie is gepubliceerd.',
  'editor.problemsOk.retired': 'Geen problemen gevonden. Deze versie is ingetrokken.',
  'editor.problemsCount.one': '{n} probleem gevonden.',
  'editor.problemsCount.other': '{n} problemen gevonden.',
  'editor.save': 'Concept opslaan',
  'editor.saved': 'Concept opgeslagen om {time}.',
  'editor.notSaved': 'Het concept is niet opgeslagen.',
  'editor.discard': 'Concept weggooien',
  'editor.discardQuestion':
    'Concept versie {version} weggooien? Wat in dit concept is veranderd, gaat verloren.',
  'editor.discarded': 'Het concept is weggegooid.',
  'editor.publish': 'Publiceren…',
  'editor.publishTitle': 'Publiceren: wat verandert er?',
  'editor.publishAgainst': 'Vergeleken met versie {version}.',
  'editor.publishFirst': 'Er is nog geen eerdere gepubliceerde versie.',
  'editor.publishConfirm': 'Ja, publiceer versie {version}',
  'editor.publishWhatNext':
    'Publiceren verandert nog niets aan aanvragen. Nieuwe aanvragen starten op deze versie zodra een regeling erop is gezet (bij ‘Regelingen en budget’, ook met een tweede beleidsmedewerker). Lopende aanvragen zet u over met ‘Aanvragen overzetten’.',
  'editor.published':
    'Versie {version} is gepubliceerd. Kies bij de regelingen welke versie nieuwe aanvragen gebruiken.',
  'editor.retire': 'Intrekken',
  'editor.retireQuestion':
    'Versie {version} intrekken? Nieuwe regelingen kunnen deze versie dan niet meer kiezen. Aanvragen die er al op lopen, gaan gewoon door.',
  'editor.retired': 'Versie {version} is ingetrokken.',
  'editor.unsaved': 'Er zijn wijzigingen die nog niet zijn opgeslagen.',
  'editor.fixFirst': 'Los eerst de problemen op voordat u publiceert.',

  'states.title': 'Statussen en overgangen',
  'states.labelNl': 'Naam (Nederlands)',
  'states.labelEn': 'Naam (Engels)',
  'states.type': 'Soort',
  'states.type.atomic': 'Tussenstatus',
  'states.type.final': 'Eindstatus',
  'states.editable': 'Aanvrager mag de gegevens wijzigen',
  'states.initial': 'Beginstatus',
  'states.transitions': 'Overgangen vanuit {state}',
  'states.event': 'Stap',
  'states.target': 'Naar status',
  'states.guards': 'Voorwaarden',
  'states.timer': 'Termijn: {delay}',
  'states.always': 'Direct',
  'states.noTransitions': 'Geen overgangen: dit is een eindpunt.',
  'states.new': 'Nieuwe status',
  'states.newName': 'Naam van de nieuwe status (Nederlands)',
  'states.newHint': 'Kleine letters, cijfers en _.',
  'states.removeNamed': 'Status {state} verwijderen',
  'states.addTransition': 'Overgang toevoegen',
  'states.removeTransition': 'Overgang {event} verwijderen',

  'events.title': 'Wie mag welke stap zetten',
  'events.roles': 'Rollen voor {event}',
  'events.labelNl': 'Naam van de stap (Nederlands)',
  'events.labelEn': 'Naam van de stap (Engels)',

  'delays.title': 'Termijnen',
  'delays.intro':
    'Wanneer een termijn verloopt, zet het systeem zelf de volgende stap (bijvoorbeeld een herinnering of buiten behandeling stellen).',
  'delays.kind.decisionDue': 'Rond de uiterste beslisdatum',
  'delays.kind.supplementDue': 'Einde van de aanvullingstermijn',
  'delays.kind.reportDue': 'Rond de uiterste datum voor de verantwoording',
  'delays.kind.days': 'Een aantal dagen na binnenkomst in de status',
  'delays.offsetDays': 'Dagen ten opzichte van die datum ({delay})',
  'delays.offsetHint': 'Negatief is eerder, bijvoorbeeld -7 voor een week ervoor.',
  'delays.days': 'Aantal dagen ({delay})',

  'texts.title': 'Teksten van brieven en mails',
  'texts.letters': 'Brieven',
  'texts.mails': 'Mails',
  'texts.placeholders': 'U kunt deze invulvelden gebruiken: {list}',
  'texts.subject': 'Onderwerp ({lang})',
  'texts.body': 'Tekst ({lang})',
  'texts.lang.nl': 'Nederlands',
  'texts.lang.en': 'Engels',

  'roles.applicant': 'Aanvrager',
  'roles.clerk': 'Medewerker dienstverlening',
  'roles.assessor': 'Behandelaar',
  'roles.approver': 'Tweede beoordelaar (besluit)',
  'roles.policy': 'Beleidsmedewerker',
  'roles.admin': 'Beheerder',

  'diagram.new': 'nieuw',
  'diagram.compared':
    'Wat nieuw is ten opzichte van versie {version}, staat in het groen met “nieuw”.',
  'diagram.title': 'Schema van het werkproces',
  'diagram.desc':
    '{states} statussen en {transitions} overgangen. De beginstatus is {initial}.{current}',
  'diagram.current': ' De huidige status is {state}.',
  'diagram.currentMark': 'huidige status',
  'diagram.loading': 'Schema wordt getekend…',
  'diagram.failed': 'Het schema kon niet worden getekend. De beschrijving hieronder is volledig.',
  'diagram.text': 'Het schema als tekst',
  'diagram.from': 'Status',
  'diagram.to': 'Kan naar',
  'diagram.final': 'eindstatus',
  'diagram.appTitle': 'Aanvraag {reference} in het werkproces',
  'diagram.appIntro': 'Versie {version} van {name}. De huidige status is {state}.',
  'diagram.zoom': 'Grootte van het schema',
  'diagram.zoomIn': 'Inzoomen',
  'diagram.zoomOut': 'Uitzoomen',
  'diagram.zoomFit': 'Passend in de breedte',
  'diagram.zoomLevel': 'Schema op {percent}%.',
  ...simNl,
  ...reportsNl,
  ...regsNl,
  ...migNl,
} as const;

export type PolicyMessageKey = keyof typeof nl;

const en: Record<PolicyMessageKey, string> = {
  'nav.definitions': 'Workflows',
  'nav.regulations': 'Schemes and budget',
  'nav.reports': 'Reports',
  'sub.label': 'Policy',

  'common.version': 'Version {version}',
  'common.status.draft': 'Draft',
  'common.status.proposed': 'Draft, waiting for a second policy officer',
  'common.status.published': 'Published',
  'common.status.retired': 'Retired',
  'common.save': 'Save',
  'common.saved': 'Saved.',
  'common.cancel': 'Cancel',
  'common.remove': 'Remove',
  'common.add': 'Add',
  'common.none': 'None',
  'common.yes': 'Yes',
  'common.no': 'No',

  'defs.title': 'Workflows',
  'defs.intro':
    'Here you set how an application moves through the organisation: its statuses, who may take which step, time limits and the texts of letters and mails. A published version never changes again; make changes in a new draft.',
  'defs.caption': 'Workflow versions',
  'defs.name': 'Workflow',
  'defs.version': 'Version',
  'defs.status': 'Status',
  'defs.published': 'Published on',
  'defs.use': 'In use',
  'defs.useText': '{regulations}, {active}',
  'defs.useTextNotApproved': '{regulations} ({notApproved} not yet approved), {active}',
  'defs.regulations.one': '{n} scheme',
  'defs.regulations.other': '{n} schemes',
  'defs.running.one': '{n} running application',
  'defs.running.other': '{n} running applications',
  'defs.open': 'Open version {version}',
  'defs.newDraft': 'New draft from version {version}',
  'defs.migrate': 'Move applications',
  'defs.draftCreated': 'Draft version {version} has been created.',

  'editor.title': '{name}, version {version}',
  'editor.readOnly':
    'This version is {status} and can no longer change. Make a new draft to change anything.',
  'editor.sections': 'Parts',
  'editor.forms': 'Form',
  'editor.json': 'JSON',
  'editor.jsonLabel': 'The definition as JSON',
  'editor.jsonHint': 'Changes here and in the form go both ways.',
  'editor.jsonInvalid': 'This is not valid JSON: {message}',
  'editor.problems': 'Check',
  'editor.problemsOk': 'No problems found. This version can be published.',
  'editor.problemsOk.published': 'No problems found. This version has been published.',
  'editor.problemsOk.retired': 'No problems found. This version has been retired.',
  'editor.problemsCount.one': '{n} problem found.',
  'editor.problemsCount.other': '{n} problems found.',
  'editor.save': 'Save draft',
  'editor.saved': 'Draft saved at {time}.',
  'editor.notSaved': 'The draft was not saved.',
  'editor.discard': 'Discard draft',
  'editor.discardQuestion':
    'Discard draft version {version}? What was changed in this draft is lost.',
  'editor.discarded': 'The draft has been discarded.',
  'editor.publish': 'Publish…',
  'editor.publishTitle': 'Publish: what changes?',
  'editor.publishAgainst': 'Compared with version {version}.',
  'editor.publishFirst': 'There is no earlier published version yet.',
  'editor.publishConfirm': 'Yes, publish version {version}',
  'editor.publishWhatNext':
    'Publishing does not change any application yet. New applications start on this version once a scheme is moved to it (under ‘Schemes and budget’, also with a second policy officer). Running applications are moved with ‘Move applications’.',
  'editor.published':
    'Version {version} has been published. Choose under schemes which version new applications use.',
  'editor.retire': 'Retire',
  'editor.retireQuestion':
    'Retire version {version}? New schemes can then no longer choose it. Applications already running on it carry on.',
  'editor.retired': 'Version {version} has been retired.',
  'editor.unsaved': 'There are changes that have not been saved.',
  'editor.fixFirst': 'Solve the problems before publishing.',

  'states.title': 'Statuses and transitions',
  'states.labelNl': 'Name (Dutch)',
  'states.labelEn': 'Name (English)',
  'states.type': 'Kind',
  'states.type.atomic': 'Intermediate status',
  'states.type.final': 'Final status',
  'states.editable': 'The applicant may change the data',
  'states.initial': 'Initial status',
  'states.transitions': 'Transitions from {state}',
  'states.event': 'Step',
  'states.target': 'To status',
  'states.guards': 'Conditions',
  'states.timer': 'Time limit: {delay}',
  'states.always': 'Immediately',
  'states.noTransitions': 'No transitions: this is an end point.',
  'states.new': 'New status',
  'states.newName': 'Name of the new status (Dutch)',
  'states.newHint': 'Lower-case letters, digits and _.',
  'states.removeNamed': 'Remove status {state}',
  'states.addTransition': 'Add transition',
  'states.removeTransition': 'Remove transition {event}',

  'events.title': 'Who may take which step',
  'events.roles': 'Roles for {event}',
  'events.labelNl': 'Name of the step (Dutch)',
  'events.labelEn': 'Name of the step (English)',

  'delays.title': 'Time limits',
  'delays.intro':
    'When a time limit runs out, the system takes the next step itself (for example a reminder, or not considering an application).',
  'delays.kind.decisionDue': 'Around the decision deadline',
  'delays.kind.supplementDue': 'End of the period to supplement',
  'delays.kind.reportDue': 'Around the deadline for the final report',
  'delays.kind.days': 'A number of days after entering the status',
  'delays.offsetDays': 'Days relative to that date ({delay})',
  'delays.offsetHint': 'Negative is earlier, for example -7 for a week before.',
  'delays.days': 'Number of days ({delay})',

  'texts.title': 'Texts of letters and mails',
  'texts.letters': 'Letters',
  'texts.mails': 'Mails',
  'texts.placeholders': 'You can use these placeholders: {list}',
  'texts.subject': 'Subject ({lang})',
  'texts.body': 'Text ({lang})',
  'texts.lang.nl': 'Dutch',
  'texts.lang.en': 'English',

  'roles.applicant': 'Applicant',
  'roles.clerk': 'Service desk',
  'roles.assessor': 'Assessor',
  'roles.approver': 'Approver',
  'roles.policy': 'Policy officer',
  'roles.admin': 'Administrator',

  'diagram.new': 'new',
  'diagram.compared':
    'What is new compared with version {version} is shown in green, marked “new”.',
  'diagram.title': 'Diagram of the workflow',
  'diagram.desc':
    '{states} statuses and {transitions} transitions. The initial status is {initial}.{current}',
  'diagram.current': ' The current status is {state}.',
  'diagram.currentMark': 'current status',
  'diagram.loading': 'Drawing the diagram…',
  'diagram.failed': 'The diagram could not be drawn. The description below is complete.',
  'diagram.text': 'The diagram as text',
  'diagram.from': 'Status',
  'diagram.to': 'Can go to',
  'diagram.final': 'final status',
  'diagram.appTitle': 'Application {reference} in the workflow',
  'diagram.appIntro': 'Version {version} of {name}. The current status is {state}.',
  'diagram.zoom': 'Size of the diagram',
  'diagram.zoomIn': 'Zoom in',
  'diagram.zoomOut': 'Zoom out',
  'diagram.zoomFit': 'Fit to width',
  'diagram.zoomLevel': 'Diagram at {percent}%.',
  ...simEn,
  ...reportsEn,
  ...regsEn,
  ...migEn,
};

const catalogues = { nl, en } as const;

/** A role's name in words ("Behandelaar"); the role's code only when the catalogue has none. */
export function roleName(locale: 'nl' | 'en', role: string): string {
  return (catalogues[locale] as Record<string, string>)[`roles.${role}`] ?? role;
}

/** The shared i18n plus `p()` for the policy texts. */
export function usePolicyText() {
  const i18n = useI18n();
  const catalogue = catalogues[i18n.locale] as Record<PolicyMessageKey, string>;
  const p = (key: PolicyMessageKey, vars?: Record<string, string | number>) =>
    catalogue[key].replace(/\{(\w+)\}/g, (m, name: string) =>
      vars && name in vars ? String(vars[name]) : m,
    );
  /** The plural form for `n`: the catalogue holds `<key>.one` and `<key>.other`. */
  const pn = (key: PolicyPluralKey, n: number, vars?: Record<string, string | number>) => {
    const form = `${key}.${pluralOf(n)}` as PolicyMessageKey;
    return p(form in catalogue ? form : (`${key}.other` as PolicyMessageKey), { n, ...vars });
  };
  return { ...i18n, p, pn };
}

type PolicyPluralKey = PolicyMessageKey extends infer K
  ? K extends `${infer B}.one`
    ? B
    : never
  : never;
