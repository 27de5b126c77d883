import {
  createCipheriv,
  createDecipheriv,
  createHmac,
  hkdfSync,
  randomBytes,
  timingSafeEqual,
} from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import * as client from 'openid-client';
import type { UserRole } from '../auth/roles';
import type { Config, OidcClientConfig } from '../config';
import type { DB } from '../db/schema';
import type { OidcProviderId } from './oidc.table';

type Db = Kysely<DB> | Transaction<DB>;

export const OIDC_PROVIDER_IDS: readonly OidcProviderId[] = ['resident', 'staff'];

/** The labels the login page shows (the web translates them by id where it has a text). */
export const OIDC_LABELS: Record<OidcProviderId, string> = {
  resident: 'Inloggen met DigiD',
  staff: 'Inloggen voor medewerkers',
};

export function isOidcProviderId(id: string): id is OidcProviderId {
  return (OIDC_PROVIDER_IDS as readonly string[]).includes(id);
}

/** The configured connection for `id`, or undefined when that way in is not offered. */
export function connectionConfig(config: Config, id: OidcProviderId): OidcClientConfig | undefined {
  return id === 'resident' ? config.oidcResident : config.oidcStaff;
}

export function redirectUri(config: Pick<Config, 'publicUrl'>, id: OidcProviderId): string {
  return `${config.publicUrl}/api/auth/oidc/${id}/callback`;
}

/** Where the provider sends the browser after logging out there. */
export function postLogoutRedirectUri(config: Pick<Config, 'publicUrl'>): string {
  return `${config.publicUrl}/uitgelogd`;
}

/**
 * Discovers each provider once per process (lazily, so a provider that is down at start-up
 * does not stop the API) and keeps the openid-client Configuration.
 */
export class OidcClients {
  readonly #pending = new Map<OidcProviderId, Promise<client.Configuration>>();

  constructor(private readonly config: Config) {}

