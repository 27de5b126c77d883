/**
 * The words of a link or button that acts on one of several things ("Read the letter"), with
 * the thing's name added for screen readers ("Read the letter: Ontvangstbevestiging …") in that
 * name's own language (WCAG 3.1.2). An aria-label cannot say that a part of it is Dutch; hidden
 * text can. The name read aloud starts with the visible words (WCAG 2.5.3).
 */
export function NamedAction({
  action,
  name,
  lang,
}: {
  action: string;
  name: string;
  /** The name's language when it is not the page's. */
  lang?: string;
}) {
  return (
    <>
      <span aria-hidden="true">{action}</span>
      <span className="app-visually-hidden">
        {action}
        {': '}
        <span lang={lang}>{name}</span>
      </span>
    </>
  );
}
