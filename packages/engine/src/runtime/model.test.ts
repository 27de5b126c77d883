import { expect, test } from 'vitest';
import type { Actor, Effect, PersistedSnapshot } from '../core/engine.types';
import { EngineError } from '../core/engine-error';
import {
  applicant,
  approver,
  assessor,
  completeDataFor,
  facts,
  loadShippedDefinition,
  SHIPPED_KEYS,
  system,
  T0,
} from '../test/fixtures';
import { createApplication, step } from './runtime';

// Model-based walk of every shipped workflow: every path of events up to a depth, breadth-first,
// with the timers that the effects schedule fired as events of their own. Paths that reach an
// equivalent node (same state, letters, amounts, clock and timers) are walked on once.

const DEPTH = 10;

interface Candidate {
  type: string;
  actor: Actor;
  payload?: unknown;
}

const candidates: Candidate[] = [
  { type: 'SUBMIT', actor: applicant },
  {
    type: 'REQUEST_INFO',
    actor: assessor,
    payload: { message: 'Stuur een offerte.', periodDays: 14 },
  },
  { type: 'SUPPLEMENT', actor: applicant, payload: { message: 'Offerte bijgevoegd.' } },
  {
    type: 'ASSESS',
    actor: assessor,
    payload: { recommendation: 'grant', motivation: 'Goed plan.' },
  },
  {
    type: 'ASSESS',
    actor: assessor,
    payload: { recommendation: 'grant', motivation: 'Klein.', amountCents: 40_000 },
  },
  {
    type: 'ASSESS',
    actor: assessor,
    payload: { recommendation: 'reject', motivation: 'Buiten de regeling.' },
  },
  { type: 'GRANT', actor: approver, payload: {} },
  { type: 'GRANT', actor: assessor, payload: {} }, // four-eyes: always refused
  { type: 'REJECT', actor: approver, payload: { motivation: 'Buiten de regeling.' } },
  { type: 'RETURN', actor: approver, payload: { message: 'Onderbouw het bedrag.' } },
  { type: 'EXTEND', actor: approver, payload: { message: 'Drukte.' } },
  { type: 'PAY_ADVANCE', actor: assessor, payload: { amountCents: 100_000 } },
  {
    type: 'SUBMIT_REPORT',
    actor: applicant,
    payload: { actualCostsCents: 90_000, report: 'Gelukt.' },
  },
  { type: 'SETTLE', actor: assessor, payload: { amountCents: 90_000 } },
  { type: 'SETTLE', actor: assessor, payload: { amountCents: 110_000 } }, // above: four-eyes
  { type: 'CONFIRM_SETTLEMENT', actor: approver, payload: {} },
  { type: 'CONFIRM_SETTLEMENT', actor: assessor, payload: {} }, // role: always refused
  { type: 'WITHDRAW', actor: applicant, payload: {} },
];

interface Node {
  snapshot: PersistedSnapshot;
  state: string;
  now: Date;
  path: string[];
  timers: Map<string, { event: string; dueAt: string }>;
  letters: string[];
  reserved: number;
  committed: number;
}

function applyTimers(timers: Node['timers'], effects: Effect[]) {
  const next = new Map(timers);
  for (const e of effects) {
    if (e.type === 'timer.cancel') next.delete(e.timerId);
    if (e.type === 'timer.schedule') next.set(e.timerId, { event: e.event, dueAt: e.dueAt });
  }
  return next;
}

