/**
 * The OpenID Connect calls (`/api/auth/providers`, `/api/auth/oidc/...`), through the one typed
 * client (src/api/http.ts); errors are its ApiError.
 */
import { type Answer, http } from '../../api/http';

export type OidcProvider = Answer<'/api/auth/providers'>[number];
export type OidcProviderId = OidcProvider['id'];
export type PendingAccount = Answer<'/api/auth/oidc/pending'>;

export const oidcApi = {
  providers: () => http.get('/api/auth/providers'),
  pending: () => http.get('/api/auth/oidc/pending'),
  complete: (input: { name: string; email: string }) =>
    http.post('/api/auth/oidc/complete', { body: input }),
  /** Logs out here; for a session from a provider, also the URL that ends it there. */
  logout: () => http.post('/api/auth/oidc/logout'),
};

const LOGIN_PAGE = '/inloggen';

/** The login URL with the page to come back to (only a path of this site). */
export function loginHref(provider: OidcProvider, next: string | null): string {
  // Without a page asked for, come back to the login page: signed in, it sends each person to
  // their own home (staff to their work, not to the resident's start page).
  const safe = next?.startsWith('/') && !next.startsWith('//') ? next : LOGIN_PAGE;
  return http.href('/api/auth/oidc/{provider}/login', {
    path: { provider: provider.id },
    query: { returnTo: safe },
  });
}
