import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import type { Actor, PersistedSnapshot, StepResult } from '../core/engine.types';
import { EngineError } from '../core/engine-error';
import { requestedCents, validateFormData } from '../form/form.validate';
import { addDays, diffDays, isIsoDate, toAmsterdamDate } from '../legal-clock/calendar';
import {
  applicant,
  approver,
  assessor,
  clerk,
  completeData,
  facts,
  loadShippedDefinition,
  T0,
} from '../test/fixtures';
import { applicationView, createApplication, step, updateApplicationData } from './runtime';

// Issue 19, findings 1, 7 and 10: the rules of the regulation hold whatever the order of events
// and edits; every event has a payload schema; the report waits for the activity.

const def = loadShippedDefinition();
const day = (n: number) => new Date(T0.getTime() + n * 86_400_000);

function send(
  snapshot: PersistedSnapshot,
  type: string,
  actor: Actor,
  payload?: unknown,
  now = T0,
): StepResult {
  return step(def, snapshot, { type, payload }, { now, actor, facts });
}
function refused(fn: () => unknown): EngineError {
  try {
    fn();
  } catch (error) {
    if (error instanceof EngineError) return error;
    throw error;
  }
  throw new Error('expected an EngineError');
}
function askedForInformation() {
  const created = createApplication(def, {
    now: T0,
    actor: applicant,
    facts,
    data: completeData(),
  });
  const submitted = send(created.snapshot, 'SUBMIT', applicant);
  return send(submitted.snapshot, 'REQUEST_INFO', assessor, { message: 'Offerte?' }, day(7));
}

describe('SUPPLEMENT checks the rules of SUBMIT', () => {
  test('removing the IBAN, the description or the supporters in the supplement is refused', () => {
    const asked = askedForInformation();
    for (const [patch, guard] of [
      [{ iban: null }, 'formComplete'],
      [{ description: null }, 'formComplete'],
      [{ supporters: [{ name: 'An', postcode: '3035 KB', age: 34 }] }, 'supportersAtLeast'],
    ] as const) {
      const e = refused(() =>
        send(asked.snapshot, 'SUPPLEMENT', applicant, { data: patch }, day(10)),
      );
      expect(e.code).toBe('guard_failed');
      expect(e.guard).toBe(guard);
    }
  });

  test('edits made while information is requested are checked too', () => {
    const asked = askedForInformation();
    const edited = updateApplicationData(def, asked.snapshot, {
      budgetLines: Array.from({ length: 50 }, () => ({
        description: 'Post',
        amountCents: 2_000_000,
      })),
    });
    const e = refused(() => send(edited.snapshot, 'SUPPLEMENT', applicant, {}, day(10)));
    expect(e.guard).toBe('amountAtMost');
  });

  test('the activity cannot be moved closer than 6 weeks after the day of receipt', () => {
    const asked = askedForInformation();
    // Received 3 March; supplemented 13 March with the activity on 14 March.
    const tooSoon = refused(() =>
      send(
        asked.snapshot,
        'SUPPLEMENT',
        applicant,
        { data: { activityDate: '2026-03-14' } },
        day(10),
      ),
    );
    expect(tooSoon.guard).toBe('daysBeforeActivityAtLeast');
    // 14 April is exactly 42 days after 3 March: allowed, although only 32 days after the supplement.
    const ok = send(
      asked.snapshot,
      'SUPPLEMENT',
      applicant,
      { data: { activityDate: '2026-04-14' } },
      day(10),
    );
    expect(ok.state).toBe('submitted');
  });

  test('an unchanged, complete application is supplemented as before', () => {
    const asked = askedForInformation();
    const back = send(asked.snapshot, 'SUPPLEMENT', clerk, { message: 'Zie bijlage.' }, day(12));
    expect(back.state).toBe('submitted');
  });
});

describe('payload schemas', () => {
  test('SUBMIT takes no payload: unknown keys are refused, an empty object is fine', () => {
    const created = createApplication(def, {
      now: T0,
      actor: applicant,
      facts,
      data: completeData(),
    });
    const junk = refused(() =>
      send(created.snapshot, 'SUBMIT', applicant, { junk: 'x'.repeat(1000) }),
    );
    expect(junk.code).toBe('invalid_payload');
    expect(junk.issues?.[0]?.path).toBe('junk');
    expect(refused(() => send(created.snapshot, 'SUBMIT', applicant, 'text')).code).toBe(
      'invalid_payload',
    );
    expect(send(created.snapshot, 'SUBMIT', applicant, {}).state).toBe('submitted');
  });

  test('every event of the shipped workflow refuses an unknown key', () => {
    const created = createApplication(def, {
      now: T0,
      actor: applicant,
      facts,
      data: completeData(),
    });
    for (const type of Object.keys(def.events)) {
      const actor: Actor = { id: 'u-any', roles: def.events[type]!.roles };
      const e = refused(() => send(created.snapshot, type, actor, { unexpectedKey: 1 }));
      // Either the event is not allowed in draft, or its payload is refused: never accepted.
      if (e.code !== 'event_not_allowed') expect(e.code).toBe('invalid_payload');
    }
  });
});

