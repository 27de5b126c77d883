/**
 * The one way the web app talks to the API: `fetch` typed by the API's own OpenAPI document.
 * `openapi.gen.ts` is generated from the served `/api/openapi.json` (`pnpm check` writes it before
 * tsc), so a path, parameter, body or answer that the API changes in a way the web does not expect
 * fails the typecheck at the call that uses it. Every error answer is RFC 9457 problem+json; it
 * is thrown as an ApiError.
 */
import type { components, paths } from './openapi.gen';

export type Schemas = components['schemas'];
/** A problem as received: the document's members (a `code` the web knows, e.g. `network`, too). */
export type Problem = Partial<Omit<Schemas['Problem'], 'code'>> & {
  status: number;
  code?: Schemas['Problem']['code'] | 'network' | (string & {});
  [extra: string]: unknown;
};
export type InvalidParam = NonNullable<Schemas['Problem']['invalidParams']>[number];

export class ApiError extends Error {
  readonly status: number;
  readonly problem: Problem;
  constructor(problem: Problem) {
    super(problem.detail ?? problem.title ?? `HTTP ${problem.status}`);
    this.name = 'ApiError';
    this.status = problem.status;
    this.problem = problem;
  }
  get code(): string | undefined {
    return this.problem.code;
  }
  get invalidParams(): InvalidParam[] {
    return this.problem.invalidParams ?? [];
  }
}

export type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';
type Defined<T> = Exclude<T, undefined>;

/** The documented operation at a path and method (never where the document has none). */
export type Operation<P extends keyof paths, M extends Method> =
  Defined<paths[P][M]> extends infer O ? (O extends { responses: unknown } ? O : never) : never;
/** The paths that document a method. */
export type PathOf<M extends Method> = {
  [P in keyof paths]: [Operation<P, M>] extends [never] ? never : P;
}[keyof paths];

type Params<O> = O extends { parameters: infer X } ? X : never;
/** A parameter group (`path`, `query`, `header`): required, optional or absent as documented. */
type Group<O, K extends 'path' | 'query' | 'header'> =
  Params<O> extends Record<K, infer G>
    ? Record<K, G>
    : Params<O> extends Partial<Record<K, infer G>>
      ? [Defined<G>] extends [never]
        ? unknown
        : Partial<Record<K, Defined<G>>>
      : unknown;
type BodyOf<C> = C extends { 'application/json': infer J }
  ? J
  : C extends { 'multipart/form-data': unknown }
    ? FormData
    : never;
type BodyGroup<O> = O extends { requestBody?: never }
  ? unknown
  : O extends { requestBody: { content: infer C } }
    ? { body: BodyOf<C> }
    : O extends { requestBody?: { content: infer C } }
      ? { body?: BodyOf<C> }
      : unknown;

/** What a call sends: the path, query and header parameters and the body the document asks. */
export type Init<O> = Group<O, 'path'> &
  Group<O, 'query'> &
  Group<O, 'header'> &
  BodyGroup<O> & { signal?: AbortSignal };
/** The init argument: optional when nothing in it is required. */
type InitArg<O> = Record<string, never> extends Init<O> ? [init?: Init<O>] : [init: Init<O>];

type Success = 200 | 201 | 202 | 204;
type Responses<O> = O extends { responses: infer R } ? R : never;
/** The body of the documented success answers in a content type (`undefined` for 204). */
export type Ok<O, Type extends string = 'application/json'> = {
  [S in keyof Responses<O>]: S extends Success
    ? Responses<O>[S] extends { content: infer C }
      ? C extends Record<Type, infer B>
        ? B
        : never
      : undefined
    : never;
}[keyof Responses<O>];

/** What a documented call answers, e.g. `Answer<'/api/auth/providers'>`. */
export type Answer<P extends PathOf<M>, M extends Method = 'get'> = Ok<Operation<P, M>>;
/** What a documented call sends as its JSON body. */
export type Sends<P extends PathOf<M>, M extends Method> =
  Operation<P, M> extends { requestBody?: { content: { 'application/json': infer B } } }
    ? B
    : never;

