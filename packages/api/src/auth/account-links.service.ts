/**
 * Accounts confirmed and claimed through a mailed one-time link (issue 19).
 *
 * Registration answers the same whether or not the address is known: a new account waits for
 * the link in its confirmation mail; the owner of a known address gets a mail saying someone
 * tried, with a link to set a password. The same link serves "forgot password" and lets the
 * owner of an address a clerk used at the desk claim that account. Only a SHA-256 of a link's
 * token is stored; a link works once, until it expires.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import type { AppDeps } from '../context';
import type { DB } from '../db/schema';
import { AppError } from '../errors';
import { insertMails, mailRow } from '../messaging/messaging.service';
import { webAddress } from '../messaging/web-address';
import { findUserByEmail, insertUser, normalizeEmail } from '../users/users.repository';
import { type AccountMailKind, accountMail } from './account-links.mail';
import type { User } from './auth.table';
import { hashPassword } from './password';
import { reset } from './rate-limit';
import { revokeUserSessions } from './session.service';

type Deps = Pick<AppDeps, 'db' | 'config'>;
type Db = Kysely<DB> | Transaction<DB>;
type Purpose = 'confirm' | 'password';

/** How long a link works, in minutes. */
export const LINK_MINUTES: Record<Purpose, number> = { confirm: 24 * 60, password: 60 };
/** The web pages the links open: the web's route table's paths, said in the mail's language. */
export const LINK_PAGES: Record<Purpose, string> = {
  confirm: '/account-bevestigen',
  password: '/wachtwoord-instellen',
};

const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

/** The throttling key of an account's logins; a password set through a link clears it. */
export function loginAccountKey(email: string): string {
  return `login:account:${normalizeEmail(email)}`;
}

async function issueLink(
  trx: Db,
  deps: Deps,
  userId: string,
  purpose: Purpose,
  locale: 'nl' | 'en',
  now: Date,
): Promise<string> {
  const token = randomBytes(32).toString('base64url');
  await trx
    .insertInto('account_tokens')
    .values({
      user_id: userId,
      purpose,
      token_hash: hashToken(token),
      created_at: now,
      expires_at: new Date(now.getTime() + LINK_MINUTES[purpose] * 60_000),
    })
    .execute();
  return `${webAddress(deps.config.publicUrl, LINK_PAGES[purpose], locale)}?token=${token}`;
}

async function mailAccount(
  trx: Db,
  deps: Deps,
  to: { email: string; name: string; locale: 'nl' | 'en' },
  kind: AccountMailKind,
  link: string,
  purpose: Purpose,
  now: Date,
): Promise<void> {
  const { subject, body } = accountMail(kind, to.locale, {
    name: to.name,
    link,
    loginUrl: webAddress(deps.config.publicUrl, '/inloggen', to.locale),
    validMinutes: LINK_MINUTES[purpose],
  });
  await insertMails(trx, [
    mailRow({
      applicationId: null,
      to,
      audience: 'applicant',
      language: to.locale,
      template: kind,
      text: { subject, body },
      // About the account, not an application: from the municipality, no team.
      from: 'municipality',
      now,
    }),
  ]);
}

function isUniqueViolation(err: unknown): boolean {
  return (err as { code?: string } | null)?.code === '23505';
}

/**
 * Registers an applicant, or mails the owner of a known address instead. Either way the caller
 * answers the same; the password is hashed in both cases so the time tells nothing either.
 */
export async function register(
  deps: Deps,
  input: { email: string; password: string; name: string; locale: 'nl' | 'en' },
  now: Date,
): Promise<void> {
  const passwordHash = await hashPassword(input.password);
  const email = normalizeEmail(input.email);
  try {
    await deps.db.transaction().execute(async (trx) => {
      const known = await findUserByEmail(trx, email);
      if (known) {
        // A deactivated account gets no link: an administrator closed it on purpose.
        if (known.deactivated_at) return;
        const link = await issueLink(trx, deps, known.id, 'password', known.locale, now);
        await mailAccount(trx, deps, { ...known, email }, 'account_exists', link, 'password', now);
        return;
      }
      const user = await insertUser(trx, {
        email,
        name: input.name,
        roles: ['applicant'],
        locale: input.locale,
        password_hash: passwordHash,
        confirmation_pending: true,
        created_at: now,
        updated_at: now,
      });
      const link = await issueLink(trx, deps, user.id, 'confirm', user.locale, now);
      await mailAccount(trx, deps, { ...user, email }, 'account_confirm', link, 'confirm', now);
    });
  } catch (err) {
    // The same address registered at the same moment: the other request mailed its owner.
    if (!isUniqueViolation(err)) throw err;
  }
}

