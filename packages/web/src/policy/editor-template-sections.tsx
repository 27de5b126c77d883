import { Button, Paragraph } from '@utrecht/component-library-react';
import { useState } from 'react';
import { SelectField } from '../components/ui';
import { useEditorText } from './editor-messages';

/** The two ways to limit a part: shown only to who can log in, or only to who cannot. */
const MARKERS = {
  shown: ['{{#online}}', '{{/online}}'],
  hidden: ['{{^online}}', '{{/online}}'],
} as const;
type Way = keyof typeof MARKERS;

/**
 * The text with its selection (`start` to `end`) put between a section's markers; with nothing
 * selected, an empty section at the cursor, for the officer to write in.
 */
export function wrapInSection(text: string, start: number, end: number, way: Way): string {
  const [open, close] = MARKERS[way];
  const from = Math.max(0, Math.min(start, end, text.length));
  const to = Math.min(text.length, Math.max(start, end));
  return `${text.slice(0, from)}${open}${text.slice(from, to)}${close}${text.slice(to)}`;
}

/**
 * Beside a template's text: limit the selected sentences to an applicant who can log in (or who
 * cannot), with a hint that says why. `bodyId` is the text box; `langName` its language's name.
 */
export function SectionTools({
  bodyId,
  body,
  langName,
  onChange,
}: {
  bodyId: string;
  body: string;
  langName: string;
  onChange(body: string): void;
}) {
  const { e } = useEditorText();
  const [way, setWay] = useState<Way>('shown');
  const hintId = `${bodyId}-section-hint`;
  return (
    <>
      <div className="policy-inline">
        <SelectField
          id={`${bodyId}-section`}
          label={e('tpl.section', { lang: langName })}
          value={way}
          onChange={(v) => setWay(v as Way)}
          options={[
            { value: 'shown', label: e('tpl.section.shown') },
            { value: 'hidden', label: e('tpl.section.hidden') },
          ]}
        />
        <Button
          appearance="secondary-action-button"
          aria-describedby={hintId}
          onClick={() => {
            const el = document.getElementById(bodyId) as HTMLTextAreaElement | null;
            const start = el?.selectionStart ?? body.length;
            const end = el?.selectionEnd ?? start;
            const wrapped = wrapInSection(body, start, end, way);
            onChange(wrapped);
            // Back in the text with the new part selected, so the officer sees what was limited;
            // with nothing selected, the cursor inside the new part, to write it.
            const from = Math.max(0, Math.min(start, end, body.length));
            const to = Math.min(body.length, Math.max(start, end));
            const inside = from + MARKERS[way][0].length;
            const [a, b] =
              from === to ? [inside, inside] : [from, to + wrapped.length - body.length];
            requestAnimationFrame(() => {
              el?.focus();
              el?.setSelectionRange(a, b);
            });
          }}
        >
          {e('tpl.sectionButton', { lang: langName })}
        </Button>
      </div>
      <Paragraph id={hintId} className="policy-hint">
        {e('tpl.sectionHint')}
      </Paragraph>
    </>
  );
}
