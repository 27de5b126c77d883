import { Paragraph } from '@utrecht/component-library-react';
import { type ReactNode, Suspense, useEffect } from 'react';
import { type Role, STAFF_ROLES } from './api/client';
import { PageHeading, StatusMessage } from './components/ui';
import { DESK_ROUTES } from './desk/desk-routes';
import { I18nProvider, useI18n } from './i18n/i18n';
import {
  ConfirmAccountPage,
  ForgotPasswordPage,
  SetPasswordPage,
} from './pages/account-link-pages';
import {
  HomePage,
  homeFor,
  LoggedOutPage,
  LoginPage,
  MePage,
  NotFoundPage,
  RegisterPage,
} from './pages/auth-pages';
import { OIDC_ROUTES } from './pages/oidc/oidc-routes';
import { PAGE_DATA } from './pages/page-data';
import { POLICY_ROUTES } from './policy/policy-routes';
import { lazyPage, useLazyPageArrivals } from './router/lazy-page';
import { match, RouterProvider, useRouter } from './router/router';
import { SessionProvider, useSession } from './session/session';
import { Layout } from './shell/layout';

// Each page is its own chunk: the first visit loads the shell and the page it opens, not all
// of them (Lighthouse counted 364 KiB of unused JavaScript on the login page).
const ApplicationPage = lazyPage(async () => ({
  default: (await import('./pages/application-page')).ApplicationPage,
}));
const CasePage = lazyPage(async () => ({ default: (await import('./pages/case-page')).CasePage }));
const DeskPage = lazyPage(async () => ({ default: (await import('./pages/desk-page')).DeskPage }));
const DocumentPage = lazyPage(async () => ({
  default: (await import('./pages/document-page')).DocumentPage,
}));
const MailPage = lazyPage(async () => ({ default: (await import('./pages/mail-page')).MailPage }));
const PrintQueuePage = lazyPage(async () => ({
  default: (await import('./pages/print-queue-page')).PrintQueuePage,
}));
const MyApplicationsPage = lazyPage(async () => ({
  default: (await import('./pages/my-applications-page')).MyApplicationsPage,
}));
const QueuePage = lazyPage(async () => ({
  default: (await import('./pages/queue-page')).QueuePage,
}));
const RegulationsPage = lazyPage(async () => ({
  default: (await import('./pages/regulations-page')).RegulationsPage,
}));
const FormPage = lazyPage(async () => ({
  default: (await import('./pages/form/form-page')).FormPage,
}));

interface Route {
  path: string;
  /** Roles that may open the page; undefined = anyone, [] = any logged-in user. */
  roles?: readonly Role[];
  render(params: Record<string, string>): ReactNode;
}

const STAFF: Role[] = ['assessor', 'approver', 'admin'];
/** Everyone the API lets read the outbox (STAFF_ROLES there). */
const OUTBOX = STAFF_ROLES;
/** Who handles the outgoing post (the print queue). */
const POST: Role[] = ['clerk', 'assessor', 'approver', 'admin'];

const ROUTES: Route[] = [
  { path: '/', render: () => <HomePage /> },
  { path: '/inloggen', render: () => <LoginPage /> },
  { path: '/registreren', render: () => <RegisterPage /> },
  { path: '/wachtwoord-vergeten', render: () => <ForgotPasswordPage /> },
  { path: '/wachtwoord-instellen', render: () => <SetPasswordPage /> },
  { path: '/account-bevestigen', render: () => <ConfirmAccountPage /> },
  { path: '/uitgelogd', render: () => <LoggedOutPage /> },
  { path: '/regelingen', render: () => <RegulationsPage /> },
  { path: '/mijn-gegevens', roles: [], render: () => <MePage /> },
  { path: '/aanvragen', roles: [], render: () => <MyApplicationsPage /> },
  { path: '/aanvragen/:id/bewerken', roles: [], render: (p) => <FormPage id={p.id!} step="" /> },
  {
    path: '/aanvragen/:id/bewerken/:step',
    roles: [],
    render: (p) => <FormPage id={p.id!} step={p.step!} />,
  },
  {
    path: '/aanvragen/:id/brieven/:doc',
    roles: [],
    render: (p) => <DocumentPage appId={p.id!} docId={p.doc!} />,
  },
  { path: '/aanvragen/:id', roles: [], render: (p) => <ApplicationPage id={p.id!} /> },
  { path: '/balie', roles: ['clerk', 'admin'], render: () => <DeskPage /> },
  { path: '/werkvoorraad', roles: STAFF, render: () => <QueuePage /> },
  { path: '/berichten', roles: OUTBOX, render: () => <MailPage /> },
  { path: '/post', roles: POST, render: () => <PrintQueuePage /> },
  {
    path: '/behandeling/:id/brieven/:doc',
    roles: STAFF,
    render: (p) => <DocumentPage appId={p.id!} docId={p.doc!} staff />,
  },
  { path: '/behandeling/:id', roles: STAFF, render: (p) => <CasePage id={p.id!} /> },
  ...POLICY_ROUTES,
  ...DESK_ROUTES,
  ...OIDC_ROUTES,
];

