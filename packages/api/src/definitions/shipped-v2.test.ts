/**
 * What version 2 of the shipped workflows changes against version 1 (which is published and
 * never changes): read from the files, as a policy officer would read them in the editor.
 */
import { validateDefinition, type WorkflowDefinition } from '@initiatief/engine';
import { describe, expect, test } from 'vitest';
import { readShippedDefinitions } from './definitions.repository';
import { SHIPPED_VERSIONS, shippedFile } from './shipped-versions.fixture';

const KEYS = ['bewonersinitiatief', 'klein-buurtbudget'];
type Letters = Record<string, Record<'nl' | 'en', { body: string }>>;
const letters = (d: WorkflowDefinition) =>
  (d as unknown as { templates: { letters: Letters } }).templates.letters;

describe.each(KEYS)('%s version 2', (key) => {
  const v1 = shippedFile(key, 1);
  const v2 = shippedFile(key, 2);

  test('is valid, and is shipped after version 1 (later versions follow it: shipped-v3 to v6.test.ts)', async () => {
    expect(v1.version).toBe(1);
    expect(v2.version).toBe(2);
    expect(validateDefinition(v2).problems).toEqual([]);
    const shipped = (await readShippedDefinitions()).filter((d) => d.key === key);
    expect(shipped.map((d) => d.version)).toEqual(SHIPPED_VERSIONS[key]);
  });

  test('has no district of its own: the regulation decides it', () => {
    expect(v1.form.fields.map((f) => f.key)).toContain('district');
    expect(v2.form.fields.map((f) => f.key)).not.toContain('district');
    expect(v2.form.pages?.flatMap((p) => p.fields)).not.toContain('district');
  });

  test('an answer to a request for information needs an explanation or a file', () => {
    const payload = v2.events.SUPPLEMENT?.payload as {
      properties: Record<string, { 'x-widget'?: string }>;
      'x-atLeastOneOf'?: string[];
    };
    expect(payload['x-atLeastOneOf']).toEqual(['message', 'attachments']);
    expect(payload.properties.attachments?.['x-widget']).toBe('attachments');
  });

  test('explains its states to staff in Dutch', () => {
    const english = /\b(the|waiting|received|settled|applicant|person)\b/i;
    for (const [name, state] of Object.entries(v2.states)) {
      const description = (state as { description?: string }).description;
      expect(description, name).toBeTruthy();
      expect(description, name).not.toMatch(english);
    }
  });

  test('a letter that sends the reader online also gives a way without a computer', () => {
    // A resident without e-mail gets these letters on paper.
    let online = 0;
    for (const [name, text] of Object.entries(letters(v2))) {
      for (const lang of ['nl', 'en'] as const) {
        const body = text[lang].body;
        if (!body.includes('{{applicationUrl}}')) continue;
        online++;
        expect(body, `${name} (${lang})`).toMatch(/14 010|Postbus 70012/);
      }
    }
    expect(online).toBeGreaterThanOrEqual(4);
    // Version 1's letters did not.
    expect(letters(v1).acknowledgement?.nl.body).not.toContain('14 010');
  });

  test('changes nothing else a running application depends on', () => {
    expect(Object.keys(v2.states)).toEqual(Object.keys(v1.states));
    expect(Object.keys(v2.events)).toEqual(Object.keys(v1.events));
    expect(v2.initial).toBe(v1.initial);
  });
});
