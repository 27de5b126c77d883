import type { Kysely, Transaction } from 'kysely';
import { USER_ROLES, type UserRole } from '../auth/roles';
import { revokeUserSessions } from '../auth/session.service';
import type { DB } from '../db/schema';
import { findUserByEmail, findUserById, insertUser } from '../users/users.repository';
import type { RefusalReason } from './oidc.schemas';
import { type ExternalProfile, findIdentity, linkIdentity, touchIdentity } from './oidc.service';

type Db = Kysely<DB> | Transaction<DB>;

export type Resolution =
  | { kind: 'user'; userId: string }
  | { kind: 'pending' }
  | { kind: 'refused'; reason: RefusalReason };

/** Links the sign-in to an account, creating one when the provider told us enough. */
export async function resolveAccount(
  trx: Db,
  profile: ExternalProfile,
  now: Date,
): Promise<Resolution> {
  const staff = profile.provider === 'staff';
  const identity = await findIdentity(trx, profile.provider, profile.issuer, profile.subject);
  if (identity) {
    await touchIdentity(trx, identity.id, profile, now);
    if (staff) await syncStaffRoles(trx, identity.user_id, profile.roles, now);
    return { kind: 'user', userId: identity.user_id };
  }
  if (!profile.email || !profile.name) return { kind: 'pending' };
  const existing = await findUserByEmail(trx, profile.email);
  if (!existing) {
    const user = await insertUser(trx, {
      email: profile.email,
      name: profile.name,
      roles: profile.roles,
      locale: 'nl',
      created_at: now,
      updated_at: now,
    });
    await linkIdentity(trx, profile, user.id, now);
    return { kind: 'user', userId: user.id };
  }
  // An existing account is only taken over by the municipality's own IdP, and only for an
  // address it vouches for: anyone can type someone else's e-mail at a broker.
  if (staff && profile.emailVerified === true) {
    const linked = await trx
      .selectFrom('external_identities')
      .select('id')
      .where('provider', '=', 'staff')
      .where('user_id', '=', existing.id)
      .executeTakeFirst();
    if (!linked) {
      // A registration never confirmed was not necessarily the owner's: its password goes, and
      // its confirmation link with it, so nobody's password rides along on the staff account.
      if (existing.confirmation_pending) await dropUnconfirmedPassword(trx, existing.id, now);
      await linkIdentity(trx, profile, existing.id, now);
      await syncStaffRoles(trx, existing.id, profile.roles, now);
      return { kind: 'user', userId: existing.id };
    }
  }
  return { kind: 'refused', reason: 'conflict' };
}

async function dropUnconfirmedPassword(trx: Db, userId: string, now: Date): Promise<void> {
  await trx
    .updateTable('users')
    .set({ password_hash: null, confirmation_pending: false, updated_at: now })
    .where('id', '=', userId)
    .execute();
  await trx
    .updateTable('account_tokens')
    .set({ used_at: now })
    .where('user_id', '=', userId)
    .where('used_at', 'is', null)
    .execute();
}

/** The IdP is the source of staff roles; a resident role on the same account stays. */
async function syncStaffRoles(trx: Db, userId: string, mapped: UserRole[], now: Date) {
  const user = await findUserById(trx, userId);
  if (!user) return;
  const roles = USER_ROLES.filter(
    (r) => mapped.includes(r) || (r === 'applicant' && user.roles.includes('applicant')),
  );
  const same = roles.length === user.roles.length && roles.every((r) => user.roles.includes(r));
  if (same) return;
  await trx.updateTable('users').set({ roles, updated_at: now }).where('id', '=', userId).execute();
  // Sessions that carried the old roles end now; the new one is created after this.
  await revokeUserSessions(trx, userId, now);
}
