/**
 * What version 3 of the shipped workflows changes against version 2 (which is published and never
 * changes): the assessor's proposed amount is asked only with the advice to grant
 * (`x-showWhen`), and says that an empty one proposes the requested amount. Nothing else.
 */
import { validateDefinition, type WorkflowDefinition } from '@initiatief/engine';
import { describe, expect, test } from 'vitest';
import { readShippedDefinitions } from './definitions.repository';
import { SHIPPED_VERSIONS, shippedFile } from './shipped-versions.fixture';

const KEYS = ['bewonersinitiatief', 'klein-buurtbudget'];
type Payload = { properties: Record<string, Record<string, unknown>>; required?: string[] };
const assess = (d: WorkflowDefinition) => d.events.ASSESS?.payload as unknown as Payload;

describe.each(KEYS)('%s version 3', (key) => {
  const v2 = shippedFile(key, 2);
  const v3 = shippedFile(key, 3);

  test('is valid, and is shipped after version 2 (later versions follow it: shipped-v4 to v6.test.ts)', async () => {
    expect(v3.version).toBe(3);
    expect(validateDefinition(v3).problems).toEqual([]);
    const shipped = (await readShippedDefinitions()).filter((d) => d.key === key);
    expect(shipped.map((d) => d.version)).toEqual(SHIPPED_VERSIONS[key]);
  });

  test('asks the proposed amount only with the advice to grant, and never requires it', () => {
    const payload = assess(v3);
    expect(payload.properties.amountCents?.['x-showWhen']).toEqual({
      field: 'recommendation',
      in: ['grant'],
    });
    // An advice to grant without an amount proposes the request: the grant falls back to it.
    expect(payload.required).not.toContain('amountCents');
    expect(payload.properties.amountCents?.['x-help']).toEqual({
      nl: 'Laat u het leeg, dan stelt u het aangevraagde bedrag voor.',
      en: 'Left empty, you propose the requested amount.',
    });
    expect(payload.properties.recommendation?.enum).toEqual(['grant', 'reject']);
  });

  test('changes nothing else', () => {
    const expected = structuredClone(v2) as unknown as Record<string, unknown>;
    expected.version = 3;
    const amount = assess(expected as unknown as WorkflowDefinition).properties.amountCents!;
    amount['x-showWhen'] = assess(v3).properties.amountCents?.['x-showWhen'];
    amount['x-help'] = assess(v3).properties.amountCents?.['x-help'];
    expect(v3).toEqual(expected);
  });
});
