import { Fragment, type ReactNode } from 'react';

/**
 * A message with elements for some of its placeholders: "View email {name}" with the name in a
 * `<span lang="nl">`, so that a name in another language than the page is read in its own
 * (WCAG 3.1.2) where an aria-label could only give the whole text one language. `text` is the
 * message as the catalogue has it, its placeholders not filled in (`t(key)` without values).
 */
export function MessageWith({ text, parts }: { text: string; parts: Record<string, ReactNode> }) {
  const pieces = text.split(/(\{\w+\})/);
  return (
    <>
      {pieces.map((piece, i) => {
        const name = /^\{(\w+)\}$/.exec(piece)?.[1];
        return name !== undefined && name in parts ? (
          // biome-ignore lint/suspicious/noArrayIndexKey: the pieces of one fixed text, in order
          <Fragment key={i}>{parts[name]}</Fragment>
        ) : (
          piece
        );
      })}
    </>
  );
}

/**
 * The words of a button or link (hidden from screen readers), and the message that names what
 * it acts on for them ("View email {name}"), its parts in their own language. The name read
 * aloud starts with the visible words (WCAG 2.5.3).
 */
export function NamedByMessage({
  action,
  text,
  parts,
}: {
  action: string;
  text: string;
  parts: Record<string, ReactNode>;
}) {
  return (
    <>
      <span aria-hidden="true">{action}</span>
      <span className="app-visually-hidden">
        <MessageWith text={text} parts={parts} />
      </span>
    </>
  );
}
