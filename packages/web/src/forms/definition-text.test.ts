import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { staffOnlyKeys, type WorkflowDefinition } from '@initiatief/engine';
import { describe, expect, it } from 'vitest';
import { enteredLines, enteredSummary, stepsFromActivityDay } from './definition-text';

// A shipped definition as test data: the code under test must not know its names, so the step
// and its fields are taken from the definition itself.
const def = JSON.parse(
  readFileSync(
    fileURLToPath(
      new URL('../../../../workflows/bewonersinitiatief/definition.json', import.meta.url),
    ),
    'utf8',
  ),
) as WorkflowDefinition;

type Prop = { enum?: string[]; 'x-unit'?: string; type?: string | string[] };
const events = def.events as Record<string, { payload?: { properties?: Record<string, Prop> } }>;
// A step whose payload has a choice, an amount and a free text (the assessment).
const [type, props] = Object.entries(events)
  .map(([t, e]) => [t, e.payload?.properties ?? {}] as const)
  .find(
    ([, p]) =>
      Object.values(p).some((x) => x.enum) &&
      Object.values(p).some((x) => x['x-unit'] === 'cents') &&
      Object.values(p).some((x) => x.type === 'string' && !x.enum),
  )!;
const names = Object.keys(props);
const choice = names.find((n) => props[n]!.enum)!;
const amount = names.find((n) => props[n]!['x-unit'] === 'cents')!;
const text = names.find((n) => props[n]!.type === 'string' && !props[n]!.enum)!;
const money = (cents: number) => `€ ${(cents / 100).toFixed(2).replace('.', ',')}`;

