/**
 * The OpenID Connect endpoints (`/api/auth/providers`, `/api/auth/oidc/...`). Errors are the
 * client module's ApiError, parsed from problem+json the same way.
 */
import { ApiError, type Me, type Problem } from '../../api/client';

export type OidcProviderId = 'resident' | 'staff';

export interface OidcProvider {
  id: OidcProviderId;
  label: string;
  /** `/api/auth/oidc/{id}/login`; add `?returnTo=` with a path of this site. */
  loginUrl: string;
}

export interface PendingAccount {
  provider: OidcProviderId;
  name: string | null;
  email: string | null;
}

async function call<T>(path: string, init: RequestInit = {}): Promise<T> {
  let res: Response;
  try {
    res = await fetch(`/api${path}`, {
      credentials: 'same-origin',
      ...init,
      headers: { accept: 'application/json', ...init.headers },
    });
  } catch (err) {
    throw new ApiError({ status: 0, code: 'network', detail: (err as Error).message });
  }
  if (!res.ok) {
    let problem: Problem = { status: res.status };
    try {
      problem = { ...(await res.json()), status: res.status };
    } catch {
      // not problem+json
    }
    throw new ApiError(problem);
  }
  return (await res.json()) as T;
}

export const oidcApi = {
  providers: () => call<OidcProvider[]>('/auth/providers'),
  pending: () => call<PendingAccount>('/auth/oidc/pending'),
  complete: (input: { name: string; email: string }) =>
    call<{ user: Me; returnTo: string }>('/auth/oidc/complete', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(input),
    }),
  /** Logs out here; for a session from a provider, also the URL that ends it there. */
  logout: () => call<{ logoutUrl: string | null }>('/auth/oidc/logout', { method: 'POST' }),
};

const LOGIN_PAGE = '/inloggen';

/** The login URL with the page to come back to (only a path of this site). */
export function loginHref(provider: OidcProvider, next: string | null): string {
  // Without a page asked for, come back to the login page: signed in, it sends each person to
  // their own home (staff to their work, not to the resident's start page).
  const safe = next?.startsWith('/') && !next.startsWith('//') ? next : LOGIN_PAGE;
  return `${provider.loginUrl}?returnTo=${encodeURIComponent(safe)}`;
}
