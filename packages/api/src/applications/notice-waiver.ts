/**
 * The grounds on which no penalty is owed for a late decision (Awb 4:17 lid 6), in words for
 * staff (the choice, the case page) and for the applicant (her page, the decision letter).
 */
import { formatDate, type LocalizedText } from '@initiatief/engine';

export const NOTICE_WAIVERS = ['late_notice', 'not_interested', 'manifest'] as const;
export type NoticeWaiver = (typeof NOTICE_WAIVERS)[number];

/** The ground as staff choose it. */
export const WAIVER_LABEL: Record<NoticeWaiver, LocalizedText> = {
  late_notice: {
    nl: 'De ingebrekestelling kwam onredelijk laat (artikel 4:17, zesde lid, onder a, Awb)',
    en: 'The notice of default came unreasonably late (article 4:17(6)(a) Awb)',
  },
  not_interested: {
    nl: 'De aanvrager is geen belanghebbende (artikel 4:17, zesde lid, onder b, Awb)',
    en: 'The applicant is not an interested party (article 4:17(6)(b) Awb)',
  },
  manifest: {
    nl: 'De aanvraag was kennelijk niet-ontvankelijk of kennelijk ongegrond (artikel 4:17, zesde lid, onder c, Awb)',
    en: 'The application was manifestly inadmissible or manifestly unfounded (article 4:17(6)(c) Awb)',
  },
};

/** The ground as a sentence to the applicant. */
export const WAIVER_SENTENCE: Record<NoticeWaiver, LocalizedText> = {
  late_notice: {
    nl: 'u heeft ons onredelijk laat in gebreke gesteld (artikel 4:17, zesde lid, onder a, van de Algemene wet bestuursrecht).',
    en: 'you gave us notice of default unreasonably late (article 4:17(6)(a) of the General Administrative Law Act).',
  },
  not_interested: {
    nl: 'u bent geen belanghebbende bij het besluit waarom u vroeg (artikel 4:17, zesde lid, onder b, van de Algemene wet bestuursrecht).',
    en: 'you are not an interested party in the decision you asked for (article 4:17(6)(b) of the General Administrative Law Act).',
  },
  manifest: {
    nl: 'uw aanvraag was kennelijk niet-ontvankelijk of kennelijk ongegrond (artikel 4:17, zesde lid, onder c, van de Algemene wet bestuursrecht).',
    en: 'your application was manifestly inadmissible or manifestly unfounded (article 4:17(6)(c) of the General Administrative Law Act).',
  },
};

/** What the case page and her page say once the decision set that none is owed. */
export function waiverWords(
  ground: NoticeWaiver,
  setOn: string,
): { explanation: LocalizedText; forApplicant: LocalizedText } {
  return {
    explanation: {
      nl: `Geen dwangsom verschuldigd, vastgesteld bij besluit op ${formatDate(setOn, 'nl')}: ${lowerFirst(WAIVER_LABEL[ground].nl)}.`,
      en: `No penalty owed, set by decision on ${formatDate(setOn, 'en')}: ${lowerFirst(WAIVER_LABEL[ground].en)}.`,
    },
    forApplicant: {
      nl: `Op ${formatDate(setOn, 'nl')} hebben wij besloten dat u geen dwangsom van ons krijgt, omdat ${WAIVER_SENTENCE[ground].nl}`,
      en: `On ${formatDate(setOn, 'en')} we decided that we owe you no penalty, because ${WAIVER_SENTENCE[ground].en}`,
    },
  };
}

const lowerFirst = (s: string) => s.charAt(0).toLowerCase() + s.slice(1);
