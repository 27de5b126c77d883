import type { TemplateCondition } from '@initiatief/engine';
import { Button, Paragraph } from '@utrecht/component-library-react';
import { useState } from 'react';
import { SelectField } from '../components/ui';
import { useEditorText } from './editor-messages';
import { SECTION_NAMES, sectionWords } from './template-section-words';

/** The two ways to limit a part: shown only if its condition holds, or only if it does not. */
type Way = 'shown' | 'hidden';

/** A section's opening and closing marker: `{{#reclaim}}` (or `{{^reclaim}}`) and `{{/reclaim}}`. */
export function sectionMarkers(name: TemplateCondition, way: Way): [string, string] {
  return [`{{${way === 'shown' ? '#' : '^'}${name}}}`, `{{/${name}}}`];
}

/**
 * The text with its selection (`start` to `end`) put between the markers of section `name`;
 * with nothing selected, an empty section at the cursor, for the officer to write in.
 */
export function wrapInSection(
  text: string,
  start: number,
  end: number,
  way: Way,
  name: TemplateCondition,
): string {
  const [open, close] = sectionMarkers(name, way);
  const from = Math.max(0, Math.min(start, end, text.length));
  const to = Math.min(text.length, Math.max(start, end));
  return `${text.slice(0, from)}${open}${text.slice(from, to)}${close}${text.slice(to)}`;
}

/**
 * One section of the engine's list: a choice of the two ways and a button that puts the selected
 * sentences in such a part (or inserts an empty one), with a hint that says when its text is shown.
 */
function SectionTool({
  name,
  bodyId,
  body,
  langName,
  onChange,
}: {
  name: TemplateCondition;
  bodyId: string;
  body: string;
  langName: string;
  onChange(body: string): void;
}) {
  const { locale } = useEditorText();
  const words = sectionWords(name, locale);
  const withLang = (s: string) => s.replace('{lang}', langName);
  const [way, setWay] = useState<Way>('shown');
  const id = `${bodyId}-section-${name}`;
  return (
    <>
      <div className="policy-inline">
        <SelectField
          id={id}
          label={withLang(words.label)}
          value={way}
          onChange={(v) => setWay(v as Way)}
          options={[
            { value: 'shown', label: words.shown },
            { value: 'hidden', label: words.hidden },
          ]}
        />
        <Button
          appearance="secondary-action-button"
          aria-describedby={`${id}-hint`}
          onClick={() => {
            const el = document.getElementById(bodyId) as HTMLTextAreaElement | null;
            const start = el?.selectionStart ?? body.length;
            const end = el?.selectionEnd ?? start;
            const wrapped = wrapInSection(body, start, end, way, name);
            onChange(wrapped);
            // Back in the text with the new part selected, so the officer sees what was limited;
            // with nothing selected, the cursor inside the new part, to write it.
            const from = Math.max(0, Math.min(start, end, body.length));
            const to = Math.min(body.length, Math.max(start, end));
            const inside = from + sectionMarkers(name, way)[0].length;
            const [a, b] =
              from === to ? [inside, inside] : [from, to + wrapped.length - body.length];
            requestAnimationFrame(() => {
              el?.focus();
              el?.setSelectionRange(a, b);
            });
          }}
        >
          {withLang(words.button)}
        </Button>
      </div>
      <Paragraph id={`${id}-hint`} className="policy-hint">
        {words.hint}
      </Paragraph>
    </>
  );
}

/**
 * Beside a template's text: for every section the engine knows (who can log in, money paid back,
 * and any added later), put the selected sentences in such a part. `bodyId` is the text box;
 * `langName` its language's name.
 */
export function SectionTools(props: {
  bodyId: string;
  body: string;
  langName: string;
  onChange(body: string): void;
}) {
  const { e } = useEditorText();
  return (
    <fieldset className="policy-plain-fieldset policy-sections">
      <legend className="utrecht-form-label">{e('tpl.sections', { lang: props.langName })}</legend>
      {SECTION_NAMES.map((name) => (
        <SectionTool key={name} name={name} {...props} />
      ))}
    </fieldset>
  );
}
