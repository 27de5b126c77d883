/**
 * An advance (*voorschot*, Awb 4:95) decided with the grant (bewonersinitiatief v13): the GRANT
 * step's own field `advanceCents` is held to the amount it grants (`amountAtMost` with `field`,
 * limit `grant`), booked with the grant as a payment (`recordPayment` with `field`), and named
 * by the grant letter. The grant's reservation on the budget is unchanged: the advance is paid
 * out of it. A later PAY_ADVANCE counts it: all advances together stay within the grant.
 */
import { describe, expect, test } from 'vitest';
import { EngineError } from '../core/engine-error';
import { validateDefinition } from '../definition/definition.validate';
import { applicationView, step } from '../runtime/runtime';
import { templateVariables } from '../templates/template-variables';
import { renderTemplate, valueConditions } from '../templates/templates';
import {
  assessed,
  biDefinition,
  grant,
  HOLDER,
  noord,
  shippedBi,
  v13Data,
} from '../test/bewonersinitiatief-v13';
import { assessor, T0 } from '../test/fixtures';
import { payloadAmountLimits } from './amount-limits';

const v13 = biDefinition(13);
const shell = { reference: 'BI-2026-000123', applicantName: HOLDER, applicationUrl: '' };

function refusal(run: () => unknown): EngineError {
  try {
    run();
  } catch (error) {
    if (error instanceof EngineError) return error;
    throw error;
  }
  throw new Error('the step was not refused');
}

function letter(snapshot: ReturnType<typeof grant>['snapshot'], locale: 'nl' | 'en') {
  const vars = templateVariables(v13, snapshot, { ...shell, now: T0, locale, facts: noord });
  const text = v13.templates.letters.grant![locale].body;
  return { vars, body: renderTemplate(text, vars, valueConditions(vars)) };
}

describe('GRANT with an advance', () => {
  test('without one: nothing paid yet, the letter promises none', () => {
    const r = grant(v13, assessed(v13), {});
    expect(r.state).toBe('granted');
    expect(r.effects.filter((e) => e.type === 'payment')).toEqual([]);
    expect(r.effects).toContainEqual({ type: 'budget.reserve', amountCents: 125_000 });
    const view = applicationView(v13, r.snapshot, T0, noord);
    expect(view.amounts.advanceCents).toBe(0);
    const { vars, body } = letter(r.snapshot, 'nl');
    expect(valueConditions(vars).advance).toBe(false);
    expect(body).not.toContain('U krijgt een voorschot');
  });

  test('with one: decided, booked as a payment, and named in the letter in both languages', () => {
    const r = grant(v13, assessed(v13), { advanceCents: 40_000 });
    expect(r.state).toBe('granted');
    // The grant reserves what it grants; the advance is paid out of that reservation.
    expect(r.effects.filter((e) => e.type.startsWith('budget.'))).toEqual([
      { type: 'budget.reserve', amountCents: 125_000 },
    ]);
    expect(r.effects).toContainEqual({ type: 'payment', kind: 'advance', amountCents: 40_000 });
    const view = applicationView(v13, r.snapshot, T0, noord);
    expect(view.amounts).toMatchObject({ grantedCents: 125_000, advanceCents: 40_000 });
    expect(view.payments).toEqual([{ kind: 'advance', amountCents: 40_000, on: '2026-03-03' }]);

    const nl = letter(r.snapshot, 'nl');
    expect(nl.body).toContain(
      'U krijgt een voorschot van € 400,00 (artikel 4:95 van de Algemene wet bestuursrecht). Wij betalen het binnen zes weken na de dag waarop deze brief is verzonden op uw rekening NL91 ABNA 0417 1643 00 ten name van Ayşe Yıldız-Çelik.',
    );
    expect(nl.body).not.toContain('Krijgt u een deel vooraf');
    const en = letter(r.snapshot, 'en');
    expect(en.body).toContain(
      'You will receive an advance payment of €400.00 (section 4:95 of the General Administrative Law Act). We will pay it into your account NL91 ABNA 0417 1643 00 in the name of Ayşe Yıldız-Çelik within six weeks of the day this letter was sent.',
    );
  });

  test('as much as the grant itself is allowed', () => {
    const r = grant(v13, assessed(v13), {
      amountCents: 100_000,
      advanceCents: 100_000,
      motivation: 'Minder dan gevraagd: de tenten zijn te duur.',
    });
    expect(applicationView(v13, r.snapshot, T0, noord).amounts.advanceCents).toBe(100_000);
  });

  test('above the amount granted it is refused, naming the field by its label', () => {
    const error = refusal(() =>
      grant(v13, assessed(v13), {
        amountCents: 100_000,
        advanceCents: 100_001,
        motivation: 'Minder dan gevraagd: de tenten zijn te duur.',
      }),
    );
    expect(error.code).toBe('guard_failed');
    expect(error.guard).toBe('amountAtMost');
    const issue = error.issues?.find((i) => i.path === 'advanceCents') as
      | { text: { nl: string; en: string } }
      | undefined;
    expect(issue?.text.nl).toBe(
      'Bedrag van het voorschot (€ 1.000,01) is hoger dan het te verlenen bedrag (€ 1.000,00).',
    );
    expect(issue?.text.en).toBe(
      'Amount of the advance (€1,000.01) is more than the amount to grant (€1,000.00).',
    );
    // Without an amount of its own the grant is the proposal (the request): € 1.250,00.
    const proposed = refusal(() => grant(v13, assessed(v13), { advanceCents: 125_001 }));
    expect(JSON.stringify(proposed.issues)).toContain('het te verlenen bedrag (€ 1.250,00)');
  });

  test('a small grant is settled at once only without an advance', () => {
    const small = v13Data({ budgetLines: [{ description: 'Geluid', amountCents: 30_000 }] });
    expect(grant(v13, assessed(v13, small), {}).state).toBe('settled');
    const r = grant(v13, assessed(v13, small), { advanceCents: 10_000 });
    expect(r.state).toBe('granted');
    expect(r.effects).toContainEqual({ type: 'payment', kind: 'advance', amountCents: 10_000 });
  });

  test('a later advance counts the one paid with the grant', () => {
    const r = grant(v13, assessed(v13), { advanceCents: 100_000 });
    const pay = (amountCents: number) =>
      step(
        v13,
        r.snapshot,
        { type: 'PAY_ADVANCE', payload: { amountCents } },
        { now: T0, actor: assessor, facts: noord },
      );
    const refused = refusal(() => pay(25_001));
    expect(JSON.stringify(refused.issues)).toContain('Het totaal van de voorschotten (€ 1.250,01)');
    const paid = pay(25_000);
    expect(applicationView(v13, paid.snapshot, T0, noord).amounts.advanceCents).toBe(125_000);
  });

  test('the screen’s limits on the step’s amount leave the advance’s limit out', () => {
    const limits = payloadAmountLimits(v13, 'assessed', 'GRANT').map((l) => l.limit);
    expect(limits).toEqual(['requested', 'regulationMax']);
  });
});

