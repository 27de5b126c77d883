import type { ReactNode } from 'react';
import { OidcCompletePage } from './oidc-complete-page';
import { OidcRefusedPage } from './oidc-refused-page';

/** The pages the API's OpenID Connect callback sends the browser to; spread into src/app.tsx. */
export const OIDC_ROUTES: { path: string; render(params: Record<string, string>): ReactNode }[] = [
  { path: '/inloggen/aanvullen', render: () => <OidcCompletePage /> },
  { path: '/inloggen/geweigerd', render: () => <OidcRefusedPage /> },
];
