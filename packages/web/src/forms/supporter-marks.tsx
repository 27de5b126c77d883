import {
  type FormField,
  readSupporters,
  SUPPORTERS_LIST,
  type SupporterNotCounted,
  supportersRule,
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
  /**
   * Given when the step counts the supporters who confirmed themselves, not the form's names
   * (once anyone is invited): the title of the part of the page that lists them.
   */
  countedIn?: string;
  /** That part of the page stands above the form's data, not below it. */
  countedAbove?: boolean;
  /** Read by the applicant herself: her own line is "you", not "the applicant". */
  self?: boolean;
}

type FormText = ReturnType<typeof useFormText>;

/**
 * One supporter's mark: "Telt mee", or "Telt niet mee" with why not (`why`, a sentence). The
 * form's supporters table and the panel of supporters who confirmed show the same mark, to staff
 * and to the applicant alike.
 */
export function SupporterMark({ why, text }: { why: string | null; text: FormText }) {
  if (why === null) {
    return <span className="app-badge app-badge--counts">{text.f('supporters.mark.yes')}</span>;
  }
  return (
    <>
      <span className="app-badge app-badge--warning">{text.f('supporters.mark.no')}</span>
      <span className="app-block">{why}</span>
    </>
  );
}

/**
 * Why a supporter does not count, in a sentence naming the age and the district: the engine's
 * reason, or (a supporter invited to confirm) that he has not confirmed. `self`: the applicant
 * reads it, so her own line says "you".
 */
export function whyNotCounted(
  text: FormText,
  verdict: SupporterNotCounted | 'unconfirmed',
  vars: { minAge: number; district: string; self?: boolean },
): string {
  if (verdict === 'applicant' && vars.self) return text.f('supporters.why.self');
  return text.f(`supporters.why.${verdict}`, { minAge: vars.minAge, district: vars.district });
}

/**
 * For whoever reads the form's supporters (staff, or the applicant on her page): per line whether it counts for the workflow's rule
 * and, if not, why (the applicant herself, no age, too young, no postcode, another district),
 * from the engine's own reading with the form's answers (a district asked on the form). Null
 * when the list is not the one the rule counts.
 */
export function supporterMarks(
  def: WorkflowDefinition,
  field: FormField,
  items: readonly unknown[],
  data: Record<string, unknown>,
  reading: SupportersReading | undefined,
  text: FormText,
): { heading: string; mark(i: number): ReactNode } | { note: string } | null {
  const rule = field.key === SUPPORTERS_LIST && reading ? supportersRule(def) : null;
  if (!rule || rule.count <= 0) return null;
  // The step no longer counts these names: marking them "Telt mee" would say what is not so.
  if (reading?.countedIn)
    return {
      note: text.f(
        reading.countedAbove ? 'supporters.byConfirmedAbove' : 'supporters.byConfirmed',
        {
          panel: reading.countedIn,
        },
      ),
    };
  const { district, verdicts } = readSupporters(def, rule, items, {
    data,
    regulationDistrict: reading?.district ?? null,
    applicantName: reading?.applicantName ?? null,
    applicantPostcode: reading?.applicantPostcode ?? null,
  });
  const vars = {
    minAge: rule.minAge,
    district: district?.label[text.locale] ?? '',
    self: reading?.self ?? false,
  };
  return {
    heading: text.f('supporters.mark.heading'),
    mark: (i) => {
      const verdict = verdicts[i];
      if (verdict === undefined) return null;
      return <SupporterMark why={verdict && whyNotCounted(text, verdict, vars)} text={text} />;
    },
  };
}