describe('a field the amount is read from', () => {
  type Json = {
    states: Record<string, { on?: Record<string, { guard?: unknown[]; actions?: unknown[] }[]> }>;
  };
  const grantedWay = (json: Json) => json.states.assessed!.on!.GRANT![1]!;

  test('names an amount in cents of the step, else the definition is refused', () => {
    const notThere = shippedBi(13) as Json;
    grantedWay(notThere).guard!.push({
      type: 'amountAtMost',
      params: { amount: 'payload', field: 'voorschot', limit: 'grant' },
    });
    const missing = validateDefinition(notThere).problems.find((p) =>
      p.message.includes('voorschot'),
    );
    expect(missing?.code).toBe('bad_params');
    expect(missing?.text?.nl).toBe(
      'Verlenen: het bedrag staat in voorschot, maar dat gegeven vraagt de stap niet. Kies een bedrag van de stap.',
    );
    const text = shippedBi(13) as Json;
    grantedWay(text).actions!.push({
      type: 'recordPayment',
      params: { kind: 'advance', field: 'motivation' },
    });
    const notMoney = validateDefinition(text).problems.find((p) => p.code === 'bad_params');
    expect(notMoney?.text?.en).toBe(
      'Grant: Reasoning is not an amount of money. Choose an amount of the step.',
    );
  });

  test('is read only where it means something', () => {
    const json = shippedBi(13) as Json;
    grantedWay(json).guard!.push({
      type: 'amountAtMost',
      params: { amount: 'grant', field: 'advanceCents', limit: 'requested' },
    });
    grantedWay(json).actions!.push({
      type: 'recordPayment',
      params: { kind: 'settlement', field: 'advanceCents' },
    });
    const messages = validateDefinition(json).problems.map((p) => p.message);
    expect(messages).toContain("amountAtMost: a field is read only with amount 'payload'");
    expect(messages).toContain('recordPayment: a field is read only for an advance');
  });
});
