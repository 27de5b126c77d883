import type { WorkflowDefinition } from '@initiatief/engine';
import type { LetterContent } from './letter.types';

/**
 * The sender block printed on every letter. It is copied into each letter's content when the
 * letter is issued, so changing it later never alters a letter that was already sent. The phone
 * number is not printed in the letterhead: the letter says it once, in a sentence (contactLine in
 * letter.content.ts).
 */
export const LETTERHEAD: Record<'nl' | 'en', LetterContent['sender']> = {
  nl: {
    organisation: 'Gemeente Rotterdam',
    department: 'Team Bewonersinitiatieven',
    addressLines: ['Postbus 70012', '3000 KP Rotterdam'],
    phone: '14 010',
    website: 'www.rotterdam.nl',
  },
  en: {
    organisation: 'City of Rotterdam (Gemeente Rotterdam)',
    department: 'Resident Initiatives team',
    addressLines: ['Postbus 70012', '3000 KP Rotterdam', 'The Netherlands'],
    phone: '14 010',
    website: 'www.rotterdam.nl',
  },
};

/**
 * The letterhead of a letter of the workflow `definition` (the version its application is pinned
 * to): LETTERHEAD with the team the definition names as its sender (`sender.department`), else the
 * default team above (versions published before the property existed). The team also signs the
 * shell's own texts (letter.content.ts). Null `definition`: the default letterhead.
 */
export function letterheadOf(
  definition: Pick<WorkflowDefinition, 'sender'> | null | undefined,
  language: 'nl' | 'en',
): LetterContent['sender'] {
  const own = definition?.sender?.department;
  const department = own?.[language]?.trim() || own?.nl?.trim();
  const standard = LETTERHEAD[language];
  return department ? { ...standard, department } : standard;
}

/**
 * The municipality's bank account a resident pays money back to (a reclaim at settlement,
 * `{{municipalityIban}}`), printed in groups of four as on a payment slip. Invented for this
 * project, like the postal address above: a valid-format IBAN (BNG Bank, check digits and the old
 * account number's eleven-test pass), NOT Rotterdam's real account. Check it with the
 * municipality's finance department (debiteurenbeheer) before production use. A letter stores
 * the account it named, so changing it later never alters a letter already sent.
 */
export const MUNICIPALITY_ACCOUNT = {
  iban: 'NL09 BNGH 0285 1700 07',
  holder: 'Gemeente Rotterdam',
} as const;

export const LABELS: Record<'nl' | 'en', LetterContent['labels']> = {
  nl: {
    date: 'Datum',
    reference: 'Ons kenmerk',
    subject: 'Onderwerp',
    contact: 'Contact',
    page: 'Pagina {page} van {pages}',
    documentTitle: 'Brief',
  },
  en: {
    date: 'Date',
    reference: 'Our reference',
    subject: 'Subject',
    contact: 'Contact',
    page: 'Page {page} of {pages}',
    documentTitle: 'Letter',
  },
};
