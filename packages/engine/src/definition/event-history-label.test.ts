import { describe, expect, test } from 'vitest';
import { shippedJson } from '../test/fixtures';
import { eventHistoryLabel } from './definition.house-rules';
import type { WorkflowDefinition } from './definition.schema';
import { validateDefinition } from './definition.validate';

// biome-ignore lint/suspicious/noExplicitAny: tests shape definitions on purpose
type Json = any;

/** The shipped definition as data (a draft: its texts may still be half written). */
function definition(mutate: (def: Json) => void = () => {}): WorkflowDefinition {
  const def = structuredClone(shippedJson()) as Json;
  mutate(def);
  return def;
}

describe('how the history names a step (historyLabel)', () => {
  test('the history label when the event has one', () => {
    const def = definition((d) => {
      d.events.SUPPLEMENT.historyLabel = {
        nl: 'Aanvulling gestuurd',
        en: 'Additional information sent',
      };
    });
    expect(eventHistoryLabel(def, 'SUPPLEMENT')).toEqual({
      nl: 'Aanvulling gestuurd',
      en: 'Additional information sent',
    });
  });

  test('without one, the event’s label, as older versions read', () => {
    const def = definition((d) => delete d.events.SUPPLEMENT.historyLabel);
    expect(eventHistoryLabel(def, 'SUPPLEMENT')).toEqual({ nl: 'Aanvullen', en: 'Supplement' });
    // Empty words count as none.
    const empty = definition((d) => (d.events.SUPPLEMENT.historyLabel = { nl: ' ', en: '' }));
    expect(eventHistoryLabel(empty, 'SUPPLEMENT')).toEqual({ nl: 'Aanvullen', en: 'Supplement' });
  });

  test('a language not yet written takes that language’s label; an unknown step its code', () => {
    const def = definition((d) => {
      d.events.SUPPLEMENT.historyLabel = { nl: 'Aanvulling gestuurd', en: '' };
    });
    expect(eventHistoryLabel(def, 'SUPPLEMENT')).toEqual({
      nl: 'Aanvulling gestuurd',
      en: 'Supplement',
    });
    expect(eventHistoryLabel(def, 'NO_SUCH_STEP')).toEqual({
      nl: 'NO_SUCH_STEP',
      en: 'NO_SUCH_STEP',
    });
  });

  test('the schema takes it in both languages only', () => {
    const def = structuredClone(shippedJson()) as Json;
    def.events.SUBMIT.historyLabel = { nl: 'Aanvraag verstuurd' };
    const paths = validateDefinition(def).problems.map((p) => `${p.code} ${p.path}`);
    expect(paths).toContain('invalid_shape events.SUBMIT.historyLabel.en');
  });
});
