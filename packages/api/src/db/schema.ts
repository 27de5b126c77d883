import type { AdminTables } from '../admin/admin.table';
import type { ApplicationTables } from '../applications/applications.table';
import type { AccountTables } from '../auth/auth.table';
import type { AuthorisationTables } from '../desk/authorisations.table';
import type { MessagingTables } from '../messaging/messaging.table';
import type { OidcTables } from '../oidc/oidc.table';
import type { SupporterTables } from '../supporters/supporters.table';

/** The whole database; each feature declares its tables in `src/<feature>/<feature>.table.ts`. */
export interface DB
  extends AccountTables,
    AdminTables,
    AuthorisationTables,
    ApplicationTables,
    MessagingTables,
    OidcTables,
    SupporterTables {
  schema_migrations: SchemaMigrationsTable;
}

export interface SchemaMigrationsTable {
  version: number;
  name: string;
  checksum: string;
  applied_at: Date;
}
