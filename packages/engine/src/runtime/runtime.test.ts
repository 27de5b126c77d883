import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import type { Actor, Effect, PersistedSnapshot, StepResult } from '../core/engine.types';
import { EngineError } from '../core/engine-error';
import { addDays, amsterdamStartOfDay, toAmsterdamDate } from '../legal-clock/calendar';
import { isWorkingDay } from '../legal-clock/holidays';
import {
  applicant,
  approver,
  assessor,
  clerk,
  completeData,
  facts,
  loadShippedDefinition,
  system,
  T0,
} from '../test/fixtures';
import {
  allowedEvents,
  applicationView,
  createApplication,
  step,
  updateApplicationData,
} from './runtime';

const def = loadShippedDefinition();
const day = (n: number) => new Date(T0.getTime() + n * 86_400_000);

function create(data = completeData()) {
  return createApplication(def, { now: T0, actor: applicant, facts, data });
}
function send(
  snapshot: PersistedSnapshot,
  type: string,
  actor: Actor,
  payload?: unknown,
  now = T0,
  f = facts,
): StepResult {
  return step(def, snapshot, { type, payload }, { now, actor, facts: f });
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
const kinds = (effects: Effect[]) =>
  effects.map((e) => ('kind' in e ? `${e.type}:${e.kind}` : e.type));

function submitted() {
  return send(create().snapshot, 'SUBMIT', applicant);
}
function assessed(recommendation = 'grant', amountCents?: number) {
  return send(
    submitted().snapshot,
    'ASSESS',
    assessor,
    { recommendation, motivation: 'Past in het wijkakkoord.', amountCents },
    day(7),
  );
}

describe('createApplication', () => {
  test('starts in draft with the data, no effects', () => {
    const r = create();
    expect(r.state).toBe('draft');
    expect(r.effects).toEqual([]);
    expect(r.history).toMatchObject({
      from: '',
      to: 'draft',
      event: 'CREATE',
      actor: 'u-applicant',
    });
    expect(applicationView(def, r.snapshot).editable).toBe(true);
  });

  test('refuses data of the wrong type', () => {
    const e = refused(() =>
      createApplication(def, { now: T0, actor: applicant, facts, data: { iban: 'NL00' } }),
    );
    expect(e.code).toBe('invalid_payload');
    expect(e.issues).toEqual([
      {
        path: 'data.iban',
        message: 'must be a valid IBAN',
        text: {
          nl: 'IBAN-rekeningnummer is geen geldig IBAN-nummer; controleer het nummer, zoals NL91 ABNA 0417 1643 00.',
          en: 'IBAN account number is not a valid IBAN; check the number, such as NL91 ABNA 0417 1643 00.',
        },
      },
    ]);
  });
});

describe('step', () => {
  test('SUBMIT: acknowledgement letter and mail, staff notice, decision timers as absolute instants', () => {
    const r = submitted();
    expect(r.state).toBe('submitted');
    expect(r.history).toEqual({
      from: 'draft',
      to: 'submitted',
      event: 'SUBMIT',
      actor: 'u-applicant',
      roles: ['applicant'],
      at: '2026-03-03T09:00:00.000Z',
      payload: null,
    });
    expect(r.effects).toEqual([
      { type: 'document', kind: 'acknowledgement', template: 'acknowledgement' },
      { type: 'notice', template: 'acknowledgement', audience: 'applicant' },
      { type: 'notice', template: 'new_application', audience: 'staff' },
      {
        type: 'timer.schedule',
        timerId: 'xstate.after.decisionWarning.bewonersinitiatief.submitted',
        event: 'xstate.after.decisionWarning.bewonersinitiatief.submitted',
        dueAt: '2026-04-20T22:00:00.000Z',
      },
      {
        type: 'timer.schedule',
        timerId: 'xstate.after.decisionTerm.bewonersinitiatief.submitted',
        event: 'xstate.after.decisionTerm.bewonersinitiatief.submitted',
        dueAt: '2026-04-28T22:00:00.000Z',
      },
    ]);
    const view = applicationView(def, r.snapshot, T0);
    expect(view.clock).toEqual({
      receivedOn: '2026-03-03',
      decisionDueOn: '2026-04-28',
      suspended: false,
      suspendedSince: null,
      suspendedDays: 0,
      extended: false,
      activityOn: '2026-06-13',
      decisionAfterActivity: false,
    });
    expect(view.deadlines[0]).toEqual({
      key: 'decision',
      date: '2026-04-28',
      explanation: { nl: '8 weken vanaf 3 maart 2026', en: '8 weeks from 3 March 2026' },
    });
  });

  test('a clerk may submit on behalf of a resident', () => {
    expect(send(create().snapshot, 'SUBMIT', clerk).state).toBe('submitted');
  });

  test('guard_failed from formComplete lists the missing fields with dotted paths', () => {
    const data = completeData({ budgetLines: [{ description: 'Tent' }] });
    delete data.iban;
    const e = refused(() => send(create(data).snapshot, 'SUBMIT', applicant));
    expect(e.code).toBe('guard_failed');
    expect(e.guard).toBe('formComplete');
    expect(e.issues?.map((i) => i.path)).toEqual(['data.budgetLines.0.amountCents', 'data.iban']);
  });

  test('the other SUBMIT guards: supporters, maximum amount, six weeks ahead', () => {
    const few = completeData({ supporters: [{ name: 'An', postcode: '3035 KB', age: 34 }] });
    expect(refused(() => send(create(few).snapshot, 'SUBMIT', applicant)).guard).toBe(
      'supportersAtLeast',
    );
    const much = completeData({ budgetLines: [{ description: 'Podium', amountCents: 1_500_000 }] });
    expect(refused(() => send(create(much).snapshot, 'SUBMIT', applicant)).guard).toBe(
      'amountAtMost',
    );
    const soon = completeData({ activityDate: '2026-04-01' });
    const e = refused(() => send(create(soon).snapshot, 'SUBMIT', applicant));
    expect(e.guard).toBe('daysBeforeActivityAtLeast');
    expect(e.issues?.[0]?.path).toBe('data.activityDate');
  });

  test('event_not_allowed names the events allowed now', () => {
    const e = refused(() => send(create().snapshot, 'GRANT', approver));
    expect(e.code).toBe('event_not_allowed');
    expect(e.allowed).toEqual([]);
    const e2 = refused(() => send(create().snapshot, 'ASSESS', applicant));
    expect(e2.allowed).toEqual(['SUBMIT', 'WITHDRAW']);
    expect(refused(() => send(create().snapshot, 'NONSENSE', applicant)).code).toBe(
      'event_not_allowed',
    );
  });

  test('role_not_allowed names the roles', () => {
    const e = refused(() => send(submitted().snapshot, 'ASSESS', applicant));
    expect(e.code).toBe('role_not_allowed');
    expect(e.roles).toEqual(['assessor']);
    expect(e.message).toContain('assessor');
  });

  test('invalid_payload with paths inside the payload', () => {
    const e = refused(() =>
      send(submitted().snapshot, 'ASSESS', assessor, { recommendation: 'maybe', amountCents: 1.5 }),
    );
    expect(e.code).toBe('invalid_payload');
    expect(e.issues?.map((i) => i.path).sort()).toEqual([
      'amountCents',
      'motivation',
      'recommendation',
    ]);
  });

  test('four-eyes: the assessor may not decide', () => {
    const r = assessed();
    const e = refused(() =>
      send(r.snapshot, 'GRANT', { id: 'u-assessor', roles: ['assessor', 'approver'] }, {}),
    );
    expect(e.code).toBe('four_eyes');
    expect(e.guard).toBe('actorIsNot');
    expect(
      refused(() =>
        send(
          r.snapshot,
          'REJECT',
          { id: 'u-assessor', roles: ['approver'] },
          { motivation: 'Nee' },
        ),
      ).code,
    ).toBe('four_eyes');
  });

  test('GRANT within the remaining budget reserves it and sends the grant letter', () => {
    const r = send(
      assessed().snapshot,
      'GRANT',
      approver,
      { conditions: 'Vermeld de gemeente.' },
      day(10),
    );
    expect(r.state).toBe('granted');
    expect(kinds(r.effects)).toEqual([
      'timer.cancel',
      'timer.cancel',
      'budget.reserve',
      'document:grant',
      'notice',
      'timer.schedule',
    ]);
    expect(r.effects).toContainEqual({ type: 'budget.reserve', amountCents: 125_000 });
    const view = applicationView(def, r.snapshot, day(10), facts);
    expect(view.amounts.grantedCents).toBe(125_000);
    expect(view.deadlines.map((d) => d.key)).toEqual(['objection', 'report']);
    expect(view.deadlines[0]?.date).toBe('2026-04-24'); // sent 13 March + 6 weeks
  });

  test('GRANT beyond the remaining budget is refused by budgetAvailable', () => {
    const e = refused(() =>
      send(assessed().snapshot, 'GRANT', approver, {}, T0, {
        ...facts,
        budgetRemainingCents: 1000,
      }),
    );
    expect(e.code).toBe('guard_failed');
    expect(e.guard).toBe('budgetAvailable');
  });

  test('a small GRANT is settled at once (directe vaststelling)', () => {
    const r = send(assessed('grant', 40_000).snapshot, 'GRANT', approver, {});
    expect(r.state).toBe('settled');
    expect(r.snapshot.status).toBe('done');
    expect(r.effects.filter((e) => !e.type.startsWith('timer'))).toEqual([
      { type: 'budget.reserve', amountCents: 40_000 },
      { type: 'budget.commit', amountCents: 40_000 },
      { type: 'payment', kind: 'settlement', amountCents: 40_000 },
      { type: 'document', kind: 'grant', template: 'grant_direct' },
      { type: 'notice', template: 'decision', audience: 'applicant' },
    ]);
  });

  test('REJECT sends the rejection letter; RETURN goes back to assessment', () => {
    const rejected = send(assessed('reject').snapshot, 'REJECT', approver, {
      motivation: 'Past niet in het wijkakkoord.',
    });
    expect(rejected.state).toBe('rejected');
    expect(kinds(rejected.effects)).toContain('document:rejection');
    const returned = send(assessed().snapshot, 'RETURN', approver, {
      message: 'Graag het bedrag onderbouwen.',
    });
    expect(returned.state).toBe('submitted');
    expect(returned.effects.filter((e) => e.type === 'timer.schedule')).toHaveLength(2);
  });

  test('REQUEST_INFO suspends the clock; SUPPLEMENT resumes it and may change the data', () => {
    const asked = send(
      submitted().snapshot,
      'REQUEST_INFO',
      assessor,
      { message: 'Stuur een offerte.', periodDays: 14 },
      day(7),
    );
    expect(asked.state).toBe('info_requested');
    expect(asked.effects).toContainEqual({
      type: 'timer.schedule',
      timerId: 'xstate.after.supplementPeriod.bewonersinitiatief.info_requested',
      event: 'xstate.after.supplementPeriod.bewonersinitiatief.info_requested',
      dueAt: '2026-03-24T23:00:00.000Z', // start of the day after 24 March
    });
    expect(applicationView(def, asked.snapshot, day(9)).clock).toMatchObject({
      suspended: true,
      suspendedSince: '2026-03-10',
      suspendedDays: 2,
    });
    const back = send(
      asked.snapshot,
      'SUPPLEMENT',
      applicant,
      { data: { location: 'Buurthuis De Pijp' }, message: 'Zie offerte.' },
      day(19),
    );
    expect(back.state).toBe('submitted');
    const view = applicationView(def, back.snapshot, day(19));
    expect(view.data.location).toBe('Buurthuis De Pijp');
    // Asked 10 March, supplemented 22 March: 11-21 March stood still (Awb 4:15).
    expect(view.clock).toMatchObject({
      suspended: false,
      suspendedSince: null,
      suspendedDays: 11,
      decisionDueOn: '2026-05-11',
    });
    expect(view.deadlines[0]?.explanation.nl).toBe(
      '8 weken vanaf 3 maart 2026, klok 11 dagen stilgezet, verschoven voorbij het weekend',
    );
    const bad = refused(() =>
      send(asked.snapshot, 'SUPPLEMENT', applicant, { data: { iban: 'NL00' } }),
    );
    expect(bad.code).toBe('invalid_payload');
    expect(bad.issues?.[0]?.path).toBe('data.iban');
  });

  test('the supplement period lapsing: not considered, only the system may send it', () => {
    const asked = send(
      submitted().snapshot,
      'REQUEST_INFO',
      assessor,
      { message: 'Offerte?' },
      day(7),
    );
    const timer = asked.effects.find((e) => e.type === 'timer.schedule');
    if (timer?.type !== 'timer.schedule') throw new Error('no timer');
    expect(refused(() => send(asked.snapshot, timer.event, assessor)).code).toBe(
      'role_not_allowed',
    );
    const lapsed = send(asked.snapshot, timer.event, system, undefined, new Date(timer.dueAt));
    expect(lapsed.state).toBe('not_considered');
    expect(kinds(lapsed.effects)).toEqual(['document:not_considered', 'notice']);
    expect(lapsed.history.actor).toBe('system');
    expect(applicationView(def, lapsed.snapshot).actors).not.toHaveProperty([timer.event]);
    // Asked 10 March with the default 14 days (due 24 March); lapsed: 11-24 March stood still,
    // the clock runs again on 25 March (Awb 4:15 "de daarvoor gestelde termijn ongebruikt is verstreken").
    const view = applicationView(def, lapsed.snapshot);
    expect(view.clock.suspendedDays).toBe(14);
  });

  test('EXTEND once, rescheduling the decision timers', () => {
    const extended = send(
      submitted().snapshot,
      'EXTEND',
      approver,
      { message: 'Drukte.', weeks: 4 },
      day(30),
    );
    expect(extended.state).toBe('submitted');
    expect(kinds(extended.effects)).toEqual([
      'timer.cancel',
      'timer.cancel',
      'document:extension',
      'notice',
      'timer.schedule',
      'timer.schedule',
    ]);
    expect(applicationView(def, extended.snapshot).clock.decisionDueOn).toBe('2026-05-26');
    expect(
      refused(() => send(extended.snapshot, 'EXTEND', approver, { message: 'Nog eens.' })).guard,
    ).toBe('extensionAvailable');
  });

  test('decision warning and overdue notices go to staff without leaving the state', () => {
    const r = submitted();
    const warning = r.effects.find(
      (e) => e.type === 'timer.schedule' && e.event.includes('decisionWarning'),
    );
    if (warning?.type !== 'timer.schedule') throw new Error('no timer');
    const warned = send(r.snapshot, warning.event, system, undefined, new Date(warning.dueAt));
    expect(warned.state).toBe('submitted');
    expect(warned.effects).toEqual([
      { type: 'notice', template: 'decision_warning', audience: 'staff' },
    ]);
  });

  test('advance, report, settlement with reclaim', () => {
    const granted = send(assessed().snapshot, 'GRANT', approver, {}, day(10));
    const paid = send(granted.snapshot, 'PAY_ADVANCE', assessor, { amountCents: 100_000 }, day(11));
    expect(paid.state).toBe('granted');
    expect(paid.effects).toEqual([
      { type: 'payment', kind: 'advance', amountCents: 100_000 },
      { type: 'notice', template: 'advance_paid', audience: 'applicant' },
    ]);
    expect(
      refused(() => send(paid.snapshot, 'PAY_ADVANCE', assessor, { amountCents: 25_001 })).guard,
    ).toBe('amountAtMost');
    const reported = send(
      paid.snapshot,
      'SUBMIT_REPORT',
      applicant,
      { actualCostsCents: 80_000, report: 'Kleiner feest.' },
      day(120),
    );
    expect(reported.state).toBe('report_submitted');
    expect(
      refused(() => send(reported.snapshot, 'SETTLE', assessor, { amountCents: 200_000 })).guard,
    ).toBe('amountAtMost');
    const settled = send(reported.snapshot, 'SETTLE', assessor, { amountCents: 80_000 }, day(125));
    expect(settled.state).toBe('settled');
    expect(settled.effects).toEqual([
      { type: 'budget.commit', amountCents: 80_000 },
      { type: 'budget.release', amountCents: 45_000 },
      { type: 'payment', kind: 'reclaim', amountCents: 20_000 },
      { type: 'document', kind: 'settlement', template: 'settlement' },
      { type: 'notice', template: 'decision', audience: 'applicant' },
    ]);
    expect(applicationView(def, settled.snapshot).amounts).toEqual({
      requestedCents: 125_000,
      grantedCents: 125_000,
      advanceCents: 100_000,
      settledCents: 80_000,
      reclaimCents: 20_000,
      // Assessed without an amount: the request was granted.
      proposedCents: null,
    });
    expect(refused(() => send(settled.snapshot, 'SETTLE', assessor, { amountCents: 1 })).code).toBe(
      'event_not_allowed',
    );
  });

  test('WITHDRAW before a decision', () => {
    const r = send(submitted().snapshot, 'WITHDRAW', applicant, {});
    expect(r.state).toBe('withdrawn');
    expect(kinds(r.effects)).toEqual(['timer.cancel', 'timer.cancel', 'notice', 'notice']);
  });

  test('a snapshot whose state no longer exists is refused', () => {
    const snapshot = { ...create().snapshot, value: 'in_review' };
    expect(refused(() => send(snapshot, 'SUBMIT', applicant)).code).toBe('unknown_state');
    expect(refused(() => applicationView(def, snapshot)).code).toBe('unknown_state');
  });

  test('snapshots survive a JSON round trip and steps are deterministic', () => {
    const a = assessed();
    const copy = JSON.parse(JSON.stringify(a.snapshot)) as PersistedSnapshot;
    expect(copy).toEqual(a.snapshot);
    const one = send(a.snapshot, 'GRANT', approver, {}, day(10));
    const two = send(copy, 'GRANT', approver, {}, day(10));
    expect(two).toEqual(one);
    expect(JSON.parse(JSON.stringify(one))).toEqual(one);
    expect(one.snapshot.context).not.toHaveProperty('effects');
  });

  test('step does not change the snapshot it is given', () => {
    const a = assessed();
    const before = JSON.stringify(a.snapshot);
    send(a.snapshot, 'GRANT', approver, {}, day(10));
    expect(JSON.stringify(a.snapshot)).toBe(before);
  });
});

describe('allowedEvents', () => {
  test('per role, with payload schemas', () => {
    const s = submitted().snapshot;
    expect(allowedEvents(def, s, assessor).map((e) => e.type)).toEqual([
      'REQUEST_INFO',
      'ASSESS',
      'EXTEND',
    ]);
    expect(allowedEvents(def, s, applicant).map((e) => e.type)).toEqual(['WITHDRAW']);
    const assess = allowedEvents(def, s, assessor).find((e) => e.type === 'ASSESS');
    expect(assess?.payloadSchema).toMatchObject({
      type: 'object',
      required: ['recommendation', 'motivation'],
    });
    expect(allowedEvents(def, s, system).map((e) => e.type)).toEqual([
      'xstate.after.decisionWarning.bewonersinitiatief.submitted',
      'xstate.after.decisionTerm.bewonersinitiatief.submitted',
    ]);
  });

  test('with facts, events that would be refused anyway are left out', () => {
    const a = assessed().snapshot;
    const assessorApprover: Actor = { id: 'u-assessor', roles: ['approver'] };
    expect(allowedEvents(def, a, assessorApprover).map((e) => e.type)).toContain('GRANT');
    expect(allowedEvents(def, a, assessorApprover, facts, T0).map((e) => e.type)).toEqual([
      'RETURN',
      'EXTEND',
    ]);
    const draft = create(completeData({ iban: undefined })).snapshot;
    expect(allowedEvents(def, draft, applicant, facts, T0).map((e) => e.type)).toEqual([
      'WITHDRAW',
    ]);
    expect(allowedEvents(def, draft, applicant, facts).map((e) => e.type)).toEqual(['WITHDRAW']);
    const soon = create(completeData({ activityDate: '2026-03-20' })).snapshot;
    expect(allowedEvents(def, soon, applicant, facts).map((e) => e.type)).toEqual([
      'SUBMIT',
      'WITHDRAW',
    ]);
    expect(allowedEvents(def, soon, applicant, facts, T0).map((e) => e.type)).toEqual(['WITHDRAW']);
  });

  test('nothing in a final state', () => {
    expect(
      allowedEvents(def, send(create().snapshot, 'WITHDRAW', applicant).snapshot, applicant),
    ).toEqual([]);
  });
});

describe('updateApplicationData', () => {
  test('edits in draft, removes with null, validates partially', () => {
    const r = updateApplicationData(def, create().snapshot, { title: 'Burendag', location: null });
    expect(r.data.title).toBe('Burendag');
    expect(r.data).not.toHaveProperty('location');
    expect(applicationView(def, r.snapshot).data.title).toBe('Burendag');
    const e = refused(() =>
      updateApplicationData(def, create().snapshot, { budgetLines: [{ amountCents: -5 }] }),
    );
    expect(e.code).toBe('invalid_payload');
    expect(e.issues?.[0]?.path).toBe('data.budgetLines.0.amountCents');
  });

  test('not after submitting', () => {
    expect(
      refused(() => updateApplicationData(def, submitted().snapshot, { title: 'Later' })).code,
    ).toBe('not_editable');
  });
});

describe('properties of step', () => {
  test('for any submission moment: deterministic, timers at the start of an Amsterdam day, due on a working day', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 * 365 * 24 * 60 }), (minutes) => {
        const now = new Date(Date.parse('2026-01-01T00:00:00Z') + minutes * 60_000);
        const data = completeData({ activityDate: addDays(toAmsterdamDate(now), 60) });
        const draft = createApplication(def, { now, actor: applicant, facts, data });
        const one = step(def, draft.snapshot, { type: 'SUBMIT' }, { now, actor: applicant, facts });
        const two = step(
          def,
          JSON.parse(JSON.stringify(draft.snapshot)),
          { type: 'SUBMIT' },
          { now, actor: applicant, facts },
        );
        expect(two).toEqual(one);
        const view = applicationView(def, one.snapshot, now);
        expect(view.clock.receivedOn).toBe(toAmsterdamDate(now));
        expect(isWorkingDay(view.clock.decisionDueOn!)).toBe(true);
        for (const e of one.effects) {
          if (e.type !== 'timer.schedule') continue;
          const due = new Date(e.dueAt);
          expect(due > now).toBe(true);
          expect(amsterdamStartOfDay(toAmsterdamDate(due)).toISOString()).toBe(e.dueAt);
        }
        const term = one.effects.find(
          (e) => e.type === 'timer.schedule' && e.event.includes('decisionTerm'),
        );
        expect(term?.type === 'timer.schedule' && term.dueAt).toBe(
          amsterdamStartOfDay(addDays(view.clock.decisionDueOn!, 1)).toISOString(),
        );
      }),
      { numRuns: 200 },
    );
  });
});

