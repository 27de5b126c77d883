import type { DocumentSummary } from '../api/client';
import type { Locale } from '../i18n/i18n';
import { useLetterText } from '../i18n/letter-messages';
import { NamedAction } from './named-action';

type Letter = Pick<DocumentSummary, 'kind' | 'language' | 'subject' | 'subjects'>;

export interface LetterNaming {
  /** What the page calls the letter. */
  title: string;
  /** The title's language when it is not the page's (the letter's own subject). */
  titleLang?: string;
  /** The letter is in another language than the page. */
  foreign: boolean;
  /** The letter's own subject, shown beside a title in the page's language. */
  own?: string;
}

/**
 * How a page names a letter. A letter stays in the language it was sent in; on a page in another
 * language it is named in the page's words when its workflow words its subject in them (the
 * letter's own subject beside it, marked with its language), else by its own subject marked
 * with its language (WCAG 3.1.2), or by the page's name for its kind.
 */
export function letterNaming(
  letter: Letter,
  locale: Locale,
  kindName: (kind: string) => string,
): LetterNaming {
  const foreign = letter.language !== locale;
  if (!letter.subject) return { title: kindName(letter.kind), foreign };
  if (!foreign) return { title: letter.subject, foreign };
  const translated = letter.subjects?.[locale];
  if (translated) return { title: translated, foreign, own: letter.subject };
  return { title: letter.subject, titleLang: letter.language, foreign };
}

export function useLetterNaming(letter: Letter): LetterNaming {
  const { locale, tx } = useLetterText();
  return letterNaming(letter, locale, (kind) => tx(`letter.${kind}`, kind));
}

/**
 * A letter's name in a list: "Acknowledgement of receipt … (letter in Dutch: Ontvangstbevestiging
 * …)" on an English page, each part in its own language.
 */
export function LetterName({ letter }: { letter: Letter }) {
  const { l } = useLetterText();
  const naming = useLetterNaming(letter);
  return (
    <>
      <span className="app-letters__name" lang={naming.titleLang}>
        {naming.title}
      </span>
      {naming.foreign && (
        <span className="app-muted">
          {' ('}
          {l(letter.language === 'en' ? 'sentIn.en' : 'sentIn.nl')}
          {naming.own && (
            <>
              {': '}
              <span lang={letter.language}>{naming.own}</span>
            </>
          )}
          {')'}
        </span>
      )}
    </>
  );
}

/**
 * A link's words for one letter ("Read the letter"), named for screen readers by the letter's
 * name in its own language: "Read the letter: Acknowledgement of receipt …".
 */
export function LetterAction({ action, letter }: { action: string; letter: Letter }) {
  const naming = useLetterNaming(letter);
  return <NamedAction action={action} name={naming.title} lang={naming.titleLang} />;
}
