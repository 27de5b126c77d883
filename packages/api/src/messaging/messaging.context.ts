/**
 * The MessagingContext a step's texts are filled from: built from what a command already holds
 * (messagingContext), or read in one round trip when the caller has nothing (loadContext).
 */
import { type Kysely, sql, type Transaction } from 'kysely';
import { withFormData } from '../applications/applications.repository';
import type { DB } from '../db/schema';
import type { EnqueueMessagingInput, MessagingContext, MessagingPeople } from './messaging.types';

type Db = Kysely<DB> | Transaction<DB>;

/** A MessagingContext from what a command holds after its step (the same as loadContext reads). */
export function messagingContext(args: {
  application: MessagingContext['application'];
  people: MessagingPeople;
  payload: unknown;
  regulation: {
    maxAmountCents: number;
    decisionTermWeeks: number;
    directSettlementThresholdCents: number;
    reportDueWeeks: number;
    /** The scheme's name, for a grant letter's legal basis ({{regulationTitle}}). */
    title?: string;
  };
}): MessagingContext {
  const payload = args.payload;
  return {
    application: args.application,
    applicant: args.people.applicant,
    assignee: args.people.assignee,
    payload:
      payload && typeof payload === 'object' && !Array.isArray(payload)
        ? (payload as Record<string, unknown>)
        : {},
    facts: {
      regulation: {
        maxAmountCents: args.regulation.maxAmountCents,
        decisionTermWeeks: args.regulation.decisionTermWeeks,
        directSettlementThresholdCents: args.regulation.directSettlementThresholdCents,
        reportDueWeeks: args.regulation.reportDueWeeks,
        title: args.regulation.title,
      },
      // Not used for texts; the view only needs the regulation's terms.
      budgetRemainingCents: 0,
    },
  };
}

export async function loadContext(
  trx: Db,
  input: EnqueueMessagingInput,
): Promise<MessagingContext> {
  // One round trip: the application, its applicant, assignee, regulation terms and the step's
  // payload (this runs inside every command that sends something).
  const row = await trx
    .selectFrom('applications as a')
    .innerJoin('users as ap', 'ap.id', 'a.applicant_id')
    .leftJoin('users as asg', 'asg.id', 'a.assignee_id')
    .leftJoin('regulations as r', 'r.id', 'a.regulation_id')
    .leftJoin('application_history as h', (join) => join.on('h.id', '=', input.historyId ?? null))
    .select([
      'a.id',
      'a.reference',
      'a.title',
      'a.district',
      'a.definition_key',
      'a.definition_version',
      'a.snapshot',
      'a.data',
      'a.requested_cents',
      'a.granted_cents',
      'a.assignee_id',
      'ap.email as applicant_email',
      'ap.name as applicant_name',
      'ap.locale as applicant_locale',
      'ap.street as applicant_street',
      'ap.postcode as applicant_postcode',
      'ap.city as applicant_city',
      'ap.letter_channel as applicant_letter_channel',
      'asg.id as assignee_user_id',
      'asg.email as assignee_email',
      'asg.name as assignee_name',
      'asg.locale as assignee_locale',
      'r.id as regulation_found',
      'r.max_amount_cents',
      'r.decision_term_weeks',
      'r.direct_settlement_threshold_cents',
      'r.report_due_weeks',
      'r.title as regulation_title',
      'h.payload as history_payload',
    ])
    .select((eb) => eb.cast<string | null>('a.decision_due_on', 'text').as('decision_due_on'))
    // Whether she can log in (letters/letter.links.ts applicationsWithLogin): a text's
    // {{#online}} part is for her only then.
    .select(
      sql<boolean>`ap.deactivated_at is null and (ap.email is not null or exists (
        select 1 from external_identities x where x.user_id = ap.id and x.provider = 'resident'))`.as(
        'applicant_can_log_in',
      ),
    )
    .where('a.id', '=', input.applicationId)
    .executeTakeFirstOrThrow();
  const application = withFormData({
    id: row.id,
    reference: row.reference,
    title: row.title,
    district: row.district,
    definition_key: row.definition_key,
    definition_version: row.definition_version,
    snapshot: row.snapshot,
    data: row.data,
    requested_cents: row.requested_cents,
    granted_cents: row.granted_cents,
    decision_due_on: row.decision_due_on,
  });
  const applicant = {
    email: row.applicant_email,
    name: row.applicant_name,
    locale: row.applicant_locale,
    street: row.applicant_street,
    postcode: row.applicant_postcode,
    city: row.applicant_city,
    letterChannel: row.applicant_letter_channel,
    canLogIn: row.applicant_can_log_in,
  };
  const assignee =
    row.assignee_id && row.assignee_user_id
      ? {
          email: row.assignee_email ?? null,
          name: row.assignee_name as string,
          locale: row.assignee_locale as string,
        }
      : null;
  const regulation =
    row.regulation_found !== null
      ? {
          max_amount_cents: row.max_amount_cents as number,
          decision_term_weeks: row.decision_term_weeks as number,
          direct_settlement_threshold_cents: row.direct_settlement_threshold_cents as number,
          report_due_weeks: row.report_due_weeks as number,
          title: row.regulation_title as string,
        }
      : undefined;
  const history = input.historyId ? { payload: row.history_payload } : undefined;
  const payload = (history?.payload ?? {}) as Record<string, unknown>;
  return {
    application: {
      ...application,
      data: (application.data ?? {}) as Record<string, unknown>,
    },
    applicant: {
      email: applicant.email,
      name: applicant.name,
      locale: applicant.locale,
      street: applicant.street ?? null,
      postcode: applicant.postcode ?? null,
      city: applicant.city ?? null,
      letterChannel: applicant.letterChannel,
      canLogIn: applicant.canLogIn,
    },
    assignee,
    payload: payload && typeof payload === 'object' ? payload : {},
    facts: regulation
      ? {
          regulation: {
            maxAmountCents: regulation.max_amount_cents,
            decisionTermWeeks: regulation.decision_term_weeks,
            directSettlementThresholdCents: regulation.direct_settlement_threshold_cents,
            reportDueWeeks: regulation.report_due_weeks,
            title: regulation.title,
          },
          // Not used for texts; the view only needs the regulation's terms.
          budgetRemainingCents: 0,
        }
      : undefined,
  };
}
