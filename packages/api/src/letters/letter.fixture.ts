import { buildLetterContent } from './letter.content';
import type { LetterContent, LetterKind } from './letter.types';

/** A realistic grant decision, for tests and benchmarks. */
export function sampleLetter(
  overrides: { kind?: LetterKind; language?: 'nl' | 'en'; paragraphs?: number } = {},
): LetterContent {
  const language = overrides.language ?? 'nl';
  const extra = Array.from(
    { length: overrides.paragraphs ?? 0 },
    (_, i) =>
      `Aanvullende toelichting ${i + 1}: de activiteit wordt georganiseerd voor en door bewoners van de wijk, en is openbaar toegankelijk voor iedereen die in de buurt woont of werkt.`,
  ).join('\n\n');
  return buildLetterContent({
    kind: overrides.kind ?? 'grant',
    language,
    reference: 'BI-2027-000123',
    sentOn: '2027-01-14',
    objectionLastDay: '2027-02-25',
    recipient: {
      name: 'Fatima el Amrani',
      street: 'Zwart Janstraat 12a',
      postcode: '3035 AT',
      city: 'Rotterdam',
    },
    subject: 'Besluit op uw aanvraag Straatfeest Zwart Janstraat',
    body: [
      'Op 2 december 2026 hebben wij uw aanvraag voor een subsidie voor het bewonersinitiatief "Straatfeest Zwart Janstraat" ontvangen. Met deze brief laten wij u weten wat wij hebben besloten.',
      'Wij verlenen u een subsidie van € 1.250,00 voor het straatfeest op 14 maart 2027 in de wijk Oude Noorden.',
      'Wij betalen een voorschot van € 1.000,00. Uw verantwoording ontvangen wij uiterlijk op 9 mei 2027.',
      'Voorwaarden: de activiteit is openbaar toegankelijk en u vermeldt de bijdrage van de gemeente.',
      extra,
    ]
      .filter(Boolean)
      .join('\n\n'),
    variables: { reference: 'BI-2027-000123', grantedAmount: '€ 1.250,00' },
  });
}
