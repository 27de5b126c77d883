import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from '../context';
import { AppError, type InvalidParam } from '../errors';
import { isCallback, refuseCallbackQuery } from '../oidc/oidc-callback-refusal';
import { bodyBrokeOff } from './body-limit.middleware';
import { decodeUtf8, duplicateKeys, MAX_JSON_DEPTH, walkStrings } from './json-inspection';

// PostgreSQL cannot store a NUL character in text or jsonb, and jsonb refuses a lone UTF-16
// surrogate: such input used to reach the database and come back as a 500. This is the one
// place where every request's strings are checked, before any route or query runs. Control
// characters (escape, backspace, ...; not tab and line breaks), bytes that are no UTF-8 and a
// member named twice are refused here too: stored, they would show as garbage in letters and
// screens, and two values for one field leave it to the parser which one counts. So is a bidi
// embedding, override or isolate left open (see leavesDirectionOpen). An uploaded file's name
// is held to more: one line, and no bidi control at all, which could disguise its extension.

const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
/** C0 controls but tab, line feed and carriage return; DEL; the C1 controls. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: the point is to find them
const CONTROL = /[\u0001-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/;
const REPLACEMENT = '\ufffd';
/** Any of the bidi embeddings, overrides, isolates and their ends (U+202A–E, U+2066–9). */
const DIRECTION_CONTROL = /[\u202a-\u202e\u2066-\u2069]/;

type Why = NonNullable<InvalidParam['text']>;

const NUL: Why = {
  nl: 'bevat een teken dat niet kan worden opgeslagen (een NUL-teken). Typ de tekst opnieuw in plaats van hem te plakken.',
  en: 'contains a character that cannot be stored (a NUL character). Type the text again instead of pasting it.',
};
const SURROGATE: Why = {
  nl: 'bevat een half teken dat niet kan worden opgeslagen (een losse UTF-16-surrogaat). Typ de tekst opnieuw in plaats van hem te plakken.',
  en: 'contains half a character that cannot be stored (an unpaired UTF-16 surrogate). Type the text again instead of pasting it.',
};
const CONTROL_CHARACTER: Why = {
  nl: 'bevat een onzichtbaar stuurteken (zoals een escape- of backspace-teken) dat niet in tekst hoort. Typ de tekst opnieuw in plaats van hem te plakken.',
  en: 'contains an invisible control character (such as an escape or backspace character) that does not belong in text. Type the text again instead of pasting it.',
};
const NOT_UTF8: Why = {
  nl: 'bevat bytes die geen geldige UTF-8-tekst zijn. Stuur de tekst als UTF-8.',
  en: 'contains bytes that are not valid UTF-8 text. Send the text as UTF-8.',
};
const FILE_NAME_NOT_UTF8: Why = {
  nl: 'heeft een bestandsnaam die geen geldige UTF-8-tekst is. Geef het bestand een andere naam en voeg het opnieuw toe.',
  en: 'has a file name that is not valid UTF-8 text. Rename the file and add it again.',
};
/** Every C0 control (a name is one line: tab and line breaks too), DEL and the C1 controls. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: the point is to find them
const NAME_CONTROL = /[\u0001-\u001f\u007f-\u009f]/;
const RENAME = {
  nl: 'Geef het bestand een andere naam en voeg het opnieuw toe.',
  en: 'Rename the file and add it again.',
};
const FILE_NAME_NUL: Why = {
  nl: `heeft een bestandsnaam met een NUL-teken erin, dat niet kan worden opgeslagen. ${RENAME.nl}`,
  en: `has a file name with a NUL character in it, which cannot be stored. ${RENAME.en}`,
};
const FILE_NAME_CONTROL: Why = {
  nl: `heeft een bestandsnaam met een onzichtbaar stuurteken erin (zoals een tab, een regeleinde of een escape-teken). ${RENAME.nl}`,
  en: `has a file name with an invisible control character in it (such as a tab, a line break or an escape character). ${RENAME.en}`,
};
const FILE_NAME_SURROGATE: Why = {
  nl: `heeft een bestandsnaam met een half teken erin (een losse UTF-16-surrogaat). ${RENAME.nl}`,
  en: `has a file name with half a character in it (an unpaired UTF-16 surrogate). ${RENAME.en}`,
};
const FILE_NAME_BIDI: Why = {
  nl: `heeft een bestandsnaam met een onzichtbaar teken dat de leesrichting omdraait, zodat de naam er anders uitziet dan hij is. ${RENAME.nl}`,
  en: `has a file name with an invisible character that reverses the reading direction, so the name looks different from what it is. ${RENAME.en}`,
};
const TWICE: Why = {
  nl: 'staat meer dan één keer in het verzoek. Stuur elk veld één keer.',
  en: 'appears more than once in the request. Send each field once.',
};
const TOO_DEEP: Why = {
  nl: `is te diep genest (meer dan ${MAX_JSON_DEPTH} lagen).`,
  en: `is nested too deeply (more than ${MAX_JSON_DEPTH} levels).`,
};
/** A member JavaScript would take for the object's prototype: silently lost, never a field. */
const RESERVED_NAME: Why = {
  nl: 'is geen veld dat hier kan worden opgeslagen.',
  en: 'is not a field that can be stored here.',
};
const PERCENT: Why = {
  nl: 'is geen geldige tekst (onjuiste procentcodering in het adres).',
  en: 'is not valid text (broken percent-encoding in the address).',
};

