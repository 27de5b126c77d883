import { type ReactNode, Suspense } from 'react';
import type { Role } from '../api/client';
import { StatusMessage } from '../components/ui';
import { useI18n } from '../i18n/i18n';
import { lazyPage } from '../router/lazy-page';

// The policy pages carry the engine (zod, xstate) and elkjs: loaded only when a policy page opens,
// so residents never download them.
const DefinitionsPage = lazyPage(async () => ({
  default: (await import('./definitions-page')).DefinitionsPage,
}));
const DefinitionEditorPage = lazyPage(async () => ({
  default: (await import('./definition-editor-page')).DefinitionEditorPage,
}));
const MigrationPage = lazyPage(async () => ({
  default: (await import('./migration-page')).MigrationPage,
}));
const RegulationsAdminPage = lazyPage(async () => ({
  default: (await import('./regulations-admin-page')).RegulationsAdminPage,
}));
const ReportsPage = lazyPage(async () => ({
  default: (await import('./reports-page')).ReportsPage,
}));
const ApplicationDiagramPage = lazyPage(async () => ({
  default: (await import('./application-diagram-page')).ApplicationDiagramPage,
}));

function Loading() {
  const { t } = useI18n();
  return <StatusMessage>{t('common.loading')}</StatusMessage>;
}

const page = (node: ReactNode) => <Suspense fallback={<Loading />}>{node}</Suspense>;
const POLICY: Role[] = ['policy'];

/** The policy pages, spread into the app's route table (src/app.tsx). */
export const POLICY_ROUTES: {
  path: string;
  roles: Role[];
  render(params: Record<string, string>): ReactNode;
}[] = [
  { path: '/beleid', roles: POLICY, render: () => page(<DefinitionsPage />) },
  {
    path: '/beleid/werkprocessen/:key/migratie',
    roles: POLICY,
    render: (p) => page(<MigrationPage workflowKey={p.key!} />),
  },
  {
    path: '/beleid/werkprocessen/:key/:version',
    roles: POLICY,
    render: (p) => page(<DefinitionEditorPage workflowKey={p.key!} version={Number(p.version)} />),
  },
  { path: '/beleid/regelingen', roles: POLICY, render: () => page(<RegulationsAdminPage />) },
  { path: '/beleid/rapportages', roles: POLICY, render: () => page(<ReportsPage />) },
  {
    path: '/beleid/aanvragen/:id',
    roles: POLICY,
    render: (p) => page(<ApplicationDiagramPage id={p.id!} />),
  },
];
