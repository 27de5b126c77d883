/**
 * Version 12 of the bewonersinitiatief and version 10 of the klein buurtbudget: a grant letter
 * names its legal basis (title 4.2 of the Awb and the scheme it is granted under,
 * `{{regulationTitle}}`) and says how the money comes: to the account she gave (`{{accountIban}}`),
 * within six weeks; an advance only when one is set (`{{#advance}}`), where before the letter said
 * "Een voorschot dat u ontvangt, verrekenen wij bij die vaststelling" to everyone. The
 * bewonersinitiatief asks in whose name the account is; the klein buurtbudget asks the statement
 * that she is 18 or older, Rotterdam's rule for both. The supporters have one name, "Ondersteuners
 * uit de buurt", and the klein buurtbudget says in those words that it needs none. Earlier
 * versions are published and stay as they are.
 */
import {
  renderTemplate,
  validateDefinition,
  validateFormData,
  valueConditions,
} from '@initiatief/engine';
import { describe, expect, test } from 'vitest';
import {
  demoFormData,
  demoSmallBudgetData,
  onlyFormFields,
} from '../applications/applications.fixtures';
import { SHIPPED_VERSIONS, shippedFile } from './shipped-versions.fixture';

const bi11 = shippedFile('bewonersinitiatief', 11);
const bi12 = shippedFile('bewonersinitiatief', 12);
const kbb9 = shippedFile('klein-buurtbudget', 9);
const kbb10 = shippedFile('klein-buurtbudget', 10);
const NOW = new Date('2026-03-03T09:00:00Z');

/** The values of a granted application, as the letters get them. */
const VARS = {
  nl: {
    applicantName: 'Fatima el Amrani',
    reference: 'BI-2026-000123',
    title: 'Straatfeest Zwart Janstraat',
    grantedAmount: '€ 1.250,00',
    settledAmount: '€ 1.250,00',
    paymentAmount: '€ 1.250,00',
    objectionDeadline: '14 april 2026',
    regulationTitle: 'Bewonersinitiatieven Noord 2026',
    accountIban: 'NL91 ABNA 0417 1643 00',
  },
  en: {
    applicantName: 'Fatima el Amrani',
    reference: 'BI-2026-000123',
    title: 'Zwart Janstraat street party',
    grantedAmount: '€1,250.00',
    settledAmount: '€1,250.00',
    paymentAmount: '€1,250.00',
    objectionDeadline: '14 April 2026',
    regulationTitle: 'Bewonersinitiatieven Noord 2026',
    accountIban: 'NL91 ABNA 0417 1643 00',
  },
};

function letter(
  def: typeof bi12,
  name: string,
  language: 'nl' | 'en',
  advanceAmount: string,
): string {
  const vars = { ...VARS[language], advanceAmount };
  const body = def.templates.letters[name]![language]!.body;
  return renderTemplate(body, vars, { online: true, ...valueConditions(vars) });
}

describe('the new versions', () => {
  test('are shipped, valid and numbered as their files', () => {
    expect(SHIPPED_VERSIONS.bewonersinitiatief).toContain(12);
    expect(SHIPPED_VERSIONS['klein-buurtbudget']).toContain(10);
    expect(bi12.version).toBe(12);
    expect(kbb10.version).toBe(10);
    expect(validateDefinition(bi12).problems).toEqual([]);
    expect(validateDefinition(kbb10).problems).toEqual([]);
  });

  test('the old versions still read as they were published', () => {
    expect(bi11.templates.letters.grant!.nl.body).toContain(
      'Een voorschot dat u ontvangt, verrekenen wij bij die vaststelling.',
    );
    expect(JSON.stringify(bi11.form)).toContain('Handtekeningen van buurtbewoners');
    expect(bi11.form.fields.some((f) => f.key === 'accountHolder')).toBe(false);
    expect(kbb9.description?.nl).toContain('geen handtekeningen');
    expect(kbb9.form.fields.some((f) => f.type === 'confirm')).toBe(false);
  });
});

