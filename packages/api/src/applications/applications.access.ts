import { type Actor, type PageReader, ROLE_WORDS, type Role } from '@initiatief/engine';
import type { Kysely, Transaction } from 'kysely';
import { STAFF_ROLES } from '../auth/roles';
import type { SessionUser } from '../context';
import type { DB } from '../db/schema';
import { type AppError, refusedIn } from '../errors';
import { applicationsWithLogin } from '../letters/letter.links';

/** Roles that see every application (the rest see only their own). */
export function isStaff(user: Pick<SessionUser, 'roles'>): boolean {
  return user.roles.some((r) => STAFF_ROLES.includes(r));
}

/** Roles that take applications from the work queue. */
export const QUEUE_ROLES = ['assessor', 'approver', 'admin'] as const;

/** `agent`: the resident authorised this user to act on the application for them. */
export function canSee(
  user: Pick<SessionUser, 'id' | 'roles'>,
  app: { applicant_id: string },
  agent = false,
): boolean {
  return app.applicant_id === user.id || agent || isStaff(user);
}

/** Form edits and uploads: the applicant on their own, or a clerk on a resident's behalf. */
export function canEditAsApplicant(
  user: Pick<SessionUser, 'id' | 'roles'>,
  app: { applicant_id: string },
  agent = false,
): boolean {
  return app.applicant_id === user.id || agent || user.roles.includes('clerk');
}

const APPLICANT_TASKS = {
  files: { nl: 'bestanden toevoegen', en: 'add files' },
  supporters: { nl: 'ondersteuners toevoegen', en: 'add supporters' },
  form: { nl: 'het formulier wijzigen', en: 'change the form' },
} as const;

/**
 * 403 for what only the applicant does (or desk staff on her behalf), in words: the web's general
 * sentence for a refusal would not say who may.
 */
export function applicantOnly(task: keyof typeof APPLICANT_TASKS): AppError {
  const { applicant, clerk } = ROLE_WORDS;
  const what = APPLICANT_TASKS[task];
  return refusedIn('forbidden', {
    nl: `Alleen ${applicant.nl} of ${clerk.nl} namens ${applicant.nl} kan ${what.nl}.`,
    en: `Only ${applicant.en}, or ${clerk.en} on the applicant's behalf, can ${what.en}.`,
  });
}

/**
 * The engine actor for this user on this application. The applicant role counts only on one's
 * own application, so a member of staff who also applies never acts as someone else's applicant.
 */
export function actorFor(
  user: Pick<SessionUser, 'id' | 'roles'>,
  app: { applicant_id: string },
  agent = false,
): Actor {
  // An authorised person acts as the applicant, and only as the applicant.
  if (agent && app.applicant_id !== user.id) return { id: user.id, roles: ['applicant'] };
  const own = app.applicant_id === user.id;
  const roles = user.roles.filter((r) => own || r !== 'applicant') as Role[];
  return { id: user.id, roles };
}

/** A clerk acting on a resident's application acts on their behalf (recorded in the history). */
export function onBehalfOf(
  user: Pick<SessionUser, 'id' | 'roles'>,
  app: { applicant_id: string },
  agent = false,
): string | null {
  if (app.applicant_id === user.id) return null;
  return agent || user.roles.includes('clerk') ? app.applicant_id : null;
}

export const SYSTEM_ACTOR: Actor = { id: 'system', roles: ['system'] };

/**
 * Who reads what a command refuses (Facts.reader): the applicant her own form's words, anyone
 * else (staff, the desk, a helper acting for her) the form's words for staff, as the form's
 * pages show them (the web's asReadBy, the upload's refusal).
 */
export function readerFor(actor: Pick<Actor, 'id'>, app: { applicant_id: string }): PageReader {
  return actor.id === app.applicant_id ? 'applicant' : 'staff';
}

/**
 * Whether the applicant can log in to read her application herself (an account with an e-mail
 * address, or DigiD: letters/letter.links.ts). A resident the desk filed for without either
 * cannot. Asked only when someone else reads it; the applicant reading it is logged in.
 */
export async function applicantCanLogIn(
  db: Kysely<DB> | Transaction<DB>,
  user: Pick<SessionUser, 'id'>,
  app: { id: string; applicant_id: string },
  /** Read with the application: then no statement of its own. */
  people?: { applicant: { canLogIn?: boolean } },
): Promise<boolean> {
  if (app.applicant_id === user.id) return true;
  if (typeof people?.applicant.canLogIn === 'boolean') return people.applicant.canLogIn;
  return (await applicationsWithLogin(db, [app.id])).has(app.id);
}
