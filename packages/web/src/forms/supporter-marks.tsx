import {
  districtOfRule,
  type FormField,
  SUPPORTERS_LIST,
  supportersRule,
  supporterVerdicts,
  type WorkflowDefinition,
} from '@initiatief/engine';
import type { ReactNode } from 'react';
import type { useFormText } from '../i18n/form-messages';

/** Whose application it is and where, to read its supporters as the step that counts them does. */
export interface SupportersReading {
  applicantName?: string | null;
  applicantPostcode?: string | null;
  /** The district of the application, as its regulation names it. */
  district?: string;
}

/**
 * For staff reading the form's supporters: per line whether it counts for the workflow's rule
 * and, if not, why (the applicant herself, no age, too young, no postcode, another district),
 * from the engine's own verdicts. Null when the list is not the one the rule counts.
 */
export function supporterMarks(
  def: WorkflowDefinition,
  field: FormField,
  items: readonly unknown[],
  reading: SupportersReading | undefined,
  text: ReturnType<typeof useFormText>,
): { heading: string; mark(i: number): ReactNode } | null {
  const rule = field.key === SUPPORTERS_LIST && reading ? supportersRule(def) : null;
  if (!rule || rule.count <= 0) return null;
  const district = districtOfRule(def, rule, undefined, reading?.district);
  const verdicts = supporterVerdicts(items, rule.minAge, {
    applicantName: reading?.applicantName ?? null,
    applicantPostcode: reading?.applicantPostcode ?? null,
    districtPostcodes: district?.postcodes ?? null,
  });
  const vars = { minAge: rule.minAge, district: district?.label[text.locale] ?? '' };
  return {
    heading: text.f('supporters.mark.heading'),
    mark: (i) => {
      const verdict = verdicts[i];
      if (verdict === undefined) return null;
      if (verdict === null) {
        return <span className="app-badge app-badge--counts">{text.f('supporters.mark.yes')}</span>;
      }
      return (
        <>
          <span className="app-badge app-badge--warning">{text.f('supporters.mark.no')}</span>
          <span className="app-block">{text.f(`supporters.why.${verdict}`, vars)}</span>
        </>
      );
    },
  };
}
