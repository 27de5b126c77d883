import { describe, expect, test } from 'vitest';
import { shippedJson } from '../test/fixtures';
import { workflowDefinitionJsonSchema, workflowDefinitionSchema } from './definition.schema';
import { validateDefinition } from './definition.validate';

// biome-ignore lint/suspicious/noExplicitAny: tests break definitions on purpose
type Json = any;

function broken(mutate: (def: Json) => void) {
  const def = structuredClone(shippedJson()) as Json;
  mutate(def);
  return validateDefinition(def);
}

function codes(result: ReturnType<typeof validateDefinition>) {
  return result.problems.map((p) => `${p.code} ${p.path}`);
}

test('the shipped definition is valid', () => {
  const result = validateDefinition(shippedJson());
  expect(result.problems).toEqual([]);
  expect(result.ok).toBe(true);
  expect(result.definition?.key).toBe('bewonersinitiatief');
});

test('the strict zod schema accepts the shipped definition and has a JSON Schema', () => {
  expect(workflowDefinitionSchema.safeParse(shippedJson()).success).toBe(true);
  const schema = workflowDefinitionJsonSchema() as {
    type: string;
    properties: Record<string, unknown>;
  };
  expect(schema.type).toBe('object');
  expect(Object.keys(schema.properties)).toEqual(
    expect.arrayContaining(['states', 'events', 'form', 'templates']),
  );
  expect(JSON.stringify(schema)).toContain('budgetAvailable');
  // A form page's heading for staff is in it, as editors and the OpenAPI document read it.
  expect(JSON.stringify(schema)).toContain('"staffTitle"');
  // So is a question's label for staff.
  expect(JSON.stringify(schema)).toContain('"staffLabel"');
});

