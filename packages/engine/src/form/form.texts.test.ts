import { describe, expect, test } from 'vitest';
import { facts, loadShippedDefinition, T0 } from '../test/fixtures';
import { runGuard } from '../vocabulary/guards';
import { emptyContext, type MachineEvent } from '../vocabulary/vocabulary.context';
import { labelOfPath, spanInWords } from './form.texts';
import { validateFormData } from './form.validate';

const def = loadShippedDefinition();

function texts(data: unknown, partial = false) {
  return validateFormData(def, data, { partial }).issues.map((i) => i.text);
}

describe('issue texts (C2): whole sentences naming the field by its label', () => {
  test('a missing field and a missing list line', () => {
    const result = validateFormData(def, {
      title: 'Straatfeest',
      budgetLines: [{ description: 'Tent', amountCents: 100 }, { description: 'Geluid' }],
    });
    const byPath = Object.fromEntries(result.issues.map((i) => [i.path, i.text]));
    expect(byPath['data.description']).toEqual({
      nl: 'Beschrijving ontbreekt.',
      en: 'Description is missing.',
    });
    expect(byPath['data.budgetLines.1.amountCents']).toEqual({
      nl: 'Begroting, regel 2: Bedrag ontbreekt.',
      en: 'Budget, line 2: Amount is missing.',
    });
    expect(byPath['data.iban']?.nl).toBe('IBAN-rekeningnummer ontbreekt.');
  });

  test('money limits in Dutch and English format', () => {
    const [text] = texts(
      { budgetLines: [{ description: 'Podium', amountCents: 2_500_050 }] },
      true,
    );
    expect(text).toEqual({
      nl: 'Begroting, regel 1: Bedrag mag hoogstens € 20.000,00 zijn.',
      en: 'Budget, line 1: Amount must be at most €20,000.00.',
    });
  });

  test('every kind of problem has a sentence in both languages, never a code', () => {
    const all = texts(
      {
        title: 'x',
        district: 'Atlantis',
        activityDate: '2026-02-30',
        expectedParticipants: 1.5,
        budgetLines: ['tent'],
        supporters: [{ name: 'An', postcode: '1234', age: 200 }],
        iban: 'NL00',
        shoeSize: 44,
      },
      true,
    );
    expect(all).toHaveLength(9);
    for (const t of all) {
      expect(t.nl).toMatch(/^[A-Z].*\.$/);
      expect(t.en).toMatch(/^[A-Z].*\.$/);
      expect(t.nl).not.toMatch(/budgetLines|activityDate|expectedParticipants|amountCents/);
    }
    expect(all.map((t) => t.nl)).toContain('Kies bij Wijk een van de mogelijkheden.');
    expect(all.map((t) => t.nl)).toContain(
      'Handtekeningen van buurtbewoners, regel 1: Postcode moet een Nederlandse postcode zijn, zoals 3011 AB.',
    );
  });

  test('labels of dotted paths', () => {
    expect(labelOfPath(def.form, 'data.supporters.3.age')).toEqual({
      nl: 'Handtekeningen van buurtbewoners, regel 4: Leeftijd',
      en: 'Supporters, line 4: Age',
    });
    expect(labelOfPath(def.form, 'data.iban').nl).toBe('IBAN-rekeningnummer');
  });
});

