/**
 * Test support: a real oidc-provider in the test process behind a small proxy that can tamper
 * with token responses, and a "browser" that follows the redirect dance with cookies — the
 * app through app.request(), the provider over HTTP.
 */
import { createServer, request as httpRequest, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { decodeJwt, exportJWK, generateKeyPair, importJWK, type JWK, SignJWT } from 'jose';
import type { ClientMetadata } from 'oidc-provider';
import type { App } from '../app';
import type { UserRole } from '../auth/roles';
import type { Config } from '../config';
import { type DemoAccount, type DemoProvider, startDemoProvider } from './demo-provider';

export const TEST_PUBLIC_URL = 'http://localhost:3000';
export const ROLE_MAP: Record<string, UserRole[]> = {
  'sub-assessors': ['assessor'],
  'sub-approvers': ['approver'],
  'sub-desk': ['clerk'],
};

export const ACR_DIGID_MIDDEN = 'urn:oasis:names:tc:SAML:2.0:ac:classes:MobileTwoFactorContract';

/** Test accounts: a DigiD resident (BSN only), an eHerkenning-like foundation, staff. */
export const TEST_ACCOUNTS: DemoAccount[] = [
  {
    id: 'fatima',
    label: 'Fatima (DigiD)',
    acr: ACR_DIGID_MIDDEN,
    claims: { bsn: '999993653' },
  },
  {
    // DigiD Machtigen: Jan signs in with his own DigiD and acts for Fatima.
    id: 'jan-machtigen',
    label: 'Jan namens Fatima (DigiD Machtigen)',
    acr: ACR_DIGID_MIDDEN,
    claims: {
      name: 'Jan de Vries',
      email: 'jan.machtigen@example.org',
      gemachtigde: { bsn: '111222333' },
      aanvrager: { bsn: '999993653' },
    },
  },
  {
    // The same, by a person the broker sends without name or e-mail (they complete them).
    id: 'noor-machtigen',
    label: 'Noor namens Fatima (DigiD Machtigen)',
    acr: ACR_DIGID_MIDDEN,
    claims: { gemachtigde: { bsn: '123456782' }, aanvrager: { bsn: '999993653' } },
  },
  {
    id: 'stichting',
    label: 'Stichting Buurtkracht (eHerkenning)',
    acr: 'urn:etoegang:core:assurance-class:loa3',
    claims: {
      name: 'Stichting Buurtkracht',
      email: 'info@buurtkracht.example',
      email_verified: true,
      pseudonym: 'eh-pseudo-4711',
    },
  },
  {
    id: 'anouk',
    label: 'Anouk (behandelaar)',
    claims: {
      name: 'Anouk Behandelaar',
      email: 'anouk@rotterdam.example',
      email_verified: true,
      groups: ['sub-assessors', 'everyone'],
    },
  },
  {
    id: 'kees',
    label: 'Kees (balie)',
    claims: {
      name: 'Kees Baliemedewerker',
      email: 'kees@rotterdam.example',
      email_verified: true,
      groups: ['sub-desk'],
    },
  },
  {
    id: 'stagiair',
    label: 'Stagiair (geen rol)',
    claims: {
      name: 'Sam Stagiair',
      email: 'sam@rotterdam.example',
      email_verified: true,
      groups: ['everyone'],
    },
  },
];

type TokenBody = Record<string, unknown> & { id_token?: string };

export interface TestProvider {
  issuer: string;
  /** The provider's private signing key (to re-sign tampered ID tokens validly). */
  signingKey: JWK;
  /** Rewrites the next token responses while set. */
  tamper: ((body: TokenBody) => Promise<TokenBody> | TokenBody) | null;
  demo: DemoProvider;
  close(): Promise<void>;
}

export const CLIENTS = {
  resident: { id: 'initiatief-resident', secret: 'resident-secret-0123456789abcdef' },
  staff: { id: 'initiatief-staff', secret: 'staff-secret-0123456789abcdef0123' },
};

/** The OIDC part of a Config pointing at `issuer`. */
export function oidcConfig(issuer: string): Partial<Config> {
  return {
    oidcResident: {
      issuer,
      clientId: CLIENTS.resident.id,
      clientSecret: CLIENTS.resident.secret,
      scopes: 'openid profile email',
      bsnClaim: 'bsn',
    },
    oidcStaff: {
      issuer,
      clientId: CLIENTS.staff.id,
      clientSecret: CLIENTS.staff.secret,
      scopes: 'openid profile email groups',
      roleClaim: 'groups',
      roleMap: ROLE_MAP,
    },
  };
}

/** oidc-provider on 127.0.0.1 (random port) behind a proxy whose address is the issuer. */
export async function startTestProvider(
  publicUrl = TEST_PUBLIC_URL,
  accounts = TEST_ACCOUNTS,
): Promise<TestProvider> {
  const { privateKey } = await generateKeyPair('RS256', { extractable: true });
  const signingKey = {
    ...(await exportJWK(privateKey)),
    kid: 'test-key-1',
    alg: 'RS256',
    use: 'sig',
  };
  let upstreamPort = 0;
  const result = { tamper: null } as TestProvider;

  const proxy: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const upstream = httpRequest(
        {
          host: '127.0.0.1',
          port: upstreamPort,
          method: req.method,
          path: req.url,
          headers: req.headers,
        },
        (up) => {
          const isToken = req.url?.startsWith('/token') && result.tamper;
          if (!isToken) {
            res.writeHead(up.statusCode ?? 502, up.headers);
            up.pipe(res);
            return;
          }
          const parts: Buffer[] = [];
          up.on('data', (c: Buffer) => parts.push(c));
          up.on('end', async () => {
            try {
              let body = Buffer.concat(parts).toString('utf8');
              if (up.statusCode === 200) {
                body = JSON.stringify(await result.tamper!(JSON.parse(body) as TokenBody));
              }
              const headers = { ...up.headers, 'content-length': String(Buffer.byteLength(body)) };
              res.writeHead(up.statusCode ?? 502, headers);
              res.end(body);
            } catch (error) {
              res.writeHead(500).end(String(error));
            }
          });
        },
      );
      upstream.on('error', (error) => res.writeHead(502).end(String(error)));
      upstream.end(Buffer.concat(chunks));
    });
  });
  await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`;
  const client = (id: 'resident' | 'staff'): ClientMetadata => ({
    client_id: CLIENTS[id].id,
    client_secret: CLIENTS[id].secret,
    redirect_uris: [`${publicUrl}/api/auth/oidc/${id}/callback`],
    post_logout_redirect_uris: [`${publicUrl}/uitgelogd`],
    grant_types: ['authorization_code'],
    response_types: ['code'],
  });
  const demo = await startDemoProvider({
    title: 'Test IdP',
    accounts,
    clients: [client('resident'), client('staff')],
    jwks: { keys: [signingKey] },
    issuer,
  });
  upstreamPort = demo.port;
  return Object.assign(result, {
    issuer,
    signingKey,
    demo,
    close: async () => {
      await demo.close();
      await new Promise<void>((resolve) => {
        proxy.closeAllConnections();
        proxy.close(() => resolve());
      });
    },
  });
}

/** Re-signs an ID token with changed claims (`key` default: the provider's own key). */
export async function resign(
  idToken: string,
  changes: Record<string, unknown>,
  key: JWK,
): Promise<string> {
  const claims = { ...decodeJwt(idToken), ...changes };
  return new SignJWT(claims)
    .setProtectedHeader({ alg: 'RS256', kid: key.kid ?? 'test-key-1', typ: 'JWT' })
    .sign(await importJWK(key, 'RS256'));
}

/** A second key with the same kid: a token signed with it must fail verification. */
export async function foreignKey(kid: string): Promise<JWK> {
  const { privateKey } = await generateKeyPair('RS256', { extractable: true });
  return { ...(await exportJWK(privateKey)), kid, alg: 'RS256' };
}

/** A cookie jar per origin (paths ignored: enough for these flows). */
export class CookieJar {
  readonly #jars = new Map<string, Map<string, string>>();

  header(origin: string): string {
    return [...(this.#jars.get(origin) ?? new Map<string, string>())]
      .map(([k, v]) => `${k}=${v}`)
      .join('; ');
  }

  get(origin: string, name: string): string | undefined {
    return this.#jars.get(origin)?.get(name);
  }

  store(origin: string, response: Response): void {
    const jar = this.#jars.get(origin) ?? new Map<string, string>();
    this.#jars.set(origin, jar);
    for (const line of response.headers.getSetCookie()) {
      const [pair = '', ...attrs] = line.split(';');
      const at = pair.indexOf('=');
      const name = pair.slice(0, at).trim();
      const value = pair.slice(at + 1).trim();
      const expired = attrs.some((a) => {
        const [k = '', v = ''] = a.split('=').map((s) => s.trim());
        return (
          (k.toLowerCase() === 'max-age' && Number(v) <= 0) ||
          (k.toLowerCase() === 'expires' && Date.parse(v) < Date.now())
        );
      });
      if (expired || value === '') jar.delete(name);
      else jar.set(name, value);
    }
  }
}

export interface Hop {
  url: string;
  status: number;
  location: string | null;
}

/**
 * A browser without a browser: follows redirects from `start`, answering the provider's account
 * chooser with `account`, and stops at the first response of the app that is not a redirect
 * to the provider — or right before the callback when `stopAtCallback`.
 */
export async function dance(
  app: App,
  jar: CookieJar,
  start: string,
  options: { account?: string; stopAtCallback?: boolean; publicUrl?: string } = {},
): Promise<{ response: Response; hops: Hop[]; callbackUrl?: string }> {
  const publicUrl = options.publicUrl ?? TEST_PUBLIC_URL;
  const appOrigin = new URL(publicUrl).origin;
  const hops: Hop[] = [];
  let url = new URL(start, publicUrl).href;
  let method = 'GET';
  let body: string | undefined;
  let callbackUrl: string | undefined;
  for (let i = 0; i < 20; i++) {
    const origin = new URL(url).origin;
    if (origin === appOrigin && new URL(url).pathname.endsWith('/callback')) {
      callbackUrl = url;
      if (options.stopAtCallback) return { response: new Response(null), hops, callbackUrl };
    }
    const headers: Record<string, string> = {};
    const cookie = jar.header(origin);
    if (cookie) headers.cookie = cookie;
    if (body) headers['content-type'] = 'application/x-www-form-urlencoded';
    const response =
      origin === appOrigin
        ? await app.request(new URL(url).pathname + new URL(url).search, { method, headers, body })
        : await fetch(url, { method, headers, body, redirect: 'manual' });
    jar.store(origin, response);
    const location = response.headers.get('location');
    hops.push({ url, status: response.status, location });
    if (response.status >= 300 && response.status < 400 && location) {
      const next = new URL(location, url);
      if (origin === appOrigin && next.origin === appOrigin) {
        return { response, hops, callbackUrl };
      }
      url = next.href;
      method = 'GET';
      body = undefined;
      continue;
    }
    if (origin !== appOrigin && response.status === 200 && options.account) {
      const page = await response.text();
      const action = /<form method="post" action="([^"]+\/login)">/.exec(page)?.[1];
      if (!action) throw new Error(`no account chooser at ${url}:\n${page.slice(0, 500)}`);
      url = new URL(action, url).href;
      method = 'POST';
      body = new URLSearchParams({ account: options.account }).toString();
      continue;
    }
    return { response, hops, callbackUrl };
  }
  throw new Error(`too many redirects: ${JSON.stringify(hops, null, 2)}`);
}
