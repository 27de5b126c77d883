import { z } from '@hono/zod-openapi';
import { ROLES } from '@initiatief/engine';

/** A role as the engine knows it: the staff and applicant roles, and `system` for timers. */
const ActorRole = z.enum(ROLES).openapi('ActorRole');

export const IdParams = z.object({
  id: z.string().openapi({ param: { name: 'id', in: 'path' }, format: 'uuid' }),
});

const Localized = z.object({ nl: z.string(), en: z.string() });

/** A notice of default and the penalty it made owed (engine latePenalty), dates as YYYY-MM-DD. */
import { NOTICE_WAIVERS } from './notice-waiver';

export const NoticeOfDefaultSchema = z
  .object({
    receivedOn: z.iso.date(),
    waived: z.enum(NOTICE_WAIVERS).nullable().openapi({
      description:
        'Set by decision with no penalty owed, on this ground of Awb 4:17 lid 6 (late_notice: the notice came unreasonably late; not_interested: the applicant is no interested party; manifest: the application was manifestly inadmissible or unfounded); null otherwise',
    }),
    termEndedOn: z.iso.date().openapi({ description: 'The last day of the decision term' }),
    decidedOn: z.iso.date().nullable().openapi({
      description: 'The day the decision that ended the wait was made known; null while awaited',
    }),
    kind: z.enum(['running', 'ended']),
    firstDay: z.iso.date().openapi({ description: 'The first day the penalty is owed for' }),
    days: z.number().int().min(0).max(42),
    cents: z.number().int().min(0).openapi({ description: 'Owed so far, or in all once ended' }),
    lastDay: z.iso.date().nullable(),
    settleBy: z.iso.date().nullable().openapi({
      description: 'Ended with days owed: the last day to set the amount by decision (Awb 4:18)',
    }),
    setOn: z.iso.date().nullable().openapi({
      description: 'The day the amount was set by decision; null while it is not',
    }),
    explanation: Localized.openapi({ description: 'The figures in words for staff' }),
    forApplicant: Localized.openapi({
      description: 'The same in words for the applicant, who is owed the penalty',
    }),
  })
  .openapi('NoticeOfDefault');