describe('labels as staff read them (staffLabel)', () => {
  const forStaff = structuredClone(def);
  const [title] = forStaff.form.fields;
  title!.staffLabel = { nl: 'Naam van het initiatief', en: 'Name of the initiative' };
  const rows = forStaff.form.fields.find((f) => f.key === 'budgetLines');
  if (rows?.type === 'list') rows.fields[1]!.staffLabel = { nl: 'Kosten', en: 'Costs' };

  test('name a path by the label for staff, a list’s own question too; the applicant’s stay', () => {
    expect(labelOfPath(forStaff.form, 'data.title', 'staff')).toEqual({
      nl: 'Naam van het initiatief',
      en: 'Name of the initiative',
    });
    expect(labelOfPath(forStaff.form, 'data.budgetLines.0.amountCents', 'staff').nl).toBe(
      'Begroting, regel 1: Kosten',
    );
    expect(labelOfPath(forStaff.form, 'data.title').nl).toBe('Naam van uw initiatief');
    expect(labelOfPath(forStaff.form, 'data.title', 'applicant').nl).toBe('Naam van uw initiatief');
    // A question without one reads the same for everyone.
    expect(labelOfPath(forStaff.form, 'data.iban', 'staff').nl).toBe('IBAN-rekeningnummer');
  });

  test('the form’s sentences name the question as their reader reads it', () => {
    const data = { budgetLines: [{ description: 'Tent', amountCents: 'veel' }] };
    const said = (reader?: 'applicant' | 'staff') =>
      Object.fromEntries(
        validateFormData(forStaff, data, { reader }).issues.map((i) => [i.path, i.text.nl]),
      );
    expect(said('staff')['data.title']).toBe('Naam van het initiatief ontbreekt.');
    expect(said('staff')['data.budgetLines.0.amountCents']).toMatch(
      /^Begroting, regel 1: Kosten moet een bedrag/,
    );
    expect(said()['data.title']).toBe('Naam van uw initiatief ontbreekt.');
    expect(said('applicant')['data.budgetLines.0.amountCents']).toMatch(
      /^Begroting, regel 1: Bedrag moet een bedrag/,
    );
  });
});

describe('guard texts', () => {
  const event = (payload: unknown = {}): MachineEvent => ({
    type: 'SUBMIT',
    payload,
    nowMs: T0.getTime(),
    today: '2026-03-03',
    actorId: 'u',
    roles: ['applicant'],
    facts,
  });

  test('a date too soon names the earliest date in words', () => {
    const ctx = emptyContext({ activityDate: '2026-03-20' });
    const result = runGuard('daysBeforeActivityAtLeast', { days: 42 }, def, ctx, event());
    expect(result.ok).toBe(false);
    expect(!result.ok && result.issues[0]!.text).toEqual({
      nl: 'Datum van de activiteit moet minstens 6 weken na vandaag liggen, dus op of na 14 april 2026.',
      en: 'Date of the activity must be at least 6 weeks after today, so on or after 14 April 2026.',
    });
  });

  test('a period that is no whole number of weeks is said in days', () => {
    const ctx = emptyContext({ activityDate: '2026-03-05' });
    const result = runGuard('daysBeforeActivityAtLeast', { days: 10 }, def, ctx, event());
    expect(!result.ok && result.issues[0]!.text.nl).toBe(
      'Datum van de activiteit moet minstens 10 dagen na vandaag liggen, dus op of na 13 maart 2026.',
    );
  });

  test('spans in words: whole weeks as weeks, the rest as days, one in the singular', () => {
    expect([1, 7, 10, 28, 42].map((n) => spanInWords(n).nl)).toEqual([
      '1 dag',
      '1 week',
      '10 dagen',
      '4 weken',
      '6 weken',
    ]);
    expect([1, 7, 10, 42].map((n) => spanInWords(n).en)).toEqual([
      '1 day',
      '1 week',
      '10 days',
      '6 weeks',
    ]);
  });

  test('the maximum of the regulation in both money formats', () => {
    const ctx = emptyContext({ budgetLines: [{ description: 'Podium', amountCents: 1_234_56 }] });
    const result = runGuard(
      'amountAtMost',
      { amount: 'requested', limit: 'regulationMax' },
      def,
      ctx,
      {
        ...event(),
        facts: { ...facts, regulation: { ...facts.regulation, maxAmountCents: 100_000 } },
      },
    );
    expect(!result.ok && result.issues[0]!.text).toEqual({
      nl: 'Het totaal van Begroting (€ 1.234,56) is hoger dan het maximum van de regeling (€ 1.000,00).',
      en: 'The total of Budget (€1,234.56) is more than the maximum of the grant scheme (€1,000.00).',
    });
  });
});
