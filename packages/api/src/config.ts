import { isAbsolute, resolve } from 'node:path';
import { z } from 'zod';
import type { UserRole } from './auth/roles';
import { REPO_ROOT } from './paths';

const DEV_SESSION_SECRET = 'development-only-session-secret-do-not-use-in-production';
const DEV_BSN_HASH_KEY = 'development-only-bsn-hash-key-do-not-use-in-production';

const bool = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((v) => ['true', '1', 'yes'].includes(v));
const positiveInt = z.coerce.number().int().positive();

const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('0.0.0.0'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// or postgresql:// URL')
    .optional(),
  DATABASE_POOL_SIZE: positiveInt.default(10),
  DATABASE_PREPARED_STATEMENTS: bool.default(true),
  DATA_DIR: z.string().min(1).optional(),
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, 'must be an smtp:// or smtps:// URL')
    .optional(),
  // The sender's address, e.g. noreply@rotterdam.nl. Each mail names its sender itself (the team
  // of the application's workflow, messaging/mail.sender.ts); a display name given here
  // ("Naam <noreply@…>") is used for every mail instead.
  MAIL_FROM: z
    .string()
    .regex(
      /^\s*(?:[^<>]*<\s*[^<>\s@]+@[^<>\s@]+\s*>|[^<>\s"@]+@[^<>\s"@]+)\s*$/,
      'must be an address (noreply@rotterdam.nl) or "Name <noreply@rotterdam.nl>"',
    )
    .default('noreply@initiatief.example'),
  MAIL_DIR: z.string().min(1).optional(),
  MAIL_ATTACH_LETTERS: bool.default(true),
  MAIL_STAFF: z.email().optional(),
  RENDER_THREADS: z.coerce.number().int().min(1).max(16).default(2),
  PUBLIC_URL: z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' }).optional(),
  ALLOWED_ORIGINS: z.string().optional(),
  SESSION_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  SESSION_IDLE_MINUTES: positiveInt.default(60),
  SESSION_ABSOLUTE_HOURS: positiveInt.default(12),
  LOGIN_MAX_ATTEMPTS_PER_ACCOUNT: positiveInt.default(5),
  LOGIN_MAX_ATTEMPTS_PER_ADDRESS: positiveInt.default(100),
  LOGIN_WINDOW_MINUTES: positiveInt.default(15),
  LOGIN_DELAY_SECONDS: positiveInt.default(30),
  LOGIN_MAX_DELAY_SECONDS: positiveInt.default(900),
  TRUST_PROXY: bool.default(false),
  BODY_LIMIT_BYTES: positiveInt.default(1024 * 1024),
  UPLOAD_LIMIT_BYTES: positiveInt.default(20 * 1024 * 1024),
  UPLOAD_MAX_FILES: positiveInt.default(20),
  METRICS_TOKEN: z.string().min(16, 'must be at least 16 characters').optional(),
  UPLOAD_MAX_TOTAL_BYTES: positiveInt.default(50 * 1024 * 1024),
  UPLOAD_MAX_STORED_FILES: positiveInt.optional(),
  UPLOAD_MAX_STORED_BYTES: positiveInt.optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).optional(),
  SEED_DEMO: bool.optional(),
  WEB_DIST: z.string().min(1).optional(),
  OIDC_RESIDENT_ISSUER: z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' }).optional(),
  OIDC_RESIDENT_CLIENT_ID: z.string().min(1).optional(),
  OIDC_RESIDENT_CLIENT_SECRET: z.string().min(1).optional(),
  OIDC_RESIDENT_SCOPES: z.string().min(1).default('openid'),
  OIDC_RESIDENT_BSN_CLAIM: z.string().min(1).default('bsn'),
  OIDC_RESIDENT_REPRESENTEE_CLAIM: z.string().min(1).default('aanvrager.bsn'),
  OIDC_STAFF_ISSUER: z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' }).optional(),
  OIDC_STAFF_CLIENT_ID: z.string().min(1).optional(),
  OIDC_STAFF_CLIENT_SECRET: z.string().min(1).optional(),
  OIDC_STAFF_SCOPES: z.string().min(1).default('openid profile email'),
  OIDC_STAFF_ROLE_CLAIM: z.string().min(1).default('groups'),
  OIDC_STAFF_ROLE_MAP: z.string().optional(),
  DEMO_OIDC: bool.default(false),
  DEMO_OIDC_PORT: z.coerce.number().int().min(0).max(65535).optional(),
  BSN_HASH_KEY: z.string().min(32, 'must be at least 32 characters').optional(),
  RETENTION_DRAFT_DAYS: z.coerce.number().int().min(0).default(180),
  RETENTION_WARNING_DAYS: positiveInt.default(14),
  RETENTION_UNCONFIRMED_DAYS: z.coerce.number().int().min(0).default(30),
  RETENTION_REMOVED_FILES_DAYS: z.coerce.number().int().min(0).default(7),
  CLOSING_REMINDER_DAYS: z.coerce.number().int().min(0).max(365).default(14),
});

