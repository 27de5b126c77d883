import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import { seedDemoApplications } from '../applications/applications.seed';
import { hashPassword } from '../auth/password';
import type { UserRole } from '../auth/roles';
import type { DB } from '../db/schema';
import { insertUser } from '../users/users.repository';

export const DEMO_PASSWORD = 'demo-password-2026';

export interface DemoAccount {
  email: string;
  name: string;
  roles: UserRole[];
  street?: string;
  postcode?: string;
  city?: string;
}

export const DEMO_ACCOUNTS: DemoAccount[] = [
  {
    email: 'resident@example.org',
    name: 'Fatima El Amrani',
    roles: ['applicant'],
    street: 'Zwaanshals 12',
    postcode: '3035 KE',
    city: 'Rotterdam',
  },
  {
    email: 'resident2@example.org',
    name: 'Jan de Vries',
    roles: ['applicant'],
    street: 'Beukelsdijk 80',
    postcode: '3022 DH',
    city: 'Rotterdam',
  },
  { email: 'clerk@example.org', name: 'Kees Baliemedewerker', roles: ['clerk'] },
  { email: 'assessor@example.org', name: 'Anouk Behandelaar', roles: ['assessor'] },
  { email: 'assessor2@example.org', name: 'Mohamed Tweede Behandelaar', roles: ['assessor'] },
  { email: 'approver@example.org', name: 'Sanne Besluitvormer', roles: ['approver'] },
  { email: 'policy@example.org', name: 'Pieter Beleidsmedewerker', roles: ['policy'] },
  // A second policy officer: publishing a workflow or changing a regulation's money takes two.
  { email: 'policy2@example.org', name: 'Fatima Tweede Beleidsmedewerker', roles: ['policy'] },
  { email: 'admin@example.org', name: 'Beheerder', roles: ['admin'] },
];

/**
 * Fills an empty database with demo data; does nothing when there are users already.
 * Returns the accounts it created (for printing at start-up). Never called in production.
 */
export async function seedDemo(db: Kysely<DB>, logger: Logger): Promise<DemoAccount[]> {
  const existing = await db.selectFrom('users').select('id').limit(1).executeTakeFirst();
  if (existing) return [];
  await db.transaction().execute(async (trx) => {
    const users: Record<string, string> = {};
    for (const account of DEMO_ACCOUNTS) {
      const user = await insertUser(trx, {
        email: account.email,
        name: account.name,
        roles: account.roles,
        street: account.street ?? null,
        postcode: account.postcode ?? null,
        city: account.city ?? null,
        password_hash: await hashPassword(DEMO_PASSWORD),
      });
      users[account.email] = user.id;
    }
  });
  // Lifecycle demo data runs through the real command path, which opens its own transactions.
  await seedDemoApplications(db);
  logger.info({ accounts: DEMO_ACCOUNTS.length }, 'demo data seeded');
  return DEMO_ACCOUNTS;
}