describe('what a step recorded, as lines to read', () => {
  it('in the definition’s order, a choice by its words, an amount in money, text as written', () => {
    // Sent in another order than the definition's: reasons first.
    const payload = {
      [text]: 'Past bij de wijk.',
      [amount]: 75_050,
      [choice]: props[choice]!.enum![0],
    };
    const lines = enteredLines(def, type, payload, 'nl', money);
    expect(lines.map((l) => l.name)).toEqual(names.filter((n) => n in payload));
    const shown = lines.map((l) => l.text).join(' | ');
    expect(shown).toContain('€ 750,50');
    expect(shown).toContain('Past bij de wijk.');
    const word = (props[choice] as { 'x-enumLabels'?: Record<string, { nl: string }> })[
      'x-enumLabels'
    ]?.[props[choice]!.enum![0]!]?.nl;
    expect(word).toBeTruthy();
    expect(lines[0]!.text).toMatch(new RegExp(`: ${word}$`));
    expect(shown).not.toMatch(new RegExp(`\\b(${choice}|${amount}|${text})\\b`));
  });

  it('a number by its label, with the separator of the language', () => {
    // A step with a whole number that is no money (the period to supplement, in days).
    const [step, days] = Object.entries(events).flatMap(([t, e]) =>
      Object.entries(e.payload?.properties ?? {})
        .filter(([, p]) => p.type === 'integer' && p['x-unit'] !== 'cents')
        .map(([n]) => [t, n] as const),
    )[0]!;
    const label = (
      events[step]!.payload!.properties![days] as unknown as { 'x-label': { nl: string } }
    )['x-label'].nl;
    expect(enteredLines(def, step, { [days]: 14 }, 'nl', money)).toEqual([
      { name: days, text: `${label}: 14` },
    ]);
    expect(enteredLines(def, step, { [days]: 1200 }, 'nl', money)[0]!.text).toBe(`${label}: 1.200`);
    expect(enteredLines(def, step, { [days]: 1200 }, 'en', money)[0]!.text).toMatch(/: 1,200$/);
  });

  it('a number the definition calls a code (x-display) as written, in both languages', () => {
    const [step, days] = Object.entries(events).flatMap(([t, e]) =>
      Object.entries(e.payload?.properties ?? {})
        .filter(([, p]) => p.type === 'integer' && p['x-unit'] !== 'cents')
        .map(([n]) => [t, n] as const),
    )[0]!;
    const withCode = structuredClone(def);
    const props = (withCode.events[step]!.payload as { properties: Record<string, object> })
      .properties;
    props[days] = { ...props[days], 'x-display': 'code' };
    for (const locale of ['nl', 'en'] as const) {
      expect(enteredLines(withCode, step, { [days]: 2026 }, locale, money)[0]!.text).toMatch(
        /: 2026$/,
      );
    }
  });

  it('leaves out what the definition does not describe', () => {
    expect(enteredLines(def, type, { notAField: 'x' }, 'nl', money)).toEqual([]);
  });

  it('files that came with the step by their names, other lists in words', () => {
    // The step gets files (as an answer to a request does) and a list of choices.
    const withLists = structuredClone(def);
    const props = (withLists.events[type]!.payload as { properties: Record<string, object> })
      .properties;
    props.files = {
      type: 'array',
      items: { type: 'string', format: 'uuid' },
      'x-widget': 'attachments',
      'x-label': { nl: 'Bijlagen', en: 'Attachments' },
    };
    props.kinds = {
      type: 'array',
      items: {
        type: 'string',
        enum: ['photo', 'quote'],
        'x-enumLabels': {
          photo: { nl: 'Foto', en: 'Photo' },
          quote: { nl: 'Offerte', en: 'Quote' },
        },
      },
      'x-label': { nl: 'Soort stukken', en: 'Kind of documents' },
    };
    const files = [
      { id: 'a1', filename: 'foto-plek.png' },
      { id: 'b2', filename: 'offerte.pdf' },
    ];
    const lines = (payload: object, locale: 'nl' | 'en' = 'nl', known = files) =>
      enteredLines(withLists, type, payload, locale, money, known).map((l) => l.text);

    expect(lines({ files: ['a1', 'b2'] })).toEqual(['Bijlagen: foto-plek.png en offerte.pdf']);
    expect(lines({ files: ['b2'] }, 'en')).toEqual(['Attachments: offerte.pdf']);
    // A file the page does not know (yet) is counted, never shown as its id.
    expect(lines({ files: ['a1', 'zz'] })).toEqual(['Bijlagen: foto-plek.png en 1 ander bestand']);
    expect(lines({ files: ['a1', 'b2'] }, 'en', [])).toEqual(['Attachments: 2 files']);
    expect(lines({ kinds: ['quote', 'photo'] })).toEqual(['Soort stukken: Offerte en Foto']);
    expect(lines({ files: [], kinds: [] })).toEqual([]);
    expect(lines({ files: ['a1'] }).join(' ')).not.toContain('a1');
  });
});

describe('a value the applicant does not read (a field for staff only)', () => {
  // The newest shipped version keeps a field of some step for staff (`x-audience`): found from
  // the definition, never named here.
  const v10 = JSON.parse(
    readFileSync(
      fileURLToPath(
        new URL('../../../../workflows/bewonersinitiatief/definition.v10.json', import.meta.url),
      ),
      'utf8',
    ),
  ) as WorkflowDefinition;
  const [step, hidden] = Object.entries(v10.events).flatMap(([t, e]) =>
    staffOnlyKeys(e.payload).map((k) => [t, k] as const),
  )[0]!;
  const shared = Object.keys(
    (v10.events[step]!.payload as { properties: Record<string, unknown> }).properties,
  ).find((k) => k !== hidden)!;
  const payload = { [hidden]: 14, [shared]: 'Wilt u de offerte meesturen?' };

  it('is marked on its own line, the others are not', () => {
    const lines = enteredLines(v10, step, payload, 'nl', money);
    expect(lines.find((l) => l.name === hidden)).toMatchObject({ staffOnly: true });
    expect(lines.find((l) => l.name === hidden)!.text).toMatch(/: 14$/);
    expect(lines.find((l) => l.name === shared)).toBeDefined();
    expect(lines.find((l) => l.name === shared)).not.toHaveProperty('staffOnly');
    // The short form of a list row keeps the mark.
    const summary = enteredSummary(v10, step, payload, 'nl', money);
    expect(summary.find((l) => l.name === hidden)?.staffOnly).toBe(true);
  });

  it('is not marked where the pinned version lets everyone read it', () => {
    // The same step in the first version has the field without `x-audience`.
    expect(staffOnlyKeys(def.events[step]?.payload)).toEqual([]);
    const lines = enteredLines(def, step, payload, 'nl', money);
    expect(lines.find((l) => l.name === hidden)).toBeDefined();
    expect(lines.some((l) => 'staffOnly' in l)).toBe(false);
  });

  it('is marked only when the value is there: a history without it has no line to mark', () => {
    const lines = enteredLines(v10, step, { [shared]: payload[shared] }, 'nl', money);
    expect(lines.map((l) => l.name)).toEqual([shared]);
    expect(lines.some((l) => l.staffOnly)).toBe(false);
  });
});