/** One OpenID Connect connection (OIDC_RESIDENT_* or OIDC_STAFF_*). */
export interface OidcClientConfig {
  issuer: string;
  clientId: string;
  /** Unset: a public client (PKCE only, no client authentication). */
  clientSecret?: string;
  scopes: string;
}

const STAFF_ROLES_FOR_MAP: readonly UserRole[] = [
  'clerk',
  'assessor',
  'approver',
  'policy',
  'admin',
];

/** `value=role,value=role` (split at the last `=`, so a value may hold `=` or `:`). */
function parseRoleMap(raw: string | undefined): Record<string, UserRole[]> {
  const map: Record<string, UserRole[]> = {};
  for (const entry of (raw ?? '')
    .split(',')
    .map((e) => e.trim())
    .filter(Boolean)) {
    const at = entry.lastIndexOf('=');
    const value = entry.slice(0, at).trim();
    const role = entry.slice(at + 1).trim() as UserRole;
    if (at <= 0 || !STAFF_ROLES_FOR_MAP.includes(role)) {
      throw new ConfigError(
        `Invalid configuration: OIDC_STAFF_ROLE_MAP: "${entry}" is not claim-value=role with role one of ${STAFF_ROLES_FOR_MAP.join(', ')}`,
        ['OIDC_STAFF_ROLE_MAP'],
      );
    }
    map[value] = [...new Set([...(map[value] ?? []), role])];
  }
  return map;
}

function oidcClient(
  prefix: 'OIDC_RESIDENT' | 'OIDC_STAFF',
  issuer: string | undefined,
  clientId: string | undefined,
  clientSecret: string | undefined,
  scopes: string,
  production: boolean,
): OidcClientConfig | undefined {
  if (!issuer) return undefined;
  if (!clientId) {
    throw new ConfigError(
      `Invalid configuration: ${prefix}_CLIENT_ID is required with ${prefix}_ISSUER`,
      [`${prefix}_CLIENT_ID`],
    );
  }
  if (production && !issuer.startsWith('https:')) {
    throw new ConfigError(
      `Invalid configuration: ${prefix}_ISSUER must be https when NODE_ENV=production`,
      [`${prefix}_ISSUER`],
    );
  }
  if (!scopes.split(/\s+/).includes('openid')) {
    throw new ConfigError(`Invalid configuration: ${prefix}_SCOPES must include openid`, [
      `${prefix}_SCOPES`,
    ]);
  }
  return { issuer, clientId, clientSecret, scopes };
}

