/**
 * Typing in the definition editor: each keystroke copies only the part of the definition it
 * changes, and a section is drawn again only when a part it reads changed. What that must keep:
 * every key typed without a pause lands, a section shows what another section changed in a
 * part it names (a state's new name under the periods it uses), the expert view's text follows
 * the forms and the forms follow the text, and the unsaved changes are saved and read back.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { pathId } from '../src/policy/editor-kit';
import {
  draftJson as draftOf,
  expectNoProblems,
  type Json,
  openNewDraft,
  setDefinitionJson,
  setUpPolicyTest,
} from './policy-kit';
import type { TestServer } from './server';

let server: TestServer;
let page: Page;
const OFFICER = { email: 'beleid-typen@example.org', name: 'Ties Typist' };

setUpPolicyTest([OFFICER], (started) => {
  ({ server, page } = started);
});

const draftJson = (): Promise<Json> => draftOf(page);
const byPath = (path: string) => page.locator(`#${pathId(path)}`);

describe('typing in the definition editor', () => {
  // A state with a period, from the draft itself (the newest shipped version).
  let state = '';
  let delay = '';

  it('opens a new draft of the newest version', async () => {
    await openNewDraft(page, server, OFFICER.email);
    await expectNoProblems(page);
    const json = await draftJson();
    const [name, withPeriod] = Object.entries(json.states as Json).find(([, s]) => s.after)!;
    state = name;
    delay = Object.keys(withPeriod.after)[0]!;
    for (const title of ['Naam, omschrijving, kenmerk en afzender', 'Statussen en overgangen']) {
      await page.locator('summary', { hasText: title }).click();
    }
    await page.locator('summary', { hasText: 'Termijnen' }).click();
  });

  it("a state's new name, typed key by key, shows at once under the period it uses", async () => {
    const label = byPath(`states.${state}.meta.label.nl`);
    await label.fill('');
    await label.pressSequentially('Ingediend en in behandeling', { delay: 0 });
    await expect.poll(() => label.inputValue()).toBe('Ingediend en in behandeling');
    // The periods' section did not change itself, but it reads the states it is used in.
    await expect
      .poll(() => byPath(`delays.${delay}`).textContent())
      .toContain('Ingediend en in behandeling');
    expect((await draftJson()).states[state].meta.label.nl).toBe('Ingediend en in behandeling');
    await expectNoProblems(page);
  });

  it('the English name, typed key by key, leaves the states as they were', async () => {
    const before = (await draftJson()).states;
    const english = byPath('title.en');
    await english.fill('');
    await english.pressSequentially('Resident initiatives, South', { delay: 0 });
    await expect.poll(() => english.inputValue()).toBe('Resident initiatives, South');
    const json = await draftJson();
    expect(json.title.en).toBe('Resident initiatives, South');
    expect(json.states).toEqual(before);
    expect(await byPath(`states.${state}.meta.label.nl`).inputValue()).toBe(
      'Ingediend en in behandeling',
    );
    await expectNoProblems(page);
  });

  it('the expert view is not rewritten on every key, and shows the draft as it is when focused', async () => {
    const box = page.locator('#def-json');
    // Counts how often the page writes the box's value (React does when its text changed), through
    // whatever `value` the box has now (React's own tracker of it included).
    await box.evaluate((el) => {
      const w = window as unknown as { jsonWrites: number };
      w.jsonWrites = 0;
      const own = Object.getOwnPropertyDescriptor(el, 'value');
      const base = own ?? Object.getOwnPropertyDescriptor(HTMLTextAreaElement.prototype, 'value')!;
      Object.defineProperty(el, 'value', {
        configurable: true,
        get() {
          return base.get!.call(this);
        },
        set(v: string) {
          w.jsonWrites++;
          base.set!.call(this, v);
        },
      });
      (el as unknown as { restoreValue(): void }).restoreValue = () => {
        if (own) Object.defineProperty(el, 'value', own);
        else delete (el as { value?: string }).value;
      };
    });
    const before = await draftJson();
    const english = byPath('description.en');
    const typed = 'Money for a plan of residents, for the neighbourhood';
    await english.fill('');
    await english.pressSequentially(typed, { delay: 0 });
    await expect.poll(() => english.inputValue()).toBe(typed);
    // Before, every key wrote all of the definition into the box; now only a pause in the typing
    // does (a slow machine may pause now and then).
    const writes = await page.evaluate(
      () => (window as unknown as { jsonWrites: number }).jsonWrites,
    );
    expect(writes).toBeLessThan(typed.length / 2);

    // Focused, the box shows the definition as it is now, before any pause could have passed:
    // focusing and reading are one task (React draws the focus's change in a microtask).
    const seen = await box.evaluate(async (el: HTMLTextAreaElement) => {
      el.focus();
      for (let i = 0; i < 5; i++) await Promise.resolve();
      return el.value;
    });
    expect(JSON.parse(seen)).toEqual({
      ...before,
      description: { ...before.description, en: typed },
    });
    expect(await box.getAttribute('data-pending')).toBeNull();

    // Typing on in the form, without looking: the box follows when the typing pauses.
    await english.press('End');
    await english.pressSequentially('.', { delay: 0 });
    await expect.poll(() => box.getAttribute('data-pending'), { timeout: 5_000 }).toBeNull();
    expect(JSON.parse(await box.inputValue()).description.en).toBe(`${typed}.`);
    await box.evaluate((el) => (el as unknown as { restoreValue(): void }).restoreValue());
  });

  it('the forms follow a change of the text, and a form change after it keeps that change', async () => {
    const json = await draftJson();
    json.title.nl = 'Bewonersinitiatief Zuid';
    json.states[state].meta.label.en = 'Submitted, being assessed';
    await setDefinitionJson(page, json);
    await expect.poll(() => byPath('title.nl').inputValue()).toBe('Bewonersinitiatief Zuid');
    await expect
      .poll(() => byPath(`states.${state}.meta.label.en`).inputValue())
      .toBe('Submitted, being assessed');
    await byPath(`delays.${delay}.label.nl`).fill('Termijn voor het besluit');
    await byPath(`delays.${delay}.label.en`).fill('Term for the decision');
    const after = await draftJson();
    expect(after.title.nl).toBe('Bewonersinitiatief Zuid');
    expect(after.states[state].meta.label.en).toBe('Submitted, being assessed');
    expect(after.delays[delay].label).toEqual({
      nl: 'Termijn voor het besluit',
      en: 'Term for the decision',
    });
  });

  it('says there are unsaved changes, saves them, and reads them back after a reload', async () => {
    await page.getByText('Er zijn wijzigingen die nog niet zijn opgeslagen.').waitFor();
    await page.getByRole('button', { name: 'Concept opslaan' }).click();
    await page
      .getByRole('status')
      .filter({ hasText: /Concept opgeslagen om/ })
      .waitFor();
    expect(await page.getByText('Er zijn wijzigingen die nog niet zijn opgeslagen.').count()).toBe(
      0,
    );
    const saved = await draftJson();
    await page.reload();
    await expectNoProblems(page);
    expect(await draftJson()).toEqual(saved);
    expect(saved.title.en).toBe('Resident initiatives, South');
    expect(saved.states[state].meta.label.nl).toBe('Ingediend en in behandeling');
  });
});
