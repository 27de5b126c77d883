/**
 * The supporter confirms their own support from the mailed link: with DigiD through the broker,
 * or with the mailed code where the regulation allows it.
 */
import { timingSafeEqual } from 'node:crypto';
import { applicationDescription } from '@initiatief/engine';
import type { Transaction } from 'kysely';
import { type ApplicationRecord, findApplication } from '../applications/applications.repository';
import { SHELL_EVENTS } from '../applications/shell-events';
import type { SessionUser } from '../context';
import type { DB } from '../db/schema';
import { loadDefinition } from '../definitions/definitions.repository';
import { AppError } from '../errors';
import { recordShellEvent } from '../queue/claims.service';
import {
  type DigidPerson,
  digidPerson,
  digidRequired,
  isApplicantPerson,
  notSignedInWithDigid,
  ownApplication,
  supportedAlready,
  supportedTwice,
} from './supporters.digid';
import { applicantOf, type Db, type Deps, hash, ruleOf } from './supporters.shared';
import type { ConfirmedHow, Supporter } from './supporters.table';

const MAX_ATTEMPTS = 5;

async function byToken(db: Db, token: string, forUpdate = false) {
  if (!token || token.length > 100) return undefined;
  let q = db.selectFrom('supporters').selectAll().where('token_hash', '=', hash(token));
  if (forUpdate) q = q.forUpdate();
  return q.executeTakeFirst();
}

const unknownLink = () =>
  new AppError('not_found', 'This confirmation link is not (or no longer) valid.');

/** Who asks: the logged-in user and the session behind the cookie. */
export interface Caller {
  user: SessionUser | null;
  sessionId: string | null;
}

/** What the supporter sees before confirming: whose initiative, what it is, and how to confirm. */
export async function confirmationInfo(deps: Deps, token: string, caller: Caller) {
  const s = await byToken(deps.db, token);
  if (!s) throw unknownLink();
  const app = await findApplication(deps.db, s.application_id);
  if (!app) throw unknownLink();
  const applicant = await applicantOf(deps.db, app);
  const definition = await loadDefinition(deps.db, app.definition_key, app.definition_version);
  const description = applicationDescription(definition, app.data as Record<string, unknown>);
  const person = await digidPerson(deps.db, caller.sessionId, caller.user?.id ?? null);
  return {
    reference: app.reference,
    title: app.title,
    // What the form says the application is about (the definition names the field).
    description: description || null,
    district: app.district,
    applicantName: applicant.name,
    supporterName: s.name,
    confirmedAt: s.confirmed_at ? new Date(s.confirmed_at).toISOString() : null,
    confirmation: await ruleOf(deps.db, app),
    digid: {
      available: !!deps.config.oidcResident,
      signedInAs: person && caller.user ? caller.user.name : null,
    },
  };
}

interface Answers {
  token: string;
  postcode: string;
  age: number;
}

/** Records the confirmation once the way of confirming has been checked. */
async function record(
  deps: Deps,
  token: string,
  how: Exclude<ConfirmedHow, 'paper'>,
  who: { user: SessionUser | null; person: DigidPerson | null },
  answers: Answers,
  check?: (trx: Transaction<DB>, s: Supporter, app: ApplicationRecord) => Promise<void>,
) {
  const now = deps.clock();
  return deps.db.transaction().execute(async (trx) => {
    const s = await byToken(trx, token, true);
    if (!s) throw unknownLink();
    if (s.confirmed_at) return { confirmedAt: new Date(s.confirmed_at).toISOString() };
    // Locked: two invitations of one application are confirmed one after the other.
    const app = await findApplication(trx, s.application_id, { forUpdate: true });
    if (!app) throw unknownLink();
    const field = how === 'digid' ? 'digid' : 'code';
    if (who.user && who.user.id === app.applicant_id) throw ownApplication(field);
    if (who.person && (await isApplicantPerson(trx, who.person, app.applicant_id))) {
      throw ownApplication(field);
    }
    if (
      who.user &&
      (await supportedAlready(trx, app.id, s.id, {
        userId: who.user.id,
        key: who.person?.key ?? null,
      }))
    ) {
      throw supportedTwice(field);
    }
    await check?.(trx, s, app);
    await trx
      .updateTable('supporters')
      .set({
        confirmed_at: now,
        confirmed_how: how,
        confirmed_user_id: who.user?.id ?? null,
        confirmed_identity: how === 'digid' ? (who.person?.key ?? null) : null,
        postcode: answers.postcode,
        age: answers.age,
      })
      .where('id', '=', s.id)
      .execute();
    await recordShellEvent(
      trx,
      app,
      who.user ?? { id: `supporter:${s.id}`, roles: [] },
      SHELL_EVENTS.supportConfirmed,
      now,
      { name: s.name, how },
    );
    return { confirmedAt: now.toISOString() };
  });
}

/**
 * The supporter confirms with the mailed code (and, when logged in, under their account), where
 * the regulation allows it.
 */
export async function confirmSupport(
  deps: Deps,
  user: SessionUser | null,
  input: Answers & { code: string },
) {
  const found = await byToken(deps.db, input.token);
  if (!found) throw unknownLink();
  if (!found.confirmed_at) {
    const app = await findApplication(deps.db, found.application_id);
    if (!app) throw unknownLink();
    // Refused before the code is looked at: it counts as no wrong attempt.
    if ((await ruleOf(deps.db, app)) === 'digid') throw digidRequired();
    if (found.failed_attempts >= MAX_ATTEMPTS) {
      throw new AppError(
        'rate_limited',
        'Too many wrong codes; ask the applicant for a new invitation.',
      );
    }
    const given = Buffer.from(hash(input.code.trim()));
    if (!found.code_hash || !timingSafeEqual(given, Buffer.from(found.code_hash))) {
      // Counted outside any transaction that the refusal would roll back.
      await deps.db
        .updateTable('supporters')
        .set((eb) => ({ failed_attempts: eb('failed_attempts', '+', 1) }))
        .where('id', '=', found.id)
        .execute();
      throw new AppError('validation_failed', 'The code is not right.', {
        invalidParams: [
          {
            name: 'code',
            reason: 'wrong code',
            text: {
              nl: 'Deze code klopt niet. Kijk in de e-mail die u kreeg.',
              en: 'This code is not right. Check the e-mail you received.',
            },
          },
        ],
      });
    }
  }
  return record(deps, input.token, 'code', { user, person: null }, input, async (trx, _s, app) => {
    // The regulation may have changed since the first look.
    if ((await ruleOf(trx, app)) === 'digid') throw digidRequired();
  });
}

/** The supporter, signed in with DigiD through the broker, confirms under that identity. */
export async function confirmWithDigid(deps: Deps, caller: Caller, input: Answers) {
  const user = caller.user;
  if (!user) throw new AppError('unauthenticated', 'Sign in with DigiD first.');
  const person = await digidPerson(deps.db, caller.sessionId, user.id);
  if (!person) throw notSignedInWithDigid();
  return record(deps, input.token, 'digid', { user, person }, input);
}
