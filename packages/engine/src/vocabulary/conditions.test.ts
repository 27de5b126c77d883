import { describe, expect, it } from 'vitest';
import type { WorkflowDefinition } from '../definition/definition.schema';
import { validateDefinition } from '../definition/definition.validate';
import { biDefinition } from '../test/bewonersinitiatief-v13';
import { loadShippedDefinition } from '../test/fixtures';
import { applyConditions } from './conditions';

/** The definition with the first state's SUBMIT guards replaced, validated like a policy edit. */
function withSubmitGuards(def: WorkflowDefinition, guard: unknown[]): WorkflowDefinition {
  const json = structuredClone(def) as unknown as {
    initial: string;
    states: Record<string, { on: Record<string, { guard?: unknown }> }>;
  };
  const submit = json.states[json.initial]!.on.SUBMIT!;
  submit.guard = guard;
  const result = validateDefinition(json);
  if (!result.definition) throw new Error(JSON.stringify(result.problems));
  return result.definition;
}

describe('applyConditions', () => {
  it("reads the bewonersinitiatief's conditions off its submit rules and its statements", () => {
    const words = applyConditions(biDefinition(13), {
      district: 'Charlois',
      maxAmountCents: 1_000_000,
    });
    expect(words.map((w) => w.nl)).toEqual([
      'Minstens 4 buurtbewoners uit Charlois van 12 jaar of ouder steunen uw idee; u zelf telt niet mee.',
      'U vraagt niet meer dan €\u00a010.000,00 aan.',
      'U vraagt de subsidie minstens 6 weken voor de activiteit aan.',
      'U verklaart: “Ik ben 18 jaar of ouder.”',
    ]);
    expect(words.map((w) => w.en)).toEqual([
      'At least 4 neighbours from Charlois aged 12 or older support your idea; you do not count yourself.',
      'You apply for no more than €10,000.00.',
      'You apply at least 6 weeks before the activity.',
      'You declare: “I am 18 or older.”',
    ]);
  });

  it('asks the small budget for no supporters, and four weeks ahead', () => {
    const words = applyConditions(loadShippedDefinition('klein-buurtbudget'), {
      maxAmountCents: 150_000,
    });
    expect(words.map((w) => w.nl)).not.toContainEqual(expect.stringContaining('buurtbewoner'));
    expect(words.map((w) => w.nl)).toContain(
      'U vraagt de subsidie minstens 4 weken voor de activiteit aan.',
    );
    expect(words.map((w) => w.nl)).toContain('U vraagt niet meer dan €\u00a01.500,00 aan.');
  });

  it("follows a policy officer's change of a rule", () => {
    const def = withSubmitGuards(biDefinition(13), [
      { type: 'formComplete' },
      { type: 'supportersAtLeast', params: { count: 1, minAge: 16 } },
      { type: 'daysBeforeActivityAtLeast', params: { days: 10 } },
      { type: 'amountAtLeast', params: { amount: 'requested', cents: 5_000 } },
      { type: 'amountAtMost', params: { amount: 'requested', limit: 'fixed', cents: 250_050 } },
    ]);
    expect(applyConditions(def).map((w) => w.nl)).toEqual([
      'Minstens 1 buurtbewoner van 16 jaar of ouder steunt uw idee; u zelf telt niet mee.',
      'U vraagt de subsidie minstens 10 dagen voor de activiteit aan.',
      'U vraagt minstens €\u00a050,00 aan.',
      'U vraagt niet meer dan €\u00a02.500,50 aan.',
      'U verklaart: “Ik ben 18 jaar of ouder.”',
    ]);
  });

  it('names no maximum it does not know, and no district it was not told', () => {
    const words = applyConditions(biDefinition(13)).map((w) => w.nl);
    expect(words[0]).toContain('uit de wijk van 12 jaar');
    expect(words.join(' ')).not.toContain('niet meer dan');
  });
});
