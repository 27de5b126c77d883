import type { WorkflowDefinition } from '@initiatief/engine';
import { describe, expect, it } from 'vitest';
import { ApiError } from '../api/client';
import { migrationRefusal, splitRefusal } from './refusal-said';

const both = (nl: string, en: string) => ({ nl, en });

/** Two versions: `review` of the old one is an ordinary state; `done` of the new one is final. */
const from = {
  key: 'w',
  version: 1,
  initial: 'review',
  states: { review: { label: both('In behandeling', 'Under review'), on: {} } },
} as unknown as WorkflowDefinition;
const to = {
  key: 'w',
  version: 2,
  initial: 'open',
  states: {
    open: { label: both('Open', 'Open'), on: {} },
    done: { label: both('Afgerond', 'Finished'), type: 'final' },
  },
} as unknown as WorkflowDefinition;

describe('splitRefusal', () => {
  it('takes the fields it words out of the error and leaves the rest as the API gave them', () => {
    const err = new ApiError({
      status: 400,
      code: 'validation_failed',
      invalidParams: [
        { name: 'a', reason: 'zin a' },
        { name: 'b', reason: 'zin b' },
      ],
    });
    const { rest, fields } = splitRefusal(err, (name) =>
      name === 'a' ? { policy: 'regs.errDates' } : null,
    );
    expect(fields).toEqual([{ name: 'a', said: { policy: 'regs.errDates' } }]);
    expect(rest).toBeInstanceOf(ApiError);
    expect((rest as ApiError).invalidParams).toEqual([{ name: 'b', reason: 'zin b' }]);
    expect((rest as ApiError).code).toBe('validation_failed');
  });

  it('leaves an error that is no refusal of the API as it is', () => {
    const err = new Error('kapot');
    expect(splitRefusal(err, () => ({ policy: 'regs.errDates' }))).toEqual({
      rest: err,
      fields: [],
    });
  });
});

describe('migrationRefusal', () => {
  it('says a refused state map from the engine, in both languages', () => {
    const err = new ApiError({
      status: 400,
      code: 'validation_failed',
      invalidParams: [{ name: 'stateMap.review', reason: 'in één taal' }],
    });
    const said = migrationRefusal(err, { from, to }, { review: 'done' });
    if (!('all' in said)) throw new Error('expected several things said');
    const [first, second] = said.all;
    expect((first as { error: ApiError }).error.invalidParams).toEqual([]);
    expect(second).toEqual({ both: expect.objectContaining({ nl: expect.any(String) }) });
    const reason = (second as { both: { nl: string; en: string } }).both;
    expect(reason.nl).toContain('eindstatus');
    expect(reason.en).not.toBe(reason.nl);
  });

  it('names each application without a place by its reference, with the API’s reason in both languages', () => {
    const err = new ApiError({
      status: 409,
      code: 'conflict',
      stranded: [
        { reference: 'BI-2026-000001', reason: both('Geen plek.', 'No place.') },
        { reference: 'BI-2026-000002', reason: null },
      ],
    });
    const said = migrationRefusal(err, null, {});
    expect(said).toEqual({
      all: [
        { error: expect.any(ApiError) },
        {
          policy: 'mig.refusedOne',
          vars: { reference: 'BI-2026-000001', reason: { both: both('Geen plek.', 'No place.') } },
        },
      ],
    });
  });
});
