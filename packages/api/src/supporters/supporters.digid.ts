/**
 * Who a supporter is when they confirm with DigiD: the person behind a session that was started
 * at the resident broker (packages/api/src/oidc), keyed the way the oidc module keys people — the
 * keyed hash of the BSN, else the broker's identity of that account.
 */
import { AppError } from '../errors';
import type { Db } from './supporters.shared';

export interface DigidPerson {
  userId: string;
  /** `bsn:<keyed hash>` or `oidc:<external identity id>`: one person, whichever account. */
  key: string;
  bsnHash: string | null;
}

/** The DigiD person of this session, or null for a password session (or none). */
export async function digidPerson(
  db: Db,
  sessionId: string | null,
  userId: string | null,
): Promise<DigidPerson | null> {
  if (!sessionId || !userId) return null;
  const viaBroker = await db
    .selectFrom('oidc_sessions')
    .select('session_id')
    .where('session_id', '=', sessionId)
    .where('provider', '=', 'resident')
    .executeTakeFirst();
  if (!viaBroker) return null;
  // The session does not name the identity; an account has one per broker subject, and the
  // most recent sign-in is the one of this session.
  const identity = await db
    .selectFrom('external_identities')
    .select(['id', 'bsn_hash'])
    .where('user_id', '=', userId)
    .where('provider', '=', 'resident')
    .orderBy('last_login_at', 'desc')
    .limit(1)
    .executeTakeFirst();
  if (!identity) return null;
  return {
    userId,
    key: identity.bsn_hash ? `bsn:${identity.bsn_hash}` : `oidc:${identity.id}`,
    bsnHash: identity.bsn_hash,
  };
}

/** The applicant herself: her own account, or another account with her BSN. */
export async function isApplicantPerson(
  db: Db,
  person: DigidPerson,
  applicantId: string,
): Promise<boolean> {
  if (person.userId === applicantId) return true;
  if (!person.bsnHash) return false;
  const same = await db
    .selectFrom('external_identities')
    .select('id')
    .where('user_id', '=', applicantId)
    .where('bsn_hash', '=', person.bsnHash)
    .executeTakeFirst();
  return !!same;
}

/** Whether this person (by account or DigiD identity) confirmed another invitation already. */
export async function supportedAlready(
  db: Db,
  applicationId: string,
  supporterId: string,
  who: { userId: string; key: string | null },
): Promise<boolean> {
  const row = await db
    .selectFrom('supporters')
    .select('id')
    .where('application_id', '=', applicationId)
    .where('id', '<>', supporterId)
    .where('confirmed_at', 'is not', null)
    .where((eb) =>
      who.key
        ? eb.or([eb('confirmed_user_id', '=', who.userId), eb('confirmed_identity', '=', who.key)])
        : eb('confirmed_user_id', '=', who.userId),
    )
    .executeTakeFirst();
  return !!row;
}

export const supportedTwice = (field: string) =>
  new AppError('conflict', 'This person already confirmed support for this application.', {
    invalidParams: [
      {
        name: field,
        reason: 'supported already',
        text: {
          nl: 'U hebt deze aanvraag al gesteund via een andere uitnodiging. Iedereen telt één keer mee.',
          en: 'You have already supported this application through another invitation. Everyone counts once.',
        },
      },
    ],
  });

export const ownApplication = (field: string) =>
  new AppError('validation_failed', 'The applicant cannot be her own supporter.', {
    invalidParams: [
      {
        name: field,
        reason: 'own application',
        text: {
          nl: 'U kunt uw eigen aanvraag niet steunen.',
          en: 'You cannot support your own application.',
        },
      },
    ],
  });

export const digidRequired = () =>
  new AppError('validation_failed', 'This regulation asks supporters to confirm with DigiD.', {
    invalidParams: [
      {
        name: 'code',
        reason: 'DigiD required by the regulation',
        text: {
          nl: 'Voor deze subsidieregeling bevestigt u uw steun met DigiD; de code uit de e-mail is niet genoeg.',
          en: 'For this grant scheme you confirm your support with DigiD; the code from the e-mail is not enough.',
        },
      },
    ],
  });

export const notSignedInWithDigid = () =>
  new AppError('forbidden', 'Sign in with DigiD to confirm this way.', {
    invalidParams: [
      {
        name: 'digid',
        reason: 'not signed in with DigiD',
        text: {
          nl: 'U bent niet met DigiD ingelogd. Kies eerst ‘Bevestigen met DigiD’.',
          en: 'You are not signed in with DigiD. Choose ‘Confirm with DigiD’ first.',
        },
      },
    ],
  });
