import { audienceEn, audienceNl } from './editor-audience-messages';
import { checkEn, checkNl } from './editor-check-messages';
import { choiceEn, choiceNl } from './editor-choice-messages';
import { conditionEn, conditionNl } from './editor-condition-messages';
import { districtEn, districtNl } from './editor-district-messages';
import { listEn, listNl } from './editor-list-messages';
import { questionConditionEn, questionConditionNl } from './editor-question-condition-messages';
import { sectionEn, sectionNl } from './editor-section-messages';
import { senderEn, senderNl } from './editor-sender-messages';

/**
 * More texts of the definition editor (a guard's name, form pages, payload kinds, order of
 * conditions and actions, removed parts in the diagram, a step's "at least one of" rule, and a
 * field's condition from editor-condition-messages.ts, a list's own questions from
 * editor-list-messages.ts, a choice list's choices from editor-choice-messages.ts, a step field for
 * staff only from editor-audience-messages.ts, the team that sends the letters from
 * editor-sender-messages.ts, the supporters' postcodes per district from
 * editor-district-messages.ts), merged into
 * useEditorText(); kept apart so editor-messages.ts stays small. Dutch is the source.
 */
export const moreNl = {
  ...conditionNl,
  ...questionConditionNl,
  ...listNl,
  ...choiceNl,
  ...checkNl,
  ...sectionNl,
  ...audienceNl,
  ...senderNl,
  ...districtNl,
  'diff.steps': 'Stappen',
  'guard.activityDateReached': 'De dag van de activiteit is aangebroken',
  'order.states':
    'In deze volgorde tonen de werkvoorraad, de filters en het schema de statussen. Verplaats een status met de knoppen omhoog en omlaag.',
  'order.events':
    'Verplaats een stap met de knoppen omhoog en omlaag; de volgorde wordt met het concept bewaard.',
  'delays.labelNl': 'Naam van de termijn (Nederlands)',
  'delays.labelEn': 'Naam van de termijn (Engels)',
  'general.title': 'Naam, omschrijving, kenmerk en afzender',
  'general.intro':
    'Zo heet de regeling voor bewoners en medewerkers. Het kenmerk staat boven elke brief en mail over een aanvraag.',
  'general.titleNl': 'Naam (Nederlands)',
  'general.titleEn': 'Naam (Engels)',
  'general.descriptionNl': 'Omschrijving (Nederlands)',
  'general.descriptionEn': 'Omschrijving (Engels)',
  'general.prefix': 'Letters vóór het kenmerk',
  'general.prefixHelp':
    'Twee tot vijf hoofdletters. Een nieuwe aanvraag krijgt dan een kenmerk als {example}. Aanvragen die al bestaan houden hun kenmerk.',
  'pages.title': 'Pagina’s van het formulier',
  'pages.intro':
    'Het formulier wordt in deze pagina’s en in deze volgorde getoond. Bij elke vraag kiest u op welke pagina die staat.',
  'pages.page': 'Pagina {n}: {title}',
  'pages.titleNl': 'Titel (Nederlands)',
  'pages.titleEn': 'Titel (Engels)',
  'pages.staffTitleNl': 'Titel voor medewerkers (Nederlands)',
  'pages.staffTitleEn': 'Titel voor medewerkers (Engels)',
  'pages.staffTitleHint':
    'Staat boven de antwoorden van deze pagina voor medewerkers en voor wie namens de aanvrager invult, zoals ‘Het initiatief’ bij ‘Uw initiatief’. Leeg: de titel.',
  'pages.introNl': 'Inleiding (Nederlands)',
  'pages.introEn': 'Inleiding (Engels)',
  'pages.fields': 'Vragen op deze pagina: {fields}',
  'pages.empty':
    'Deze pagina heeft nog geen vragen. Verplaats een vraag hierheen of verwijder de pagina.',
  'pages.remove': 'Pagina {title} verwijderen',
  'pages.newNl': 'Titel van de nieuwe pagina (Nederlands)',
  'pages.newEn': 'Titel van de nieuwe pagina (Engels)',
  'pages.newFirst': 'Eerste vraag op de nieuwe pagina',
  'pages.add': 'Pagina maken',
  'ftype.string': 'Korte tekst',
  'options.title': 'Keuzes bij {field}',
  'options.nl': 'Keuze {n} (Nederlands)',
  'options.en': 'Keuze {n} (Engels)',
  'options.remove': 'Keuze {option} verwijderen',
  'options.new': 'Nieuwe keuze (Nederlands)',
  'options.add': 'Keuze toevoegen',
  'options.none': 'Nog geen keuzes: voeg er minstens één toe.',
  'tr.up': '{what} omhoog',
  'tr.down': '{what} omlaag',
  'tr.moved': '{what} staat nu op plaats {n} van {total}.',
  'diagram.removed': 'verwijderd',
  'diagram.legend': 'Legenda',
  'diagram.legendNew': 'Groen met “nieuw”: toegevoegd ten opzichte van de vergeleken versie.',
  'diagram.legendRemoved':
    'Rood gestreept en doorgehaald met “verwijderd”: stond in de vergeleken versie, maar niet meer in deze.',
  'diagram.legendTimer': 'Gestreepte grijze pijl: een termijn die afloopt.',
  'diagram.changed': 'gewijzigd',
  'diagram.legendChanged':
    'Groen met “gewijzigd”: een status of overgang die er al was, maar waarvan de naam, de handelingen of de tekst van een brief of mail die zij verstuurt is gewijzigd.',
  'diagram.textChanges': 'Gewijzigde teksten van brieven en mails:',
  'diagram.letter': 'Brief “{name}”',
  'diagram.mail': 'Mail “{name}”',
  'diagram.textUsedBy': '{what}, verstuurd bij {where}',
  'diagram.textUnused': '{what}, door geen overgang in het schema verstuurd',
  'diagram.stays': '{step} (blijft in {state})',
  'diagram.removedStates': 'Verwijderde statussen: {states}.',
  'diagram.removedSteps': 'Verwijderde overgangen: {steps}.',
  'rule.title': 'Minstens één van deze velden invullen',
  'rule.help':
    'Vink twee of meer velden aan als wie {event} zet er minstens één van moet invullen, bijvoorbeeld een toelichting of een bijlage: één ervan is dan genoeg. Vink alles uit om deze regel weg te halen.',
  'rule.tooFew':
    'Heeft deze stap twee of meer velden, dan kunt u hier kiezen dat er minstens één van ingevuld moet worden.',
  'rule.gone': '{field} (geen veld van deze stap meer)',
  'rule.says': 'Wie geen van deze velden invult, krijgt te lezen: “{sentence}”',
  'form.code': 'Toon als code, zonder scheidingsteken (bijvoorbeeld een jaartal of huisnummer)',
  'form.staffLabelNl': 'Vraag voor medewerkers (Nederlands)',
  'form.staffLabelEn': 'Vraag voor medewerkers (Engels)',
  'form.staffLabelHint':
    'Staat bij het antwoord voor medewerkers en voor wie namens de aanvrager invult, zoals ‘Naam van het initiatief’ bij ‘Naam van uw initiatief’. Leeg: de vraag.',
};

