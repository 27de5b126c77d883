/** What the supporters' list and their confirmation both need: hashing and the applicant. */
import { createHash } from 'node:crypto';
import { isApplicantLine } from '@initiatief/engine';
import type { Transaction } from 'kysely';
import type { ApplicationRecord } from '../applications/applications.repository';
import type { SupporterConfirmation } from '../applications/applications.table';
import type { AppDeps } from '../context';
import type { DB } from '../db/schema';
import type { Supporter } from './supporters.table';

export type Deps = Pick<AppDeps, 'db' | 'clock' | 'config'>;
export type Db = Deps['db'] | Transaction<DB>;

export const hash = (s: string) => createHash('sha256').update(s).digest('hex');

export interface Applicant {
  id: string;
  name: string;
  email: string | null;
  /** Her postcode: a supporter with her name elsewhere is somebody else. Absent: unknown. */
  postcode?: string | null;
}

export async function applicantOf(db: Db, app: ApplicationRecord) {
  return db
    .selectFrom('users')
    .select(['id', 'name', 'email', 'postcode'])
    .where('id', '=', app.applicant_id)
    .executeTakeFirstOrThrow() as Promise<Applicant>;
}

/**
 * The applicant may not count as her own supporter: by account, e-mail address, or name at her
 * postcode (the engine's isApplicantLine: a namesake elsewhere is somebody else).
 */
export function isApplicant(
  s: Pick<Supporter, 'confirmed_user_id' | 'email' | 'name' | 'postcode'>,
  applicant: Applicant,
): boolean {
  return (
    s.confirmed_user_id === applicant.id ||
    (!!s.email && s.email === applicant.email) ||
    isApplicantLine(s, applicant.name, applicant.postcode)
  );
}

/** How the application's regulation lets supporters confirm. */
export async function ruleOf(db: Db, app: ApplicationRecord): Promise<SupporterConfirmation> {
  const row = await db
    .selectFrom('regulations')
    .select('supporter_confirmation')
    .where('id', '=', app.regulation_id)
    .executeTakeFirst();
  return row?.supporter_confirmation ?? 'digid_or_code';
}

/** What the engine's supporter rules need of each supporter, read with the application's lock. */
export type SupporterFacts = Pick<
  Supporter,
  'name' | 'email' | 'confirmed_user_id' | 'age' | 'postcode'
> & {
  confirmed: boolean;
};

/**
 * The supporters who count for the engine: confirmed, and not the applicant herself; undefined
 * when the application names none (the rules then read the form's own list).
 */
export function confirmedSupportersFrom(
  rows: SupporterFacts[] | null,
  applicant: Applicant,
): { age: number | null; postcode: string | null }[] | undefined {
  if (!rows || rows.length === 0) return undefined;
  return rows
    .filter((r) => r.confirmed && !isApplicant(r, applicant))
    .map((r) => ({ age: r.age, postcode: r.postcode }));
}