export const ApplicationDetailSchema = z
  .object({
    id: z.uuid(),
    reference: z.string().openapi({ example: 'BI-2026-000123' }),
    title: z.string().openapi({
      description: "The application's name: its definition's title field ('' until filled in)",
    }),
    state: z.string(),
    stateLabel: Localized.nullable(),
    data: z.record(z.string(), z.unknown()),
    editable: z.boolean(),
    amounts: z.object({
      requestedCents: z.number().int(),
      grantedCents: z.number().int().nullable(),
      advanceCents: z.number().int(),
      settledCents: z.number().int().nullable(),
      reclaimCents: z.number().int(),
      proposedCents: z.number().int().nullable().openapi({
        description:
          'Staff only (null for others): what the assessment proposed to grant, which a grant that names no amount awards',
      }),
    }),
    clock: z.object({
      receivedOn: z.string().nullable(),
      decisionDueOn: z.string().nullable(),
      suspended: z.boolean(),
      suspendedSince: z.string().nullable().openapi({
        description:
          'While the decision term stands still for a request for more information (Awb 4:15, from the day after): the day of that request; null when the term runs',
      }),
      suspendedDays: z.number().int(),
      extended: z.boolean(),
      activityOn: z.string().nullable(),
      decisionAfterActivity: z.boolean().openapi({
        description: "A decision is due and its last day falls after the activity's date",
      }),
    }),
    warnings: z
      .array(
        z.object({
          key: z.string(),
          text: Localized.openapi({ description: 'In words for the resident' }),
          staffText: Localized.openapi({
            description: 'In words for staff and whoever acts for the resident',
          }),
        }),
      )
      .openapi({ description: 'What the resident and staff should know, with what it means' }),
    deadlines: z.array(z.object({ key: z.string(), date: z.string(), explanation: Localized })),
    allowedEvents: z.array(
      z.object({
        type: z.string(),
        roles: z.array(ActorRole),
        payloadSchema: z.record(z.string(), z.unknown()),
      }),
    ),
    definition: z.object({ key: z.string(), version: z.number().int() }),
    regulation: z.object({
      id: z.uuid(),
      code: z.string(),
      title: z.string(),
      district: z.string(),
      year: z.number().int(),
      closesOn: z.iso.date().openapi({
        description: 'The last day the regulation takes applications (Europe/Amsterdam)',
      }),
    }),
    applicationPeriodEnded: z
      .object({ closesOn: z.iso.date(), text: Localized })
      .nullable()
      .openapi({
        description:
          "An application not received yet (a draft) whose regulation's last day for applications has passed: it can no longer be submitted (409 regulation_closed), and `text` says so; null otherwise",
      }),
    applicantId: z.uuid(),
    applicantName: z.string().nullable(),
    applicantPostcode: z.string().nullable().openapi({
      description:
        "The applicant's postcode as her account has it, null when not known: a supporter on the form with her name counts as her only at this postcode",
    }),
    applicantCanLogIn: z.boolean().openapi({
      description:
        'The applicant logs in to read the application herself (an account with an e-mail address, or DigiD); false for a resident the desk filed for without either',
    }),
    applicantContact: z
      .object({
        letters: z.enum(['email', 'paper']).openapi({
          description: 'The channel her letters and decisions take now',
        }),
        email: z.string().nullable(),
        phone: z.string().nullable(),
        postalAddress: z.object({
          street: z.string().nullable(),
          postcode: z.string().nullable(),
          city: z.string().nullable(),
        }),
      })
      .nullable()
      .openapi({
        description:
          'How staff reach the applicant: the channel of her letters, e-mail, phone and postal address; null for anyone but staff',
      }),
    report: z.array(
      z.object({
        key: z.string(),
        label: z.object({ nl: z.string(), en: z.string() }),
        unit: z.enum(['cents', 'code']).nullable().openapi({
          description:
            'cents: an amount of money; code: a whole number shown as written (a year); null: text or a quantity',
        }),
        value: z.unknown(),
      }),
    ),
    noticeOfDefault: NoticeOfDefaultSchema.nullable().openapi({
      description:
        'The notice of default (ingebrekestelling, Awb 4:17) and the penalty it made owed; null without one',
    }),
    noticeOfDefaultRecordable: z.boolean().openapi({
      description:
        'The reader can give (the applicant or her helper, online) or record (desk and assessors) a ' +
        'notice of default now: a decision is awaited past its term, and none is recorded yet',
    }),
    createdBy: z.uuid(),
    assigneeId: z.uuid().nullable(),
    submittedAt: z.string().nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
    version: z.number().int().openapi({ description: 'Also the ETag: "<version>"' }),
  })
  .openapi('Application');

export const CreateApplicationBody = z
  .object({
    regulationId: z.string().openapi({ format: 'uuid' }),
    data: z.record(z.string(), z.unknown()).optional(),
    applicantId: z
      .uuid()
      .optional()
      .openapi({ description: 'Desk staff (clerk) only: the resident this application is for.' }),
  })
  .strict()
  .openapi('CreateApplication');

export const PatchApplicationBody = z
  .object({ data: z.record(z.string(), z.unknown()) })
  .strict()
  .openapi('PatchApplication');

export const EventBody = z
  .object({
    type: z
      .string()
      .regex(/^[A-Z][A-Z0-9_]*$/, 'an event type in UPPER_SNAKE_CASE')
      .max(64),
    payload: z.unknown().optional(),
    receivedOn: z.iso.date().optional().openapi({
      description:
        'Desk staff only, with the step that receives the application (the one that starts the decision term) or the supplement asked for (one that lets a suspended term run again): the day it came in, when that was before today (by post), at most 30 days ago, and for a supplement not before it was asked for. The decision term and the regulation’s last day count from it; the history keeps it',
    }),
  })
  .strict()
  .openapi('ApplicationEvent');

const csv = z
  .string()
  .max(1000)
  .transform((s) =>
    s
      .split(',')
      .map((x) => x.trim())
      .filter(Boolean),
  );
const boolString = z.enum(['true', 'false']).transform((v) => v === 'true');

export const ListQuery = z.object({
  state: csv.optional().openapi({
    description: 'One or more states of the published workflows, comma-separated; another is 422',
  }),
  district: z.string().max(100).optional(),
  regulation: z.string().max(100).optional().openapi({ description: 'Regulation id or code' }),
  overdue: boolString.optional(),
  assignedTo: z.enum(['me', 'unassigned', 'anyone']).optional(),
  q: z.string().max(200).optional().openapi({
    description:
      "Reference, part of the title or (staff) the resident's name, or postcode and house number",
  }),
  sort: z.enum(['deadline', 'submitted', 'updated']).optional().openapi({
    description:
      "deadline (staff default): by each row's `nextDeadline`, soonest first, none last; submitted and updated: newest first",
  }),
  limit: z.coerce.number().int().min(1).max(100).optional(),
  cursor: z.string().max(500).optional(),
});