describe('the bewonersinitiatief’s grant letter', () => {
  test('names its legal basis and the scheme, in both languages', () => {
    expect(letter(bi12, 'grant', 'nl', '€ 0,00')).toContain(
      'Wij verlenen deze subsidie op grond van titel 4.2 (Subsidies) van de Algemene wet bestuursrecht, in het bijzonder de artikelen 4:23 en 4:29 tot en met 4:35, en de regeling ‘Bewonersinitiatieven Noord 2026’.',
    );
    expect(letter(bi12, 'grant', 'en', '€0.00')).toContain(
      'We award this grant under Title 4.2 (Grants) of the General Administrative Law Act, in particular sections 4:23 and 4:29 to 4:35, and the grant scheme ‘Bewonersinitiatieven Noord 2026’.',
    );
  });

  test('without an advance: none promised, her account, and the rest within six weeks of settlement', () => {
    // The workflow pays an advance (if any) after the grant letter, so the letter names none and
    // promises none, but says how she hears of one; the old sentence took one for granted.
    const nl = letter(bi12, 'grant', 'nl', '€ 0,00');
    expect(nl).not.toContain('U krijgt een voorschot van');
    expect(nl).not.toContain('Een voorschot dat u ontvangt');
    expect(nl).toContain(
      'Wij betalen de subsidie op uw rekening NL91 ABNA 0417 1643 00. Krijgt u een deel vooraf (een voorschot), dan laten wij u dat weten wanneer wij het betalen; bij de vaststelling trekken wij het af. Wat u daarna nog van ons krijgt, staat binnen zes weken na de vaststelling op uw rekening.',
    );
    // Said once: the conditions' own sentence about the activity is not repeated by the letter.
    expect(nl.match(/alleen voor de activiteit/g)?.length ?? 0).toBeLessThanOrEqual(1);
    const en = letter(bi12, 'grant', 'en', '€0.00');
    expect(en).not.toContain('You will receive an advance payment of');
    expect(en).toContain(
      'We pay the grant into your account NL91 ABNA 0417 1643 00. If you receive part of it beforehand (an advance), we will let you know when we pay it; at settlement we deduct it. What we still owe you after that will be in your account within six weeks of the settlement.',
    );
    // The objection paragraph stays, after the payment.
    expect(nl.indexOf('NL91')).toBeLessThan(nl.indexOf('Bent u het niet eens met dit besluit?'));
    expect(en).toContain('Your notice of objection must reach us no later than 14 April 2026.');
  });

  test('with an advance: its amount, her account and by when, and that it is deducted', () => {
    const nl = letter(bi12, 'grant', 'nl', '€ 800,00');
    expect(nl).toContain(
      'U krijgt een voorschot van € 800,00 (artikel 4:95 van de Algemene wet bestuursrecht). Wij betalen het binnen zes weken na de dag waarop deze brief is verzonden op uw rekening NL91 ABNA 0417 1643 00. Bij de vaststelling trekken wij het voorschot af van het bedrag dat wij u nog betalen.',
    );
    expect(nl).not.toContain('Krijgt u een deel vooraf');
    const en = letter(bi12, 'grant', 'en', '€800.00');
    expect(en).toContain(
      'You will receive an advance payment of €800.00 (section 4:95 of the General Administrative Law Act). We will pay it into your account NL91 ABNA 0417 1643 00 within six weeks of the day this letter was sent.',
    );
    expect(en).not.toContain('If you receive part of it beforehand');
  });

  test('the direct settlement names its basis, the account and the period', () => {
    const nl = letter(bi12, 'grant_direct', 'nl', '€ 0,00');
    expect(nl).toContain('de artikelen 4:23, 4:29 tot en met 4:35 en 4:42');
    expect(nl).toContain(
      'Wij betalen € 1.250,00 binnen zes weken na de dag waarop deze brief is verzonden uit op uw rekening NL91 ABNA 0417 1643 00.',
    );
    expect(nl).not.toMatch(/voorschot/i);
    const en = letter(bi12, 'grant_direct', 'en', '€0.00');
    expect(en).toContain(
      'We will pay €1,250.00 into your account NL91 ABNA 0417 1643 00 within six weeks of the day this letter was sent.',
    );
  });
});

