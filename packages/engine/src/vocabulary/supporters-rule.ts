import type { LocalizedText } from '../core/engine.types';
import { optionLabel } from '../definition/definition.rules';
import type { WorkflowDefinition } from '../definition/definition.schema';
import { type SupporterNotCounted, supporterVerdicts } from './supporters';

// The supporters' rule of a definition (`supportersAtLeast`) and who counts for it, read the same
// way by the step that checks it, the form that counts while it is filled in, the case page, the
// supporters' panel and the policy editor (which reads a draft that was never validated).

/**
 * The table of `supportersAtLeast` from district to the four digits of its postcodes. The district
 * is the answer to the form's select field `field`, when the rule names one, else the district of
 * the application's regulation.
 */
export interface SameDistrict {
  field?: string;
  postcodes: Record<string, string[]>;
}

export interface SupportersRule {
  count: number;
  minAge: number;
  sameDistrict?: SameDistrict;
}

type Json = Record<string, unknown>;
const isJson = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const asList = (v: unknown): unknown[] => (Array.isArray(v) ? v : v === undefined ? [] : [v]);

/** A `sameDistrict` as far as it can be read: absent without a table of postcodes. */
function sameDistrictOf(value: unknown): SameDistrict | undefined {
  if (!isJson(value) || !isJson(value.postcodes)) return undefined;
  const postcodes: Record<string, string[]> = {};
  for (const [district, areas] of Object.entries(value.postcodes))
    postcodes[district] = Array.isArray(areas)
      ? areas.filter((a): a is string => typeof a === 'string')
      : [];
  return typeof value.field === 'string' ? { field: value.field, postcodes } : { postcodes };
}

/** One guard's params as a rule: no count is 0, no age 12 (the params' defaults). */
function ruleOfParams(params: unknown): SupportersRule {
  const p = isJson(params) ? params : {};
  const sameDistrict = sameDistrictOf(p.sameDistrict);
  return {
    count: typeof p.count === 'number' ? p.count : 0,
    minAge: typeof p.minAge === 'number' ? p.minAge : 12,
    ...(sameDistrict ? { sameDistrict } : {}),
  };
}

/**
 * Every `supportersAtLeast` on a transition of the definition, in the order of its states and
 * events. Reads a validated definition and a draft that was never validated alike: what is not
 * there, or not of its kind, is read as absent (see ruleOfParams).
 */
export function supportersRules(def: WorkflowDefinition | object): SupportersRule[] {
  const rules: SupportersRule[] = [];
  const states = (def as { states?: unknown }).states;
  for (const state of Object.values(isJson(states) ? states : {})) {
    const on = isJson(state) && isJson(state.on) ? state.on : {};
    for (const value of Object.values(on)) {
      // An event's transition: a target's name, one transition, or a list of guarded branches.
      for (const t of asList(value)) {
        if (!isJson(t)) continue;
        for (const g of asList(t.guard))
          if (isJson(g) && g.type === 'supportersAtLeast') rules.push(ruleOfParams(g.params));
      }
    }
  }
  return rules;
}

/**
 * How many supporters the workflow asks for, from what age, and (its `sameDistrict` table) from
 * which district: the strictest `supportersAtLeast` of its transitions (the first of equal
 * counts); null when no step asks for supporters (then nobody needs to be invited to confirm).
 */
export function supportersRule(def: WorkflowDefinition | object): SupportersRule | null {
  let rule: SupportersRule | null = null;
  for (const r of supportersRules(def)) if (rule === null || r.count > rule.count) rule = r;
  return rule;
}

/** The district whose residents count: its name in the table, its label, its postcodes. */
export interface SupportersDistrict {
  name: string;
  label: LocalizedText;
  postcodes: readonly string[];
}

/**
 * The district the supporters must live in, by its label, and its postcodes: null when the rule
 * has no district table, or the district is not known (a simulator, a step without a regulation,
 * a district question not answered yet). A district the table does not name has no postcodes:
 * then nobody counts, as a postcode outside every district does not count.
 */
export function districtOfRule(
  def: Pick<WorkflowDefinition, 'form'>,
  rule: Pick<SupportersRule, 'sameDistrict'> | null | undefined,
  data: Record<string, unknown> | null | undefined,
  regulationDistrict: string | null | undefined,
): SupportersDistrict | null {
  const table = rule?.sameDistrict;
  if (!table) return null;
  const answer = table.field === undefined ? regulationDistrict : data?.[table.field];
  if (typeof answer !== 'string' || answer === '') return null;
  const field = def.form.fields.find((f) => f.key === table.field);
  return {
    name: answer,
    label: field ? optionLabel(field, answer) : { nl: answer, en: answer },
    postcodes: Object.hasOwn(table.postcodes, answer) ? (table.postcodes[answer] ?? []) : [],
  };
}

/** What besides the list decides who counts; every part may be unknown. */
export interface SupportersFacts {
  /** The form's answers: a table keyed by a question (`sameDistrict.field`) reads its answer. */
  data?: Record<string, unknown> | null;
  /** The district of the application's regulation: the table's key without such a question. */
  regulationDistrict?: string | null;
  /** The applicant: a line that is her does not count (isApplicantLine). */
  applicantName?: string | null;
  applicantPostcode?: string | null;
}

/** Who counts of a list of supporters: the district, a verdict per line, and how many count. */
export interface SupportersReading {
  district: SupportersDistrict | null;
  /** By position: null when the line counts, else why not (supporterVerdicts). */
  verdicts: (SupporterNotCounted | null)[];
  counted: number;
}

/**
 * The rule applied to a list of supporters (the form's lines, or those who confirmed) with the
 * application's facts: the one reading the step that checks it, the form while it is filled in
 * and the staff's pages all use, so what they say is what the step decides.
 */
export function readSupporters(
  def: Pick<WorkflowDefinition, 'form'>,
  rule: { minAge?: number | undefined; sameDistrict?: SameDistrict | undefined },
  list: readonly unknown[],
  facts: SupportersFacts = {},
): SupportersReading {
  const district = districtOfRule(def, rule, facts.data, facts.regulationDistrict);
  const verdicts = supporterVerdicts(list, rule.minAge ?? 12, {
    applicantName: facts.applicantName ?? null,
    applicantPostcode: facts.applicantPostcode ?? null,
    districtPostcodes: district?.postcodes ?? null,
  });
  return { district, verdicts, counted: verdicts.filter((v) => v === null).length };
}