test.each(SHIPPED_KEYS)('walk every path of the shipped workflow %s', (key) => {
  const def = loadShippedDefinition(key);
  const FINALS = Object.entries(def.states)
    .filter(([, s]) => s.type === 'final')
    .map(([name]) => name);
  const start = createApplication(def, {
    now: T0,
    actor: applicant,
    facts,
    data: completeDataFor(key),
  });
  let frontier: Node[] = [
    {
      snapshot: start.snapshot,
      state: start.state,
      now: T0,
      path: [],
      timers: new Map(),
      letters: [],
      reserved: 0,
      committed: 0,
    },
  ];
  const reached = new Set<string>([start.state]);
  const finalsReached = new Set<string>();
  const stuck: string[] = [];
  const problems: string[] = [];
  let paths = 0;
  let steps = 0;
  const seen = new Set<string>();
  const keyOf = (n: Node) => {
    const c = n.snapshot.context;
    return JSON.stringify([
      n.state,
      n.letters,
      [...n.timers.keys()].sort(),
      n.reserved,
      n.committed,
      c.grantedCents,
      c.advanceCents,
      c.settledCents,
      c.clock.suspensions.length,
      c.clock.extension !== null,
      c.assessment.amountCents,
      c.assessment.recommendation,
    ]);
  };

  for (let depth = 0; depth < DEPTH && frontier.length > 0; depth++) {
    const next: Node[] = [];
    for (const node of frontier) {
      if (node.snapshot.status === 'done') continue;
      const accepts = def.states[node.state]?.on ?? {};
      const moves: { candidate: Candidate; now: Date; timerId?: string }[] = candidates
        .filter((c) => Object.hasOwn(accepts, c.type))
        .map((candidate) => ({ candidate, now: new Date(node.now.getTime() + 86_400_000) }));
      for (const [timerId, timer] of node.timers) {
        const due = new Date(timer.dueAt);
        moves.push({
          candidate: { type: timer.event, actor: system },
          now: due > node.now ? due : node.now,
          timerId,
        });
      }
      let moved = false;
      for (const move of moves) {
        const { type, actor, payload } = move.candidate;
        let result: ReturnType<typeof step>;
        try {
          result = step(def, node.snapshot, { type, payload }, { now: move.now, actor, facts });
        } catch (error) {
          if (!(error instanceof EngineError)) throw error;
          if (error.code === 'unknown_state' || error.code === 'invalid_payload')
            problems.push(`${error.code} at ${node.path.join(' > ')} ${type}`);
          continue;
        }
        moved = true;
        steps++;
        const label = type.startsWith('xstate.after.') ? `timer:${type.split('.')[2]}` : type;
        const path = [...node.path, label];
        const letters = [...node.letters];
        let { reserved, committed } = node;
        for (const e of result.effects) {
          if (e.type === 'document') letters.push(e.kind);
          if ('amountCents' in e && !(e.amountCents > 0))
            problems.push(`non-positive ${e.type} at ${path.join(' > ')}`);
          if (e.type === 'budget.reserve') reserved += e.amountCents;
          if (e.type === 'budget.release') reserved -= e.amountCents;
          if (e.type === 'budget.commit') {
            committed += e.amountCents;
            reserved -= Math.min(reserved, e.amountCents);
          }
        }
        if (reserved < 0) problems.push(`budget negative at ${path.join(' > ')}`);
        const ctx = result.snapshot.context;
        if (
          ctx.reservedCents < 0 ||
          ctx.advanceCents < 0 ||
          (ctx.settledCents ?? 0) < 0 ||
          ctx.reclaimCents < 0
        ) {
          problems.push(`negative amount at ${path.join(' > ')}`);
        }
        if (ctx.advanceCents > (ctx.grantedCents ?? 0))
          problems.push(`advance beyond grant at ${path.join(' > ')}`);
        if (committed > (ctx.grantedCents ?? 0))
          problems.push(`commit beyond grant at ${path.join(' > ')}`);
        const repeated = letters.filter(
          (k, i) => k !== 'supplement_request' && letters.indexOf(k) !== i,
        );
        if (repeated.length > 0)
          problems.push(`letter ${repeated[0]} twice at ${path.join(' > ')}`);
        reached.add(result.state);
        const timers = applyTimers(node.timers, result.effects);
        if (move.timerId) timers.delete(move.timerId);
        if (result.snapshot.status === 'done') {
          finalsReached.add(result.state);
          paths++;
          if (reserved !== 0) problems.push(`budget left reserved at ${path.join(' > ')}`);
          if (timers.size > 0)
            problems.push(`timers left at ${path.join(' > ')}: ${[...timers.keys()].join(', ')}`);
          continue;
        }
        const child = {
          snapshot: result.snapshot,
          state: result.state,
          now: move.now,
          path,
          timers,
          letters,
          reserved,
          committed,
        };
        const key = keyOf(child);
        if (seen.has(key)) continue;
        seen.add(key);
        next.push(child);
      }
      if (!moved) stuck.push(`${node.state} after ${node.path.join(' > ')}`);
    }
    frontier = next;
  }

  expect(problems.slice(0, 10)).toEqual([]);
  expect(stuck.slice(0, 10)).toEqual([]);
  expect([...finalsReached].sort()).toEqual([...FINALS].sort());
  expect([...reached].sort()).toEqual(Object.keys(def.states).sort());
  expect(paths).toBeGreaterThan(50);
  expect(steps).toBeGreaterThan(300);
});
