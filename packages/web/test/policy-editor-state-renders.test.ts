/**
 * Typing a state's name in the definition editor draws that state's editor again, not every
 * state's: the others show the new name only where they name it (the choice of a transition's
 * target). Counted in Chromium through React's hook for developer tools, installed before the
 * page loads: after each commit, a state's editor was drawn again when its hooks are new objects
 * (React keeps them as they were when it skips a component).
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { pathId } from '../src/policy/editor-kit';
import {
  draftJson,
  expectNoProblems,
  type Json,
  openNewDraft,
  setUpPolicyTest,
} from './policy-kit';
import type { TestServer } from './server';

let server: TestServer;
let page: Page;
const OFFICER = { email: 'beleid-tellen@example.org', name: 'Tess Teller' };

setUpPolicyTest([OFFICER], (started) => {
  ({ server, page } = started);
});

/** Counts, per state name, the commits in which that state's editor was drawn. */
function countStateRenders() {
  type Fiber = {
    tag: number;
    child: Fiber | null;
    sibling: Fiber | null;
    memoizedProps: Record<string, unknown> | null;
    memoizedState: unknown;
    stateNode: unknown;
  };
  const w = window as unknown as { stateRenders: Record<string, number> };
  w.stateRenders = {};
  const hooks = new Map<string, unknown>();
  /** The first DOM element a component draws. */
  const hostOf = (f: Fiber): Element | null => {
    for (let c: Fiber | null = f.child; c; c = c.child) {
      if (c.tag === 5) return c.stateNode as Element;
    }
    return null;
  };
  const visit = (f: Fiber) => {
    const props = f.memoizedProps;
    // A function component (tag 0) with hooks, drawn with a definition and a state's name, whose
    // first element is (or holds) that state's fieldset.
    if (
      f.tag === 0 &&
      f.memoizedState !== null &&
      props &&
      typeof props.name === 'string' &&
      'def' in props &&
      'update' in props &&
      !('title' in props)
    ) {
      const id = `def-states-${props.name}`;
      const host = hostOf(f);
      if (host && (host.id === id || host.querySelector(`#${CSS.escape(id)}`))) {
        if (hooks.get(props.name) !== f.memoizedState) {
          w.stateRenders[props.name] = (w.stateRenders[props.name] ?? 0) + 1;
          hooks.set(props.name, f.memoizedState);
        }
      }
    }
  };
  (window as unknown as Record<string, unknown>).__REACT_DEVTOOLS_GLOBAL_HOOK__ = {
    isDisabled: false,
    supportsFiber: true,
    renderers: new Map(),
    inject: () => 1,
    checkDCE: () => {},
    onScheduleFiberRoot: () => {},
    onCommitFiberUnmount: () => {},
    onPostCommitFiberRoot: () => {},
    onCommitFiberRoot(_id: number, root: { current: Fiber }) {
      const stack: Fiber[] = [root.current];
      while (stack.length) {
        const f = stack.pop()!;
        visit(f);
        if (f.sibling) stack.push(f.sibling);
        if (f.child) stack.push(f.child);
      }
    },
  };
}

const renders = () =>
  page.evaluate(() => (window as unknown as { stateRenders: Record<string, number> }).stateRenders);

describe('typing in the states of the definition editor', () => {
  it("a state's name, typed key by key, draws that state's editor, not the others", async () => {
    await page.addInitScript(countStateRenders);
    await openNewDraft(page, server, OFFICER.email);
    await expectNoProblems(page);
    await page.locator('summary', { hasText: 'Statussen en overgangen' }).click();
    const names = Object.keys((await draftJson(page)).states as Json);
    const [other, typed] = names as [string, string];
    // Every state's editor is found and counted once it is drawn.
    await expect.poll(async () => Object.keys(await renders()).sort()).toEqual([...names].sort());
    const before = await renders();

    const label = page.locator(`#${pathId(`states.${typed}.meta.label.nl`)}`);
    await label.fill('');
    await label.pressSequentially('Vergadering wijkraad', { delay: 0 });
    await expect.poll(() => label.inputValue()).toBe('Vergadering wijkraad');
    // Another state shows the new name where it names the states: its new transition's target.
    await expect
      .poll(() =>
        page
          .locator(`#def-new-target-${other}`)
          .locator('option', { hasText: 'Vergadering wijkraad' })
          .count(),
      )
      .toBe(1);
    await expectNoProblems(page);
    expect((await draftJson(page)).states[typed].meta.label.nl).toBe('Vergadering wijkraad');

    const after = await renders();
    const drawn = Object.fromEntries(names.map((n) => [n, (after[n] ?? 0) - (before[n] ?? 0)]));
    expect(drawn[typed]).toBeGreaterThan(0);
    const others = Object.entries(drawn).filter(([n, count]) => n !== typed && count > 0);
    expect(others, 'other states drawn again').toEqual([]);
  });
});