/** Told when a call answers 401: the session ran out (or was ended elsewhere) mid-visit. */
let unauthorizedListener: (() => void) | null = null;
export function onUnauthorized(listener: (() => void) | null): void {
  unauthorizedListener = listener;
}

type Query = Record<string, string | number | boolean | undefined | null>;
interface RawInit {
  path?: Record<string, string | number>;
  query?: Query;
  header?: Record<string, string | undefined>;
  body?: unknown;
  signal?: AbortSignal;
}

/** A documented path with its parameters filled in and the query appended. */
function address(path: string, init: RawInit = {}): string {
  const filled = path.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = init.path?.[name];
    if (value === undefined) throw new Error(`${path}: no value for {${name}}`);
    return encodeURIComponent(String(value));
  });
  const sp = new URLSearchParams();
  for (const [k, v] of Object.entries(init.query ?? {})) {
    if (v !== undefined && v !== null && v !== '' && v !== false) sp.set(k, String(v));
  }
  const s = sp.toString();
  return s ? `${filled}?${s}` : filled;
}

async function parseProblem(res: Response): Promise<Problem> {
  const text = await res.text();
  try {
    const body = JSON.parse(text) as Partial<Problem>;
    return { ...body, status: body.status ?? res.status };
  } catch {
    return { status: res.status, title: res.statusText, detail: text.slice(0, 200) || undefined };
  }
}

/**
 * Answers asked ahead for the page being opened (see `ahead`), by address; each is taken once,
 * within AHEAD_MS, and any call that changes something drops them all.
 */
const asked = new Map<string, { at: number; response: Promise<Response> }>();
const AHEAD_MS = 10_000;
let askingAhead = false;

/**
 * Runs `start`, whose GET calls go out now, while the page that will make the same calls is
 * still loading its code: the page's first identical call then takes the answer instead of
 * waiting for a second round trip after its code arrived. Failures are left to the page.
 */
export function ahead<T>(start: () => Promise<T>): Promise<T | undefined> {
  askingAhead = true;
  let started: Promise<T>;
  try {
    started = start();
  } finally {
    askingAhead = false;
  }
  return started.catch(() => undefined);
}

/**
 * Writes of this tab still on their way (a draft's last autosave as its page is left): a read
 * goes out once they are done, so the next page shows what was just typed, not the version
 * before it. Registered by the writer the moment it decides to write, before its request; only
 * such writes, so an upload in progress does not hold up the page's other reads.
 */
const writing = new Set<Promise<unknown>>();

/** Holds this tab's reads until `write` settles (see `writing`). */
export function readAfter(write: Promise<unknown>): void {
  const settled = write.then(
    () => undefined,
    () => undefined,
  );
  writing.add(settled);
  void settled.then(() => writing.delete(settled));
}

function fetchOnce(method: Method, url: string, init: RequestInit): Promise<Response> {
  if (method !== 'get') {
    asked.clear();
    return fetch(url, init);
  }
  if (writing.size === 0) return read(url, init, askingAhead);
  const isAhead = askingAhead;
  return Promise.all([...writing]).then(() => {
    // An answer asked ahead while the write was on its way may be from before it.
    asked.clear();
    return read(url, init, isAhead);
  });
}

/** A GET: an answer asked ahead for it when there is one, else a request (kept if ahead). */
function read(url: string, init: RequestInit, isAhead: boolean): Promise<Response> {
  const waiting = asked.get(url);
  if (waiting && !isAhead) {
    asked.delete(url);
    if (Date.now() - waiting.at < AHEAD_MS) return waiting.response;
  }
  const response = fetch(url, init);
  if (isAhead) {
    // A copy for the page, made before the caller here reads the body.
    const copy = response.then((res) => res.clone());
    copy.catch(() => undefined);
    asked.set(url, { at: Date.now(), response: copy });
  }
  return response;
}

