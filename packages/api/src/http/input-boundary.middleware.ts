import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from '../context';
import { AppError, type InvalidParam } from '../errors';

// PostgreSQL cannot store a NUL character in text or jsonb, and jsonb refuses a lone UTF-16
// surrogate: such input used to reach the database and come back as a 500. This is the one
// place where every request's strings are checked, before any route or query runs.

const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

type Why = NonNullable<InvalidParam['text']>;

const NUL: Why = {
  nl: 'bevat een teken dat niet kan worden opgeslagen (een NUL-teken). Typ de tekst opnieuw in plaats van hem te plakken.',
  en: 'contains a character that cannot be stored (a NUL character). Type the text again instead of pasting it.',
};
const SURROGATE: Why = {
  nl: 'bevat een half teken dat niet kan worden opgeslagen (een losse UTF-16-surrogaat). Typ de tekst opnieuw in plaats van hem te plakken.',
  en: 'contains half a character that cannot be stored (an unpaired UTF-16 surrogate). Type the text again instead of pasting it.',
};
const PERCENT: Why = {
  nl: 'is geen geldige tekst (onjuiste procentcodering in het adres).',
  en: 'is not valid text (broken percent-encoding in the address).',
};

/** Why a string cannot be accepted, in both languages, or null when it can. */
function whyUnstorable(s: string): Why | null {
  if (s.includes('\u0000')) return NUL;
  if (LONE_SURROGATE.test(s)) return SURROGATE;
  return null;
}

/** Why a string cannot be accepted (in English, for logs and tools), or null when it can. */
export function unstorable(s: string): string | null {
  return whyUnstorable(s)?.en ?? null;
}

/** A refused field: `reason` in English, `text` for the problem writer to pick the user's language. */
function refused(name: string, why: Why, ofName = false): InvalidParam {
  const text = ofName
    ? { nl: `De naam van dit veld ${why.nl}`, en: `The name of this field ${why.en}` }
    : why;
  return { name, reason: text.en, text };
}

function decode(raw: string): string | null {
  try {
    return decodeURIComponent(raw.replace(/\+/g, ' '));
  } catch {
    return null;
  }
}

function checkEncoded(raw: string, name: string, out: InvalidParam[]): void {
  const value = decode(raw);
  if (value === null) {
    out.push(refused(name, PERCENT));
    return;
  }
  const why = whyUnstorable(value);
  if (why) out.push(refused(name, why));
}

const MAX_PROBLEMS = 20;

/** Walks a parsed JSON value: keys and strings, with dotted paths. */
function checkJson(value: unknown, path: string, out: InvalidParam[], depth = 0): void {
  if (out.length >= MAX_PROBLEMS || depth > 64) return;
  if (typeof value === 'string') {
    const why = whyUnstorable(value);
    if (why) out.push(refused(path || '(body)', why));
  } else if (Array.isArray(value)) {
    value.forEach((v, i) => {
      checkJson(v, path ? `${path}.${i}` : String(i), out, depth + 1);
    });
  } else if (value !== null && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      const at = path ? `${path}.${k}` : k;
      const why = whyUnstorable(k);
      if (why) out.push(refused(at, why, true));
      else checkJson(v, at, out, depth + 1);
    }
  }
}

/**
 * One input boundary for the whole API: the path, the query string, JSON bodies and form data
 * may not carry strings PostgreSQL cannot store (NUL, lone surrogates) or broken percent-encoding.
 * Refused with 400 problem+json naming the field (`path`, `query.q`, `data.title`, `form.file`).
 */
export function inputBoundary(): MiddlewareHandler<AppEnv> {
  return async function inputBoundary(c, next) {
    const problems: InvalidParam[] = [];
    const url = c.req.url;
    const queryAt = url.indexOf('?');
    const rawPath = new URL(url).pathname;
    for (const segment of rawPath.split('/')) checkEncoded(segment, 'path', problems);
    if (queryAt >= 0) {
      const rawQuery = url.slice(queryAt + 1).split('#')[0] ?? '';
      for (const pair of rawQuery.split('&')) {
        if (!pair) continue;
        const eq = pair.indexOf('=');
        const rawKey = eq < 0 ? pair : pair.slice(0, eq);
        const key = decode(rawKey) ?? rawKey;
        const name = `query.${unstorable(key) ? '(name)' : key}`;
        checkEncoded(rawKey, name, problems);
        if (eq >= 0) checkEncoded(pair.slice(eq + 1), name, problems);
      }
    }
    const method = c.req.method;
    if (method !== 'GET' && method !== 'HEAD' && problems.length === 0) {
      const type = c.req.header('content-type') ?? '';
      if (/^application\/(.+\+)?json/i.test(type)) {
        // Hono caches the body: the route reads it again without a second stream.
        const text = await c.req.text();
        let parsed: unknown;
        try {
          parsed = text === '' ? undefined : JSON.parse(text);
        } catch {
          parsed = undefined; // the route answers malformed JSON itself
        }
        checkJson(parsed, '', problems);
      } else if (/^(multipart\/form-data|application\/x-www-form-urlencoded)/i.test(type)) {
        // Through Hono's cache, so the route reads the same FormData (c.req.formData()).
        let form: FormData | null = null;
        try {
          form = await c.req.formData();
        } catch {
          form = null; // a broken form is the route's to refuse
        }
        for (const [key, value] of form?.entries() ?? []) {
          const keyWhy = whyUnstorable(key);
          const name = `form.${keyWhy ? '(name)' : key}`;
          if (keyWhy) problems.push(refused(name, keyWhy, true));
          // A file's name is the uploads route's to make safe (it strips control characters).
          const why = typeof value === 'string' ? whyUnstorable(value) : null;
          if (why) problems.push(refused(name, why));
        }
      }
    }
    if (problems.length > 0) {
      throw new AppError(
        'malformed_request',
        'The request contains characters that cannot be stored (a NUL character, an unpaired surrogate or broken percent-encoding).',
        { invalidParams: problems.slice(0, MAX_PROBLEMS) },
      );
    }
    await next();
  };
}
