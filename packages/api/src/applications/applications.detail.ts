/**
 * The representation of one application for its reader: what GET /api/applications/{id} and every
 * command answer, with the steps this reader may take now.
 */
import {
  allowedEvents,
  applicationTitle,
  applicationView,
  type PersistedSnapshot,
  receiptClosedIssue,
  toAmsterdamDate,
  type WorkflowDefinition,
} from '@initiatief/engine';
import type { SessionUser } from '../context';
import { type ChannelName, channelFor } from '../messaging/channels';
import type { MessagingPeople } from '../messaging/messaging.types';
import { factsFor, type Regulation } from '../regulations/regulations.repository';
import { actorFor, isStaff } from './applications.access';
import type { ApplicationRecord } from './applications.repository';
import { type NoticeOfDefault, noticeOfDefaultFields } from './notice-of-default.view';
import { type ReportEntry, reportEntries } from './report.view';

export interface ApplicationDetail {
  id: string;
  reference: string;
  /** The application's name (the definition's title field), '' when not filled in yet. */
  title: string;
  state: string;
  stateLabel: { nl: string; en: string } | null;
  data: Record<string, unknown>;
  editable: boolean;
  amounts: ReturnType<typeof applicationView>['amounts'];
  clock: ReturnType<typeof applicationView>['clock'];
  warnings: ReturnType<typeof applicationView>['warnings'];
  deadlines: ReturnType<typeof applicationView>['deadlines'];
  allowedEvents: { type: string; roles: string[]; payloadSchema: object }[];
  definition: { key: string; version: number };
  regulation: {
    id: string;
    code: string;
    title: string;
    district: string;
    year: number;
    closesOn: string;
  };
  /**
   * An application not received yet (a draft) whose regulation's last day for applications has
   * passed: it can no longer be submitted, and this says so in words. Null otherwise.
   */
  applicationPeriodEnded: { closesOn: string; text: { nl: string; en: string } } | null;
  applicantId: string;
  /** The resident the application is for (the desk's form says "namens …"). */
  applicantName: string | null;
  /**
   * Her postcode as her account has it (null when not known): a supporter with her name but
   * another postcode is somebody else (the engine's isApplicantLine), also on her form.
   */
  applicantPostcode: string | null;
  /** She logs in to read it herself (e-mail or DigiD); a resident filed for at the desk may not. */
  applicantCanLogIn: boolean;
  /** How staff reach her (null for anyone else): see `contactFor`. */
  applicantContact: ApplicantContact | null;
  /** What the resident reported after the activity (text, costs), labelled by the definition. */
  report: ReportEntry[];
  /** The notice of default and the penalty it made owed, in words for staff and applicant. */
  noticeOfDefault: NoticeOfDefault | null;
  /**
   * This reader can give (the applicant, her helper) or record (desk, assessors) a notice of
   * default now: a decision is awaited past its term and none is recorded yet.
   */
  noticeOfDefaultRecordable: boolean;
  createdBy: string;
  assigneeId: string | null;
  submittedAt: string | null;
  createdAt: string;
  updatedAt: string;
  version: number;
}

/** The representation of GET /api/applications/{id}, with the caller's allowed events. */
export function toDetail(
  def: WorkflowDefinition,
  app: ApplicationRecord,
  reg: Regulation,
  user: SessionUser,
  now: Date,
  /** Whose application it is, as read with it (the messaging people carry her; at creation only her name). */
  people:
    | { applicant: MessagingPeople['applicant'] | { name: string; postcode?: string | null } }
    | undefined,
  agent: boolean,
  /** applicantCanLogIn (applications.access.ts) */
  canLogIn: boolean,
): ApplicationDetail {
  const snapshot = app.snapshot as PersistedSnapshot;
  // With the applicant's name, the supporters the form names are counted as the step counts them.
  const postcode = people?.applicant.postcode ?? null;
  const facts = people
    ? {
        ...factsFor(reg),
        applicantName: people.applicant.name,
        ...(postcode ? { applicantPostcode: postcode } : {}),
      }
    : factsFor(reg);
  const view = applicationView(def, snapshot, now, facts);
  const actor = actorFor(user, app, agent);
  const allowed = allowedEvents(def, snapshot, actor, facts, now);
  const label = def.states[app.state]?.meta?.label ?? null;
  const own = app.applicant_id === user.id || agent || user.roles.includes('clerk');
  return {
    id: app.id,
    reference: app.reference,
    title: applicationTitle(def, view.data),
    state: app.state,
    stateLabel: label,
    data: view.data,
    editable: view.editable && own,
    // Residents do not read the assessor's advice (history.visibility.ts), its amount included.
    amounts: { ...view.amounts, proposedCents: isStaff(user) ? view.amounts.proposedCents : null },
    clock: view.clock,
    warnings: view.warnings,
    deadlines: view.deadlines,
    allowedEvents: allowed.map((e) => ({
      type: e.type,
      roles: e.roles,
      payloadSchema: e.payloadSchema,
    })),
    definition: { key: app.definition_key, version: app.definition_version },
    regulation: {
      id: reg.id,
      code: reg.code,
      title: reg.title,
      district: reg.district,
      year: reg.year,
      closesOn: reg.closesOn,
    },
    applicationPeriodEnded: periodEnded(snapshot, view.clock.receivedOn, reg.closesOn, now),
    applicantId: app.applicant_id,
    applicantName: people?.applicant.name ?? null,
    applicantPostcode: postcode,
    applicantCanLogIn: canLogIn,
    applicantContact:
      people && 'email' in people.applicant && isStaff(user) ? contactFor(people.applicant) : null,
    report: reportEntries(def, view.report),
    ...noticeOfDefaultFields(app, toAmsterdamDate(now), user, agent),
    createdBy: app.created_by,
    assigneeId: app.assignee_id,
    submittedAt: app.submitted_at ? new Date(app.submitted_at).toISOString() : null,
    createdAt: new Date(app.created_at).toISOString(),
    updatedAt: new Date(app.updated_at).toISOString(),
    version: app.version,
  };
}

/**
 * How her letters reach her and how else staff can reach her: an assessor who asks for more
 * information from a resident who gets her post on paper, or has no e-mail, knows before writing
 * that her answer takes the post's time, and may call her instead.
 */
export interface ApplicantContact {
  /** The channel her letters and decisions take now (Awb 2:14: e-mail only when she chose it). */
  letters: ChannelName;
  email: string | null;
  phone: string | null;
  postalAddress: { street: string | null; postcode: string | null; city: string | null };
}

function contactFor(a: MessagingPeople['applicant']): ApplicantContact {
  return {
    letters: channelFor(a).name,
    email: a.email,
    phone: a.phone?.trim() || null,
    postalAddress: { street: a.street, postcode: a.postcode, city: a.city },
  };
}

function periodEnded(
  snapshot: PersistedSnapshot,
  receivedOn: string | null,
  closesOn: string,
  now: Date,
): ApplicationDetail['applicationPeriodEnded'] {
  if (snapshot.status !== 'active' || receivedOn !== null) return null;
  const issue = receiptClosedIssue(closesOn, toAmsterdamDate(now));
  return issue ? { closesOn, text: issue.text } : null;
}