describe('the report (verantwoording) waits for the activity', () => {
  function granted() {
    const created = createApplication(def, {
      now: T0,
      actor: applicant,
      facts,
      data: completeData(),
    });
    const submitted = send(created.snapshot, 'SUBMIT', applicant);
    const assessed = send(
      submitted.snapshot,
      'ASSESS',
      assessor,
      { recommendation: 'grant', motivation: 'Goed plan.' },
      day(7),
    );
    return send(assessed.snapshot, 'GRANT', approver, {}, day(8));
  }
  const report = { actualCostsCents: 100_000, report: 'Het feest was een succes.' };

  test('before the activity date it is refused with a sentence in both languages', () => {
    const g = granted();
    expect(g.state).toBe('granted');
    // The activity is on Saturday 13 June 2026; 12 June is one day early.
    const e = refused(() =>
      send(g.snapshot, 'SUBMIT_REPORT', applicant, report, new Date('2026-06-12T10:00:00Z')),
    );
    expect(e.code).toBe('guard_failed');
    expect(e.guard).toBe('activityDateReached');
    const issue = e.issues?.[0] as { path: string; text?: { nl: string; en: string } };
    expect(issue.path).toBe('data.activityDate');
    expect(issue.text?.nl).toBe(
      'De verantwoording kan pas worden gestuurd vanaf de dag van de activiteit (13 juni 2026).',
    );
    expect(issue.text?.en).toBe(
      'The final report can be sent from the day of the activity (13 June 2026) on.',
    );
  });

  test('on the day of the activity (Amsterdam time) it is accepted', () => {
    const g = granted();
    // 13 June 00:30 in Amsterdam is still 12 June in UTC.
    const r = send(
      g.snapshot,
      'SUBMIT_REPORT',
      applicant,
      report,
      new Date('2026-06-12T22:30:00Z'),
    );
    expect(r.state).toBe('report_submitted');
  });
});

// A property: drive random sequences of events, edits and the passing of time through the
// shipped workflow; whenever a grant succeeds, the data it was granted on must have met the
// rules of SUBMIT at its last submission (SUBMIT or SUPPLEMENT), checked here independently.
type Op =
  | { kind: 'wait'; days: number }
  | { kind: 'edit'; patch: Record<string, unknown> }
  | { kind: 'event'; type: string; actor: Actor; payload?: unknown };

const badPatches: Record<string, unknown>[] = [
  { iban: null },
  { description: null },
  { supporters: [] },
  { supporters: [{ name: 'An', postcode: '3035 KB', age: 34 }] },
  { activityDate: null },
  {
    budgetLines: Array.from({ length: 50 }, () => ({
      description: 'Post',
      amountCents: 2_000_000,
    })),
  },
  { budgetLines: [{ description: 'Alles', amountCents: 1_000_001 }] },
];
const goodPatches: Record<string, unknown>[] = [
  completeData(),
  { title: 'Buurtfeest' },
  { budgetLines: [{ description: 'Tenten', amountCents: 90_000 }] },
];

const patchArb = fc.oneof(
  fc.constantFrom(...badPatches, ...goodPatches),
  fc.integer({ min: -10, max: 120 }).map((n) => ({ activityDate: addDays('2026-03-03', n) })),
);
const event = (type: string, actor: Actor, payload?: unknown): Op => ({
  kind: 'event',
  type,
  actor,
  payload,
});