  get(id: OidcProviderId): Promise<client.Configuration> {
    let pending = this.#pending.get(id);
    if (!pending) {
      const connection = connectionConfig(this.config, id);
      if (!connection) throw new Error(`OIDC connection ${id} is not configured`);
      const issuer = new URL(connection.issuer);
      pending = client.discovery(
        issuer,
        connection.clientId,
        { redirect_uris: [redirectUri(this.config, id)] },
        connection.clientSecret ? client.ClientSecretBasic(connection.clientSecret) : client.None(),
        {
          // Plain http only for a local provider outside production (DEMO_OIDC, tests).
          // Non-repudiation: the ID token's signature is checked against the provider's JWKS
          // even though it came straight from the token endpoint (OIDC Core 3.1.3.7 makes
          // that optional; we do not rely on TLS alone).
          execute: [
            client.enableNonRepudiationChecks,
            ...(issuer.protocol === 'http:' && this.config.nodeEnv !== 'production'
              ? [client.allowInsecureRequests]
              : []),
          ],
          timeout: 10,
        },
      );
      this.#pending.set(id, pending);
      // A failed discovery is retried on the next login instead of being cached.
      pending.catch(() => this.#pending.delete(id));
    }
    return pending;
  }
}

// ---------------------------------------------------------------------------------------------
// Secrets: handles, BSN hashes and stored ID tokens.

/** The database key of a cookie handle: a leaked table row cannot be turned into a cookie. */
export function handleKey(config: Pick<Config, 'sessionSecret'>, handle: string): string {
  return createHmac('sha256', config.sessionSecret).update(`oidc-handle:${handle}`).digest('hex');
}

export function newHandle(): string {
  return randomBytes(32).toString('base64url');
}

/** The keyed hash under which a BSN is stored; the BSN itself never is. */
export function bsnHash(config: Pick<Config, 'bsnHashKey'>, bsn: string): string {
  return createHmac('sha256', config.bsnHashKey).update(bsn.replace(/\D/g, '')).digest('hex');
}

/** Nine digits passing the eleven test (elfproef) of the burgerservicenummer. */
export function looksLikeBsn(value: string): boolean {
  if (!/^\d{9}$/.test(value)) return false;
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += Number(value[i]) * (9 - i);
  sum -= Number(value[8]);
  return sum % 11 === 0 && value !== '000000000';
}

function idTokenKey(config: Pick<Config, 'sessionSecret'>): Buffer {
  return Buffer.from(
    hkdfSync('sha256', config.sessionSecret, 'initiatief', 'oidc id_token at rest', 32),
  );
}

/** AES-256-GCM: an ID token may carry personal data (a broker may even put a BSN in it). */
export function sealIdToken(config: Pick<Config, 'sessionSecret'>, idToken: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', idTokenKey(config), iv);
  const sealed = Buffer.concat([cipher.update(idToken, 'utf8'), cipher.final()]);
  return [iv, sealed, cipher.getAuthTag()].map((b) => b.toString('base64url')).join('.');
}

export function openIdToken(config: Pick<Config, 'sessionSecret'>, sealed: string): string | null {
  try {
    const [iv, data, tag] = sealed.split('.').map((p) => Buffer.from(p, 'base64url'));
    if (!iv || !data || !tag) return null;
    const decipher = createDecipheriv('aes-256-gcm', idTokenKey(config), iv);
    decipher.setAuthTag(tag);
    return Buffer.concat([decipher.update(data), decipher.final()]).toString('utf8');
  } catch {
    return null;
  }
}

export function constantTimeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

// ---------------------------------------------------------------------------------------------
// Claims.

/**
 * Only a same-origin relative path is followed after login (no open redirect): `/x?y#z`, never
 * `//host`, `/\host`, a scheme, or control characters.
 */
export function safeReturnTo(raw: string | undefined | null, publicUrl: string): string {
  if (!raw || raw.length > 1000 || !raw.startsWith('/') || /[\\\s]/.test(raw)) return '/';
  // Control characters (some are not \s) could smuggle a different target past a parser.
  if ([...raw].some((ch) => ch.charCodeAt(0) < 0x20 || ch.charCodeAt(0) === 0x7f)) {
    return '/';
  }
  if (raw.startsWith('//')) return '/';
  try {
    const base = new URL(publicUrl);
    const url = new URL(raw, base);
    if (url.origin !== base.origin) return '/';
    return `${url.pathname}${url.search}${url.hash}`;
  } catch {
    return '/';
  }
}

/** A claim by name or dotted path (`realm_access.roles`), as a list of strings. */
export function claimValues(claims: Record<string, unknown>, path: string): string[] {
  let value: unknown = claims[path];
  if (value === undefined && path.includes('.')) {
    value = path.split('.').reduce<unknown>((v, key) => {
      if (v && typeof v === 'object' && !Array.isArray(v))
        return (v as Record<string, unknown>)[key];
      return undefined;
    }, claims);
  }
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.filter((v): v is string => typeof v === 'string');
  return [];
}

/** Staff roles from the configured claim; empty when nothing maps (the person is refused). */
export function mapStaffRoles(
  claims: Record<string, unknown>,
  roleClaim: string,
  roleMap: Record<string, UserRole[]>,
): UserRole[] {
  const roles = new Set<UserRole>();
  for (const value of claimValues(claims, roleClaim)) {
    for (const role of Object.hasOwn(roleMap, value) ? (roleMap[value] ?? []) : []) roles.add(role);
  }
  return [...roles];
}

function stringClaim(claims: Record<string, unknown>, name: string): string | null {
  const value = claims[name];
  return typeof value === 'string' && value.trim() ? value.trim() : null;
}

export interface ExternalProfile {
  provider: OidcProviderId;
  issuer: string;
  /** As stored: a BSN subject is replaced by `bsn:<keyed hash>`. */
  subject: string;
  levelOfAssurance: string | null;
  pseudonym: string | null;
  bsnHash: string | null;
  name: string | null;
  email: string | null;
  emailVerified: boolean | null;
  /** Staff: the mapped roles (maybe none); residents: ['applicant']. */
  roles: UserRole[];
  /** DigiD Machtigen: the keyed hash of the BSN of the resident this person acts for. */
  representedBsnHash?: string | null;
}

/** What we keep of the validated claims; the BSN leaves here only as a keyed hash. */
export function profileFromClaims(
  config: Config,
  id: OidcProviderId,
  claims: Record<string, unknown>,
): ExternalProfile {
  const sub = String(claims.sub);
  const bsnClaim = id === 'resident' ? config.oidcResident?.bsnClaim : undefined;
  const bsn = bsnClaim ? stringClaim(claims, bsnClaim) : null;
  const hashedBsn = bsn ? bsnHash(config, bsn) : null;
  const subjectIsBsn = looksLikeBsn(sub) || (bsn !== null && bsn === sub);
  const given = stringClaim(claims, 'given_name');
  const family = stringClaim(claims, 'family_name');
  const name = stringClaim(claims, 'name') ?? ([given, family].filter(Boolean).join(' ') || null);
  const email = stringClaim(claims, 'email')?.toLowerCase() ?? null;
  const verified = claims.email_verified;
  const staff = config.oidcStaff;
  const representee =
    id === 'resident'
      ? claimValues(claims, config.oidcResident?.representeeClaim ?? 'aanvrager.bsn').find(
          looksLikeBsn,
        )
      : undefined;
  return {
    provider: id,
    issuer: String(claims.iss),
    subject: subjectIsBsn ? `bsn:${bsnHash(config, sub)}` : sub,
    levelOfAssurance: stringClaim(claims, 'acr'),
    pseudonym: stringClaim(claims, 'pseudonym'),
    bsnHash: hashedBsn ?? (subjectIsBsn ? bsnHash(config, sub) : null),
    name: name ? name.slice(0, 200) : null,
    email: email && email.length <= 254 && /^[^@\s]+@[^@\s]+$/.test(email) ? email : null,
    emailVerified: typeof verified === 'boolean' ? verified : null,
    roles:
      id === 'staff' && staff
        ? mapStaffRoles(claims, staff.roleClaim, staff.roleMap)
        : ['applicant'],
    representedBsnHash: representee ? bsnHash(config, representee) : null,
  };
}

// ---------------------------------------------------------------------------------------------
// Rows.

export async function findIdentity(
  db: Db,
  provider: OidcProviderId,
  issuer: string,
  subject: string,
) {
  return db
    .selectFrom('external_identities')
    .selectAll()
    .where('provider', '=', provider)
    .where('issuer', '=', issuer)
    .where('subject', '=', subject)
    .executeTakeFirst();
}

export async function linkIdentity(
  db: Db,
  profile: ExternalProfile,
  userId: string,
  now: Date,
): Promise<void> {
  await db
    .insertInto('external_identities')
    .values({
      provider: profile.provider,
      issuer: profile.issuer,
      subject: profile.subject,
      user_id: userId,
      level_of_assurance: profile.levelOfAssurance,
      pseudonym: profile.pseudonym,
      bsn_hash: profile.bsnHash,
      created_at: now,
      last_login_at: now,
    })
    .execute();
}

export async function touchIdentity(
  db: Db,
  identityId: string,
  profile: ExternalProfile,
  now: Date,
): Promise<void> {
  await db
    .updateTable('external_identities')
    .set({
      level_of_assurance: profile.levelOfAssurance,
      pseudonym: profile.pseudonym,
      bsn_hash: profile.bsnHash,
      last_login_at: now,
    })
    .where('id', '=', identityId)
    .execute();
}

/** Deletes expired logins in progress and pending accounts (cheap; on every login start). */
export async function sweepExpired(db: Db, now: Date): Promise<void> {
  await db.deleteFrom('oidc_login_states').where('expires_at', '<', now).execute();
  await db.deleteFrom('oidc_pending_accounts').where('expires_at', '<', now).execute();
}
