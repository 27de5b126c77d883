/**
 * Per supporter on record whether the step that checks the supporters' rule counts him, and why
 * not: the engine's own reading (readSupporters) of those who confirmed, as `supportersAtLeast`
 * reads them (confirmedSupportersFrom), so the panel says what SUBMIT decides.
 */
import {
  readSupporters,
  type SupporterNotCounted,
  type SupportersDistrict,
  type SupportersRule,
  type WorkflowDefinition,
} from '@initiatief/engine';

/** Null: counts. Else why not: not confirmed (yet), or the engine's reason. */
export type SupporterVerdict = SupporterNotCounted | 'unconfirmed' | null;

export const SUPPORTER_VERDICTS = [
  'unconfirmed',
  'applicant',
  'noAge',
  'tooYoung',
  'noPostcode',
  'otherDistrict',
] as const satisfies readonly Exclude<SupporterVerdict, null>[];

/** What of a supporter on record the rule reads. */
export interface CountedFacts {
  confirmed: boolean;
  /** The applicant herself (isApplicant: account, e-mail address, or name at her postcode). */
  isApplicant: boolean;
  age: number | null;
  postcode: string | null;
}

/**
 * The verdict per supporter (same order), how many count, and the district they must live in
 * (null without a district table, or while the district is not known).
 */
export function countingOf(
  def: Pick<WorkflowDefinition, 'form'>,
  rule: SupportersRule,
  rows: readonly CountedFacts[],
  facts: { data: Record<string, unknown>; regulationDistrict: string | null },
): { verdicts: SupporterVerdict[]; counted: number; district: SupportersDistrict | null } {
  // The applicant and who did not confirm never reach the engine (confirmedSupportersFrom);
  // each line's verdict stands on its own, so the others are read as one list.
  const reading = readSupporters(
    def,
    rule,
    rows.map((r) => ({ age: r.age, postcode: r.postcode })),
    facts,
  );
  const verdicts = rows.map((r, i): SupporterVerdict => {
    if (r.isApplicant) return 'applicant';
    if (!r.confirmed) return 'unconfirmed';
    return reading.verdicts[i] ?? null;
  });
  return {
    verdicts,
    counted: verdicts.filter((v) => v === null).length,
    district: reading.district,
  };
}
