/**
 * The account's holder (`{{accountHolder}}`): the answer to the text question the form's IBAN
 * question names as its holder (`holderField`), so a letter says "IBAN … ten name van …" without
 * any code knowing the question's key. bewonersinitiatief v13 names it; v12 asked the same
 * question but named no holder, so its letters have none.
 */
import { describe, expect, test } from 'vitest';
import { validateDefinition } from '../definition/definition.validate';
import { applicantAccount } from '../form/form-fields';
import { createApplication } from '../runtime/runtime';
import {
  assessed,
  biDefinition,
  grant,
  HOLDER,
  noord,
  shippedBi as shipped,
  v13Data,
} from '../test/bewonersinitiatief-v13';
import { applicant, T0 } from '../test/fixtures';
import { placeholdersInWords } from './template-names';
import { templateVariables } from './template-variables';
import { renderTemplate, TEMPLATE_VARIABLES, valueConditions } from './templates';

const v13 = biDefinition(13);
const v12 = biDefinition(12);

/** v13's JSON with its form's fields changed by `change`, as a policy officer might. */
function withFields(change: (fields: Record<string, unknown>[]) => void): unknown {
  const json = shipped(13) as { form: { fields: Record<string, unknown>[] } };
  change(json.form.fields);
  return json;
}
const iban = (fields: Record<string, unknown>[]) => fields.find((f) => f.type === 'iban')!;

describe('the account holder', () => {
  test('is a template variable named in both languages', () => {
    expect(TEMPLATE_VARIABLES).toContain('accountHolder');
    expect(placeholdersInWords('{{accountIban}} ten name van {{accountHolder}}', 'nl')).toBe(
      '«rekeningnummer (IBAN) van de aanvrager» ten name van «naam van de rekeninghouder»',
    );
    expect(placeholdersInWords('{{accountHolder}}', 'en')).toBe('«name of the account holder»');
  });

  test('is the answer to the question the IBAN question names, tidied', () => {
    expect(v13.form.fields.find((f) => f.type === 'iban')).toMatchObject({
      holderField: 'accountHolder',
    });
    expect(applicantAccount(v13, { accountHolder: `  Ayşe   Yıldız-Çelik ` }).holder).toBe(HOLDER);
    expect(applicantAccount(v13, {}).holder).toBe('');
    // v12 asks the question but names no holder: nothing is guessed from a field's key.
    expect(applicantAccount(v12, { accountHolder: HOLDER }).holder).toBe('');
    // Another question named as the holder is read, whatever its key.
    const json = shipped(13) as {
      form: { fields: Record<string, unknown>[]; pages: { fields: string[] }[] };
    };
    json.form.fields.find((f) => f.key === 'accountHolder')!.key = 'tenNameVan';
    iban(json.form.fields).holderField = 'tenNameVan';
    for (const page of json.form.pages)
      page.fields = page.fields.map((k) => (k === 'accountHolder' ? 'tenNameVan' : k));
    const renamed = validateDefinition(json);
    expect(renamed.problems).toEqual([]);
    expect(
      applicantAccount(renamed.definition!, { tenNameVan: HOLDER, accountHolder: 'x' }).holder,
    ).toBe(HOLDER);
  });

  test('a definition names a text question of the form as the holder, or is refused', () => {
    expect(validateDefinition(shipped(13)).problems).toEqual([]);
    const missing = validateDefinition(
      withFields((fields) => {
        iban(fields).holderField = 'naamRekeninghouder';
      }),
    ).problems;
    expect(missing).toContainEqual(
      expect.objectContaining({ path: 'form.fields.8.holderField', code: 'bad_field' }),
    );
    expect(missing.find((p) => p.path.endsWith('holderField'))?.text?.nl).toBe(
      'De rekeninghouder bij IBAN-rekeningnummer: het formulier heeft geen vraag naamRekeninghouder. Kies een tekstvraag van het formulier.',
    );
    const notText = validateDefinition(
      withFields((fields) => {
        iban(fields).holderField = 'activityDate';
      }),
    ).problems.find((p) => p.path.endsWith('holderField'));
    expect(notText?.text?.en).toBe(
      'The account holder of IBAN account number: the question Date of the activity is not a text question. Choose a text question for the account holder’s name.',
    );
    const notIban = validateDefinition(
      withFields((fields) => {
        fields.find((f) => f.key === 'title')!.holderField = 'accountHolder';
      }),
    ).problems.find((p) => p.path.endsWith('holderField'));
    expect(notIban?.path).toBe('form.fields.0.holderField');
    expect(notIban?.text?.nl).toContain('is geen IBAN-rekeningnummer');
  });

  test('fills letters: the grant letter of v13 says in whose name the account is', () => {
    const f = noord;
    const r = grant(v13, assessed(v13), {});
    const shell = { reference: 'BI-2026-000123', applicantName: HOLDER, applicationUrl: '' };
    for (const locale of ['nl', 'en'] as const) {
      const vars = templateVariables(v13, r.snapshot, { ...shell, now: T0, locale, facts: f });
      expect(vars.accountHolder).toBe(HOLDER);
      const body = renderTemplate(
        v13.templates.letters.grant![locale].body,
        vars,
        valueConditions(vars),
      );
      expect(body).toContain(
        locale === 'nl'
          ? `Wij betalen de subsidie op uw rekening NL91 ABNA 0417 1643 00 ten name van ${HOLDER}.`
          : `We pay the grant into your account NL91 ABNA 0417 1643 00 in the name of ${HOLDER}.`,
      );
    }
  });

  test('typed words never become a link', () => {
    const r = createApplication(v13, {
      now: T0,
      actor: applicant,
      facts: noord,
      data: v13Data({ accountHolder: 'Stichting www.evil.example' }),
    });
    const vars = templateVariables(v13, r.snapshot, {
      reference: 'x',
      applicantName: 'x',
      applicationUrl: '',
      now: T0,
      locale: 'nl',
      facts: noord,
    });
    expect(vars.accountHolder).toBe('Stichting www[.]evil[.]example');
  });
});
