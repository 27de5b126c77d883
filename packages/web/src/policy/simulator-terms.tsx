import type { Facts } from '@initiatief/engine';
import { Paragraph } from '@utrecht/component-library-react';
import { useState } from 'react';
import { MoneyInput } from '../components/money-input';
import { TextField } from '../components/ui';
import { useLoad } from '../components/use-load';
import { policyApi } from './policy-api';
import { usePolicyText } from './policy-messages';
import { useSimulatorText } from './simulator-messages';

/**
 * The terms a trial runs under: a regulation's, or values of the officer's own (budget,
 * maximum, direct settlement limit, decision and report periods). `spent` is what the trial's
 * budget effects have taken from the budget so far.
 */
export function useTrialTerms(spent: number) {
  const regulations = useLoad(() => policyApi.regulations(), []);
  const [regulationId, setRegulationId] = useState('');
  const [own, setOwn] = useState({
    budget: 10_000_000 as number | null,
    max: 1_000_000 as number | null,
    threshold: 0 as number | null,
    term: '8',
    report: '12',
    // What a letter's {{district}} says in the trial: an example, which the officer may change.
    district: 'Feijenoord',
  });
  const regulation = regulations.data?.find((r) => r.id === regulationId);
  const facts: Facts = regulation
    ? {
        regulation: {
          maxAmountCents: regulation.maxAmountCents,
          decisionTermWeeks: regulation.decisionTermWeeks,
          district: regulation.district,
          directSettlementThresholdCents: regulation.directSettlementThresholdCents,
          reportDueWeeks: regulation.reportDueWeeks,
        },
        budgetRemainingCents: regulation.budget.remainingCents - spent,
      }
    : {
        regulation: {
          maxAmountCents: own.max ?? 0,
          decisionTermWeeks: Number(own.term) || 8,
          district: own.district.trim() || undefined,
          directSettlementThresholdCents: own.threshold ?? 0,
          reportDueWeeks: Number(own.report) || 12,
        },
        budgetRemainingCents: (own.budget ?? 0) - spent,
      };
  return {
    facts,
    regulation,
    regulations: regulations.data ?? [],
    regulationId,
    setRegulationId,
    own,
    setOwn,
  };
}

export type TrialTerms = ReturnType<typeof useTrialTerms>;

/** The officer's own values, or the chosen regulation's periods in a sentence. */
export function TrialTermsFields({ terms }: { terms: TrialTerms }) {
  const { p } = usePolicyText();
  const { s } = useSimulatorText();
  const { regulation, own, setOwn } = terms;
  if (regulation) {
    return (
      <Paragraph>
        {p('sim.regulationTerms', {
          term: regulation.decisionTermWeeks,
          report: regulation.reportDueWeeks,
        })}
      </Paragraph>
    );
  }
  return (
    <div className="policy-grid">
      <MoneyInput
        id="sim-budget"
        label={p('sim.budget')}
        value={own.budget}
        onChange={(c) => setOwn({ ...own, budget: c })}
      />
      <MoneyInput
        id="sim-max"
        label={p('sim.max')}
        value={own.max}
        onChange={(c) => setOwn({ ...own, max: c })}
      />
      <MoneyInput
        id="sim-threshold"
        label={p('sim.threshold')}
        value={own.threshold}
        onChange={(c) => setOwn({ ...own, threshold: c })}
      />
      <TextField
        id="sim-district"
        label={s('sim.district')}
        width="medium"
        value={own.district}
        onChange={(v) => setOwn({ ...own, district: v })}
      />
      <TextField
        id="sim-term"
        label={p('sim.term')}
        type="number"
        inputMode="numeric"
        width="short"
        value={own.term}
        onChange={(v) => setOwn({ ...own, term: v })}
      />
      <TextField
        id="sim-report"
        label={p('sim.reportWeeks')}
        type="number"
        inputMode="numeric"
        width="short"
        value={own.report}
        onChange={(v) => setOwn({ ...own, report: v })}
      />
    </div>
  );
}
