import type { ApplicationContext, Facts, Role } from '../core/engine.types';
import type { WorkflowDefinition } from '../definition/definition.schema';
import { requestedCents } from '../form/form.validate';

/** The event as the machine sees it: the engine adds the clock, the actor and the facts. */
export interface MachineEvent {
  type: string;
  payload: unknown;
  nowMs: number;
  /** `now` as a calendar date in Europe/Amsterdam. */
  today: string;
  /**
   * The day the application came in, when the desk files one that arrived earlier (by post):
   * the step that receives it counts from that day instead of today.
   */
  receivedOn?: string;
  actorId: string;
  roles: Role[];
  facts: Facts | undefined;
}

export function payloadOf(event: MachineEvent): Record<string, unknown> {
  const p = event.payload;
  return typeof p === 'object' && p !== null && !Array.isArray(p)
    ? (p as Record<string, unknown>)
    : {};
}

export function payloadAmount(event: MachineEvent): number | undefined {
  return amountOfPayload(event.payload);
}

/** The vocabulary's one amount field of a step's payload, in cents. */
export const AMOUNT_FIELD = 'amountCents';

/**
 * The amount a step's payload names for the money actions (setGrant, recordPayment, ...), in
 * cents; undefined when it names none. The vocabulary's one amount field, read in one place.
 */
export function amountOfPayload(payload: unknown): number | undefined {
  return amountOfField(payload, AMOUNT_FIELD);
}

/**
 * An amount in cents the definition names by its field (an advance decided with a grant:
 * `amountAtMost`'s and `recordPayment`'s `field`); undefined when the payload has none there.
 */
export function amountOfField(payload: unknown, field: string): number | undefined {
  const v =
    payload !== null && typeof payload === 'object' && !Array.isArray(payload)
      ? (payload as Record<string, unknown>)[field]
      : undefined;
  return typeof v === 'number' && Number.isSafeInteger(v) ? v : undefined;
}

/** The amount a GRANT decides on: the payload's, else the assessor's proposal, else the request. */
export function grantAmount(
  def: WorkflowDefinition,
  ctx: ApplicationContext,
  event: MachineEvent,
): number {
  const proposed = ctx.assessment.amountCents;
  return (
    payloadAmount(event) ??
    (typeof proposed === 'number' ? proposed : undefined) ??
    requestedCents(def, ctx.data)
  );
}

export function emptyContext(data: Record<string, unknown>): ApplicationContext {
  return {
    data,
    grantedCents: null,
    reservedCents: 0,
    advanceCents: 0,
    settledCents: null,
    reclaimCents: 0,
    assessment: {},
    decision: {},
    request: {},
    supplement: {},
    report: {},
    clock: { receivedOn: null, termWeeks: 8, suspensions: [], extension: null },
    actors: {},
    documents: [],
    payments: [],
    submittedAt: null,
  };
}
