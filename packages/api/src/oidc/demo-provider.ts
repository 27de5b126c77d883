/**
 * A real OpenID provider (oidc-provider) with a chooser of fixed accounts instead of a password
 * form: the identity provider behind `DEMO_OIDC=1` and the one the tests sign in against.
 * Development and tests only; main.ts refuses it in production.
 */
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import Provider, { type ClientMetadata, type Configuration, type JWKS } from 'oidc-provider';

export interface DemoAccount {
  /** The account id, also the `sub` claim. */
  id: string;
  /** What the chooser shows. */
  label: string;
  /** Claims besides `sub`, e.g. name, email, email_verified, bsn, groups. */
  claims?: Record<string, unknown>;
  /** The level of assurance reported as `acr`. */
  acr?: string;
}

export interface DemoProviderOptions {
  /** Shown as the page title, e.g. "DigiD (demo)". */
  title: string;
  accounts: DemoAccount[];
  clients: ClientMetadata[];
  /** Default 127.0.0.1; '*' for every interface. */
  host?: string;
  /** 0 (default): a free port. */
  port?: number;
  /** Signing keys (private JWKs); default: a fresh RSA key. */
  jwks?: JWKS;
  /** The issuer URL when the provider sits behind a proxy; default: its own address. */
  issuer?: string;
}

export interface DemoProvider {
  issuer: string;
  /** Where it listens (differs from the issuer behind a proxy). */
  port: number;
  provider: Provider;
  close(): Promise<void>;
}

const html = (s: string) =>
  s.replace(
    /[&<>"']/g,
    (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch]!,
  );

function page(title: string, body: string): string {
  return `<!doctype html><html lang="nl"><head><meta charset="utf-8"><title>${html(title)}</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>body{font-family:system-ui,sans-serif;max-width:32rem;margin:2rem auto;padding:0 1rem;color:#1a1a1a}
button{font:inherit;padding:.6rem 1rem;margin:.25rem 0;min-width:100%;text-align:left;cursor:pointer;background:#fff;border:2px solid #154273;border-radius:4px}
button:focus{outline:3px solid #f9dd4a}.cancel{border-color:#666}p.note{color:#444}</style></head>
<body><main>${body}</main></body></html>`;
}

async function readForm(req: IncomingMessage): Promise<URLSearchParams> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > 10_000) throw new Error('form too large');
    chunks.push(chunk as Buffer);
  }
  return new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
}

