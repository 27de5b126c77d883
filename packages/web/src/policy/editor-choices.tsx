import { Button, Fieldset, FieldsetLegend, Paragraph } from '@utrecht/component-library-react';
import { useState } from 'react';
import { TextField } from '../components/ui';
import {
  arr,
  changeAt,
  codeFrom,
  isObj,
  type Obj,
  obj,
  pathId,
  str,
  textIn,
  type Update,
} from './editor-kit';
import { useEditorText } from './editor-messages';
import { useReorder } from './editor-reorder';

/**
 * The words of each choice, to be written into the definition: its `optionLabels`, or, on a
 * choice list from before them, each choice as residents read it until now (its value, in both
 * languages), so giving one choice words asks for no others.
 */
function wordsOf(field: Obj): Record<string, unknown> {
  if (isObj(field.optionLabels)) return { ...field.optionLabels };
  return Object.fromEntries(arr(field.options).map((o) => [String(o), { nl: o, en: o }]));
}

/** A new choice's value: from its Dutch words (`Buurt-bbq` → `buurt_bbq`), not yet taken. */
export function choiceCode(words: string, taken: readonly string[]): string {
  const base = codeFrom(words);
  let code = base;
  for (let n = 2; taken.includes(code); n++) code = `${base}_${n}`;
  return code;
}

/**
 * The choices of a choice list (a question of the form or of a list), in their order: each with
 * its words in Dutch and in English, moved up and down, removed unless it is the only one, and a
 * new one by its Dutch words. A choice's value (what is stored with an answer) comes from its
 * Dutch words when it is added and never changes after, so answers keep their meaning; people
 * only ever read the words. Ids come from the path (`form.fields.5.optionLabels.moestuin.en`), so
 * the check's problems lead to the box that is empty.
 */
export function ChoicesEditor({
  field,
  base,
  update,
}: {
  field: Obj;
  base: string;
  update: Update;
}) {
  const { e, locale } = useEditorText();
  const [words, setWords] = useState('');
  const question = textIn(field.label, locale, str(field.key));
  const options = arr(field.options).map(String);
  const labels = isObj(field.optionLabels) ? field.optionLabels : null;
  const change = changeAt(update, base);
  /** What a box shows: the choice's words, or without any the choice as residents read it. */
  const shownIn = (value: string, lang: 'nl' | 'en') =>
    labels ? str(obj(labels[value])[lang]) : value;
  const nameOf = (value: string, n: number) =>
    textIn(labels?.[value], locale, labels ? '' : value) || e('choices.unnamed', { n: n + 1 });
  const setWordsOf = (value: string, lang: 'nl' | 'en', v: string) =>
    change((f) => {
      const all = wordsOf(f);
      const now = obj(all[value]);
      all[value] = { nl: str(now.nl), en: str(now.en), [lang]: v };
      f.optionLabels = all;
    });
  const { moveButtons, announcement } = useReorder({
    names: options,
    idOf: (value) => pathId(`${base}.optionLabels.${value}`),
    move: (from, to) =>
      change((f) => {
        const next = [...arr(f.options)];
        const [item] = next.splice(from, 1);
        next.splice(to, 0, item);
        f.options = next;
      }),
  });
  const typed = words.trim();
  // Two choices with the same Dutch words cannot be told apart by whoever picks one.
  const same =
    typed !== '' &&
    options.some((o) => shownIn(o, 'nl').trim().toLowerCase() === typed.toLowerCase());
  const stray = labels ? Object.keys(labels).filter((k) => !options.includes(k)) : [];
  return (
    <Fieldset id={pathId(`${base}.options`)} tabIndex={-1} className="policy-choices">
      <FieldsetLegend>{e('choices.title', { question })}</FieldsetLegend>
      <Paragraph>
        {options.length === 0 ? e('choices.none', { question }) : e('choices.intro')}
      </Paragraph>
      <ol className="policy-ref-list">
        {options.map((value, n) => {
          const choice = nameOf(value, n);
          return (
            <li key={value} className="policy-ref">
              <div className="policy-grid">
                {(['nl', 'en'] as const).map((lang) => (
                  <TextField
                    key={lang}
                    id={pathId(`${base}.optionLabels.${value}.${lang}`)}
                    label={e(lang === 'nl' ? 'choices.nl' : 'choices.en', { n: n + 1 })}
                    value={shownIn(value, lang)}
                    onChange={(v) => setWordsOf(value, lang, v)}
                  />
                ))}
              </div>
              <div className="policy-inline">
                {moveButtons(n, choice)}
                {options.length > 1 && (
                  <Button
                    appearance="subtle-button"
                    onClick={() =>
                      change((f) => {
                        f.options = arr(f.options).filter((o) => o !== value);
                        if (!isObj(f.optionLabels)) return;
                        const all = { ...f.optionLabels };
                        delete all[value];
                        f.optionLabels = all;
                      })
                    }
                  >
                    {e('choices.remove', { choice })}
                  </Button>
                )}
              </div>
              {options.length === 1 && (
                <Paragraph>{e('choices.lastOne', { choice, question })}</Paragraph>
              )}
            </li>
          );
        })}
      </ol>
      {announcement}
      {stray.map((key) => {
        const strayWords = textIn(labels?.[key], locale, key);
        return (
          <div key={key} className="policy-inline">
            <Paragraph>{e('choices.stray', { words: strayWords, question })}</Paragraph>
            <Button
              id={pathId(`${base}.optionLabels.${key}`)}
              appearance="subtle-button"
              onClick={() =>
                change((f) => {
                  const all = { ...obj(f.optionLabels) };
                  delete all[key];
                  f.optionLabels = all;
                })
              }
            >
              {e('choices.removeStray', { words: strayWords })}
            </Button>
          </div>
        );
      })}
      <div className="policy-inline">
        <TextField
          id={pathId(`${base}.options.new`)}
          label={e('choices.new', { question })}
          error={same ? e('choices.taken', { question }) : undefined}
          value={words}
          onChange={setWords}
          width="medium"
        />
        <Button
          appearance="secondary-action-button"
          disabled={!codeFrom(typed) || same}
          onClick={() => {
            change((f) => {
              const all = wordsOf(f);
              const taken = [...arr(f.options).map(String), ...Object.keys(all)];
              const code = choiceCode(typed, taken);
              f.options = [...arr(f.options), code];
              f.optionLabels = { ...all, [code]: { nl: typed, en: '' } };
            });
            setWords('');
          }}
        >
          {e('choices.add', { question })}
        </Button>
      </div>
    </Fieldset>
  );
}