const UNCLOSED_DIRECTION: Why = {
  nl: 'bevat een onzichtbaar teken dat de leesrichting verandert en niet wordt afgesloten, zodat ook de tekst erna omgekeerd kan worden getoond. Typ de tekst opnieuw in plaats van hem te plakken.',
  en: 'contains an invisible character that changes the reading direction and is not closed, so the text after it could be shown reversed too. Type the text again instead of pasting it.',
};

/**
 * True when a bidi embedding, override or isolate is still open where a line or the text ends.
 * Right-to-left text pasted from a word processor (Arabic in a Turkish or Dutch sentence) may
 * carry these controls, closed: that is text, and stays. One left open reaches past the field
 * into what a screen, mail or letter puts after it (a name that reverses the amount after it),
 * so it is refused. A PDI closes its isolate and what was opened inside it, a PDF the
 * embedding or override opened last (Unicode's bidi algorithm, UAX #9); a stray end is harmless.
 */
export function leavesDirectionOpen(s: string): boolean {
  if (!DIRECTION_CONTROL.test(s)) return false;
  const open: ('embedding' | 'isolate')[] = [];
  for (const ch of s) {
    if (ch === '\u202a' || ch === '\u202b' || ch === '\u202d' || ch === '\u202e')
      open.push('embedding');
    else if (ch === '\u2066' || ch === '\u2067' || ch === '\u2068') open.push('isolate');
    else if (ch === '\u202c') {
      if (open.at(-1) === 'embedding') open.pop();
    } else if (ch === '\u2069') {
      const at = open.lastIndexOf('isolate');
      if (at >= 0) open.length = at;
    } else if ((ch === '\n' || ch === '\r' || ch === '\u2029') && open.length > 0) return true;
  }
  return open.length > 0;
}

