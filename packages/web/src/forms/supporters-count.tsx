import {
  countSupporters,
  type FormField,
  SUPPORTERS_LIST,
  supportersRule,
  type WorkflowDefinition,
} from '@initiatief/engine';
import { useFormText } from '../i18n/form-messages';

/**
 * Under the form's supporters list: how many count for the workflow's rule while the list is
 * being filled in, and which lines do not count yet (too young, or no age). The step that checks
 * the rule still refuses with its own sentence; this only says it before the person gets there.
 */
export function SupportersCount({
  items,
  rule,
}: {
  items: readonly unknown[];
  rule: { count: number; minAge: number };
}) {
  const text = useFormText();
  const { counted, tooYoung, noAge } = countSupporters(items, rule.minAge);
  const lines = (positions: number[]) => text.list(positions.map((i) => i + 1));
  return (
    <div role="status" aria-live="polite" className="app-total">
      <strong>
        {text.f(counted >= rule.count ? 'supporters.enough' : 'supporters.counted', {
          n: text.formatNumber(counted),
          count: text.formatNumber(rule.count),
          minAge: rule.minAge,
        })}
      </strong>
      {tooYoung.length > 0 && (
        <span className="app-total__note">
          {text.fn('supporters.tooYoung', tooYoung.length, {
            lines: lines(tooYoung),
            minAge: rule.minAge,
          })}
        </span>
      )}
      {noAge.length > 0 && (
        <span className="app-total__note">
          {text.fn('supporters.noAge', noAge.length, { lines: lines(noAge) })}
        </span>
      )}
    </div>
  );
}

/** The count under a list field when it is the list the workflow's supporters rule counts. */
export function supportersFooter(def: WorkflowDefinition, field: FormField, value: unknown) {
  const rule = field.key === SUPPORTERS_LIST ? supportersRule(def) : null;
  if (!rule || rule.count <= 0) return undefined;
  return <SupportersCount items={Array.isArray(value) ? value : []} rule={rule} />;
}
