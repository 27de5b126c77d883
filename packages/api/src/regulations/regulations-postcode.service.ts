import {
  districtOfRule,
  postcodeDigits,
  type SameDistrict,
  supportersRule,
} from '@initiatief/engine';
import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../db/schema';
import { loadDefinition } from '../definitions/definitions.repository';
import { listOpenRegulations } from './regulations.repository';

// The only table from postcode to district is the one the supporters' rule of a workflow carries
// (`supportersAtLeast`'s `sameDistrict`). A regulation's district holds a postcode when the
// table of the workflow version it starts applications on says so; a workflow without such a
// table says nothing, and its regulations match no postcode. Nothing here knows a postcode of
// its own.

/** Which open regulations a postcode belongs to, and the district it lies in. */
export interface PostcodeRegulations {
  /** The district a table of an open regulation's workflow puts the postcode in; null: none. */
  district: string | null;
  /** The open regulations whose district holds the postcode, by their own workflow's table. */
  regulationIds: string[];
}

/** The district of a table keyed by the regulation's district whose areas hold `digits`. */
function districtInTable(table: SameDistrict | undefined, digits: string): string | null {
  // A table keyed by a question of the form names districts per application, not per regulation.
  if (!table || table.field !== undefined) return null;
  for (const [district, areas] of Object.entries(table.postcodes))
    if (areas.includes(digits)) return district;
  return null;
}

/**
 * The open regulations (on `today`, an Amsterdam date) whose district holds `postcode`, read from
 * the district table of each one's workflow (districtOfRule, as the supporters' rule reads it).
 */
export async function regulationsForPostcode(
  db: Kysely<DB> | Transaction<DB>,
  postcode: string,
  today: string,
): Promise<PostcodeRegulations> {
  const digits = postcodeDigits(postcode);
  const result: PostcodeRegulations = { district: null, regulationIds: [] };
  if (digits === null) return result;
  let elsewhere: string | null = null;
  for (const reg of await listOpenRegulations(db, today)) {
    const def = await loadDefinition(db, reg.workflow.key, reg.workflow.version);
    const rule = supportersRule(def);
    const own = districtOfRule(def, rule, null, reg.district);
    if (own?.postcodes.includes(digits)) {
      result.regulationIds.push(reg.id);
      result.district ??= reg.district;
    } else {
      elsewhere ??= districtInTable(rule?.sameDistrict, digits);
    }
  }
  result.district ??= elsewhere;
  return result;
}
