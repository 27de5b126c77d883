/**
 * The print queue's refusals as whoever handles the post reads them: in Dutch and English
 * (`text`, `detail` its English), dates written out, never a code.
 */
import { formatDate } from '@initiatief/engine';
import { type AppError, refusedIn } from '../errors';

/** One batch a day: today's went already, so what waits now goes tomorrow. */
export function postedToday(): AppError {
  return refusedIn('conflict', {
    nl: 'De postbatch van vandaag is al gepost. De brieven die nu wachten, gaan mee in de postbatch van morgen.',
    en: "Today's print batch has already been posted. The letters that wait now go in tomorrow's batch.",
  });
}

/** Nothing to put in a batch: `waiting` letters wait, none with a postal address. */
export function nothingToPrint(waiting: number): AppError {
  if (waiting === 0) {
    return refusedIn('conflict', {
      nl: 'Er wachten geen brieven om af te drukken en te posten.',
      en: 'No letters are waiting to be printed and posted.',
    });
  }
  return refusedIn('conflict', {
    nl:
      waiting === 1
        ? 'Er wacht 1 brief, maar van de bewoner is nog geen postadres bekend.'
        : `Er wachten ${waiting} brieven, maar van de bewoners is nog geen postadres bekend.`,
    en:
      waiting === 1
        ? '1 letter waits, but its resident has no postal address yet.'
        : `${waiting} letters wait, but their residents have no postal address yet.`,
  });
}

export function batchPostedAlready(): AppError {
  return refusedIn('conflict', {
    nl: 'Deze postbatch is al gemeld als gepost.',
    en: 'This batch has already been marked as posted.',
  });
}

/** A batch of an earlier day (`postingDate`, yyyy-mm-dd): its letters would carry that date. */
export function batchOfAnotherDay(postingDate: string): AppError {
  return refusedIn('conflict', {
    nl:
      `Deze postbatch is van ${formatDate(postingDate, 'nl')}; de brieven zouden een verkeerde ` +
      'datum krijgen. Maak de postbatch van vandaag en druk die af.',
    en:
      `This batch is dated ${formatDate(postingDate, 'en')}; its letters would carry the wrong ` +
      "date. Make today's batch and print that instead.",
  });
}

export function letterWithheldAlready(): AppError {
  return refusedIn('conflict', {
    nl: 'Deze brief is al tegengehouden: hij wordt niet verstuurd.',
    en: 'This letter has already been withheld: it will not be sent.',
  });
}

export function letterPostedAlready(): AppError {
  return refusedIn('conflict', {
    nl: 'Deze brief is al op de post gedaan en kan niet meer worden tegengehouden.',
    en: 'This letter has already been posted and can no longer be withheld.',
  });
}

/** A decision takes effect only once it is sent (Awb 3:41); a later decision changes it. */
export function decisionNeverWithheld(): AppError {
  return refusedIn('conflict', {
    nl:
      'Een besluit wordt nooit tegengehouden: het werkt pas als het is verzonden (Awb 3:41). ' +
      'Een later besluit verandert het.',
    en:
      'A decision is never withheld: it takes effect only when it is sent (Awb 3:41). ' +
      'A later decision changes it.',
  });
}