export interface Config {
  nodeEnv: 'development' | 'production' | 'test';
  port: number;
  host: string;
  /** Set: a pg pool on a real PostgreSQL. Unset: embedded PGlite in `dataDir`. */
  databaseUrl?: string;
  databasePoolSize: number;
  /**
   * Prepare each parameterised statement once per connection (faster). Turn off behind a
   * connection pooler in transaction mode that does not track prepared statements.
   */
  databasePreparedStatements: boolean;
  dataDir: string;
  smtpUrl?: string;
  /**
   * MAIL_FROM: the sender's address; each mail names its own sender (messaging/mail.sender.ts)
   * unless a display name is configured here.
   */
  mailFrom: string;
  /** Where mails land as .eml files when no SMTP_URL is set. */
  mailDir: string;
  /** true: a notice carries its letter as a PDF attachment; false: it links to the letter. */
  mailAttachLetters: boolean;
  /** Where a staff notice goes when the application has no assignee (default subsidies@<PUBLIC_URL host>). */
  mailStaff?: string;
  /** Worker threads rendering letters to PDF in the outbox worker. */
  renderThreads: number;
  /** The origin residents see, e.g. https://initiatief.example; no trailing slash. */
  publicUrl: string;
  /** Origins allowed for state-changing requests besides publicUrl's (dev servers). */
  allowedOrigins: string[];
  sessionSecret: string;
  sessionIdleMinutes: number;
  sessionAbsoluteHours: number;
  loginMaxAttemptsPerAccount: number;
  loginMaxAttemptsPerAddress: number;
  /** Quiet minutes after which failed attempts are forgotten. */
  loginWindowMinutes: number;
  /** The first wait after too many failed attempts; it doubles with each further one. */
  loginDelaySeconds: number;
  /** The longest wait: nobody can keep an owner out for longer at a time. */
  loginMaxDelaySeconds: number;
  trustProxy: boolean;
  bodyLimitBytes: number;
  uploadLimitBytes: number;
  /** Files one application may hold (UPLOAD_MAX_FILES). */
  uploadMaxFiles: number;
  /**
   * Bearer token for GET /metrics (METRICS_TOKEN). Unset: /metrics is served openly outside
   * production and not at all in production.
   */
  metricsToken?: string;
  /** Bytes all files of one application may hold together (UPLOAD_MAX_TOTAL_BYTES). */
  uploadMaxTotalBytes: number;
  /** Files one application may store, held or taken out and not purged (UPLOAD_MAX_STORED_FILES). */
  uploadMaxStoredFiles: number;
  /** Bytes those stored files may take together (UPLOAD_MAX_STORED_BYTES). */
  uploadMaxStoredBytes: number;
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  /**
   * Seed demo accounts into an empty database. Unset (SEED_DEMO not given): only an embedded
   * database outside production. Never in production.
   */
  seedDemo?: boolean;
  webDist: string;
  migrationsDir: string;
  /** Residents' way in (DigiD/eHerkenning through a broker); unset: not offered. */
  oidcResident?: OidcClientConfig & {
    bsnClaim: string;
    /**
     * DigiD Machtigen: the claim (name or dotted path) with the BSN of the resident the person
     * signing in acts for; default `aanvrager.bsn`, as Open Formulieren reads it.
     */
    representeeClaim?: string;
  };
  /** Staff's way in (the municipality's IdP); roles come from `roleClaim` through `roleMap`. */
  oidcStaff?: OidcClientConfig & { roleClaim: string; roleMap: Record<string, UserRole[]> };
  /** `pnpm start` runs a local demo provider and points both connections at it. */
  demoOidc: boolean;
  demoOidcPort?: number;
  /** The HMAC key for BSNs; a BSN is only ever stored as its keyed hash. */
  bsnHashKey: string;
  /** Drafts untouched this many days are deleted (0: never); see src/retention. */
  retentionDraftDays: number;
  /** The applicant is warned by mail this many days before the deletion. */
  retentionWarningDays: number;
  /** Registrations never confirmed are deleted after this many days (0: never). */
  retentionUnconfirmedDays: number;
  /** A file taken out this many days ago loses its contents (0: never); src/retention. */
  retentionRemovedFilesDays: number;
  /** A draft not sent hears this many days before its regulation closes (0: never); src/reminders. */
  closingReminderDays: number;
}

/** A configuration problem; the message names the variable. */
export class ConfigError extends Error {
  constructor(
    message: string,
    readonly variables: string[],
  ) {
    super(message);
    this.name = 'ConfigError';
  }
}

type Env = Record<string, string | undefined>;

