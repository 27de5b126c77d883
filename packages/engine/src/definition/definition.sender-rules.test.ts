import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { shippedJson } from '../test/fixtures';
import { workflowDefinitionJsonSchema, workflowDefinitionSchema } from './definition.schema';
import { SENDER_DEPARTMENT_MAX } from './definition.sender-rules';
import { validateDefinition } from './definition.validate';

// biome-ignore lint/suspicious/noExplicitAny: tests break definitions on purpose
type Json = any;

function withSender(department: unknown) {
  const def = structuredClone(shippedJson()) as Json;
  def.sender = { department };
  return validateDefinition(def);
}

function file(key: string, name: string): Json {
  const path = fileURLToPath(new URL(`../../../../workflows/${key}/${name}`, import.meta.url));
  return JSON.parse(readFileSync(path, 'utf8'));
}

test('the sender is optional: a published version without it stays valid', () => {
  const def = shippedJson() as Json;
  expect(def.sender).toBeUndefined();
  expect(validateDefinition(def).ok).toBe(true);
  expect(workflowDefinitionSchema.safeParse(def).success).toBe(true);
});

test('the newest shipped versions name their own team, valid under the strict schema', () => {
  const bi = file('bewonersinitiatief', 'definition.v12.json');
  const kbb = file('klein-buurtbudget', 'definition.v10.json');
  expect(bi.sender).toEqual({
    department: { nl: 'Team Bewonersinitiatieven', en: 'Resident Initiatives team' },
  });
  expect(kbb.sender).toEqual({
    department: { nl: 'Team Buurtbudget', en: 'Neighbourhood Budget team' },
  });
  for (const def of [bi, kbb]) {
    expect(validateDefinition(def).problems).toEqual([]);
    const parsed = workflowDefinitionSchema.safeParse(def);
    expect(parsed.success).toBe(true);
    expect(parsed.data?.sender?.department.nl).toBe(def.sender.department.nl);
  }
  // Editors read the property from the JSON Schema.
  const schema = workflowDefinitionJsonSchema() as { properties: Record<string, unknown> };
  expect(Object.keys(schema.properties)).toContain('sender');
});

describe('the team is one short line in both languages, said in words when it is not', () => {
  test('a well-formed team passes', () => {
    expect(withSender({ nl: 'Team Buurtbudget', en: 'Neighbourhood Budget team' }).ok).toBe(true);
  });

  test('a shape that is not a team in two languages is refused', () => {
    const result = withSender('Team Buurtbudget');
    expect(result.ok).toBe(false);
    expect(result.problems[0]).toMatchObject({ code: 'invalid_shape' });
    expect(result.problems[0]?.path).toMatch(/^sender/);
    const extra = structuredClone(shippedJson()) as Json;
    extra.sender = { department: { nl: 'a', en: 'b' }, phone: '14 010' };
    expect(validateDefinition(extra).ok).toBe(false);
  });

  test('too long: named by its label, with its length and the most that fits', () => {
    const long = `Team ${'Buurtbudget'.repeat(6)}`;
    const result = withSender({ nl: 'Team Buurtbudget', en: long });
    expect(result.ok).toBe(false);
    expect(result.problems).toHaveLength(1);
    const [problem] = result.problems;
    expect(problem).toMatchObject({ path: 'sender.department.en', code: 'sender_too_long' });
    expect(problem?.text?.nl).toBe(
      `Team dat de brieven stuurt (Engels): de naam is ${[...long].length} tekens lang; op de regel in het briefhoofd passen er ten hoogste ${SENDER_DEPARTMENT_MAX}. Maak hem korter.`,
    );
    expect(problem?.text?.en).toContain('Team that sends the letters (English)');
    expect(problem?.text?.en).toContain(`at most ${SENDER_DEPARTMENT_MAX}`);
    // Exactly the most that fits is fine.
    expect(withSender({ nl: 'x'.repeat(SENDER_DEPARTMENT_MAX), en: 'team' }).ok).toBe(true);
  });

  test('a line break, a tab or a control character: not one line of plain text', () => {
    for (const words of ['Team\nBuurtbudget', 'Team\tBuurtbudget', 'Team\u0007Buurtbudget']) {
      const result = withSender({ nl: words, en: 'Neighbourhood Budget team' });
      expect(result.problems.map((p) => `${p.code} ${p.path}`)).toEqual([
        'sender_not_one_line sender.department.nl',
      ]);
      expect(result.problems[0]?.text?.nl).toMatch(
        /^Team dat de brieven stuurt \(Nederlands\): de naam bevat een regeleinde/,
      );
      expect(result.problems[0]?.text?.en).toMatch(
        /^Team that sends the letters \(Dutch\): the name contains a line break/,
      );
    }
  });

  test('an empty language is a missing translation, named by the field', () => {
    const result = withSender({ nl: 'Team Buurtbudget', en: '  ' });
    expect(result.problems).toEqual([
      expect.objectContaining({
        path: 'sender.department.en',
        code: 'missing_translation',
        text: {
          nl: 'Team dat de brieven stuurt (Engels): vul de naam van het team in, zoals die in het briefhoofd staat.',
          en: "Team that sends the letters (English): fill in the team's name as it appears in the letterhead.",
        },
      }),
    ]);
  });
});