describe('what a step recorded, short enough for a list', () => {
  it('keeps the labelled values whole and cuts long free text', () => {
    const long = 'Past bij de wijk. '.repeat(20).trim();
    const payload = { [choice]: props[choice]!.enum![0], [amount]: 125_000, [text]: long };
    const lines = enteredSummary(def, type, payload, 'nl', money, 60);
    const full = enteredLines(def, type, payload, 'nl', money);
    for (const name of [choice, amount]) {
      expect(lines.find((l) => l.name === name)).toEqual(full.find((l) => l.name === name));
    }
    expect(lines.find((l) => l.name === amount)?.text).toContain('€ 1250,00');
    const cut = lines.find((l) => l.name === text)!.text;
    expect(cut.length).toBeLessThanOrEqual(60);
    expect(cut.endsWith('…')).toBe(true);
    expect(long.startsWith(cut.slice(0, -1))).toBe(true);
  });
});

describe('the steps that wait for the day of the activity', () => {
  type Way = { guard?: { type: string } | { type: string }[] };
  const states = def.states as Record<string, { tags?: string[]; on?: Record<string, Way> }>;
  // The state where a report is due, and its step held by the activity-day guard, found in the
  // definition rather than named here.
  const [state, spec] = Object.entries(states).find(([, s]) => s.tags?.includes('report_due'))!;
  const held = Object.entries(spec.on ?? {}).filter(([, way]) =>
    [way.guard ?? []].flat().some((g) => g.type === 'activityDateReached'),
  );
  const [report] = held[0]!;
  const reporters = def.events[report]!.roles;

  it('finds the report for whoever may send it, and only that step', () => {
    expect(held).toHaveLength(1);
    expect(stepsFromActivityDay(def, state, reporters)).toEqual([report]);
    expect(stepsFromActivityDay(def, state, [reporters[0]!])).toEqual([report]);
  });

  it('not for someone who may not send it, nor in a state without such a step', () => {
    const others = ['applicant', 'clerk', 'assessor', 'approver', 'admin'].filter(
      (r) => !reporters.includes(r as never),
    );
    expect(stepsFromActivityDay(def, state, others)).toEqual([]);
    const plain = Object.keys(states).find(
      (s) => s !== state && !states[s]!.tags?.includes('report_due'),
    )!;
    expect(stepsFromActivityDay(def, plain, reporters)).toEqual([]);
    expect(stepsFromActivityDay(undefined, state, reporters)).toEqual([]);
  });

  it('not when another guard could hold the step as well: then the day is not the reason', () => {
    const changed = structuredClone(def);
    const way = (changed.states[state]!.on as Record<string, Way>)[report]!;
    way.guard = [...[way.guard ?? []].flat(), { type: 'formComplete' }];
    expect(stepsFromActivityDay(changed, state, reporters)).toEqual([]);
  });
});
