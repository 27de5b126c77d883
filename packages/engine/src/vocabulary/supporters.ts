// The supporters' rule in words a form can use while it is filled in. Kept apart from the guards,
// which validate payloads with zod, so the resident's form loads this without the validator.

/** The form's list that `supportersAtLeast` counts when nobody was invited to confirm. */
export const SUPPORTERS_LIST = 'supporters';

/**
 * The supporters named in the form's own list (`data.supporters`, the vocabulary's field for
 * `supportersAtLeast`): what that guard counts while nobody was invited to confirm.
 */
export function supportersOnForm(data: Record<string, unknown> | null | undefined): unknown[] {
  const list = data?.[SUPPORTERS_LIST];
  return Array.isArray(list) ? list : [];
}

/**
 * Two ways of writing one person's name: the same letters, whatever their case, their accents
 * and the spaces around and between the words. A neighbour on a Dutch keyboard writes "Ayse
 * Yildiz-Celik" for Ayşe Yıldız-Çelik, and "YILDIZ" in capitals has lost its dotless i.
 */
export function sameName(a: string, b: string): boolean {
  return nameKey(a) === nameKey(b);
}

// Dutch has no casing rules of its own (only Turkish, Azeri and Lithuanian do), so the
// locale-free toLowerCase gives what toLocaleLowerCase('nl') gives, without asking ICU for the
// locale on every line (it was 1.3 % of a transition's server time with a few supporters).
function nameKey(name: string): string {
  return name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/ı/gu, 'i')
    .trim()
    .replace(/\s+/gu, ' ')
    .toLowerCase();
}

/**
 * The four digits of a Dutch postcode ("3061 AB" -> "3061"); null when it does not start with
 * them. The district table of `supportersAtLeast` (`sameDistrict`) goes by these four digits.
 */
export function postcodeDigits(postcode: unknown): string | null {
  if (typeof postcode !== 'string') return null;
  return /^\s*([1-9][0-9]{3})/u.exec(postcode)?.[1] ?? null;
}

/** The same postcode, however it is written ("3061ab", "3061 AB"). */
function samePostcode(a: string, b: string): boolean {
  const key = (p: string) => p.replace(/\s+/gu, '').toUpperCase();
  return key(a) === key(b);
}

/**
 * Whether a line of the supporters' list is the applicant herself: the same name (sameName), and
 * not at another postcode than hers (her postcode unknown, the line's not given yet, or the
 * same). A neighbour at another postcode with the same name as hers is somebody else.
 */
export function isApplicantLine(
  line: { name?: unknown; postcode?: unknown },
  applicantName: string | null | undefined,
  applicantPostcode?: string | null,
): boolean {
  return applicantLineTest(applicantName, applicantPostcode)(line);
}

/** isApplicantLine for one applicant, her name's key worked out once for the whole list. */
function applicantLineTest(
  applicantName: string | null | undefined,
  applicantPostcode?: string | null,
): (line: { name?: unknown; postcode?: unknown }) => boolean {
  if (!applicantName) return () => false;
  const key = nameKey(applicantName);
  const anyPostcode = !applicantPostcode || postcodeDigits(applicantPostcode) === null;
  return (line) => {
    if (typeof line.name !== 'string' || nameKey(line.name) !== key) return false;
    if (anyPostcode) return true;
    if (typeof line.postcode !== 'string' || line.postcode.trim() === '') return true;
    return samePostcode(line.postcode, applicantPostcode as string);
  };
}

/** Why a supporter does not count for `supportersAtLeast`. */
export type SupporterNotCounted =
  | 'applicant'
  | 'noAge'
  | 'tooYoung'
  | 'noPostcode'
  | 'otherDistrict';

/** What besides the minimum age decides who counts; every part may be absent. */
export interface SupporterCheck {
  /** The applicant's name: a line that is her does not count (isApplicantLine). */
  applicantName?: string | null;
  /** Her postcode: a line with her name but another postcode is somebody else. */
  applicantPostcode?: string | null;
  /**
   * The four-digit postcodes of the district the supporters must live in (districtOfRule);
   * null or absent: wherever they live.
   */
  districtPostcodes?: readonly string[] | null;
}

/**
 * Each supporter's verdict for `supportersAtLeast`, by position: null when the line counts, else
 * why not. Checked in this order: the applicant herself, no age, too young, no postcode, a
 * postcode outside the district (only when the rule has a district table).
 */
export function supporterVerdicts(
  list: readonly unknown[],
  minAge: number,
  check: SupporterCheck = {},
): (SupporterNotCounted | null)[] {
  const district = check.districtPostcodes ? new Set(check.districtPostcodes) : null;
  const isApplicant = applicantLineTest(check.applicantName, check.applicantPostcode);
  return list.map((s) => {
    const line = (s ?? {}) as { age?: unknown; name?: unknown; postcode?: unknown };
    if (isApplicant(line)) return 'applicant';
    if (typeof line.age !== 'number') return 'noAge';
    if (line.age < minAge) return 'tooYoung';
    if (district === null) return null;
    const digits = postcodeDigits(line.postcode);
    if (digits === null) return 'noPostcode';
    return district.has(digits) ? null : 'otherDistrict';
  });
}

/**
 * Which supporters count for `supportersAtLeast`: those whose `age` is a whole number of at least
 * `minAge`, who are not the applicant, and (when the rule names a district) whose postcode lies in
 * it. The regulation asks for the support of other residents of the district, so a line that is
 * the applicant herself (`applicantName`, see isApplicantLine) never counts. Also the positions
 * (from 0) of the lines that do not count, by reason, so a form can say which they are while it
 * is being filled in.
 */
export function countSupporters(
  list: readonly unknown[],
  minAge: number,
  applicantName?: string | null,
  more: Omit<SupporterCheck, 'applicantName'> = {},
): { counted: number } & Record<SupporterNotCounted, number[]> {
  const result = {
    counted: 0,
    tooYoung: [] as number[],
    noAge: [] as number[],
    applicant: [] as number[],
    noPostcode: [] as number[],
    otherDistrict: [] as number[],
  };
  supporterVerdicts(list, minAge, { ...more, applicantName }).forEach((verdict, i) => {
    if (verdict === null) result.counted++;
    else result[verdict].push(i);
  });
  return result;
}