function Guarded({ route, params }: { route: Route; params: Record<string, string> }) {
  const { t } = useI18n();
  const { me, hasRole, expired } = useSession();
  const { location, navigate, href } = useRouter();
  const needsLogin = route.roles !== undefined;

  const loginPage = route.path === '/inloggen' || route.path === '/registreren';
  useEffect(() => {
    // Only from the page this render was for: by the time the effect runs the person may have
    // gone on (signing out goes to /uitgelogd), and that page is not replaced by this one's turn.
    const from = location.key;
    // Logged-in users do not need the login page.
    if (me && loginPage) navigate(homeFor(me), { replace: true, from });
    if (needsLogin && me === null) {
      // The page asked for in the interface's language: it shows in the login page's address.
      const next = encodeURIComponent(href(location.path + window.location.search));
      // A session that ran out mid-visit gets a notice on the login page.
      navigate(`/inloggen?next=${next}${expired ? '&verlopen=1' : ''}`, { replace: true, from });
    }
  }, [needsLogin, loginPage, me, navigate, href, location.path, location.key, expired]);

  if (needsLogin && me === undefined) return <StatusMessage>{t('common.loading')}</StatusMessage>;
  if (needsLogin && !me) return null;
  if (me && route.roles && route.roles.length > 0 && !hasRole(...route.roles)) {
    return (
      <>
        <PageHeading>{t('forbidden.title')}</PageHeading>
        <Paragraph>{t('forbidden.text')}</Paragraph>
      </>
    );
  }
  if (me && loginPage) return null;
  return <>{route.render(params)}</>;
}

function Loading() {
  const { t } = useI18n();
  return <StatusMessage>{t('common.loading')}</StatusMessage>;
}

/** What the page data last asked ahead was about (PAGE_DATA), so each visit asks once. */
let askedAheadFor: string | null = null;

function Routes() {
  const { location } = useRouter();
  const { me } = useSession();
  useLazyPageArrivals();
  for (const route of ROUTES) {
    const params = match(route.path, location.path);
    if (params) {
      const data = PAGE_DATA[route.path];
      const about = data?.about(params) ?? null;
      if (!data) askedAheadFor = null;
      else if (me && askedAheadFor !== about) {
        askedAheadFor = about;
        data.ask(params);
      }
      return (
        <Suspense fallback={<Loading />}>
          <Guarded key={route.path} route={route} params={params} />
        </Suspense>
      );
    }
  }
  return <NotFoundPage />;
}

/** The route table's paths: the parts of an address the router says in the interface's language. */
const PATTERNS = ROUTES.map((r) => r.path);

/** The router, writing addresses in the interface's language (router/route-words.ts). */
function LocalRouter({ children }: { children: ReactNode }) {
  const { locale } = useI18n();
  return (
    <RouterProvider patterns={PATTERNS} locale={locale}>
      {children}
    </RouterProvider>
  );
}

export function App() {
  return (
    <I18nProvider>
      <LocalRouter>
        <SessionProvider>
          <Layout>
            <Routes />
          </Layout>
        </SessionProvider>
      </LocalRouter>
    </I18nProvider>
  );
}
