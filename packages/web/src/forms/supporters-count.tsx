import {
  type FormField,
  readSupporters,
  SUPPORTERS_LIST,
  type SupporterNotCounted,
  type SupportersRule,
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

/** The lines that do not count (from 1), in line order: a run of one reason is one sentence. */
export function notCountedInOrder(
  verdicts: readonly (SupporterNotCounted | null)[],
): { reason: SupporterNotCounted; lines: number[] }[] {
  const runs: { reason: SupporterNotCounted; lines: number[] }[] = [];
  verdicts.forEach((reason, i) => {
    if (reason === null) return;
    const last = runs.at(-1);
    if (last?.reason === reason) last.lines.push(i + 1);
    else runs.push({ reason, lines: [i + 1] });
  });
  return runs;
}

/**
 * Under the form's supporters list: how many count for the workflow's rule while the list is
 * being filled in, and which lines do not count yet, in line order (too young, no age, the
 * applicant herself, or, when the rule names a district, no postcode or a postcode in another
 * district). The engine's own reading (readSupporters) with the form's answers as they are now,
 * so a district asked on the form counts as the step will. The step that checks the rule still
 * refuses with its own sentence; this only says it before the person gets there.
 */
export function SupportersCount({
  items,
  rule,
  def,
  data,
  applicant,
}: {
  items: readonly unknown[];
  rule: SupportersRule;
  def: Pick<WorkflowDefinition, 'form'>;
  /** The form's answers now: a district question (`sameDistrict.field`) names the district. */
  data?: Record<string, unknown>;
  applicant?: FormApplicant;
}) {
  const text = useFormText();
  const { counted, verdicts, district } = readSupporters(def, rule, items, {
    data: data ?? null,
    regulationDistrict: applicant?.district ?? null,
    applicantName: applicant?.name ?? null,
    applicantPostcode: applicant?.postcode ?? null,
  });
  const vars = { minAge: rule.minAge, district: district?.label[text.locale] ?? '' };
  return (
    <div role="status" aria-live="polite" className="app-total">
      <strong>
        {text.f(counted >= rule.count ? 'supporters.enough' : 'supporters.counted', {
          n: text.formatNumber(counted),
          count: text.formatNumber(rule.count),
          minAge: rule.minAge,
        })}
      </strong>
      {notCountedInOrder(verdicts).map(({ reason, lines }) => (
        <span key={lines[0]} className="app-total__note">
          {reason === 'applicant'
            ? text.fn(
                applicant?.isReader ? 'supporters.self' : 'supporters.applicant',
                lines.length,
                {
                  lines: text.list(lines),
                  name: applicant?.name ?? '',
                },
              )
            : text.fn(`supporters.${reason}`, lines.length, { ...vars, lines: text.list(lines) })}
        </span>
      ))}
    </div>
  );
}

/**
 * The count under a list field when it is the list the workflow's supporters rule counts, read
 * with the form's answers `data` as they are now.
 */
export function supportersFooter(
  def: WorkflowDefinition,
  field: FormField,
  value: unknown,
  data: Record<string, unknown>,
  applicant?: FormApplicant,
) {
  const rule = field.key === SUPPORTERS_LIST ? supportersRule(def) : null;
  if (!rule || rule.count <= 0) return undefined;
  return (
    <SupportersCount
      items={Array.isArray(value) ? value : []}
      rule={rule}
      def={def}
      data={data}
      {...(applicant ? { applicant } : {})}
    />
  );
}
