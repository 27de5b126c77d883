/**
 * `x-atLeastOneOf` on an event's payload: a supplement needs an explanation or a file. Without
 * the rule an empty answer ended the request for information and resumed the decision clock
 * (Awb 4:15); with it, the engine refuses the answer and nothing changes.
 */
import { describe, expect, test } from 'vitest';
import type { PersistedSnapshot } from '../core/engine.types';
import { EngineError } from '../core/engine-error';
import { applicationView, createApplication, step } from '../runtime/runtime';
import {
  applicant,
  assessor,
  completeData,
  facts,
  SHIPPED_KEYS,
  shippedJson,
  T0,
} from '../test/fixtures';
import type { WorkflowDefinition } from './definition.schema';
import { validateDefinition } from './definition.validate';
import { atLeastOneOfIssues, compilePayloadSchema } from './payload-schema';

const ATTACHMENTS = {
  type: 'array',
  items: { type: 'string', format: 'uuid' },
  maxItems: 20,
  'x-widget': 'attachments',
  'x-label': { nl: 'Bijlagen', en: 'Attachments' },
};

/** A shipped workflow whose supplement takes files and needs an explanation or a file. */
function withRule(key: string = 'bewonersinitiatief', rule: unknown = ['message', 'attachments']) {
  const json = structuredClone(shippedJson(key)) as {
    events: Record<string, { payload: Record<string, unknown> }>;
  };
  const payload = json.events.SUPPLEMENT!.payload;
  (payload.properties as Record<string, unknown>).attachments = ATTACHMENTS;
  payload['x-atLeastOneOf'] = rule;
  return json;
}

function valid(json: unknown): WorkflowDefinition {
  const result = validateDefinition(json);
  expect(result.problems).toEqual([]);
  return result.definition!;
}

describe('payload rule x-atLeastOneOf', () => {
  const schema = {
    type: 'object',
    properties: {
      message: {
        type: 'string',
        maxLength: 2000,
        'x-label': { nl: 'Toelichting', en: 'Explanation' },
      },
      attachments: ATTACHMENTS,
    },
    additionalProperties: false,
    'x-atLeastOneOf': ['message', 'attachments'],
  };
  const { check } = compilePayloadSchema(schema);

  test('nothing, blank text or an empty list is refused, naming every field by its label', () => {
    for (const payload of [{}, { message: '' }, { message: '   \n' }, { attachments: [] }]) {
      expect(check(payload)).toEqual([
        {
          path: 'message',
          message: 'give at least one of: message, attachments',
          text: {
            nl: 'Minstens één hiervan is nodig: Toelichting of Bijlagen.',
            en: 'At least one of these is needed: Explanation or Attachments.',
          },
        },
      ]);
    }
  });

  test('an explanation alone, a file alone, or both are fine', () => {
    const id = '2b0c8f0e-6a8e-4c53-9f47-1b9d8a3f7c11';
    expect(check({ message: 'Hierbij de offerte.' })).toEqual([]);
    expect(check({ attachments: [id] })).toEqual([]);
    expect(check({ message: 'Zie bijlage.', attachments: [id] })).toEqual([]);
  });

  test('the fields are checked first: a bad field is named, not the rule', () => {
    expect(check({ message: 'x'.repeat(2001) }).map((i) => i.path)).toEqual(['message']);
    expect(check({ attachments: 'x' }).map((i) => i.path)[0]).toMatch(/^attachments/);
  });

  test('the web uses the same sentence', () => {
    expect(atLeastOneOfIssues(schema, { message: ' ' })[0]?.text.nl).toBe(
      'Minstens één hiervan is nodig: Toelichting of Bijlagen.',
    );
  });
});

describe('definition check of x-atLeastOneOf', () => {
  test.each(SHIPPED_KEYS)('%s with the rule on its supplement is valid', (key) => {
    valid(withRule(key));
  });

  test('a field the payload does not have is refused by a sentence naming the event', () => {
    const result = validateDefinition(withRule('bewonersinitiatief', ['message', 'photo']));
    expect(result.ok).toBe(false);
    expect(result.problems).toEqual([
      expect.objectContaining({
        path: 'events.SUPPLEMENT.payload.x-atLeastOneOf.1',
        code: 'bad_payload_rule',
        text: expect.objectContaining({
          nl: expect.stringMatching(/^Aanvullen: .*noemt photo/),
        }),
      }),
    ]);
  });

  test.each([[['message']], [['message', 'message']], [[]]])(
    'fewer than two different fields (%j) is refused',
    (rule) => {
      const result = validateDefinition(withRule('bewonersinitiatief', rule));
      expect(result.problems.map((p) => [p.path, p.code])).toEqual([
        ['events.SUPPLEMENT.payload.x-atLeastOneOf', 'bad_payload_rule'],
      ]);
      expect(result.problems[0]?.text?.en).toContain('at least two different fields');
    },
  );
});

describe('an empty supplement (Awb 4:5, 4:15)', () => {
  const def = valid(withRule());
  const created = createApplication(def, {
    now: T0,
    actor: applicant,
    facts,
    data: completeData(),
  });
  const at = (days: number) => new Date(T0.getTime() + days * 86_400_000);
  const submitted = step(
    def,
    created.snapshot,
    { type: 'SUBMIT' },
    { now: T0, actor: applicant, facts },
  );
  const asked = step(
    def,
    submitted.snapshot,
    { type: 'REQUEST_INFO', payload: { message: 'Stuur de offerte mee.', periodDays: 14 } },
    { now: at(1), actor: assessor, facts },
  );

  function supplement(snapshot: PersistedSnapshot, payload: unknown) {
    return step(
      def,
      snapshot,
      { type: 'SUPPLEMENT', payload },
      { now: at(3), actor: applicant, facts },
    );
  }

  test.each([
    ['no payload', undefined],
    ['an empty payload', {}],
    ['a blank explanation', { message: '  ' }],
    ['no files', { attachments: [] }],
  ])('%s is refused; the request stays open and the clock suspended', (_, payload) => {
    expect(asked.state).toBe('info_requested');
    let error: unknown;
    try {
      supplement(asked.snapshot, payload);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(EngineError);
    expect((error as EngineError).code).toBe('invalid_payload');
    expect((error as EngineError).issues?.[0]?.text).toEqual({
      nl: 'Minstens één hiervan is nodig: Toelichting of Bijlagen.',
      en: 'At least one of these is needed: Explanation or Attachments.',
    });
    // A refused step returns nothing to persist: the snapshot the caller holds is the truth.
    const view = applicationView(def, asked.snapshot, at(3), facts);
    expect(view.state).toBe('info_requested');
    expect(view.tags).toContain('suspended');
    expect(view.clock.suspended).toBe(true);
  });

  test('an explanation alone, or a file alone, answers the request', () => {
    const id = '2b0c8f0e-6a8e-4c53-9f47-1b9d8a3f7c11';
    expect(supplement(asked.snapshot, { message: 'De offerte volgt per post.' }).state).toBe(
      'submitted',
    );
    expect(supplement(asked.snapshot, { attachments: [id] }).state).toBe('submitted');
  });
});
