import { readFileSync } from 'node:fs';
import {
  clearedAnswers,
  validateDefinition,
  validateFormData,
  type WorkflowDefinition,
} from '@initiatief/engine';
import { describe, expect, it } from 'vitest';
import { comings } from './conditional-questions';
import {
  ATTACHMENTS_STEP,
  askedPagesOf,
  pageApplies,
  pagesOf,
  REVIEW_STEP,
  stepFor,
  stepsOf,
} from './form-pages';

const SHIPPED = new URL(
  '../../../../workflows/bewonersinitiatief/definition.v10.json',
  import.meta.url,
);

/**
 * The shipped form with a yes/no question on its first page ("Heeft u eerder subsidie
 * gekregen?") and, after it, a page whose every question is asked only after Ja: the year, and
 * the amount. Checked by the engine, as a policy officer's draft is.
 */
function withConditionalPage(): WorkflowDefinition {
  const json = JSON.parse(readFileSync(SHIPPED, 'utf8'));
  const label = (nl: string, en: string) => ({ nl, en });
  json.form.fields.push(
    {
      key: 'hadSubsidy',
      type: 'yesno',
      required: true,
      label: label('Heeft u eerder subsidie gekregen?', 'Have you had a subsidy before?'),
    },
    {
      key: 'subsidyYear',
      type: 'text',
      required: true,
      label: label('In welk jaar?', 'In which year?'),
      showWhen: { field: 'hadSubsidy', in: [true] },
    },
    {
      key: 'subsidyNote',
      type: 'textarea',
      label: label('Wat deed u ermee?', 'What did you do with it?'),
      showWhen: { field: 'hadSubsidy', in: [true] },
    },
  );
  json.form.pages[0].fields.push('hadSubsidy');
  json.form.pages.splice(1, 0, {
    key: 'earlier',
    title: label('Eerdere subsidie', 'Earlier subsidy'),
    fields: ['subsidyYear', 'subsidyNote'],
  });
  const result = validateDefinition(json);
  if (!result.ok || !result.definition) throw new Error(JSON.stringify(result.problems));
  return result.definition;
}

const def = withConditionalPage();
const [first, earlier, ...rest] = pagesOf(def);
const second = rest[0];

describe('a page whose questions all depend on an earlier answer', () => {
  it('is skipped while none of them applies: before any answer, and after Nee', () => {
    for (const data of [{}, { hadSubsidy: false }]) {
      expect(pageApplies(def, earlier!, data)).toBe(false);
      expect(askedPagesOf(def, data).map((p) => p.key)).not.toContain(earlier!.key);
      expect(stepsOf(def, data)).toEqual([first!.key, ...rest.map((p) => p.key), REVIEW_STEP]);
    }
  });

  it('is a step again once an answer makes a question on it apply', () => {
    const data = { hadSubsidy: true };
    expect(pageApplies(def, earlier!, data)).toBe(true);
    expect(stepsOf(def, data)).toEqual([...pagesOf(def).map((p) => p.key), REVIEW_STEP]);
    expect(stepsOf(def, data)).toHaveLength(stepsOf(def, {}).length + 1);
  });

  it('a page with a question always asked is never skipped', () => {
    expect(pageApplies(def, first!, {})).toBe(true);
    for (const page of rest) expect(pageApplies(def, page, {})).toBe(true);
    // A page without questions has nothing that could skip it.
    expect(pageApplies(def, { fields: [] }, {})).toBe(true);
  });

  it('a form that asks for no files itself keeps its general attachments step', () => {
    const old = structuredClone(def);
    old.form.fields = old.form.fields.filter((f) => f.type !== 'attachments');
    old.form.pages = old.form.pages!.map((p) => ({
      ...p,
      fields: p.fields.filter((k) => old.form.fields.some((f) => f.key === k)),
    }));
    expect(stepsOf(old, {}).slice(-2)).toEqual([ATTACHMENTS_STEP, REVIEW_STEP]);
    expect(stepsOf(old, {})).not.toContain(earlier!.key);
  });
});

describe('the step an address shows', () => {
  it('a skipped page gives way to the next step asked; an asked one shows itself', () => {
    expect(stepFor(def, {}, earlier!.key)).toBe(second!.key);
    expect(stepFor(def, { hadSubsidy: false }, earlier!.key)).toBe(second!.key);
    expect(stepFor(def, { hadSubsidy: true }, earlier!.key)).toBe(earlier!.key);
    expect(stepFor(def, {}, second!.key)).toBe(second!.key);
    expect(stepFor(def, {}, REVIEW_STEP)).toBe(REVIEW_STEP);
  });

  it('a skipped last page gives way to the review; no step of the form, to the first', () => {
    const atEnd = structuredClone(def);
    const pages = atEnd.form.pages!;
    pages.push(pages.splice(1, 1)[0]!);
    expect(stepFor(atEnd, {}, earlier!.key)).toBe(REVIEW_STEP);
    expect(stepFor(def, {}, 'no-such-step')).toBe(first!.key);
    expect(stepFor(def, {}, '')).toBe(first!.key);
  });
});

describe('the engine agrees: nothing on a skipped page is asked for', () => {
  it('its required question is not required after Nee, and required after Ja', () => {
    const missing = (data: Record<string, unknown>) =>
      validateFormData(def, data, { reader: 'applicant' }).issues.map((i) => i.path);
    expect(missing({ hadSubsidy: false })).not.toContain('data.subsidyYear');
    expect(missing({ hadSubsidy: true })).toContain('data.subsidyYear');
    // Nee clears what was answered on it, so a skipped page keeps no answers.
    expect(
      clearedAnswers(def.form, { hadSubsidy: false, subsidyYear: '2025', subsidyNote: 'x' }),
    ).toEqual({ subsidyYear: null, subsidyNote: null });
  });
});

describe('what the live region says came and went', () => {
  it('in the order of each list', () => {
    expect(comings('a b c', 'a c d e')).toEqual({ added: ['d', 'e'], gone: ['b'] });
    expect(comings('', 'a')).toEqual({ added: ['a'], gone: [] });
    expect(comings('a b', 'a b')).toEqual({ added: [], gone: [] });
  });
});