/** Why a string cannot be accepted, in both languages, or null when it can. */
function whyUnstorable(s: string): Why | null {
  if (s.includes('\u0000')) return NUL;
  if (LONE_SURROGATE.test(s)) return SURROGATE;
  if (CONTROL.test(s)) return CONTROL_CHARACTER;
  if (leavesDirectionOpen(s)) return UNCLOSED_DIRECTION;
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

/**
 * A form's text as parsed: the parser has already put U+FFFD where the bytes were no UTF-8, and
 * our forms carry only names and keys, where U+FFFD never belongs.
 */
function formWhy(s: string): Why | null {
  return whyUnstorable(s) ?? (s.includes(REPLACEMENT) ? NOT_UTF8 : null);
}

/**
 * Why the name of an uploaded file cannot be accepted, in both languages, or null when it can.
 * Refused, not cleaned: a name with a control character (tab and line breaks included), a lone
 * surrogate, U+FFFD where the bytes were no UTF-8, or a bidi override would otherwise be stored
 * as something the person did not send. (A path before the name is still dropped by the route.)
 */
function fileNameWhy(name: string): Why | null {
  if (name.includes('\u0000')) return FILE_NAME_NUL;
  if (NAME_CONTROL.test(name)) return FILE_NAME_CONTROL;
  if (LONE_SURROGATE.test(name)) return FILE_NAME_SURROGATE;
  if (name.includes(REPLACEMENT)) return FILE_NAME_NOT_UTF8;
  // Any of them, closed or not: they make `rapport\u202Efdp.exe` read as `rapportexe.pdf`.
  if (DIRECTION_CONTROL.test(name)) return FILE_NAME_BIDI;
  return null;
}

/** A file's name refused as the form field that carried it (`form.file`), or null when it can be accepted. */
export function fileNameProblem(field: string, name: string): InvalidParam | null {
  const why = fileNameWhy(name);
  return why ? refused(field, why) : null;
}

/** Refuses what a string of a parsed JSON value cannot be, naming its dotted path. */
function checkJson(
  value: unknown,
  out: InvalidParam[],
  why: (s: string) => Why | null = whyUnstorable,
): void {
  walkStrings(
    value,
    (s, path, isName) => {
      if (out.length >= MAX_PROBLEMS) return false;
      const reason = isName && s === '__proto__' ? RESERVED_NAME : why(s);
      if (reason) out.push(refused(path || '(body)', reason, isName));
      return reason === null;
    },
    (path) => out.push(refused(path || '(body)', TOO_DEEP)),
  );
}

/** A JSON body's bytes: UTF-8, no member twice, no string that cannot be stored. */
function checkJsonBody(bytes: ArrayBuffer, out: InvalidParam[]): string {
  const { text, valid } = decodeUtf8(bytes);
  let parsed: unknown;
  try {
    parsed = text === '' ? undefined : JSON.parse(text);
  } catch {
    // The route answers malformed JSON itself, unless it is malformed for its bytes.
    if (!valid) out.push(refused('(body)', NOT_UTF8));
    return text;
  }
  if (!valid) {
    // Where the decoder put U+FFFD for the broken bytes is where they were.
    checkJson(parsed, out, (s) => (s.includes(REPLACEMENT) ? NOT_UTF8 : null));
    if (out.length === 0) out.push(refused('(body)', NOT_UTF8));
    return text;
  }
  for (const path of duplicateKeys(text)) out.push(refused(path, TWICE));
  checkJson(parsed, out);
  return text;
}

/**
 * A compressed body would be read as if it were not (the server does not unpack it): refused
 * with 415 (RFC 9110, 15.5.16) instead of a misleading complaint about its content.
 */
function refuseContentEncoding(header: string | undefined): void {
  const encoding = header?.trim().toLowerCase();
  if (!encoding || encoding === 'identity') return;
  throw new AppError(
    'unsupported_media_type',
    `Content-Encoding ${encoding} is not accepted; send the body uncompressed.`,
    {
      invalidParams: [
        {
          name: 'content-encoding',
          reason: 'only identity',
          text: {
            nl: 'Deze dienst neemt geen ingepakte (gecomprimeerde) verzoeken aan. Stuur de inhoud onverpakt.',
            en: 'This service does not accept compressed requests. Send the content uncompressed.',
          },
        },
      ],
      headers: { 'Accept-Encoding': 'identity' },
    },
  );
}

/**
 * One input boundary for the whole API: the path, the query string, JSON bodies and form data
 * may not carry strings PostgreSQL cannot store (NUL, lone surrogates), control characters,
 * broken percent-encoding or bytes that are not UTF-8; a JSON object may not name a member twice
 * nor nest deeper than MAX_JSON_DEPTH.
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
      refuseContentEncoding(c.req.header('content-encoding'));
      const type = c.req.header('content-type') ?? '';
      if (/^application\/(.+\+)?json/i.test(type)) {
        // Read as bytes to see whether they are UTF-8; the text goes into Hono's cache, so the
        // route reads it (c.req.json()) without a second stream or a second decoding.
        let bytes: ArrayBuffer;
        try {
          bytes = await c.req.arrayBuffer();
        } catch (error) {
          throw bodyBrokeOff(error);
        }
        const text = checkJsonBody(bytes, problems);
        // (Hono keeps the promise of each reading there; its type says the value.)
        (c.req.bodyCache as Record<string, unknown>).text = Promise.resolve(text);
      } else if (/^(multipart\/form-data|application\/x-www-form-urlencoded)/i.test(type)) {
        // Through Hono's cache, so the route reads the same FormData (c.req.formData()).
        let form: FormData | null = null;
        try {
          form = await c.req.formData();
        } catch {
          form = null; // a broken form is the route's to refuse
        }
        for (const [key, value] of form?.entries() ?? []) {
          const keyWhy = formWhy(key);
          const name = `form.${keyWhy ? '(name)' : key}`;
          if (keyWhy) problems.push(refused(name, keyWhy, true));
          // A file's name is checked here for every form; the uploads route only drops a path.
          const why = typeof value === 'string' ? formWhy(value) : fileNameWhy(value.name);
          if (why) problems.push(refused(name, why));
        }
      }
    }
    if (problems.length > 0) {
      const error = new AppError(
        'malformed_request',
        'The request contains characters that cannot be accepted (a NUL or control character, an unpaired surrogate, bytes that are not UTF-8, broken percent-encoding) or a field twice.',
        { invalidParams: problems.slice(0, MAX_PROBLEMS) },
      );
      // The identity provider's redirect back is a browser's navigation: refused all the same,
      // but answered with the web app's page that says so in words (unless JSON is asked for).
      if (isCallback(c)) return refuseCallbackQuery(c, error);
      throw error;
    }
    await next();
  };
}
