/**
 * Type-level test (checked by `pnpm check`, never run). Every call of the web goes through
 * `http` (./http.ts), typed by `openapi.gen.ts`, which is generated from the served document
 * (packages/api/src/openapi/api-types.ts): a path, parameter, body or answer the API changes
 * in a way the web does not expect fails tsc at the call. What remains to hold here are the
 * lists the web needs at run time, which come from the engine: they must be the document's.
 */
import type { LETTER_KINDS, ROLES } from '@initiatief/engine';
import type { CONTACT_CHANNELS } from '../desk/desk-api';
import type { Schemas, Sends } from './http';

type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
type Check<T extends true> = T;
type PreviewKind = NonNullable<Sends<'/api/policy/templates/preview', 'post'>['kind']>;

export type Contract = [
  // Roles are defined once: the engine's list is the document's role enum (people and timers).
  Check<Same<(typeof ROLES)[number], Schemas['ActorRole']>>,
  Check<Same<Exclude<(typeof ROLES)[number], 'system'>, Schemas['Role']>>,
  // The letter kinds the template editor offers are the ones the preview accepts.
  Check<Same<(typeof LETTER_KINDS)[number], PreviewKind>>,
  // The contact channels the desk offers are the ones the API records.
  Check<Same<(typeof CONTACT_CHANNELS)[number], Schemas['ContactMoment']['channel']>>,
];