// Weighted so that the interesting path (submit, ask, change, supplement, assess, grant) is
// common: every step of it is likely to be offered at each turn.
const opArb: fc.Arbitrary<Op> = fc.oneof(
  {
    weight: 1,
    arbitrary: fc.integer({ min: 1, max: 30 }).map((days): Op => ({ kind: 'wait', days })),
  },
  { weight: 2, arbitrary: patchArb.map((patch): Op => ({ kind: 'edit', patch })) },
  {
    weight: 3,
    arbitrary: fc
      .option(patchArb)
      .map((data) => event('SUPPLEMENT', applicant, data ? { data } : {})),
  },
  {
    weight: 8,
    arbitrary: fc.constantFrom<Op>(
      event('SUBMIT', applicant),
      event('SUBMIT', clerk, {}),
      event('REQUEST_INFO', assessor, { message: 'Meer?' }),
      event('ASSESS', assessor, { recommendation: 'grant', motivation: 'Goed.' }),
      event('ASSESS', assessor, { recommendation: 'grant', motivation: 'Goed.' }),
      event('RETURN', approver, { message: 'Nog eens.' }),
      event('GRANT', approver, {}),
      event('GRANT', approver, {}),
      event('EXTEND', approver, { message: 'Druk.' }),
    ),
  },
);

function meetsSubmitRules(data: Record<string, unknown>, receivedOn: string): string | null {
  if (!validateFormData(def, data).ok) return 'form incomplete';
  const supporters = Array.isArray(data.supporters) ? data.supporters : [];
  if (supporters.filter((s) => typeof s?.age === 'number' && s.age >= 12).length < 4) {
    return 'supporters';
  }
  if (requestedCents(def, data) > facts.regulation.maxAmountCents) return 'amount';
  const activity = data.activityDate;
  if (!isIsoDate(activity) || diffDays(receivedOn, activity) < 42) return 'activity too soon';
  return null;
}

describe('property: the rules of the regulation cannot be skipped', () => {
  test('every granted application met the SUBMIT rules at its last submission', () => {
    fc.assert(
      fc.property(fc.array(opArb, { minLength: 8, maxLength: 40, size: 'max' }), (ops) => {
        let snapshot = createApplication(def, {
          now: T0,
          actor: applicant,
          facts,
          data: completeData(),
        }).snapshot;
        let now = T0;
        let lastSubmission: { data: Record<string, unknown>; receivedOn: string } | null = null;
        for (const op of ops) {
          try {
            if (op.kind === 'wait') {
              now = new Date(now.getTime() + op.days * 86_400_000);
              continue;
            }
            if (op.kind === 'edit') {
              snapshot = updateApplicationData(def, snapshot, op.patch).snapshot;
              continue;
            }
            const r = step(
              def,
              snapshot,
              { type: op.type, payload: op.payload },
              {
                now,
                actor: op.actor,
                facts,
              },
            );
            snapshot = r.snapshot;
            const ctx = snapshot.context;
            if (op.type === 'SUBMIT' || op.type === 'SUPPLEMENT') {
              lastSubmission = {
                data: structuredClone(ctx.data),
                receivedOn: ctx.clock.receivedOn ?? toAmsterdamDate(now),
              };
            }
            if (op.type === 'GRANT') {
              expect(lastSubmission).not.toBeNull();
              expect(meetsSubmitRules(lastSubmission!.data, lastSubmission!.receivedOn)).toBeNull();
              // Granted on exactly the data that was last submitted.
              expect(ctx.data).toEqual(lastSubmission!.data);
            }
          } catch (error) {
            if (!(error instanceof EngineError)) throw error;
          }
        }
      }),
      { numRuns: 400, seed: 19 },
    );
  });
});

describe('a decision due after the activity is flagged and explained', () => {
  test('activity 6 weeks ahead, 8-week term: flagged with what it means', () => {
    // Received Tuesday 3 March 2026, activity Tuesday 14 April (42 days): the decision is due
    // Tuesday 28 April, after the activity.
    const data = completeData({ activityDate: '2026-04-14' });
    const created = createApplication(def, { now: T0, actor: applicant, facts, data });
    expect(applicationView(def, created.snapshot, T0).clock.decisionAfterActivity).toBe(false);
    const submitted = send(created.snapshot, 'SUBMIT', applicant);
    const view = applicationView(def, submitted.snapshot, T0);
    expect(view.clock).toMatchObject({
      decisionDueOn: '2026-04-28',
      activityOn: '2026-04-14',
      decisionAfterActivity: true,
    });
    expect(view.warnings).toHaveLength(1);
    expect(view.warnings[0]?.key).toBe('decision_after_activity');
    expect(view.warnings[0]?.text.nl).toContain('tot 28 april 2026 om te beslissen');
    expect(view.warnings[0]?.text.nl).toContain('na uw activiteit op 14 april 2026');
    expect(view.warnings[0]?.text.en).toContain('after your activity on 14 April 2026');
    // Once decided, nothing is due any more.
    const assessed = send(
      submitted.snapshot,
      'ASSESS',
      assessor,
      { recommendation: 'grant', motivation: 'Goed.' },
      day(1),
    );
    const grant = send(assessed.snapshot, 'GRANT', approver, {}, day(2));
    expect(applicationView(def, grant.snapshot, day(2)).clock.decisionAfterActivity).toBe(false);
    expect(applicationView(def, grant.snapshot, day(2)).warnings).toEqual([]);
  });

  test('activity well after the decision due date: no flag', () => {
    const created = createApplication(def, {
      now: T0,
      actor: applicant,
      facts,
      data: completeData(),
    });
    const view = applicationView(def, send(created.snapshot, 'SUBMIT', applicant).snapshot, T0);
    expect(view.clock.decisionAfterActivity).toBe(false);
    expect(view.warnings).toEqual([]);
  });
});

