/**
 * The identity provider's redirect back (the callback) is a top-level navigation of the
 * person's browser. When its address is refused (odd bytes, a parameter twice, a value far too
 * long), the person gets the web app's refusal page, which says in words that signing in did
 * not work and offers to try again, instead of JSON in the browser window. An API client that
 * asks for JSON only still gets the problem. Either way the refusal stands: nothing of such an
 * address is read, no code is exchanged at the provider, no session is started.
 */
import type { Context } from 'hono';
import type { AppEnv } from '../context';
import { AppError, type InvalidParam } from '../errors';
import { REFUSED_PAGE, type RefusalReason } from './oidc.schemas';

/** The callback's path as the browser sends it (still percent-encoded). */
const CALLBACK_PATH = /^\/api\/auth\/oidc\/[^/]+\/callback$/;

/**
 * The longest parameter value the callback takes. Codes and states are short at most
 * providers; some (Entra ID) issue codes of a few kB, well below this.
 */
export const MAX_CALLBACK_VALUE = 8192;
/** The longest parameter name, and how many parameters the callback takes at most. */
const MAX_CALLBACK_NAME = 100;
const MAX_CALLBACK_PARAMS = 30;

/** The page a refused sign-in lands on, with the reason it shows in words. */
export function refusedPage(reason: RefusalReason): string {
  return `${REFUSED_PAGE}?reden=${reason}`;
}

/** A GET of the callback (whatever the provider's id in it). */
export function isCallback(c: Context<AppEnv>): boolean {
  const method = c.req.method;
  return (method === 'GET' || method === 'HEAD') && CALLBACK_PATH.test(new URL(c.req.url).pathname);
}

/**
 * Whether the request wants a page rather than JSON: a browser's navigation (Sec-Fetch-Mode),
 * an Accept that takes HTML, or no preference at all (a redirect is what the callback answers).
 * Only a client that asks for JSON and not for HTML gets problem+json.
 */
export function wantsPage(c: Context<AppEnv>): boolean {
  if (c.req.header('sec-fetch-mode')?.trim().toLowerCase() === 'navigate') return true;
  const accept = c.req.header('accept');
  if (!accept) return true;
  let html = false;
  let json = false;
  for (const part of accept.split(',')) {
    const [type = '', ...params] = part.split(';').map((s) => s.trim().toLowerCase());
    const q = params.find((p) => p.startsWith('q='));
    if (q && Number(q.slice(2)) === 0) continue;
    if (type === 'text/html' || type === 'application/xhtml+xml') html = true;
    else if (type === 'application/json' || type.endsWith('+json')) json = true;
  }
  return html || !json;
}

const TWICE = {
  nl: 'staat meer dan één keer in het adres. Een inlogdienst stuurt elk gegeven één keer.',
  en: 'appears more than once in the address. A sign-in service sends each value once.',
};
const TOO_LONG = {
  nl: `is langer dan ${MAX_CALLBACK_VALUE} tekens. Zo lang is geen gegeven van een inlogdienst.`,
  en: `is longer than ${MAX_CALLBACK_VALUE} characters. No value from a sign-in service is that long.`,
};
const NAME_TOO_LONG = {
  nl: `heeft een naam van meer dan ${MAX_CALLBACK_NAME} tekens.`,
  en: `has a name of more than ${MAX_CALLBACK_NAME} characters.`,
};
const TOO_MANY = {
  nl: `bevat meer dan ${MAX_CALLBACK_PARAMS} gegevens.`,
  en: `holds more than ${MAX_CALLBACK_PARAMS} values.`,
};

function param(name: string, text: { nl: string; en: string }): InvalidParam {
  return { name, reason: text.en, text };
}

/**
 * What the callback refuses in a query the input boundary let through (its bytes are fine):
 * a parameter named twice (which of two states would count?), a value or name far too long,
 * too many parameters. Each names its field (`query.state`).
 */
export function callbackQueryProblems(search: string): InvalidParam[] {
  const problems: InvalidParam[] = [];
  const entries = [...new URLSearchParams(search)];
  if (entries.length > MAX_CALLBACK_PARAMS) return [param('query', TOO_MANY)];
  const seen = new Set<string>();
  const twice = new Set<string>();
  for (const [name, value] of entries) {
    if (name.length > MAX_CALLBACK_NAME) {
      problems.push(param('query.(name)', NAME_TOO_LONG));
      continue;
    }
    if (seen.has(name) && !twice.has(name)) {
      twice.add(name);
      problems.push(param(`query.${name}`, TWICE));
    }
    seen.add(name);
    if (value.length > MAX_CALLBACK_VALUE) problems.push(param(`query.${name}`, TOO_LONG));
  }
  return problems;
}

/**
 * The answer to a callback whose address is refused: to the refusal page (302) for a browser,
 * the problem for a client that asks for JSON. Logged by field names only: the values may be
 * a code or a state, and are someone else's bytes.
 */
export function refuseCallbackQuery(c: Context<AppEnv>, error: AppError): Response {
  if (!wantsPage(c)) throw error;
  c.get('logger').warn(
    { fields: (error.invalidParams ?? []).map((p) => p.name) },
    'OIDC callback with an address that cannot be read',
  );
  c.header('Cache-Control', 'no-store');
  return c.redirect(refusedPage('unreadable'), 302);
}

/** The callback's own check of its query (see callbackQueryProblems); null when it passes. */
export function refusedCallbackQuery(c: Context<AppEnv>): Response | null {
  const problems = callbackQueryProblems(new URL(c.req.url).search);
  if (problems.length === 0) return null;
  return refuseCallbackQuery(
    c,
    new AppError(
      'malformed_request',
      'The address of the sign-in callback cannot be read: a parameter twice, too long, or too many.',
      { invalidParams: problems },
    ),
  );
}
