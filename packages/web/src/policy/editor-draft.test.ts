import { afterEach, describe, expect, it, vi } from 'vitest';
import { currentText, type Draft, draftReducer, initialDraft } from './editor-draft';
import type { DefinitionJson } from './policy-api';

const DEF = {
  key: 'k',
  version: 2,
  title: { nl: 'Titel', en: 'Title' },
  states: { a: { meta: { label: { nl: 'A', en: 'A' } } }, b: { type: 'final' } },
} as unknown as DefinitionJson;

const typeTitle = (draft: Draft, typed: string): Draft => {
  let d = draft;
  for (let i = 1; i <= typed.length; i++) {
    const now = typed.slice(0, i);
    d = draftReducer(d, {
      type: 'write',
      change: (def) => {
        (def.title as { en: string }).en = now;
      },
    });
  }
  return d;
};

afterEach(() => {
  vi.restoreAllMocks();
});

describe("the editor's draft: forms and the expert view's text", () => {
  it('a form change does not write the definition as text on every key', () => {
    const start = initialDraft(structuredClone(DEF));
    const stringify = vi.spyOn(JSON, 'stringify');
    const typed = typeTitle(start, 'Resident initiatives');
    expect(stringify).not.toHaveBeenCalled();
    expect(typed.behind).toBe(true);
    expect(typed.text).toBe(start.text);
    expect(typed.def.title).toEqual({ nl: 'Titel', en: 'Resident initiatives' });
    // The forms' definition counts as the parsed text; the states were left alone.
    expect(typed.parsed).toEqual({ ok: true, value: typed.def });
    expect(typed.def.states).toBe(start.def.states);
  });

  it('catching up writes the text once, exactly as the definition is now', () => {
    const typed = typeTitle(initialDraft(structuredClone(DEF)), 'South');
    const stringify = vi.spyOn(JSON, 'stringify');
    const caught = draftReducer(typed, { type: 'catchUp' });
    expect(stringify).toHaveBeenCalledTimes(1);
    // Nothing behind: the same draft (no render), and no text written.
    expect(draftReducer(caught, { type: 'catchUp' })).toBe(caught);
    expect(stringify).toHaveBeenCalledTimes(1);
    stringify.mockRestore();
    expect(caught.behind).toBe(false);
    expect(caught.text).toBe(JSON.stringify(typed.def, null, 2));
    expect(JSON.parse(caught.text).title.en).toBe('South');
    expect(caught.def).toBe(typed.def);
  });

  it('a text already made of the definition (for a save) is taken as it is', () => {
    const typed = typeTitle(initialDraft(structuredClone(DEF)), 'Saved');
    const text = currentText(typed);
    const stringify = vi.spyOn(JSON, 'stringify');
    const caught = draftReducer(typed, { type: 'catchUp', text, of: typed.def });
    expect(stringify).not.toHaveBeenCalled();
    expect(caught.text).toBe(text);
    // Made of another definition: written anew.
    const other = draftReducer(typed, { type: 'catchUp', text: '{}', of: DEF });
    expect(JSON.parse(other.text).title.en).toBe('Saved');
  });

  it('a typed text is parsed, and the forms follow; broken text keeps the last good definition', () => {
    const start = initialDraft(structuredClone(DEF));
    const edited = JSON.parse(start.text);
    edited.title.nl = 'Nieuwe titel';
    const text = JSON.stringify(edited, null, 2);
    const typed = draftReducer(start, { type: 'text', text });
    expect(typed).toMatchObject({ text, behind: false, parsed: { ok: true } });
    expect((typed.def.title as { nl: string }).nl).toBe('Nieuwe titel');
    // The same text again changes nothing.
    expect(draftReducer(typed, { type: 'text', text })).toBe(typed);

    const broken = draftReducer(typed, { type: 'text', text: `${text},` });
    expect(broken.parsed.ok).toBe(false);
    expect(broken.def).toBe(typed.def);
    expect(broken.text).toBe(`${text},`);
    // A form change after it applies to the last good definition; the text follows it.
    const fixed = draftReducer(typeTitle(broken, 'X'), { type: 'catchUp' });
    expect(fixed.parsed.ok).toBe(true);
    expect(JSON.parse(fixed.text).title).toEqual({ nl: 'Nieuwe titel', en: 'X' });
  });

  it('a whole text set while the text is behind replaces the forms’ change', () => {
    const typed = typeTitle(initialDraft(structuredClone(DEF)), 'Lost');
    const text = JSON.stringify({ ...DEF, title: { nl: 'Geplakt', en: 'Pasted' } }, null, 2);
    const replaced = draftReducer(typed, { type: 'text', text });
    expect(replaced.behind).toBe(false);
    expect(replaced.def.title).toEqual({ nl: 'Geplakt', en: 'Pasted' });
    expect(currentText(replaced)).toBe(text);
  });
});
