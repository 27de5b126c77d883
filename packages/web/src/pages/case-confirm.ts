import {
  advancePaidWith,
  amountOfPayload,
  consequencesOf,
  type WorkflowDefinition,
} from '@initiatief/engine';
import type { Application } from '../api/client';
import { eventLabel } from '../forms/definition-text';
import type { Locale } from '../i18n/i18n';
import type { useCaseText } from './case-messages';

/**
 * What the case page asks before a step that cannot be taken back (a decision that goes out,
 * money that moves), or undefined when it need not ask. A grant names its amount, and an advance
 * paid with a step names what is paid out.
 */
export function confirmTextFor(args: {
  def: WorkflowDefinition | undefined;
  app: Application;
  type: string;
  locale: Locale;
  t: ReturnType<typeof useCaseText>['t'];
  formatMoney(cents: number): string;
}): string | ((payload: Record<string, unknown>) => string) | undefined {
  const { def, app, type, locale, t, formatMoney } = args;
  if (!def) return undefined;
  const c = consequencesOf(def, app.state, type);
  // A decision says so (whether a branch also pays depends on guards the page cannot judge).
  const key = c.decision ? 'case.confirm.decision' : c.payment ? 'case.confirm.payment' : null;
  if (!key) return undefined;
  const step = eventLabel(def, type)[locale];
  return (payload: Record<string, unknown>) => {
    const advance = advancePaidWith(def, app.state, type, payload);
    if (!c.grant || !c.decision) {
      return advance === undefined
        ? t(key, { step })
        : t(c.decision ? 'case.confirm.decisionAdvance' : 'case.confirm.paymentAmount', {
            step,
            advance: formatMoney(advance),
          });
    }
    // A grant that names no amount awards the proposed one, else the requested one (engine
    // grantAmount): say which, before it is final.
    const given = amountOfPayload(payload);
    const { proposedCents, requestedCents } = app.amounts;
    const amount =
      given !== undefined
        ? formatMoney(given)
        : proposedCents !== null
          ? t('case.confirm.amountProposed', { amount: formatMoney(proposedCents) })
          : t('case.confirm.amountRequested', { amount: formatMoney(requestedCents) });
    return advance === undefined
      ? t('case.confirm.grant', { step, amount })
      : t('case.confirm.grantAdvance', { step, amount, advance: formatMoney(advance) });
  };
}
