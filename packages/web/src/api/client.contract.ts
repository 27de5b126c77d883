/**
 * Type-level test (checked by `pnpm check`, never run): the web's main calls send what the
 * API's OpenAPI document asks for and expect what it answers. `openapi.gen.ts` is generated
 * from the served document (packages/api/src/openapi/api-types.ts); when the API or this
 * client changes so that they no longer agree, tsc fails here.
 */
import type {
  Application,
  ApplicationQuery,
  ApplicationSummary,
  Attachment,
  api,
  DocumentSummary,
  HistoryEntry,
  Me,
  Page,
  Regulation,
} from './client';
import type { paths } from './openapi.gen';

type Op<P extends keyof paths, M extends keyof paths[P]> = paths[P][M];
type Ok<O> = O extends { responses: infer R }
  ? R extends { 200: { content: { 'application/json': infer B } } }
    ? B
    : R extends { 201: { content: { 'application/json': infer B } } }
      ? B
      : never
  : never;
type Body<O> = O extends { requestBody: { content: { 'application/json': infer B } } }
  ? B
  : O extends { requestBody?: { content: { 'application/json': infer B } } }
    ? B
    : never;
type Query<O> = O extends { parameters: { query?: infer Q } } ? NonNullable<Q> : never;

/** `true` only when what the API answers can be used as what the web expects. */
type Answers<Documented, Expected> = [Documented] extends [never]
  ? false // nothing documented there: a renamed path, status or content type
  : [Documented] extends [Expected]
    ? true
    : false;
/** `true` only when what the web sends is what the API accepts. */
type Accepts<Documented, Sent> = [Documented] extends [never]
  ? false
  : [Sent] extends [Documented]
    ? true
    : false;
type Check<T extends true> = T;
type Sent<F extends (...args: never[]) => unknown> = Parameters<F>;
// `data` is the definition's form: the API documents it as an object of any fields, the web
// reads it through the definition; `etag` comes from the response header.
type AppView = Omit<Application, 'etag' | 'data'>;

export type Contract = [
  // accounts
  Check<Answers<Ok<Op<'/api/me', 'get'>>, Me>>,
  Check<Answers<Ok<Op<'/api/auth/login', 'post'>>, Me>>,
  Check<Accepts<Body<Op<'/api/auth/login', 'post'>>, { email: string; password: string }>>,
  Check<Answers<Ok<Op<'/api/auth/register', 'post'>>, Me>>,
  Check<Accepts<Body<Op<'/api/auth/register', 'post'>>, Sent<typeof api.register>[0]>>,
  // regulations and applications
  Check<Answers<Ok<Op<'/api/regulations', 'get'>>, { items: Regulation[] }>>,
  Check<Answers<Ok<Op<'/api/applications', 'get'>>, Page<ApplicationSummary>>>,
  Check<Accepts<Query<Op<'/api/applications', 'get'>>, Omit<ApplicationQuery, 'overdue'>>>,
  Check<Answers<Ok<Op<'/api/applications/{id}', 'get'>>, AppView>>,
  Check<Accepts<Body<Op<'/api/applications', 'post'>>, Sent<typeof api.createApplication>[0]>>,
  Check<Answers<Ok<Op<'/api/applications', 'post'>>, AppView>>,
  Check<Accepts<Body<Op<'/api/applications/{id}', 'patch'>>, { data: Application['data'] }>>,
  Check<Accepts<Body<Op<'/api/applications/{id}/events', 'post'>>, Sent<typeof api.sendEvent>[1]>>,
  Check<Answers<Ok<Op<'/api/applications/{id}/events', 'post'>>, AppView>>,
  Check<Answers<Ok<Op<'/api/applications/{id}/history', 'get'>>, { items: HistoryEntry[] }>>,
  Check<Answers<Ok<Op<'/api/queue', 'get'>>, Page<ApplicationSummary>>>,
  // files and letters
  Check<Answers<Ok<Op<'/api/applications/{id}/attachments', 'get'>>, { items: Attachment[] }>>,
  Check<Answers<Ok<Op<'/api/applications/{id}/documents', 'get'>>, { items: DocumentSummary[] }>>,
];
