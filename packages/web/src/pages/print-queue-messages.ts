import { useAreaText } from '../i18n/area-text';
import { registerLabelTexts } from '../i18n/label-words';

/**
 * The texts of the print queue and of withholding a letter (staff only), kept beside them so a
 * resident's pages do not download them.
 * Dutch is the source; English has the same keys.
 */
const nl = {
  'post.title': 'Post: brieven op papier',
  'post.intro':
    'Brieven aan bewoners die post hebben gekozen of geen e-mailadres hebben. Maak één postbatch per dag, druk hem af (dubbelzijdig mag: elke brief begint op een nieuw vel), doe de brieven in vensterenveloppen en meld de batch als gepost. De brieven krijgen de datum van die dag; de bezwaartermijn loopt vanaf de dag erna. Brieven die klaarkomen als de batch van vandaag al gepost is, gaan mee in die van morgen.',
  'post.waiting': 'Wachten op de post',
  'post.waitingCaption': 'Brieven die nog niet gepost zijn, oudste eerst',
  'post.none': 'Er wachten geen brieven op de post.',
  'post.reference': 'Kenmerk',
  'post.recipient': 'Geadresseerde',
  'post.subject': 'Onderwerp',
  'post.inBatch': 'In postbatch',
  'post.notInBatch': 'Nog niet afgedrukt',
  'post.addressMissing':
    'Geen postadres bekend. Vraag de bewoner om het adres (telefoon of balie) en leg het hieronder vast; zonder adres gaat de brief niet mee in de postbatch.',
  'post.waitsForAddress': 'Wacht op een adres',
  'post.createBatch': 'Maak de postbatch van vandaag',
  'post.addToBatch': 'Voeg de wachtende brieven toe aan de postbatch van vandaag',
  'post.addHint':
    'Is de postbatch van vandaag al afgedrukt? Voeg dan niets toe: deze brieven gaan morgen mee.',
  'post.todayPosted':
    'De postbatch van vandaag is gepost. De brieven die nu wachten, gaan mee in de postbatch van morgen.',
  'post.created.one': 'De postbatch van {date} is klaar met {n} brief. Download en druk hem af.',
  'post.created.other':
    'De postbatch van {date} is klaar met {n} brieven. Download en druk hem af.',
  'post.batches': 'Postbatches',
  'post.batchesCaption': 'Postbatches, nieuwste eerst',
  'post.batchNone': 'Er zijn nog geen postbatches.',
  'post.postingDate': 'Postdatum',
  'post.letters': 'Brieven',
  'post.status': 'Status',
  'post.status.open': 'Nog niet gepost',
  'post.status.stale': 'Niet gepost; de brieven gaan mee in de volgende postbatch',
  'post.status.posted': 'Gepost',
  'post.download': 'Download PDF',
  'post.downloadNamed': 'Download PDF van de postbatch van {date}',
  'post.markPosted': 'Gepost',
  'post.markPostedNamed': 'Meld de postbatch van {date} als gepost',
  'post.posted':
    'De postbatch van {date} is gemeld als gepost. De brieven tellen als verzonden op {date}.',
  'post.markPostedQuestion.one':
    'Is de brief van de postbatch van {date} op de post gedaan? Hij krijgt de datum {date}; de termijnen in de brief, zoals die voor bezwaar, tellen vanaf dan. Dit kan niet ongedaan worden gemaakt.',
  'post.markPostedQuestion.other':
    'Zijn alle {n} brieven van de postbatch van {date} op de post gedaan? Ze krijgen de datum {date}; de termijnen in de brieven, zoals die voor bezwaar, tellen vanaf dan. Dit kan niet ongedaan worden gemaakt.',
  'post.allInBatch':
    'Alle wachtende brieven zitten in de postbatch van vandaag. Download en druk hem af, en meld hem als gepost zodra de brieven op de post zijn.',
  'post.withhold': 'Niet versturen',
  'post.withholdNamed': 'Brief niet versturen: {letter}',
  'post.withholdReason': 'Waarom gaat deze brief niet mee?',
  'post.withholdReasonHint':
    'Bijvoorbeeld: de aanvulling is al aan de balie afgegeven. Dit komt in de geschiedenis van de aanvraag; de inwoner ziet het niet.',
  'post.withholdReasonMissing': 'Vul in waarom de brief niet meegaat.',
  'post.withholdConfirm': 'Brief niet versturen',
  'post.withholdCancel': 'Annuleren',
  'post.withheld': 'De brief {letter} gaat niet mee met de post.',
  'post.withheldReprint':
    'Hij zat in de postbatch van vandaag. Heeft u die al afgedrukt? Download hem dan opnieuw en druk hem opnieuw af.',
  'post.overtaken':
    'Na deze brief is de status van de aanvraag veranderd. Lees de brief na voordat hij meegaat.',
  'post.decisionGoes': 'Een besluit gaat altijd mee: het geldt pas als het verstuurd is.',
  'post.readLetter': 'Lees de brief',
  'post.readLetterNamed': 'Lees de brief: {letter}',
  'post.letterFor': '“{subject}” voor {name}',
  'post.action': 'Actie',
};