describe('issue texts of refused steps (C2)', () => {
  test('a payload problem names the field by its label in both languages', () => {
    const e = refused(() =>
      step(
        def,
        submitted().snapshot,
        { type: 'REQUEST_INFO', payload: { periodDays: 200 } },
        {
          now: T0,
          actor: assessor,
          facts,
        },
      ),
    );
    expect(e.code).toBe('invalid_payload');
    expect(e.issues?.map((i) => i.text)).toEqual([
      { nl: 'Gevraagde aanvulling ontbreekt.', en: 'Information requested is missing.' },
      {
        nl: 'Termijn voor de aanvulling (dagen) mag hoogstens 90 zijn.',
        en: 'Period to supplement (days) must be at most 90.',
      },
    ]);
  });

  test('an incomplete form at SUBMIT gives one sentence per missing field', () => {
    const draft = createApplication(def, { now: T0, actor: applicant, facts, data: {} });
    const e = refused(() =>
      step(def, draft.snapshot, { type: 'SUBMIT' }, { now: T0, actor: applicant, facts }),
    );
    expect(e.code).toBe('guard_failed');
    expect(e.issues?.every((i) => i.text.nl.endsWith('ontbreekt.'))).toBe(true);
    expect(e.issues?.map((i) => i.text.en)).toContain('Name of your initiative is missing.');
  });
});