describe('every rule, one broken definition each', () => {
  test('shape', () => {
    const result = broken((d) => {
      d.version = 'one';
      delete d.states;
    });
    expect(result.ok).toBe(false);
    expect(codes(result)).toEqual(
      expect.arrayContaining(['invalid_shape version', 'invalid_shape states']),
    );
    expect(validateDefinition(null).ok).toBe(false);
  });

  test('unknown initial state', () => {
    expect(codes(broken((d) => (d.initial = 'concept')))).toContain('unknown_state initial');
  });

  test('unknown target', () => {
    expect(codes(broken((d) => (d.states.submitted.on.ASSESS.target = 'asessed')))).toContain(
      'unknown_target states.submitted.on.ASSESS.target',
    );
  });

  test('unknown guard', () => {
    expect(
      codes(broken((d) => (d.states.draft.on.SUBMIT.guard[1].type = 'supportersAtleast'))),
    ).toContain('unknown_guard states.draft.on.SUBMIT.guard.1.type');
  });

  test('bad guard parameters', () => {
    const result = broken((d) => {
      d.states.draft.on.SUBMIT.guard[1].params = { count: -1 };
      d.states.draft.on.SUBMIT.guard[2].params = { amount: 'requested', limit: 'fixed' };
    });
    expect(codes(result)).toEqual(
      expect.arrayContaining([
        'bad_params states.draft.on.SUBMIT.guard.1.params.count',
        'bad_params states.draft.on.SUBMIT.guard.2.params.cents',
      ]),
    );
  });

  test('unknown action and bad action parameters', () => {
    const result = broken((d) => {
      d.states.draft.on.SUBMIT.actions[0].type = 'startTheClock';
      d.states.draft.on.SUBMIT.actions[1].params.kind = 'postcard';
    });
    expect(codes(result)).toEqual(
      expect.arrayContaining([
        'unknown_action states.draft.on.SUBMIT.actions.0.type',
        'bad_params states.draft.on.SUBMIT.actions.1.params.kind',
      ]),
    );
  });

  test('undeclared event in a state, and in a four-eyes guard', () => {
    const result = broken((d) => {
      d.states.submitted.on.APPROVE = 'assessed';
      d.states.assessed.on.REJECT.guard.params.event = 'ASSES';
    });
    expect(codes(result)).toEqual(
      expect.arrayContaining([
        'unknown_event states.submitted.on.APPROVE',
        'unknown_event states.assessed.on.REJECT.guard.params.event',
      ]),
    );
  });

  test('undeclared delay, unknown delay kind, bad delay parameters', () => {
    const result = broken((d) => {
      d.states.granted.after.reportLate = d.states.granted.after.reportDue;
      d.delays.decisionWarning.type = 'weeksBeforeDecision';
      d.delays.reportDue.params = { offsetDays: 'one' };
    });
    expect(codes(result)).toEqual(
      expect.arrayContaining([
        'unknown_delay states.granted.after.reportLate',
        'unknown_delay_kind delays.decisionWarning.type',
        'bad_params delays.reportDue.params.offsetDays',
      ]),
    );
  });

  test('transitions out of a final state', () => {
    expect(codes(broken((d) => (d.states.settled.on = { SUBMIT: 'draft' })))).toContain(
      'transition_from_final states.settled',
    );
  });

  test('unreachable state', () => {
    expect(codes(broken((d) => (d.states.archived = { type: 'final' })))).toContain(
      'unreachable_state states.archived',
    );
  });

  test('no path to a final state', () => {
    const result = broken((d) => {
      d.states.limbo = { on: { RETURN: 'limbo' } };
      d.states.assessed.on.RETURN = 'limbo';
    });
    expect(codes(result)).toContain('no_path_to_final states.limbo');
  });

  test('an event no role may send', () => {
    expect(codes(broken((d) => (d.events.SETTLE.roles = [])))).toContain(
      'event_without_roles events.SETTLE.roles',
    );
  });

  test('templates referenced but missing', () => {
    const result = broken((d) => {
      delete d.templates.letters.rejection;
      delete d.templates.mails.acknowledgement;
    });
    expect(codes(result)).toEqual(
      expect.arrayContaining([
        'missing_template states.assessed.on.REJECT.actions.2.params.template',
        'missing_template states.draft.on.SUBMIT.actions.2.params.template',
      ]),
    );
  });

  test('unknown template variable and empty body', () => {
    const result = broken((d) => {
      d.templates.letters.grant.nl.body += ' {{bedrag}}';
      d.templates.mails.decision.en.body = ' ';
    });
    expect(codes(result)).toEqual(
      expect.arrayContaining([
        'unknown_variable templates.letters.grant.nl.body',
        'empty_template templates.mails.decision.en.body',
      ]),
    );
  });

  test('payload schema that is not an object schema, or not JSON Schema at all', () => {
    const result = broken((d) => {
      d.events.GRANT.payload = { type: 'string' };
      d.events.REJECT.payload = {
        type: 'object',
        properties: { motivation: { type: 'nonsense' } },
      };
    });
    expect(codes(result)).toEqual(
      expect.arrayContaining([
        'bad_payload_schema events.GRANT.payload.type',
        'bad_payload_schema events.REJECT.payload',
      ]),
    );
  });

  test('form: duplicate field, bad limits, select without options, bad pattern', () => {
    const d0 = shippedJson() as { form: { fields: unknown[] } };
    const result = broken((d) => {
      d.form.fields.push({ ...d.form.fields[0] });
      d.form.fields.push({ ...d.form.fields[7], key: 'moreQuotes', minItems: 3, maxItems: 2 });
      d.form.fields[0].minLength = 500;
      d.form.fields[2].options = [];
      d.form.fields[4].pattern = '([';
      d.form.fields[6].minItems = 60;
    });
    expect(codes(result)).toEqual(
      expect.arrayContaining([
        `duplicate_field form.fields.${d0.form.fields.length}.key`,
        `bad_limits form.fields.${d0.form.fields.length + 1}`,
        'bad_limits form.fields.0',
        'bad_field form.fields.2.options',
        'bad_field form.fields.4.pattern',
        'bad_limits form.fields.6',
      ]),
    );
  });

  test('form: requested amount and activity date must point at the right fields', () => {
    const result = broken((d) => {
      d.form.requestedAmount = { list: 'budgetLines', field: 'description' };
      d.form.activityDateField = 'location';
    });
    expect(codes(result)).toEqual(
      expect.arrayContaining(['bad_form form.requestedAmount', 'bad_form form.activityDateField']),
    );
  });

  test('the requested amount names its questions by their labels, a removed one by its key', () => {
    const textOf = (result: ReturnType<typeof broken>) =>
      result.problems.find((p) => p.path === 'form.requestedAmount')?.text;
    const notMoney = textOf(
      broken((d) => {
        d.form.requestedAmount = { list: 'budgetLines', field: 'description' };
      }),
    );
    expect(notMoney?.nl).toBe(
      'Het aangevraagde bedrag is de optelsom van Omschrijving in Begroting, en dat is geen bedrag. ' +
        'Kies in ‘De definitie als JSON’ een bedrag in een lijst om op te tellen.',
    );
    expect(notMoney?.en).toContain('the sum of Description in Budget, and that is not an amount');
    const listGone = textOf(
      broken((d) => {
        d.form.fields = d.form.fields.filter((f: { key: string }) => f.key !== 'budgetLines');
        d.form.pages = d.form.pages?.map((p: { fields: string[] }) => ({
          ...p,
          fields: p.fields.filter((k) => k !== 'budgetLines'),
        }));
      }),
    );
    expect(listGone?.nl).toBe(
      'Het aangevraagde bedrag is de optelsom van een lijst die niet meer op het formulier staat (budgetLines). Zet de vraag terug.',
    );
    expect(listGone?.en).toBe(
      'The requested amount is the sum of a list that is no longer on the form (budgetLines). Put the question back.',
    );
  });
});
