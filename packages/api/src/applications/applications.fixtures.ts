import { addDays, toAmsterdamDate, type WorkflowDefinition } from '@initiatief/engine';
import { upsertRegulation } from '../regulations/regulations.repository';

/**
 * The demo data for a version's form: only the fields it has (version 2 and later of the shipped
 * workflows have no district field: the regulation decides the district; version 1 has), and
 * every statement it asks the applicant to tick, ticked (version 6 of the bewonersinitiatief asks
 * her to state she is 18 or older), and the account's holder for a version that asks it (version
 * 12 of the bewonersinitiatief; demoFormData has none, as version 1 refuses a field it lacks).
 */
export function onlyFormFields(
  definition: WorkflowDefinition,
  data: Record<string, unknown>,
): Record<string, unknown> {
  const keys = new Set(definition.form.fields.map((f) => f.key));
  const statements = definition.form.fields.filter((f) => f.type === 'confirm');
  const given = { ...DEMO_ACCOUNT, ...data };
  return {
    ...Object.fromEntries(statements.map((f) => [f.key, true])),
    ...Object.fromEntries(Object.entries(given).filter(([key]) => keys.has(key))),
  };
}

/** In whose name the demo's account is, for a form that asks it. */
const DEMO_ACCOUNT = { accountHolder: 'F. el Amrani' };

/** A four-digit postcode area inside each district the demo and the tests apply in. */
const DEMO_POSTCODE_AREAS: Record<string, string> = {
  Delfshaven: '3022',
  Feijenoord: '3072',
  Charlois: '3082',
  Centrum: '3012',
  Noord: '3038',
  'Kralingen-Crooswijk': '3062',
};

/** A complete, valid form for the shipped bewonersinitiatief workflow (demo seed, tests, bench). */
export function demoFormData(
  now: Date,
  overrides: Partial<{
    title: string;
    district: string;
    amountsCents: number[];
    weeksAhead: number;
    participants: number;
    /** What the initiative is, in the resident's words. */
    description: string;
    /** The budget lines' descriptions, one per amount. */
    lines: string[];
  }> = {},
): Record<string, unknown> {
  const today = toAmsterdamDate(now);
  const amounts = overrides.amountsCents ?? [45_000, 30_000];
  const area = DEMO_POSTCODE_AREAS[overrides.district ?? 'Delfshaven'] ?? '3022';
  return {
    title: overrides.title ?? 'Straatfeest Mathenesserlaan',
    description:
      overrides.description ??
      'Een middag met muziek, spelletjes voor kinderen en een lange tafel met eten uit de buurt.',
    district: overrides.district ?? 'Delfshaven',
    activityDate: addDays(today, 7 * (overrides.weeksAhead ?? 10)),
    location: 'Mathenesserlaan, tussen nummer 200 en 260',
    expectedParticipants: overrides.participants ?? 120,
    budgetLines: amounts.map((amountCents, i) => ({
      description: overrides.lines?.[i] ?? (i === 0 ? 'Huur podium en geluid' : `Post ${i + 1}`),
      amountCents,
    })),
    supporters: [
      // Neighbours other than the demo's and the tests' applicants (she never counts herself),
      // living in the district the application is for: from v12 a supporter elsewhere does not count.
      { name: 'Mehmet Yılmaz', postcode: `${area} AB`, age: 34 },
      { name: 'Henk Visser', postcode: `${area} AC`, age: 67 },
      { name: 'Priya Ramdin', postcode: `${area} AD`, age: 15 },
      { name: 'Kees Bakker', postcode: `${area} AE`, age: 45 },
    ],
    iban: 'NL91ABNA0417164300',
  };
}

/** A complete, valid form for the shipped klein-buurtbudget workflow (demo seed, tests). */
export function demoSmallBudgetData(
  now: Date,
  overrides: Partial<{
    title: string;
    district: string;
    amountsCents: number[];
    weeksAhead: number;
    description: string;
    lines: string[];
  }> = {},
): Record<string, unknown> {
  const today = toAmsterdamDate(now);
  const amounts = overrides.amountsCents ?? [60_000, 35_000];
  return {
    title: overrides.title ?? 'Buurtbarbecue Spangen',
    description:
      overrides.description ?? 'Een barbecue voor de hele straat, met spelletjes voor de kinderen.',
    district: overrides.district ?? 'Delfshaven',
    activityDate: addDays(today, 7 * (overrides.weeksAhead ?? 6)),
    budgetLines: amounts.map((amountCents, i) => ({
      description: overrides.lines?.[i] ?? (i === 0 ? 'Eten en drinken' : `Post ${i + 1}`),
      amountCents,
    })),
    iban: 'NL91ABNA0417164300',
    accountHolder: 'Stichting Buurt Spangen',
    contactPhone: '010 123 45 67',
  };
}

/**
 * A klein buurtbudget regulation for 2026 as the demo seed has them: at most EUR 1,500, settled
 * with the grant, a 4-week decision term; `ceilingCents` is the district's whole budget. On
 * version 1 of the workflow unless `workflowVersion` names another.
 */
export function smallBudgetRegulation(
  db: Parameters<typeof upsertRegulation>[0],
  r: {
    code: string;
    title: string;
    district: string;
    ceilingCents?: number;
    workflowVersion?: number;
  },
): Promise<string> {
  return upsertRegulation(db, {
    code: r.code,
    title: r.title,
    district: r.district,
    year: 2026,
    ceilingCents: r.ceilingCents ?? 1_000_000,
    maxAmountCents: 150_000,
    directSettlementThresholdCents: 150_000,
    decisionTermWeeks: 4,
    reportDueWeeks: 12,
    opensOn: '2026-01-01',
    closesOn: '2026-12-31',
    workflowKey: 'klein-buurtbudget',
    workflowVersion: r.workflowVersion ?? 1,
  });
}
