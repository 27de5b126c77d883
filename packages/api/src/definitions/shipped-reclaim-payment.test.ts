/**
 * Version 11 of the bewonersinitiatief: the settlement decision itself says how to pay back money
 * (a reclaim, *terugvordering*): the amount, the municipality's account, the reference to quote,
 * the last day (six weeks after sending, Awb 4:87) and that she may ask for a payment arrangement
 * by calling. It is printed only when there is something to pay back (`{{#reclaim}}`); otherwise
 * the letter says, as before, that money still owed to her is paid within six weeks. The promise
 * of "a separate letter with a payment request", which no one ever sent, is gone. Nothing else
 * changed; earlier versions are published and stay as they are.
 *
 * The klein buurtbudget has no new version: it settles at once with the grant and pays no
 * advance, so nothing is ever paid back at its settlement, and none of its texts promise a
 * separate letter.
 */
import { renderTemplate, validateDefinition } from '@initiatief/engine';
import { describe, expect, test } from 'vitest';
import { SHIPPED_VERSIONS, shippedFile } from './shipped-versions.fixture';

const OLD = {
  nl: 'Krijgt u nog geld van ons, dan betalen wij dat binnen zes weken op uw rekening. Moet u geld terugbetalen, dan ontvangt u daarvoor een aparte brief met een betaalverzoek.',
  en: 'If we still owe you money, we will pay it into your account within six weeks. If you need to repay money, you will receive a separate letter with a payment request.',
};
const NEW = {
  nl: '{{^reclaim}}Krijgt u nog geld van ons, dan betalen wij dat binnen zes weken op uw rekening.{{/reclaim}}{{#reclaim}}U moet {{reclaimAmount}} aan ons terugbetalen. Het bedrag moet uiterlijk op {{reclaimDueDate}} op onze rekening {{municipalityIban}} ten name van Gemeente Rotterdam staan. Vermeld bij uw betaling het kenmerk {{reference}}. Kunt u het bedrag niet in één keer betalen? Dan kunt u vragen om een betalingsregeling: bel 14 010 (maandag tot en met vrijdag van 8.00 tot 18.00 uur) en noem uw kenmerk.{{/reclaim}}',
  en: '{{^reclaim}}If we still owe you money, we will pay it into your account within six weeks.{{/reclaim}}{{#reclaim}}You have to pay {{reclaimAmount}} back to us. The amount must be in our account {{municipalityIban}} in the name of Gemeente Rotterdam no later than {{reclaimDueDate}}. Please quote the reference {{reference}} with your payment. If you cannot pay the amount all at once, you can ask for a payment arrangement: call 14 010 (Monday to Friday, 8:00 to 18:00) and mention your reference.{{/reclaim}}',
};

type Templates = Record<'letters' | 'mails', Record<string, Record<'nl' | 'en', { body: string }>>>;
const templatesOf = (def: unknown) => (def as { templates: Templates }).templates;

/** The old definition as the new one should read it: its version and the one paragraph. */
function expectedFrom(old: unknown, version: number): unknown {
  const copy = structuredClone(old) as { version: number };
  copy.version = version;
  const settlement = templatesOf(copy).letters.settlement!;
  for (const language of ['nl', 'en'] as const) {
    settlement[language].body = settlement[language].body.replace(OLD[language], NEW[language]);
  }
  return copy;
}

describe('bewonersinitiatief: version 10 to 11', () => {
  const old = shippedFile('bewonersinitiatief', 10);
  const next = shippedFile('bewonersinitiatief', 11);

  test('the new version is shipped, valid and numbered as its file', () => {
    // Shipped; later versions follow it (v12: shipped-v12-payment.test.ts).
    expect(SHIPPED_VERSIONS.bewonersinitiatief).toContain(11);
    expect(next.version).toBe(11);
    expect(validateDefinition(next).problems).toEqual([]);
  });

  test('nothing changed but the settlement’s paragraph on money owed either way', () => {
    // The change is not empty: the old text promised the separate letter, in both languages.
    for (const language of ['nl', 'en'] as const) {
      expect(templatesOf(old).letters.settlement![language].body).toContain(OLD[language]);
    }
    expect(next).toEqual(expectedFrom(old, 11));
    const all = JSON.stringify(next.templates);
    expect(all).not.toContain('aparte brief');
    expect(all).not.toContain('separate letter');
  });

  const VARS = {
    reference: 'BI-2027-000123',
    reclaimAmount: '€ 1.234,56',
    reclaimDueDate: '25 februari 2027',
    municipalityIban: 'NL09 BNGH 0285 1700 07',
  };

  test('with money to pay back, the letter says how much, where to, with what, by when', () => {
    const body = renderTemplate(next.templates.letters.settlement!.nl.body, VARS, {
      reclaim: true,
    });
    expect(body).toContain(
      'U moet € 1.234,56 aan ons terugbetalen. Het bedrag moet uiterlijk op 25 februari 2027 op onze rekening NL09 BNGH 0285 1700 07 ten name van Gemeente Rotterdam staan. Vermeld bij uw betaling het kenmerk BI-2027-000123.',
    );
    expect(body).toContain('betalingsregeling: bel 14 010');
    expect(body).not.toContain('Krijgt u nog geld van ons');
    expect(body.match(/14 010/g)).toHaveLength(1);
  });

  test('with nothing to pay back, no word of paying back or of a betalingsregeling', () => {
    for (const language of ['nl', 'en'] as const) {
      const body = renderTemplate(next.templates.letters.settlement![language].body, VARS, {
        reclaim: false,
      });
      expect(body).not.toMatch(/terugbetalen\.|betalingsregeling|pay .* back to us|arrangement/);
      expect(body).not.toContain('NL09');
      expect(body).not.toContain('14 010');
      expect(body).toContain(
        language === 'nl'
          ? 'Krijgt u nog geld van ons, dan betalen wij dat binnen zes weken op uw rekening.'
          : 'If we still owe you money, we will pay it into your account within six weeks.',
      );
    }
  });
});