describe('the klein buurtbudget’s grant letter', () => {
  test('names its legal basis, her account and the period', () => {
    const nl = letter(kbb10, 'grant_direct', 'nl', '€ 0,00');
    expect(nl).toContain(
      'Wij kennen dit buurtbudget toe en stellen het vast op grond van titel 4.2 (Subsidies) van de Algemene wet bestuursrecht',
    );
    expect(nl).toContain('de regeling ‘Bewonersinitiatieven Noord 2026’.');
    expect(nl).toContain(
      'Wij betalen € 1.250,00 binnen zes weken na de dag waarop deze brief is verzonden uit op uw rekening NL91 ABNA 0417 1643 00.',
    );
    expect(nl).not.toContain('de rekening die u heeft opgegeven');
    const en = letter(kbb10, 'grant_direct', 'en', '€0.00');
    expect(en).toContain('We award and settle this neighbourhood budget under Title 4.2 (Grants)');
    expect(en).toContain('into your account NL91 ABNA 0417 1643 00 within six weeks');
  });

  test('its payment page promises what the letter does', () => {
    const page = kbb10.form.pages!.find((p) => p.key === 'payment')!;
    expect(page.intro?.nl).toContain('binnen zes weken na het besluit');
    expect(page.intro?.nl).not.toContain('direct met het besluit');
  });
});

describe('the forms', () => {
  const issues = (def: typeof bi12, data: Record<string, unknown>) =>
    validateFormData(def, data).issues.map((i) => [i.path, i.message]);

  test('the bewonersinitiatief asks in whose name the account is, and requires it', () => {
    const field = bi12.form.fields.find((f) => f.key === 'accountHolder')!;
    expect(field.type).toBe('text');
    expect(field.help?.nl).toContain('Op wiens naam staat de rekening?');
    expect(field.help?.en).toContain('In whose name is the account?');
    const page = bi12.form.pages!.find((p) => p.key === 'payment')!;
    expect(page.fields).toEqual(['iban', 'accountHolder', 'adult']);
    const data = onlyFormFields(bi12, demoFormData(NOW));
    expect(issues(bi12, data)).toEqual([]);
    const { accountHolder: _, ...without } = data;
    expect(issues(bi12, without)).toEqual([['data.accountHolder', 'is required']]);
    expect(issues(bi12, { ...data, accountHolder: 'A' })).toEqual([
      ['data.accountHolder', expect.stringContaining('2')],
    ]);
  });

  test('the klein buurtbudget asks the statement that she is 18 or older, and requires it', () => {
    const adult = kbb10.form.fields.find((f) => f.key === 'adult')!;
    expect(adult.type).toBe('confirm');
    expect(adult.label.nl).toBe('Ik ben 18 jaar of ouder.');
    expect(kbb10.form.pages!.find((p) => p.key === 'payment')!.fields).toContain('adult');
    const data = onlyFormFields(kbb10, demoSmallBudgetData(NOW));
    expect(issues(kbb10, data)).toEqual([]);
    expect(issues(kbb10, { ...data, adult: false })).toEqual([['data.adult', 'must be ticked']]);
    const { adult: _, ...without } = data;
    expect(issues(kbb10, without)).toEqual([['data.adult', 'must be ticked']]);
  });

  test('the supporters have one name, and the klein buurtbudget needs none in those words', () => {
    const all = JSON.stringify(bi12);
    expect(all).not.toMatch(/handtekening/i);
    expect(all).not.toMatch(/signature/i);
    const name = { nl: 'Ondersteuners uit de buurt', en: 'Supporters from the neighbourhood' };
    expect(bi12.form.fields.find((f) => f.key === 'supporters')!.label).toEqual(name);
    expect(bi12.form.pages!.find((p) => p.key === 'supporters')!.title).toEqual(name);
    expect(kbb10.description?.nl).toContain('geen ondersteuners uit de buurt nodig');
    expect(kbb10.description?.en).toContain('no supporters from the neighbourhood needed');
    expect(JSON.stringify(kbb10)).not.toMatch(/handtekening|signature/i);
  });
});
