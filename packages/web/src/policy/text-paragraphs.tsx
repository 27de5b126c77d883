import { Paragraph } from '@utrecht/component-library-react';
import { Fragment } from 'react';

/**
 * A letter's or mail's text as the sent one reads: its paragraphs (the API's paragraphsOf: a
 * blank line between two), each line break within one kept as a break.
 */
export function TextParagraphs({ paragraphs }: { paragraphs: readonly (readonly string[])[] }) {
  return paragraphs.map((lines, i) => (
    // biome-ignore lint/suspicious/noArrayIndexKey: paragraphs of a fixed text
    <Paragraph key={i} className="policy-preview__para">
      {lines.map((line, j) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: lines of a fixed text
        <Fragment key={j}>
          {j > 0 && <br />}
          {line}
        </Fragment>
      ))}
    </Paragraph>
  ));
}