/** Mails a link to set a password ("forgot password", or claiming an account made at the desk). */
export async function requestPasswordLink(deps: Deps, email: string, now: Date): Promise<void> {
  await deps.db.transaction().execute(async (trx) => {
    const user = await findUserByEmail(trx, email);
    if (!user?.email || user.deactivated_at) return;
    const link = await issueLink(trx, deps, user.id, 'password', user.locale, now);
    // Made at the desk and never given a password: the mail explains whose account it is.
    const kind = user.password_hash ? 'account_password' : 'account_claim';
    await mailAccount(trx, deps, { ...user, email: user.email }, kind, link, 'password', now);
  });
}

const invalidLink = () =>
  new AppError('validation_failed', 'This link does not work (any more).', {
    invalidParams: [
      {
        name: 'token',
        reason: 'unknown, used or expired',
        text: {
          nl: 'Deze link werkt niet (meer): hij is al gebruikt of verlopen. Vraag een nieuwe aan.',
          en: 'This link does not work (any more): it was used already or has expired. Ask for a new one.',
        },
      },
    ],
  });

/** Uses a link once: marks it used and answers its account, or refuses it. */
async function useLink(
  trx: Transaction<DB>,
  token: string,
  purpose: Purpose,
  now: Date,
): Promise<User> {
  if (!token || token.length > 100) throw invalidLink();
  const row = await trx
    .selectFrom('account_tokens')
    .selectAll()
    .where('token_hash', '=', hashToken(token))
    .forUpdate()
    .executeTakeFirst();
  if (!row || row.purpose !== purpose || row.used_at || row.expires_at.getTime() <= now.getTime())
    throw invalidLink();
  const user = await trx
    .selectFrom('users')
    .selectAll()
    .where('id', '=', row.user_id)
    .executeTakeFirst();
  if (!user?.email || user.deactivated_at) throw invalidLink();
  // Every other open link of the same kind ends too: only the newest mail could be in use.
  await trx
    .updateTable('account_tokens')
    .set({ used_at: now })
    .where('user_id', '=', user.id)
    .where('purpose', '=', purpose)
    .where('used_at', 'is', null)
    .execute();
  return user;
}

/** Follows the confirmation link of a new account: it can log in from now on. */
export async function confirmAccount(deps: Deps, token: string, now: Date): Promise<User> {
  return deps.db.transaction().execute(async (trx) => {
    const user = await useLink(trx, token, 'confirm', now);
    return trx
      .updateTable('users')
      .set({ confirmation_pending: false, updated_at: now })
      .where('id', '=', user.id)
      .returningAll()
      .executeTakeFirstOrThrow();
  });
}

/**
 * Sets a password through a mailed link. The mailbox proved the address, so this confirms a
 * pending account too; every session of the account ends, and the login throttle is cleared.
 */
export async function setPasswordWithLink(
  deps: Deps,
  token: string,
  password: string,
  now: Date,
): Promise<User> {
  const passwordHash = await hashPassword(password);
  const user = await deps.db.transaction().execute(async (trx) => {
    const found = await useLink(trx, token, 'password', now);
    await revokeUserSessions(trx, found.id, now);
    return trx
      .updateTable('users')
      .set({ password_hash: passwordHash, confirmation_pending: false, updated_at: now })
      .where('id', '=', found.id)
      .returningAll()
      .executeTakeFirstOrThrow();
  });
  await reset(deps.db, loginAccountKey(user.email!));
  return user;
}
