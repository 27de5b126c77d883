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
