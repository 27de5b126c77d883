import { randomInt } from 'node:crypto';
import type { User } from '../auth/auth.table';
import { hashPassword } from '../auth/password';
import type { UserRole } from '../auth/roles';
import { revokeUserSessions } from '../auth/session.service';
import type { AppDeps, SessionUser } from '../context';
import { AppError } from '../errors';
import { findUserByEmail, findUserById, insertUser, updateUser } from '../users/users.repository';
import { recordAccountChange } from './admin.repository';

type Deps = Pick<AppDeps, 'db' | 'clock'>;

// No 0/O, 1/l/I: read aloud over the phone or copied from a screen without mistakes.
const ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';

/** A password for one hand-over, shown once to the administrator: 4 groups of 4 (~80 bits). */
export function oneTimePassword(): string {
  const groups: string[] = [];
  for (let g = 0; g < 4; g++) {
    let part = '';
    for (let i = 0; i < 4; i++) part += ALPHABET[randomInt(ALPHABET.length)];
    groups.push(part);
  }
  return groups.join('-');
}

async function target(deps: Deps, id: string): Promise<User> {
  const user = await findUserById(deps.db, id);
  if (!user) throw new AppError('not_found', 'No such account.');
  return user;
}

/** A refusal the administrator reads: `text` in both languages, `detail` its English. */
function refused(text: { nl: string; en: string }): AppError {
  return new AppError('conflict', text.en, { extra: { text } });
}

function notSelf(admin: SessionUser, id: string): void {
  // An administrator who locks themselves out leaves nobody to undo it.
  if (admin.id === id) {
    throw refused({
      nl: 'U kunt uw eigen account niet uitzetten.',
      en: 'You cannot deactivate your own account.',
    });
  }
}

export async function createStaffAccount(
  deps: Deps,
  admin: SessionUser,
  input: { name: string; email: string; roles: UserRole[]; locale?: 'nl' | 'en' },
): Promise<{ user: User; oneTimePassword: string }> {
  if (await findUserByEmail(deps.db, input.email)) {
    throw new AppError('conflict', 'An account with this e-mail address already exists.', {
      invalidParams: [
        {
          name: 'email',
          reason: 'An account with this e-mail address already exists',
          text: {
            nl: 'Er is al een account met dit e-mailadres.',
            en: 'An account with this e-mail address already exists.',
          },
        },
      ],
    });
  }
  const password = oneTimePassword();
  const passwordHash = await hashPassword(password);
  const now = deps.clock();
  const user = await deps.db.transaction().execute(async (trx) => {
    const created = await insertUser(trx, {
      name: input.name,
      email: input.email,
      locale: input.locale ?? 'nl',
      roles: input.roles,
      street: null,
      postcode: null,
      city: null,
      phone: null,
      password_hash: passwordHash,
      created_by: admin.id,
      created_at: now,
      updated_at: now,
    });
    await recordAccountChange(trx, {
      actorId: admin.id,
      targetId: created.id,
      action: 'created',
      details: { roles: input.roles },
      at: now,
    });
    return created;
  });
  return { user, oneTimePassword: password };
}

export async function setRoles(
  deps: Deps,
  admin: SessionUser,
  id: string,
  roles: UserRole[],
): Promise<User> {
  const before = await target(deps, id);
  if (admin.id === id && !roles.includes('admin')) {
    throw refused({
      nl: 'U kunt uzelf de rol van beheerder niet afnemen.',
      en: 'You cannot take the administrator role from yourself.',
    });
  }
  const now = deps.clock();
  const updated = await deps.db.transaction().execute(async (trx) => {
    const user = await updateUser(trx, id, { roles }, now);
    await recordAccountChange(trx, {
      actorId: admin.id,
      targetId: id,
      action: 'roles_changed',
      details: { from: before.roles, to: roles },
      at: now,
    });
    return user!;
  });
  // New roles count from the next login; old sessions must not keep the old ones.
  await revokeUserSessions(deps.db, id, now);
  return updated;
}

export async function setActive(
  deps: Deps,
  admin: SessionUser,
  id: string,
  active: boolean,
): Promise<User> {
  await target(deps, id);
  if (!active) notSelf(admin, id);
  const now = deps.clock();
  const updated = await deps.db.transaction().execute(async (trx) => {
    const user = await updateUser(trx, id, { deactivated_at: active ? null : now }, now);
    await recordAccountChange(trx, {
      actorId: admin.id,
      targetId: id,
      action: active ? 'reactivated' : 'deactivated',
      at: now,
    });
    return user!;
  });
  if (!active) await revokeUserSessions(deps.db, id, now);
  return updated;
}

/** A new one-time password: the old one stops working, and so do the account's sessions. */
export async function resetPassword(
  deps: Deps,
  admin: SessionUser,
  id: string,
): Promise<{ user: User; oneTimePassword: string }> {
  const user = await target(deps, id);
  if (!user.email) {
    throw refused({
      nl: 'Dit account heeft geen e-mailadres om mee in te loggen.',
      en: 'This account has no e-mail address to log in with.',
    });
  }
  const password = oneTimePassword();
  const passwordHash = await hashPassword(password);
  const now = deps.clock();
  await deps.db.transaction().execute(async (trx) => {
    await updateUser(trx, id, { password_hash: passwordHash }, now);
    await recordAccountChange(trx, {
      actorId: admin.id,
      targetId: id,
      action: 'password_reset',
      at: now,
    });
  });
  await revokeUserSessions(deps.db, id, now);
  return { user, oneTimePassword: password };
}