export const moreEn: Record<keyof typeof moreNl, string> = {
  ...conditionEn,
  ...questionConditionEn,
  ...listEn,
  ...choiceEn,
  ...checkEn,
  ...sectionEn,
  ...audienceEn,
  ...senderEn,
  ...districtEn,
  'diff.steps': 'Steps',
  'guard.activityDateReached': 'The day of the activity has come',
  'order.states':
    'The queue, the filters and the diagram show the statuses in this order. Move a status with the up and down buttons.',
  'order.events': 'Move a step with the up and down buttons; the order is kept with the draft.',
  'delays.labelNl': 'Name of the time limit (Dutch)',
  'delays.labelEn': 'Name of the time limit (English)',
  'general.title': 'Name, description, reference and sender',
  'general.intro':
    'This is what residents and staff call the scheme. The reference heads every letter and mail about an application.',
  'general.titleNl': 'Name (Dutch)',
  'general.titleEn': 'Name (English)',
  'general.descriptionNl': 'Description (Dutch)',
  'general.descriptionEn': 'Description (English)',
  'general.prefix': 'Letters before the reference',
  'general.prefixHelp':
    'Two to five capital letters. A new application then gets a reference such as {example}. Existing applications keep theirs.',
  'pages.title': 'Pages of the form',
  'pages.intro':
    'The form is shown in these pages, in this order. For each question you choose the page it is on.',
  'pages.page': 'Page {n}: {title}',
  'pages.titleNl': 'Title (Dutch)',
  'pages.titleEn': 'Title (English)',
  'pages.staffTitleNl': 'Title for staff (Dutch)',
  'pages.staffTitleEn': 'Title for staff (English)',
  'pages.staffTitleHint':
    'Heads the answers of this page for staff and for whoever fills in for the applicant, such as ‘The initiative’ for ‘Your initiative’. Empty: the title.',
  'pages.introNl': 'Introduction (Dutch)',
  'pages.introEn': 'Introduction (English)',
  'pages.fields': 'Questions on this page: {fields}',
  'pages.empty': 'This page has no questions yet. Move a question here or remove the page.',
  'pages.remove': 'Remove page {title}',
  'pages.newNl': 'Title of the new page (Dutch)',
  'pages.newEn': 'Title of the new page (English)',
  'pages.newFirst': 'First question on the new page',
  'pages.add': 'Create page',
  'ftype.string': 'Short text',
  'options.title': 'Choices for {field}',
  'options.nl': 'Choice {n} (Dutch)',
  'options.en': 'Choice {n} (English)',
  'options.remove': 'Remove choice {option}',
  'options.new': 'New choice (Dutch)',
  'options.add': 'Add choice',
  'options.none': 'No choices yet: add at least one.',
  'tr.up': 'Move {what} up',
  'tr.down': 'Move {what} down',
  'tr.moved': '{what} is now at place {n} of {total}.',
  'diagram.removed': 'removed',
  'diagram.legend': 'Legend',
  'diagram.legendNew': 'Green with “new”: added compared with the version it is compared with.',
  'diagram.legendRemoved':
    'Red, dashed and struck through with “removed”: in the version it is compared with, but no longer in this one.',
  'diagram.legendTimer': 'Dashed grey arrow: a time limit that runs out.',
  'diagram.changed': 'changed',
  'diagram.legendChanged':
    'Green with “changed”: a status or transition that was there already, but whose name, actions or the text of a letter or mail it sends has changed.',
  'diagram.textChanges': 'Changed texts of letters and mails:',
  'diagram.letter': 'Letter “{name}”',
  'diagram.mail': 'Mail “{name}”',
  'diagram.textUsedBy': '{what}, sent at {where}',
  'diagram.textUnused': '{what}, sent by no transition in the diagram',
  'diagram.removedStates': 'Removed states: {states}.',
  'diagram.stays': '{step} (stays in {state})',
  'diagram.removedSteps': 'Removed transitions: {steps}.',
  'rule.title': 'Fill in at least one of these fields',
  'rule.help':
    'Tick two or more fields if whoever takes {event} must fill in at least one of them, for example an explanation or an attachment: one of them is then enough. Untick all to remove this rule.',
  'rule.tooFew':
    'Once this step has two or more fields, you can choose here that at least one of them must be filled in.',
  'rule.gone': '{field} (no longer a field of this step)',
  'rule.says': 'Whoever fills in none of these fields reads: “{sentence}”',
  'form.code': 'Show as a code, without a thousands separator (for example a year or house number)',
  'form.staffLabelNl': 'Question for staff (Dutch)',
  'form.staffLabelEn': 'Question for staff (English)',
  'form.staffLabelHint':
    'Shown with the answer for staff and for whoever fills in for the applicant, such as ‘Name of the initiative’ for ‘Name of your initiative’. Empty: the question.',
};
