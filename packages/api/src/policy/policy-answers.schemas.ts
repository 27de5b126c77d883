import { z } from '@hono/zod-openapi';
import { BudgetSchema, RegulationSchema } from '../regulations/regulations.routes';

/**
 * What the policy reports, diffs and regulation changes answer, described so that the web's
 * typed client (generated from the document) reads them without copies of its own.
 */

const Keyed = z.object({
  added: z.array(z.string()),
  removed: z.array(z.string()),
  changed: z.array(z.string()),
});

export const DefinitionDiffSchema = z
  .object({
    changes: z.array(
      z.object({
        path: z.string(),
        kind: z.enum(['added', 'removed', 'changed']),
        before: z.unknown().optional(),
        after: z.unknown().optional(),
      }),
    ),
    summary: z.object({
      states: Keyed,
      transitions: Keyed,
      events: Keyed,
      roles: z.array(
        z.object({ event: z.string(), before: z.array(z.string()), after: z.array(z.string()) }),
      ),
      delays: Keyed,
      letters: Keyed,
      mails: Keyed,
      form: z.boolean(),
      other: z.array(z.string()),
    }),
  })
  .openapi('DefinitionDiff');

/**
 * A regulation as created or changed (without `open`, its scheme and conditions, which only the
 * public lists compute).
 */
export const StoredRegulationSchema = RegulationSchema.omit({
  open: true,
  scheme: true,
  conditions: true,
})
  .extend({ settlementFourEyesAboveCents: z.number().int().nullable() })
  .openapi('StoredRegulation');

/** The workflow version a state name belongs to: its label and order are that version's. */
const DefinitionRef = z.object({ key: z.string(), version: z.number().int() });

export const StateCountSchema = z
  .object({
    district: z.string(),
    state: z.string(),
    definition: DefinitionRef,
    count: z.number().int(),
  })
  .openapi('StateCount');

export const BudgetUseSchema = BudgetSchema.extend({
  usedCents: z.number().int(),
  usedShare: z.number(),
}).openapi('BudgetUse');

const LeadTime = z
  .object({
    district: z.string().nullable(),
    decided: z.number().int(),
    averageDays: z.number().nullable(),
    medianDays: z.number().nullable(),
    maxDays: z.number().nullable(),
    withinTerm: z.number().int(),
    withinTermShare: z.number().nullable(),
  })
  .openapi('LeadTime');
export const LeadTimesSchema = z.object({ items: z.array(LeadTime), total: LeadTime });

export const OverdueItemSchema = z
  .object({
    id: z.uuid(),
    reference: z.string(),
    title: z.string(),
    district: z.string(),
    state: z.string(),
    definition: DefinitionRef,
    decisionDueOn: z.string(),
    daysOverdue: z.number().int(),
    assignee: z.string().nullable(),
  })
  .openapi('OverdueItem');
