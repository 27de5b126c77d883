/**
 * A refusal of the API kept as what to say (said.ts), so that it follows the interface's
 * language after it was said. The API says an invalid field's reason in the language the request
 * asked for only, so a reason the page can word itself (by the field's name, or from the engine
 * that both share) is said by the page, in both languages; the rest of the refusal by its code.
 * Reasons the page cannot word stay as the API gave them.
 */
import { migrationTarget, type WorkflowDefinition } from '@initiatief/engine';
import { ApiError } from '../api/client';
import type { Said } from './said';

type Both = { nl: string; en: string };

const isBoth = (v: unknown): v is Both =>
  typeof v === 'object' &&
  v !== null &&
  typeof (v as Both).nl === 'string' &&
  typeof (v as Both).en === 'string';

/**
 * The error without the invalid fields `worded` took (its code still says what went wrong),
 * and what `worded` made of each of them.
 */
export function splitRefusal(
  err: unknown,
  worded: (name: string) => Said | null,
): { rest: unknown; fields: { name: string; said: Said }[] } {
  if (!(err instanceof ApiError) || err.invalidParams.length === 0)
    return { rest: err, fields: [] };
  const fields: { name: string; said: Said }[] = [];
  const left = err.invalidParams.filter((ip) => {
    const said = worded(ip.name);
    if (said) fields.push({ name: ip.name, said });
    return !said;
  });
  return { rest: new ApiError({ ...err.problem, invalidParams: left }), fields };
}

/**
 * A refused dry run or migration: a state the map sends somewhere it may not go, said from the
 * engine's own reason; an application without a place (the API gives that reason in both
 * languages) named by its reference.
 */
export function migrationRefusal(
  err: unknown,
  defs: { from: WorkflowDefinition; to: WorkflowDefinition } | null | undefined,
  stateMap: Record<string, string>,
): Said {
  const { rest, fields } = splitRefusal(err, (name) => {
    const state = name.startsWith('stateMap.') ? name.slice('stateMap.'.length) : '';
    if (!state || !defs || !Object.hasOwn(defs.from.states, state)) return null;
    const place = migrationTarget(defs.from, defs.to, state, { [state]: stateMap[state] ?? '' });
    return place.ok ? null : { both: place.reason };
  });
  const stranded =
    err instanceof ApiError && Array.isArray(err.problem.stranded)
      ? (err.problem.stranded as { reference?: unknown; reason?: unknown }[])
      : [];
  const why: Said[] = stranded
    .filter((s) => typeof s.reference === 'string' && isBoth(s.reason))
    .map((s) => ({
      policy: 'mig.refusedOne',
      vars: { reference: s.reference as string, reason: { both: s.reason as Both } },
    }));
  return { all: [{ error: rest }, ...fields.map((f) => f.said), ...why] };
}
