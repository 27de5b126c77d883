import { describe, expect, it } from 'vitest';
import { graphOf } from './statechart-graph';

describe('the diagram’s graph', () => {
  it('keeps a step without a target as an arrow back to its own state', () => {
    const def = {
      initial: 'granted',
      events: { PAY_ADVANCE: { label: { nl: 'Voorschot betalen', en: 'Pay an advance' } } },
      states: {
        granted: {
          meta: { label: { nl: 'Verleend', en: 'Granted' } },
          on: { PAY_ADVANCE: { actions: [{ type: 'recordPayment' }] }, CLOSE: 'closed' },
        },
        closed: { type: 'final' },
      },
    };
    const g = graphOf(def, 'nl', (d) => d);
    expect(g.edges.map((e) => [e.from, e.to, e.label])).toEqual([
      ['granted', 'granted', 'Voorschot betalen'],
      ['granted', 'closed', 'CLOSE'],
    ]);
  });
});
