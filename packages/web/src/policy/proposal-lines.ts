import type { DefinitionSummary, Proposal } from './policy-api';
import type { useProposalText } from './proposal-messages';
import { supporterRuleText } from './regulation-supporters';

// What a proposal about a regulation says, line by line, beside its title (proposals.tsx).

type Text = ReturnType<typeof useProposalText>;

/** Before → after for the guarded fields of a regulation change. */
export function changeLines(p: Proposal, text: Text): string[] {
  const { q, formatMoney } = text;
  const current = p.regulation?.current;
  if (!current) return [];
  const lines: string[] = [];
  const c = p.changes;
  if (c.workflowVersion !== undefined && c.workflowVersion !== current.workflow.version)
    lines.push(
      q('prop.change.workflowVersion', {
        before: current.workflow.version,
        after: c.workflowVersion,
      }),
    );
  if (c.ceilingCents !== undefined && c.ceilingCents !== current.ceilingCents)
    lines.push(
      q('prop.change.ceilingCents', {
        before: formatMoney(current.ceilingCents),
        after: formatMoney(c.ceilingCents),
      }),
    );
  if (c.maxAmountCents !== undefined && c.maxAmountCents !== current.maxAmountCents)
    lines.push(
      q('prop.change.maxAmountCents', {
        before: formatMoney(current.maxAmountCents),
        after: formatMoney(c.maxAmountCents),
      }),
    );
  const fourEyes = c.settlementFourEyesAboveCents;
  if (fourEyes !== undefined && fourEyes !== current.settlementFourEyesAboveCents) {
    const money = (cents: number | null) => (cents === null ? q('prop.never') : formatMoney(cents));
    lines.push(
      q('prop.change.fourEyes', {
        before: money(current.settlementFourEyesAboveCents),
        after: money(fourEyes),
      }),
    );
  }
  const rule = c.supporterConfirmation;
  if (rule !== undefined && rule !== current.supporterConfirmation)
    lines.push(
      q('prop.change.supporters', {
        before: supporterRuleText(text.locale, current.supporterConfirmation),
        after: supporterRuleText(text.locale, rule),
      }),
    );
  return lines;
}

/** What a new regulation opens with: district, ceiling, maximum, dates and workflow. */
export function openingLines(p: Proposal, text: Text, definitions: DefinitionSummary[]): string[] {
  const { q, formatMoney, formatDate, locale } = text;
  const reg = p.regulation;
  if (!reg) return [];
  const { key, version } = reg.current.workflow;
  const def = definitions.find((d) => d.key === key && d.version === version);
  const workflow = `${def?.title?.[locale] ?? def?.title?.nl ?? key}, ${q('prop.opening.version', { version })}`;
  return [
    q('prop.opening.district', { district: reg.district }),
    q('prop.opening.ceiling', { amount: formatMoney(reg.current.ceilingCents) }),
    q('prop.opening.max', { amount: formatMoney(reg.current.maxAmountCents) }),
    q('prop.opening.dates', { from: formatDate(reg.opensOn), to: formatDate(reg.closesOn) }),
    q('prop.opening.workflow', { name: workflow }),
  ];
}

/** The lines a proposal shows below its title (a publication shows its changes instead). */
export function proposalLines(p: Proposal, text: Text, definitions: DefinitionSummary[]): string[] {
  if (p.kind === 'open_regulation') return openingLines(p, text, definitions);
  return changeLines(p, text);
}