const en: Record<keyof typeof nl, string> = {
  'post.title': 'Post: paper letters',
  'post.intro':
    'Letters to residents who chose post or have no email address. Make one print batch a day, print it (double-sided is fine: every letter starts on a new sheet), put the letters in window envelopes and mark the batch as posted. The letters carry that day as their date; the objection period runs from the day after. Letters that arrive after today’s batch was posted go in tomorrow’s.',
  'post.waiting': 'Waiting for the post',
  'post.waitingCaption': 'Letters not yet posted, oldest first',
  'post.none': 'No letters are waiting for the post.',
  'post.reference': 'Reference',
  'post.recipient': 'Addressee',
  'post.subject': 'Subject',
  'post.inBatch': 'In print batch',
  'post.notInBatch': 'Not printed yet',
  'post.addressMissing':
    'No postal address known. Ask the resident for it (by phone or at the desk) and record it below; without an address the letter stays out of the print batch.',
  'post.waitsForAddress': 'Waiting for an address',
  'post.createBatch': "Make today's print batch",
  'post.addToBatch': "Add the waiting letters to today's print batch",
  'post.addHint':
    "Has today's print batch already been printed? Then add nothing: these letters go tomorrow.",
  'post.todayPosted':
    "Today's print batch has been posted. The letters waiting now go in tomorrow's print batch.",
  'post.created.one': 'The print batch of {date} is ready with {n} letter. Download and print it.',
  'post.created.other':
    'The print batch of {date} is ready with {n} letters. Download and print it.',
  'post.batches': 'Print batches',
  'post.batchesCaption': 'Print batches, newest first',
  'post.batchNone': 'There are no print batches yet.',
  'post.postingDate': 'Posting date',
  'post.letters': 'Letters',
  'post.status': 'Status',
  'post.status.open': 'Not posted yet',
  'post.status.stale': 'Not posted; its letters go in the next print batch',
  'post.status.posted': 'Posted',
  'post.download': 'Download PDF',
  'post.downloadNamed': 'Download PDF of the print batch of {date}',
  'post.markPosted': 'Posted',
  'post.markPostedNamed': 'Mark the print batch of {date} as posted',
  'post.posted':
    'The print batch of {date} is marked as posted. Its letters count as sent on {date}.',
  'post.markPostedQuestion.one':
    'Has the letter of the print batch of {date} been posted? It gets the date {date}; the periods in the letter, such as the one for objection, count from then. This cannot be undone.',
  'post.markPostedQuestion.other':
    'Have all {n} letters of the print batch of {date} been posted? They get the date {date}; the periods in the letters, such as the one for objection, count from then. This cannot be undone.',
  'post.allInBatch':
    "All waiting letters are in today's print batch. Download and print it, and mark it as posted once the letters are in the post.",
  'post.withhold': 'Do not send',
  'post.withholdNamed': 'Do not send the letter: {letter}',
  'post.withholdReason': 'Why does this letter not go?',
  'post.withholdReasonHint':
    'For example: the supplement was already handed in at the desk. This goes into the application’s history; the resident does not see it.',
  'post.withholdReasonMissing': 'Say why the letter does not go.',
  'post.withholdConfirm': 'Do not send the letter',
  'post.withholdCancel': 'Cancel',
  'post.withheld': 'The letter {letter} does not go in the post.',
  'post.withheldReprint':
    'It was in today’s print batch. Did you print that already? Then download it again and print it again.',
  'post.overtaken':
    'The application’s state changed after this letter. Read the letter again before it goes.',
  'post.decisionGoes': 'A decision always goes: it takes effect only once it is sent.',
  'post.readLetter': 'Read the letter',
  'post.readLetterNamed': 'Read the letter: {letter}',
  'post.letterFor': '“{subject}” for {name}',
  'post.action': 'Action',
};

export const postTexts = { nl, en } as const;

registerLabelTexts(postTexts);

/** The shared i18n, its `t` and `tn` knowing these texts too. */
export function usePostText() {
  return useAreaText(postTexts);
}