/** Starts the provider on a port of its own; `close()` stops it. */
export async function startDemoProvider(options: DemoProviderOptions): Promise<DemoProvider> {
  const accounts = new Map(options.accounts.map((a) => [a.id, a]));
  let provider: Provider | undefined;
  let callback: ((req: IncomingMessage, res: ServerResponse) => void) | undefined;

  async function interaction(req: IncomingMessage, res: ServerResponse, path: string) {
    const p = provider!;
    const [, , uid, action] = path.split('/');
    const details = await p.interactionDetails(req, res);
    if (details.uid !== uid) throw new Error('interaction mismatch');
    if (req.method === 'POST' && action === 'login') {
      const form = await readForm(req);
      const account = accounts.get(form.get('account') ?? '');
      if (!account) {
        res.writeHead(400, { 'content-type': 'text/plain' }).end('unknown account');
        return;
      }
      await p.interactionFinished(
        req,
        res,
        { login: { accountId: account.id, ...(account.acr ? { acr: account.acr } : {}) } },
        { mergeWithLastSubmission: false },
      );
      return;
    }
    if (req.method === 'POST' && action === 'abort') {
      await p.interactionFinished(
        req,
        res,
        { error: 'access_denied', error_description: 'The person cancelled the sign-in.' },
        { mergeWithLastSubmission: false },
      );
      return;
    }
    if (req.method !== 'GET' || action) {
      res.writeHead(405, { 'content-type': 'text/plain' }).end('method not allowed');
      return;
    }
    const buttons = options.accounts
      .map(
        (a) =>
          `<form method="post" action="/interaction/${html(uid!)}/login">` +
          `<input type="hidden" name="account" value="${html(a.id)}">` +
          `<button type="submit">${html(a.label)}</button></form>`,
      )
      .join('\n');
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
    res.end(
      page(
        options.title,
        `<h1>${html(options.title)}</h1>
<p class="note">Dit is een testomgeving. Kies met welk account u inlogt.</p>
${buttons}
<form method="post" action="/interaction/${html(uid!)}/abort"><button type="submit" class="cancel">Annuleren</button></form>`,
      ),
    );
  }

  const server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    if (path.startsWith('/interaction/')) {
      interaction(req, res, path).catch((error: unknown) => {
        if (!res.headersSent) res.writeHead(400, { 'content-type': 'text/plain' });
        res.end(`Sign-in failed: ${error instanceof Error ? error.message : String(error)}`);
      });
      return;
    }
    callback!(req, res);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    // '*': every interface, IPv4 and IPv6 (for an issuer on `localhost`).
    if (options.host === '*') server.listen(options.port ?? 0, () => resolve());
    else server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const host =
    options.host && options.host !== '0.0.0.0' && options.host !== '*' ? options.host : '127.0.0.1';
  const issuer = options.issuer ?? `http://${host.includes(':') ? `[${host}]` : host}:${port}`;

  const jwks = options.jwks ?? {
    keys: [
      {
        ...generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ format: 'jwk' }),
        kid: 'demo-rs256',
        alg: 'RS256',
        use: 'sig',
      },
    ],
  };
  const configuration: Configuration = {
    clients: options.clients,
    jwks: jwks as JWKS,
    // Random per start: a restart simply ends the provider's sessions.
    cookies: { keys: [randomBytes(32).toString('base64url')] },
    findAccount: (_ctx, id) => {
      const account = accounts.get(id);
      if (!account) return undefined;
      return {
        accountId: id,
        claims: () => ({
          ...account.claims,
          ...(account.acr ? { acr: account.acr } : {}),
          sub: id,
        }),
      };
    },
    // Brokers put BSN, pseudonym and roles in the ID token; scope claims go there too.
    claims: {
      acr: null,
      auth_time: null,
      iss: null,
      sid: null,
      // A broker's level of assurance comes with every sign-in, asked for or not.
      // DigiD Machtigen: the person acting (gemachtigde) and the resident they act for
      // (aanvrager), as Open Formulieren reads them from a broker.
      openid: ['sub', 'acr', 'bsn', 'pseudonym', 'aanvrager', 'gemachtigde'],
      profile: ['name', 'given_name', 'family_name'],
      email: ['email', 'email_verified'],
      groups: ['groups'],
      roles: ['roles'],
    },
    conformIdTokenClaims: false,
    acrValues: [
      'urn:oasis:names:tc:SAML:2.0:ac:classes:PasswordProtectedTransport',
      'urn:oasis:names:tc:SAML:2.0:ac:classes:MobileTwoFactorContract',
      'urn:oasis:names:tc:SAML:2.0:ac:classes:Smartcard',
      'urn:etoegang:core:assurance-class:loa3',
      'urn:municipality:staff',
    ],
    interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
    features: {
      devInteractions: { enabled: false },
      rpInitiatedLogout: {
        enabled: true,
        logoutSource: (ctx, form) => {
          ctx.type = 'html';
          ctx.body = page(
            options.title,
            `<h1>Uitloggen</h1><p>Wilt u ook uitloggen bij ${html(options.title)}?</p>${form}
<button type="submit" form="op.logoutForm" name="logout" value="yes">Ja, uitloggen</button>`,
          );
        },
      },
    },
    // First-party clients only: no consent screen, the requested scopes are granted.
    loadExistingGrant: async (ctx) => {
      const { oidc } = ctx;
      const accountId = oidc.session?.accountId;
      if (!oidc.client || !accountId) return undefined;
      const grantId =
        oidc.result?.consent?.grantId || oidc.session?.grantIdFor(oidc.client.clientId);
      const grant =
        (grantId ? await oidc.provider.Grant.find(grantId) : undefined) ??
        new oidc.provider.Grant({ clientId: oidc.client.clientId, accountId });
      grant.addOIDCScope([...oidc.requestParamOIDCScopes].join(' '));
      await grant.save();
      return grant;
    },
    pkce: { required: () => true },
    ttl: { Session: 3600, Interaction: 600, Grant: 3600, IdToken: 600, AccessToken: 600 },
  };
  provider = new Provider(issuer, configuration);
  callback = provider.callback();

  return {
    issuer,
    port,
    provider,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
