import { z } from 'zod';
import { LETTER_KINDS } from '../core/engine.types';

/** Which amount a guard or action looks at. */
export const amountSource = z.enum(['requested', 'payload', 'grant', 'advanceTotal']);
export type AmountSource = z.infer<typeof amountSource>;

/**
 * What an amount may not exceed. `granted`: the amount granted before this step; `grant`: the
 * amount this step grants (a GRANT's own amount, else the proposal, else the request), for a
 * figure decided with the grant, such as its advance.
 */
export const amountLimit = z.enum([
  'regulationMax',
  'granted',
  'grant',
  'requested',
  'remainingGrant',
  'directSettlementThreshold',
  'settlementFourEyes',
  'fixed',
]);

const empty = z.object({}).strict();

/**
 * `supportersAtLeast`'s table from district to postcodes (SameDistrict in supporters.ts): each
 * district with the four digits its postcodes start with, no four digits in two districts. That
 * a district is an option of the form's field `field` is checked with the form
 * (checkSupportersDistrict).
 */
export const sameDistrictParams = z
  .object({
    field: z.string().min(1).optional(),
    postcodes: z.record(
      z.string().min(1, { message: 'a district needs a name' }),
      z
        .array(
          z.string().regex(/^[1-9][0-9]{3}$/u, {
            message: 'a postcode here is its four digits, such as 3061',
          }),
        )
        .min(1, { message: 'a district needs at least one postcode' }),
    ),
  })
  .strict()
  .superRefine((table, ctx) => {
    const seen = new Map<string, string>();
    for (const [district, prefixes] of Object.entries(table.postcodes)) {
      for (const prefix of prefixes) {
        const first = seen.get(prefix);
        if (first !== undefined) {
          ctx.addIssue({
            code: 'custom',
            path: ['postcodes', district],
            message:
              first === district
                ? `postcode ${prefix} is named twice for ${district}`
                : `postcode ${prefix} is named for both ${first} and ${district}; a postcode belongs to one district`,
          });
        } else seen.set(prefix, district);
      }
    }
    if (Object.keys(table.postcodes).length === 0) {
      ctx.addIssue({
        code: 'custom',
        path: ['postcodes'],
        message: 'the table names no district',
      });
    }
  });

/** Parameter schemas of every guard the engine implements. */
export const guardParams = {
  formComplete: empty,
  supportersAtLeast: z
    .object({
      count: z.int().min(0),
      minAge: z.int().min(0).optional(),
      sameDistrict: sameDistrictParams.optional(),
    })
    .strict(),
  /**
   * `field`: with amount `payload`, the step's field the amount is read from (an amount in cents
   * such as the advance decided with a grant) instead of the step's own amount (`amountCents`).
   */
  amountAtMost: z
    .object({
      amount: amountSource,
      limit: amountLimit,
      cents: z.int().min(0).optional(),
      field: z.string().min(1).optional(),
    })
    .strict()
    .refine((p) => p.limit !== 'fixed' || p.cents !== undefined, {
      message: "limit 'fixed' needs cents",
      path: ['cents'],
    })
    .refine((p) => p.field === undefined || p.amount === 'payload', {
      message: "a field is read only with amount 'payload'",
      path: ['field'],
    }),
  amountAtLeast: z.object({ amount: amountSource, cents: z.int().min(0) }).strict(),
  budgetAvailable: z.object({ amount: amountSource.optional() }).strict(),
  daysBeforeActivityAtLeast: z.object({ days: z.int().min(0) }).strict(),
  activityDateReached: empty,
  actorIsNot: z.object({ event: z.string().min(1) }).strict(),
  extensionAvailable: empty,
  payloadEquals: z
    .object({ field: z.string().min(1), value: z.union([z.string(), z.number(), z.boolean()]) })
    .strict(),
  reasonForChangedAmount: z.object({ field: z.string().min(1) }).strict(),
} as const;
export type GuardName = keyof typeof guardParams;

export const contextTarget = z.enum([
  'data',
  'assessment',
  'decision',
  'report',
  'request',
  'supplement',
]);

/** Parameter schemas of every action the engine implements. */
export const actionParams = {
  assignPayload: z
    .object({ fields: z.array(z.string().min(1)).min(1), into: contextTarget })
    .strict(),
  mergeData: empty,
  sendNotice: z
    .object({ template: z.string().min(1), audience: z.enum(['applicant', 'staff']) })
    .strict(),
  issueDocument: z.object({ kind: z.enum(LETTER_KINDS), template: z.string().min(1) }).strict(),
  setGrant: empty,
  reserveBudget: empty,
  releaseBudget: empty,
  commitBudget: empty,
  settle: z.object({ amount: z.enum(['payload', 'granted', 'proposed']) }).strict(),
  /**
   * `field`: for an advance, the step's field that holds its amount in cents (the advance a GRANT
   * decides, beside the granted amount); absent, the step's own amount (`amountCents`). An
   * absent or zero amount records nothing.
   */
  recordPayment: z
    .object({
      kind: z.enum(['advance', 'settlement', 'reclaim']),
      field: z.string().min(1).optional(),
    })
    .strict()
    .refine((p) => p.field === undefined || p.kind === 'advance', {
      message: 'a field is read only for an advance',
      path: ['field'],
    }),
  startClock: empty,
  suspendClock: z.object({ defaultPeriodDays: z.int().min(1).max(365) }).strict(),
  resumeClock: empty,
  extendClock: z.object({ defaultWeeks: z.int().min(1).max(52) }).strict(),
} as const;
export type ActionName = keyof typeof actionParams;

/** Parameter schemas of every delay kind; the engine turns them into absolute instants. */
export const delayParams = {
  decisionDue: z.object({ offsetDays: z.int().min(-366).max(366).optional() }).strict(),
  supplementDue: empty,
  reportDue: z.object({ offsetDays: z.int().min(-366).max(366).optional() }).strict(),
  days: z.object({ days: z.int().min(0).max(3660) }).strict(),
} as const;
export type DelayKind = keyof typeof delayParams;

export const GUARD_NAMES = Object.keys(guardParams) as GuardName[];
export const ACTION_NAMES = Object.keys(actionParams) as ActionName[];
export const DELAY_KINDS = Object.keys(delayParams) as DelayKind[];