/** Parses the environment once at start-up; throws ConfigError naming each wrong variable. */
export function loadConfig(env: Env = process.env): Config {
  // Empty strings count as unset: `FOO= pnpm start` should not fail on FOO.
  const cleaned = Object.fromEntries(
    Object.entries(env).filter(([, v]) => v !== undefined && v !== ''),
  );
  const parsed = envSchema.safeParse(cleaned);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => {
      const variable = String(issue.path[0] ?? '?');
      return { variable, message: `${variable}: ${issue.message}` };
    });
    throw new ConfigError(
      `Invalid configuration: ${problems.map((p) => p.message).join('; ')}`,
      problems.map((p) => p.variable),
    );
  }
  const e = parsed.data;
  const production = e.NODE_ENV === 'production';
  if (production && !e.SESSION_SECRET) {
    throw new ConfigError(
      'Invalid configuration: SESSION_SECRET is required when NODE_ENV=production',
      ['SESSION_SECRET'],
    );
  }
  if (production && e.SEED_DEMO) {
    throw new ConfigError(
      'Invalid configuration: SEED_DEMO cannot be true when NODE_ENV=production',
      ['SEED_DEMO'],
    );
  }
  if (production && e.DEMO_OIDC) {
    throw new ConfigError(
      'Invalid configuration: DEMO_OIDC cannot be true when NODE_ENV=production',
      ['DEMO_OIDC'],
    );
  }
  if (production && e.OIDC_RESIDENT_ISSUER && !e.BSN_HASH_KEY) {
    throw new ConfigError(
      'Invalid configuration: BSN_HASH_KEY is required with OIDC_RESIDENT_ISSUER when NODE_ENV=production',
      ['BSN_HASH_KEY'],
    );
  }
  if (e.RETENTION_DRAFT_DAYS > 0 && e.RETENTION_WARNING_DAYS >= e.RETENTION_DRAFT_DAYS) {
    throw new ConfigError(
      'Invalid configuration: RETENTION_WARNING_DAYS must be less than RETENTION_DRAFT_DAYS',
      ['RETENTION_WARNING_DAYS'],
    );
  }
  // The ceiling on stored files (held or taken out): by default three times the quota.
  const uploadMaxStoredFiles = e.UPLOAD_MAX_STORED_FILES ?? 3 * e.UPLOAD_MAX_FILES;
  const uploadMaxStoredBytes = e.UPLOAD_MAX_STORED_BYTES ?? 3 * e.UPLOAD_MAX_TOTAL_BYTES;
  for (const [name, ceiling, quotaName, quota] of [
    ['UPLOAD_MAX_STORED_FILES', uploadMaxStoredFiles, 'UPLOAD_MAX_FILES', e.UPLOAD_MAX_FILES],
    [
      'UPLOAD_MAX_STORED_BYTES',
      uploadMaxStoredBytes,
      'UPLOAD_MAX_TOTAL_BYTES',
      e.UPLOAD_MAX_TOTAL_BYTES,
    ],
  ] as const) {
    if (ceiling < quota) {
      throw new ConfigError(`Invalid configuration: ${name} must be at least ${quotaName}`, [name]);
    }
  }
  const oidcResident = oidcClient(
    'OIDC_RESIDENT',
    e.OIDC_RESIDENT_ISSUER,
    e.OIDC_RESIDENT_CLIENT_ID,
    e.OIDC_RESIDENT_CLIENT_SECRET,
    e.OIDC_RESIDENT_SCOPES,
    production,
  );
  const oidcStaff = oidcClient(
    'OIDC_STAFF',
    e.OIDC_STAFF_ISSUER,
    e.OIDC_STAFF_CLIENT_ID,
    e.OIDC_STAFF_CLIENT_SECRET,
    e.OIDC_STAFF_SCOPES,
    production,
  );
  const roleMap = parseRoleMap(e.OIDC_STAFF_ROLE_MAP);
  // pnpm --filter runs scripts inside the package; INIT_CWD is where the user typed the command.
  const cwd = env.INIT_CWD || process.cwd();
  const path = (p: string) => (isAbsolute(p) ? p : resolve(cwd, p));
  const dataDir = path(e.DATA_DIR ?? resolve(REPO_ROOT, '.data'));
  const publicUrl = (e.PUBLIC_URL ?? `http://localhost:${e.PORT}`).replace(/\/+$/, '');
  const devOrigins = production ? [] : ['http://localhost:5173', 'http://127.0.0.1:5173'];
  const allowedOrigins = [
    ...new Set([
      ...devOrigins,
      ...(e.ALLOWED_ORIGINS ?? '')
        .split(',')
        .map((o) => o.trim())
        .filter(Boolean),
    ]),
  ];
  return {
    nodeEnv: e.NODE_ENV,
    port: e.PORT,
    host: e.HOST,
    databaseUrl: e.DATABASE_URL,
    databasePoolSize: e.DATABASE_POOL_SIZE,
    databasePreparedStatements: e.DATABASE_PREPARED_STATEMENTS,
    dataDir,
    smtpUrl: e.SMTP_URL,
    mailFrom: e.MAIL_FROM,
    mailDir: path(e.MAIL_DIR ?? resolve(dataDir, 'mail')),
    mailAttachLetters: e.MAIL_ATTACH_LETTERS,
    mailStaff: e.MAIL_STAFF,
    renderThreads: e.RENDER_THREADS,
    publicUrl,
    allowedOrigins,
    sessionSecret: e.SESSION_SECRET ?? DEV_SESSION_SECRET,
    sessionIdleMinutes: e.SESSION_IDLE_MINUTES,
    sessionAbsoluteHours: e.SESSION_ABSOLUTE_HOURS,
    loginMaxAttemptsPerAccount: e.LOGIN_MAX_ATTEMPTS_PER_ACCOUNT,
    loginMaxAttemptsPerAddress: e.LOGIN_MAX_ATTEMPTS_PER_ADDRESS,
    loginWindowMinutes: e.LOGIN_WINDOW_MINUTES,
    loginDelaySeconds: e.LOGIN_DELAY_SECONDS,
    loginMaxDelaySeconds: e.LOGIN_MAX_DELAY_SECONDS,
    trustProxy: e.TRUST_PROXY,
    bodyLimitBytes: e.BODY_LIMIT_BYTES,
    uploadLimitBytes: e.UPLOAD_LIMIT_BYTES,
    uploadMaxFiles: e.UPLOAD_MAX_FILES,
    metricsToken: e.METRICS_TOKEN,
    uploadMaxTotalBytes: e.UPLOAD_MAX_TOTAL_BYTES,
    uploadMaxStoredFiles,
    uploadMaxStoredBytes,
    logLevel: e.LOG_LEVEL ?? (e.NODE_ENV === 'test' ? 'silent' : 'info'),
    seedDemo: e.SEED_DEMO,
    webDist: path(e.WEB_DIST ?? resolve(REPO_ROOT, 'packages/web/dist')),
    migrationsDir: resolve(REPO_ROOT, 'migrations'),
    oidcResident: oidcResident && {
      ...oidcResident,
      bsnClaim: e.OIDC_RESIDENT_BSN_CLAIM,
      representeeClaim: e.OIDC_RESIDENT_REPRESENTEE_CLAIM,
    },
    oidcStaff: oidcStaff && { ...oidcStaff, roleClaim: e.OIDC_STAFF_ROLE_CLAIM, roleMap },
    demoOidc: e.DEMO_OIDC,
    demoOidcPort: e.DEMO_OIDC_PORT,
    bsnHashKey: e.BSN_HASH_KEY ?? DEV_BSN_HASH_KEY,
    retentionDraftDays: e.RETENTION_DRAFT_DAYS,
    retentionWarningDays: e.RETENTION_WARNING_DAYS,
    retentionUnconfirmedDays: e.RETENTION_UNCONFIRMED_DAYS,
    retentionRemovedFilesDays: e.RETENTION_REMOVED_FILES_DAYS,
    closingReminderDays: e.CLOSING_REMINDER_DAYS,
  };
}

/** A configuration for tests: embedded defaults, silent logs, a fixed public URL. */
export function testConfig(overrides: Partial<Config> = {}): Config {
  return {
    ...loadConfig({
      NODE_ENV: 'test',
      PUBLIC_URL: 'http://localhost:3000',
      DATA_DIR: '/nonexistent',
    }),
    ...overrides,
  };
}