describe('every shipped workflow', () => {
  test('a transition that returns an application to assessment checks the rules of SUBMIT', () => {
    const root = fileURLToPath(new URL('../../../../workflows/', import.meta.url));
    for (const dir of readdirSync(root)) {
      const d = JSON.parse(readFileSync(`${root}${dir}/definition.json`, 'utf8'));
      const submitGuards = JSON.stringify(d.states[d.initial].on.SUBMIT.guard);
      for (const [name, state] of Object.entries<{ meta?: { editable?: boolean }; on?: object }>(
        d.states,
      )) {
        if (name === d.initial || !state.meta?.editable) continue;
        for (const [event, t] of Object.entries<{ target?: string; guard?: unknown }>(
          (state.on ?? {}) as Record<string, { target?: string; guard?: unknown }>,
        )) {
          const target = d.states[t.target ?? ''];
          if (!target || target.type === 'final' || target.meta?.editable) continue;
          expect(JSON.stringify(t.guard), `${dir}: ${name}.${event}`).toBe(submitGuards);
        }
      }
    }
  });
});

describe('a refused submission says everything that stands in the way at once', () => {
  test('a missing IBAN, too few supporters and an activity too soon: three issues, one refusal', () => {
    const created = createApplication(def, {
      now: T0,
      actor: applicant,
      facts,
      data: completeData({
        iban: null,
        supporters: [{ name: 'An', postcode: '3035 KB', age: 34 }],
        activityDate: addDays(toAmsterdamDate(T0), 7),
      }),
    });
    const e = refused(() => send(created.snapshot, 'SUBMIT', applicant));
    expect(e.code).toBe('guard_failed');
    const paths = (e.issues ?? []).map((i) => i.path);
    expect(paths.some((p) => p.includes('iban'))).toBe(true);
    expect(paths.some((p) => p.includes('supporters'))).toBe(true);
    expect(paths.some((p) => p.includes('activityDate'))).toBe(true);
    // One issue per field, each a sentence for a person.
    expect(new Set(paths).size).toBe(paths.length);
    for (const issue of e.issues ?? []) expect(issue.text?.nl).toBeTruthy();
  });
});

describe('the supporters are other residents than the applicant', () => {
  // Four lines of twelve or older, one of them the applicant herself, written her own way.
  const data = completeData({
    supporters: [
      { name: 'An', postcode: '3035 KB', age: 34 },
      { name: 'ayse yildiz-celik', postcode: '3035 KC', age: 41 },
      { name: 'Cees', postcode: '3035 KD', age: 70 },
      { name: 'Dilan', postcode: '3035 KE', age: 25 },
    ],
  });
  const created = createApplication(def, { now: T0, actor: applicant, facts, data });
  const withName = { ...facts, applicantName: 'Ayşe Yıldız-Çelik' };

  test('her own line does not count, and the refusal says so in both languages', () => {
    const e = refused(() =>
      step(
        def,
        created.snapshot,
        { type: 'SUBMIT' },
        { now: T0, actor: applicant, facts: withName },
      ),
    );
    expect(e.code).toBe('guard_failed');
    const issue = (e.issues ?? []).find((i) => i.path.includes('supporters'));
    expect(issue?.text?.nl).toContain('nu zijn het er 3. De aanvrager zelf telt niet mee.');
    expect(issue?.text?.en).toContain('there are 3 now. The applicant does not count.');
  });

  test('a fifth neighbour makes four again', () => {
    const supporters = data.supporters as unknown[];
    const five = updateApplicationData(def, created.snapshot, {
      supporters: [...supporters, { name: 'Eva', postcode: '3035 KF', age: 19 }],
    });
    const submitted = step(
      def,
      five.snapshot,
      { type: 'SUBMIT' },
      { now: T0, actor: applicant, facts: withName },
    );
    expect(submitted.snapshot.value).toBe('submitted');
  });
});
