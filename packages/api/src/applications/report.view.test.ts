import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { WorkflowDefinition } from '@initiatief/engine';
import { describe, expect, test } from 'vitest';
import { reportEntries } from './report.view';

const shipped = JSON.parse(
  readFileSync(
    fileURLToPath(
      new URL('../../../../workflows/bewonersinitiatief/definition.json', import.meta.url),
    ),
    'utf8',
  ),
) as WorkflowDefinition;

/** The shipped definition, its report step asking the year of the activity as a code. */
function withYear(): WorkflowDefinition {
  const def = structuredClone(shipped);
  const payload = def.events.SUBMIT_REPORT!.payload as { properties: Record<string, unknown> };
  payload.properties.year = {
    type: 'integer',
    'x-display': 'code',
    'x-label': { nl: 'Jaar van de activiteit', en: 'Year of the activity' },
  };
  return def;
}

describe('the report as staff read it', () => {
  test('a year the definition calls a code is sent as one, money and quantities as before', () => {
    const entries = reportEntries(withYear(), { year: 2026, actualCostsCents: 12_000 });
    expect(entries).toEqual([
      {
        key: 'year',
        label: { nl: 'Jaar van de activiteit', en: 'Year of the activity' },
        unit: 'code',
        value: 2026,
      },
      expect.objectContaining({ key: 'actualCostsCents', unit: 'cents' }),
    ]);
  });

  test('without the flag a whole number stays a quantity', () => {
    const def = withYear();
    const payload = def.events.SUBMIT_REPORT!.payload as {
      properties: Record<string, Record<string, unknown>>;
    };
    delete payload.properties.year!['x-display'];
    expect(reportEntries(def, { year: 2026 })[0]?.unit).toBeNull();
  });
});
