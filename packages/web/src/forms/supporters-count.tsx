import {
  countSupporters,
  districtOfRule,
  type FormField,
  type LocalizedText,
  SUPPORTERS_LIST,
  supportersRule,
  type WorkflowDefinition,
} from '@initiatief/engine';
import { useFormText } from '../i18n/form-messages';

/** Whose application the form is, so a line with her name can be said not to count. */
export interface FormApplicant {
  name: string;
  /** The applicant fills in her own form (not the desk or a helper for her). */
  isReader: boolean;
  /** Her postcode: a line with her name elsewhere is a namesake, and counts. */
  postcode?: string | null;
  /** The district of her application, as its regulation names it. */
  district?: string;
}

/** The district whose residents count (districtOfRule), when the rule has a table. */
export interface FormDistrict {
  label: LocalizedText;
  postcodes: readonly string[];
}

/**
 * Under the form's supporters list: how many count for the workflow's rule while the list is
 * being filled in, and which lines do not count yet (too young, no age, the applicant herself,
 * or, when the rule names a district, no postcode or a postcode in another district). The step that checks the rule still refuses with its own sentence; this only says it
 * before the person gets there.
 */
export function SupportersCount({
  items,
  rule,
  applicant,
  district,
}: {
  items: readonly unknown[];
  rule: { count: number; minAge: number };
  applicant?: FormApplicant;
  district?: FormDistrict | null;
}) {
  const text = useFormText();
  const { counted, tooYoung, noAge, ...not } = countSupporters(
    items,
    rule.minAge,
    applicant?.name,
    {
      applicantPostcode: applicant?.postcode ?? null,
      districtPostcodes: district?.postcodes ?? null,
    },
  );
  const districtName = district?.label[text.locale] ?? '';
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
      {not.noPostcode.length > 0 && (
        <span className="app-total__note">
          {text.fn('supporters.noPostcode', not.noPostcode.length, {
            lines: lines(not.noPostcode),
            district: districtName,
          })}
        </span>
      )}
      {not.otherDistrict.length > 0 && (
        <span className="app-total__note">
          {text.fn('supporters.otherDistrict', not.otherDistrict.length, {
            lines: lines(not.otherDistrict),
            district: districtName,
          })}
        </span>
      )}
      {applicant && not.applicant.length > 0 && (
        <span className="app-total__note">
          {text.fn(
            applicant.isReader ? 'supporters.self' : 'supporters.applicant',
            not.applicant.length,
            { lines: lines(not.applicant), name: applicant.name },
          )}
        </span>
      )}
    </div>
  );
}

/** The count under a list field when it is the list the workflow's supporters rule counts. */
export function supportersFooter(
  def: WorkflowDefinition,
  field: FormField,
  value: unknown,
  applicant?: FormApplicant,
) {
  const rule = field.key === SUPPORTERS_LIST ? supportersRule(def) : null;
  if (!rule || rule.count <= 0) return undefined;
  return (
    <SupportersCount
      items={Array.isArray(value) ? value : []}
      rule={rule}
      district={districtOfRule(def, rule, undefined, applicant?.district)}
      {...(applicant ? { applicant } : {})}
    />
  );
}
