import { expect, test } from 'vitest';
import type { PersistedSnapshot } from '../core/engine.types';
import { facts, loadShippedDefinition, T0 } from '../test/fixtures';
import { grantedSnapshot } from '../test/lifecycle';
import { decisionLetterSent } from './decision-sent';
import { applicationView } from './runtime';

// A probe found the work queue giving "Bezwaar maken kan tot en met 14 januari" for a paper
// decision whose letter, posted a day later, said 15 januari: the objection period runs from
// the day the decision is sent (Awb 6:8), and for a letter on paper that is its posting day.

const def = loadShippedDefinition();
const system = { id: 'u-post', roles: ['clerk' as const] };

const objection = (s: PersistedSnapshot) =>
  applicationView(def, s, T0, facts).deadlines.find((d) => d.key === 'objection')?.date;

test('posted days after the decision, the objection period counts from the posting day', () => {
  const before = grantedSnapshot(def);
  // Decided Tuesday 3 March 2026: six weeks from then is 14 April.
  expect(objection(before)).toBe('2026-04-14');
  const now = new Date('2026-03-05T14:00:00Z');
  const result = decisionLetterSent(before, {
    decidedOn: '2026-03-03',
    sentOn: '2026-03-05',
    now,
    actor: system,
  });
  expect(result).toBeDefined();
  expect(objection(result!.snapshot)).toBe('2026-04-16');
  expect(result!.state).toBe(String(before.value));
  expect(result!.effects).toEqual([]);
  expect(result!.history).toMatchObject({
    event: 'shell.decision_letter_sent',
    from: 'granted',
    to: 'granted',
    payload: {
      sentOn: '2026-03-05',
      objectionDeadline: '2026-04-16',
      text: {
        nl: 'Het besluit is op 5 maart 2026 per post verstuurd. Bezwaar maken kan tot en met 16 april 2026.',
      },
    },
  });
  // The day it was decided stays what it was.
  expect(result!.snapshot.context.decision.sentOn).toBe('2026-03-03');
});

test('nothing changes on the day of the decision, or for an earlier decision’s letter', () => {
  const s = grantedSnapshot(def);
  const now = new Date('2026-03-05T14:00:00Z');
  expect(
    decisionLetterSent(s, { decidedOn: '2026-03-03', sentOn: '2026-03-03', now, actor: system }),
  ).toBeUndefined();
  expect(
    decisionLetterSent(s, { decidedOn: '2026-02-20', sentOn: '2026-03-05', now, actor: system }),
  ).toBeUndefined();
  const once = decisionLetterSent(s, {
    decidedOn: '2026-03-03',
    sentOn: '2026-03-05',
    now,
    actor: system,
  })!.snapshot;
  // Printed again the next day (the batch was not posted): the later day counts.
  const again = decisionLetterSent(once, {
    decidedOn: '2026-03-03',
    sentOn: '2026-03-06',
    now,
    actor: system,
  });
  expect(objection(again!.snapshot)).toBe('2026-04-17');
  expect(
    decisionLetterSent(once, { decidedOn: '2026-03-03', sentOn: '2026-03-05', now, actor: system }),
  ).toBeUndefined();
});