export const QueueQuery = z.object({
  district: z.string().max(100).optional(),
  regulation: z.string().max(100).optional(),
  assignedTo: z.enum(['me', 'unassigned', 'anyone']).optional(),
  overdue: boolString.optional(),
  awaitingApproval: boolString.optional().openapi({
    description:
      'Only applications waiting for a second person (a state tagged awaiting_approval: a proposal, or a settlement for four eyes), instead of those whose decision is owed',
  }),
  limit: z.coerce.number().int().min(1).max(100).optional(),
  cursor: z.string().max(500).optional(),
});

const ListDeadlineSchema = z.object({
  key: z.string(),
  date: z.string(),
  explanation: Localized,
  daysLeft: z.number().int().openapi({
    description: 'Calendar days from today (Europe/Amsterdam) to the date; negative when passed',
  }),
  pending: z.literal(true).optional().openapi({
    description:
      'The objection period of a decision whose paper letter waits for the post: it runs from the day after the letter is sent, so `date` is provisional and no last day can be named yet',
  }),
});

const EnteredStepSchema = z.object({
  event: z.string(),
  payload: z.record(z.string(), z.unknown()),
  at: z.string(),
  actorName: z.string().nullable(),
});

export const ListItemSchema = z
  .object({
    id: z.uuid(),
    reference: z.string(),
    title: z.string(),
    state: z.string(),
    district: z.string(),
    regulationId: z.uuid(),
    applicantId: z.uuid(),
    applicantName: z.string().nullable(),
    requestedCents: z.number().int(),
    grantedCents: z.number().int().nullable(),
    receivedOn: z.string().nullable(),
    decisionDueOn: z.string().nullable(),
    daysLeft: z.number().int().nullable(),
    overdue: z.boolean(),
    suspended: z.boolean(),
    awaitingDecision: z.boolean(),
    decisionAfterActivity: z
      .boolean()
      .openapi({ description: "The decision's last day falls after the activity's date" }),
    assignee: z.object({ id: z.uuid(), name: z.string() }).nullable(),
    submittedAt: z.string().nullable(),
    updatedAt: z.string(),
    version: z.number().int(),
    definition: z.object({ key: z.string(), version: z.number().int() }),
    nextDeadline: ListDeadlineSchema.nullable().openapi({
      description:
        "The next of the application's deadlines, as its page lists them (`deadlines`): the earliest still to come (today included), else the one that passed last; null when it has none",
    }),
    noticeOfDefault: z
      .object({ receivedOn: z.iso.date(), penaltyFrom: z.iso.date() })
      .nullable()
      .openapi({
        description:
          'While a decision is awaited after a notice of default (ingebrekestelling, Awb 4:17): the day it came in and the first day of the penalty (dwangsom)',
      }),
    proposal: EnteredStepSchema.nullable().optional().openapi({
      description:
        'Only in the approvals list (`GET /api/queue?awaitingApproval=true`): the step that brought the application into its state awaiting approval (the proposal), with its payload; labels and units are in the definition the application is pinned to',
    }),
  })
  .openapi('ApplicationListItem');

export const ListResponse = z
  .object({ items: z.array(ListItemSchema), nextCursor: z.string().nullable() })
  .openapi('ApplicationList');

export const HistoryEntrySchema = z
  .object({
    id: z.uuid(),
    seq: z.number().int(),
    event: z.string(),
    fromState: z.string(),
    toState: z.string(),
    actor: z.object({ id: z.string(), name: z.string().nullable(), roles: z.array(ActorRole) }),
    onBehalfOf: z.uuid().nullable(),
    payload: z.record(z.string(), z.unknown()).openapi({ description: "The event's payload" }),
    at: z.string(),
  })
  .openapi('HistoryEntry');

export const IfMatchHeader = z.object({
  // Optional for zod so that a missing header is 428 (the service says so), not 422; required
  // for clients, which is what the document tells them.
  'if-match': z
    .string()
    .optional()
    .openapi({ param: { required: true }, description: 'The ETag you loaded, e.g. "3"' }),
});

export const EventHeaders = z.object({
  'if-match': z.string().optional().openapi({ description: 'The ETag you loaded, e.g. "3"' }),
  'idempotency-key': z
    .string()
    .optional()
    .openapi({ description: 'A unique key per intended action (retries reuse it)' }),
});
