import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import type { UserRole } from './auth/roles';
import type { Config } from './config';
import type { Notifications } from './db/notifications';
import type { DB } from './db/schema';

export type { Role, UserRole } from './auth/roles';

/** What every route and worker gets; nothing else is global. */
export interface AppDeps {
  db: Kysely<DB>;
  config: Config;
  logger: Logger;
  /** Inject the clock: tests start from a fixed instant. */
  clock: () => Date;
  /** LISTEN/NOTIFY, when the process has it: workers wake at once instead of at their next poll. */
  notifications?: Notifications;
}

/** The logged-in person, as the session middleware resolved it. */
export interface SessionUser {
  id: string;
  email: string;
  name: string;
  roles: UserRole[];
  locale: 'nl' | 'en';
  /**
   * Signed in through DigiD Machtigen for a resident: for this session the person acts for her
   * (starts applications in her name, reaches all of hers). Absent for every other session.
   */
  actingFor?: { id: string; name: string };
}

export interface AppVariables {
  requestId: string;
  user: SessionUser | null;
  /** The id of the session row behind the cookie, null when not logged in. */
  sessionId: string | null;
  logger: Logger;
}

/** The Hono environment of the API. */
export type AppEnv = { Variables: AppVariables };