/** Sends a request; an answer other than 2xx becomes an ApiError (status 0: no network). */
async function send(method: Method, path: string, init: RawInit, accept: string) {
  const headers: Record<string, string> = { accept };
  // The language the page is in, so a refusal's reasons come in it even before the session is
  // read (the input boundary) and whatever the browser's own languages are.
  const lang = typeof document === 'undefined' ? '' : document.documentElement.lang;
  if (lang) headers['accept-language'] = lang;
  for (const [k, v] of Object.entries(init.header ?? {})) if (v) headers[k] = v;
  let body: BodyInit | undefined;
  if (init.body instanceof FormData) {
    body = init.body;
  } else if (init.body !== undefined) {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(init.body);
  }
  let res: Response;
  try {
    res = await fetchOnce(method, address(path, init), {
      method: method.toUpperCase(),
      headers,
      body,
      credentials: 'same-origin',
      signal: init.signal,
    });
  } catch (err) {
    if ((err as Error).name === 'AbortError') throw err;
    throw new ApiError({ status: 0, code: 'network', detail: (err as Error).message });
  }
  // The login calls and the session probe are not reported: there a 401 is an answer.
  if (res.status === 401 && path !== '/api/me' && !path.startsWith('/api/auth/')) {
    unauthorizedListener?.();
  }
  if (!res.ok) throw new ApiError(await parseProblem(res));
  return res;
}

function caller<M extends Method>(method: M) {
  /** The answer's body and the response (for headers such as ETag). */
  return async <P extends PathOf<M>>(
    path: P,
    ...[init]: InitArg<Operation<P, M>>
  ): Promise<{ data: Ok<Operation<P, M>>; response: Response }> => {
    const response = await send(method, path, (init ?? {}) as RawInit, 'application/json');
    const data = response.status === 204 ? undefined : await response.json();
    return { data: data as Ok<Operation<P, M>>, response };
  };
}

const calls = {
  get: caller('get'),
  post: caller('post'),
  put: caller('put'),
  patch: caller('patch'),
  delete: caller('delete'),
};

/** The typed calls: `http.get('/api/applications/{id}', { path: { id } })` answers its body. */
export const http = {
  get: async <P extends PathOf<'get'>>(path: P, ...init: InitArg<Operation<P, 'get'>>) =>
    (await calls.get(path, ...init)).data,
  post: async <P extends PathOf<'post'>>(path: P, ...init: InitArg<Operation<P, 'post'>>) =>
    (await calls.post(path, ...init)).data,
  put: async <P extends PathOf<'put'>>(path: P, ...init: InitArg<Operation<P, 'put'>>) =>
    (await calls.put(path, ...init)).data,
  patch: async <P extends PathOf<'patch'>>(path: P, ...init: InitArg<Operation<P, 'patch'>>) =>
    (await calls.patch(path, ...init)).data,
  delete: async <P extends PathOf<'delete'>>(path: P, ...init: InitArg<Operation<P, 'delete'>>) =>
    (await calls.delete(path, ...init)).data,
  /** The same calls answering `{ data, response }`. */
  withResponse: calls,
  /** A GET of a documented text answer (an HTML letter, a mail file), as text. */
  text: async <T extends string, P extends TextPath<T>>(
    type: T,
    path: P,
    ...[init]: InitArg<Operation<P, 'get'>>
  ) => {
    const res = await send('get', path, (init ?? {}) as RawInit, type);
    return res.text();
  },
  /**
   * The address of a documented GET, for a link or a download (a PDF, a spreadsheet, a login
   * redirect): the browser follows it, so it is typed like a call but not sent from here.
   */
  href: <P extends PathOf<'get'>>(path: P, ...[init]: InitArg<Operation<P, 'get'>>) =>
    address(path, (init ?? {}) as RawInit),
};

/** The GET paths that document a success answer in a content type. */
type TextPath<T extends string> = {
  [P in PathOf<'get'>]: [Ok<Operation<P, 'get'>, T>] extends [never] ? never : P;
}[PathOf<'get'>];
