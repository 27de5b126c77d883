import type { TemplateCondition } from '@initiatief/engine';
import { Button, Heading4, Link, Paragraph } from '@utrecht/component-library-react';
import { useState } from 'react';
import { CheckboxField, ErrorAlert, useErrorText } from '../components/ui';
import { obj, str } from './editor-kit';
import { useEditorText } from './editor-messages';
import { policyApi, type TemplatePreview, type TemplatePreviewInput } from './policy-api';
import { sectionWords, valueSectionsIn } from './template-section-words';
import { paragraphLines } from './template-text';
import { TextParagraphs } from './text-paragraphs';

type Group = 'letters' | 'mails';
type Lang = 'nl' | 'en';

/** One sample case of a preview: its value sections shown or left out, and its name in words. */
interface Variant {
  key: string;
  sections?: Partial<Record<TemplateCondition, boolean>>;
  label?: string;
}

/**
 * The sample cases a text is previewed in: one, or, for every section that follows from the
 * letter's values (money paid back), one with it and one without ("Met terugbetaling", "Zonder
 * terugbetaling"), so the officer reads every sentence the text can have.
 */
export function previewVariants(text: string, lang: Lang): Variant[] {
  const names = valueSectionsIn(text);
  if (names.length === 0) return [{ key: 'one' }];
  return names.flatMap((name) => {
    const words = sectionWords(name, lang);
    return [
      { key: `${name}-with`, sections: { [name]: true }, label: words.withIt },
      { key: `${name}-without`, sections: { [name]: false }, label: words.withoutIt },
    ];
  });
}

/** The definition's sending team as the preview takes it, when both languages are written. */
function senderOf(sender: unknown): TemplatePreviewInput['sender'] {
  const department = obj(obj(sender).department);
  const nl = str(department.nl);
  const en = str(department.en);
  return nl && en ? { department: { nl, en } } : undefined;
}

/**
 * A template filled with sample data: as text on the page and as the real PDF letter, in every
 * sample case its sections ask for, and for an applicant who can or cannot log in.
 */
export function TemplatePreviewPanel({
  group,
  kind,
  lang,
  subject,
  body,
  referencePrefix,
  sender,
  previewId,
}: {
  group: Group;
  kind: string;
  lang: Lang;
  subject: string;
  body: string;
  /** The text box's id, from which the preview's own controls take theirs. */
  previewId: string;
  /** The definition's own prefix, so the sample reference reads as this workflow's would. */
  referencePrefix: string;
  /** The definition's `sender`, for the letterhead; anything else: the default team. */
  sender?: unknown;
}) {
  const { e, p, locale } = useEditorText();
  const errorText = useErrorText();
  const [texts, setTexts] = useState<{ variant: Variant; text: TemplatePreview }[] | null>(null);
  const [pdfs, setPdfs] = useState<{ variant: Variant; url: string }[] | null>(null);
  // The refusal itself, put in words when shown: in the language the page is in then.
  const [error, setError] = useState<unknown>(null);
  const [offline, setOffline] = useState(false);
  // The language's name in the interface's language: "Voorbeeld (Engels)", "Preview (Dutch)".
  const langName = p(`texts.lang.${lang}`);
  const both = `${subject}\n${body}`;
  // The cases are named in the interface's language, whatever the text's.
  const variants = previewVariants(both, locale);
  const inputOf = (variant: Variant, online: boolean): TemplatePreviewInput => ({
    group,
    // chosen from the engine's LETTER_KINDS, the API's enum (client.contract.ts holds them equal)
    kind: group === 'letters' ? (kind as TemplatePreviewInput['kind']) : undefined,
    language: lang,
    subject,
    body,
    referencePrefix: /^[A-Z]{2,5}$/.test(referencePrefix) ? referencePrefix : undefined,
    online,
    ...(senderOf(sender) ? { sender: senderOf(sender) } : {}),
    ...(variant.sections ? { sections: variant.sections } : {}),
  });
  const showText = (online: boolean) => {
    setError(null);
    Promise.all(
      variants.map(async (variant) => ({
        variant,
        text: await policyApi.previewTemplate(inputOf(variant, online)),
      })),
    ).then(setTexts, (err) => setError(err));
  };
  const sections = /\{\{[#^]online\}\}/.test(both);
  const title = e('tpl.previewTitle');
  return (
    <div className="policy-preview">
      {sections && (
        <CheckboxField
          id={`${previewId}-offline`}
          label={e('tpl.previewOffline', { lang: langName })}
          checked={offline}
          onChange={(v) => {
            setOffline(v);
            // A preview already shown is of the other reader: show it again for this one, and
            // drop a PDF made for the other (its button makes a new one).
            setPdfs(null);
            if (texts) showText(!v);
          }}
        />
      )}
      <div className="policy-inline">
        <Button appearance="secondary-action-button" onClick={() => showText(!offline)}>
          {e('tpl.preview', { lang: langName })}
        </Button>
        {group === 'letters' && (
          <Button
            appearance="secondary-action-button"
            onClick={() => {
              setError(null);
              Promise.all(
                variants.map(async (variant) => ({
                  variant,
                  url: (await policyApi.previewTemplatePdf(inputOf(variant, !offline))).url,
                })),
              ).then(setPdfs, (err) => setError(err));
            }}
          >
            {e('tpl.previewPdf', { lang: langName })}
          </Button>
        )}
      </div>
      <ErrorAlert>{error ? errorText(error) : ''}</ErrorAlert>
      <div role="status" aria-live="polite">
        {texts && texts.length > 1 && (
          <Paragraph className="policy-hint">{e('tpl.previewVariants')}</Paragraph>
        )}
        {texts?.map(({ variant, text }) => (
          <section
            key={variant.key}
            className="policy-preview__mail"
            aria-label={
              variant.label
                ? e('tpl.previewVariant', { title, lang: langName, variant: variant.label })
                : `${title} (${langName})`
            }
          >
            {variant.label && <p className="policy-preview__variant">{variant.label}</p>}
            {sections && (
              <Paragraph className="policy-hint">
                {e(offline ? 'tpl.previewForOffline' : 'tpl.previewForOnline')}
              </Paragraph>
            )}
            <Heading4 className="policy-h4">{text.subject}</Heading4>
            {/* Paragraphs and line breaks as the sent mail has them (the API's paragraphsOf). */}
            <TextParagraphs paragraphs={paragraphLines(text.body)} />
          </section>
        ))}
        {pdfs && (
          <Paragraph>
            {e('tpl.pdfReady')}{' '}
            {pdfs.map(({ variant, url }, i) => (
              <span key={variant.key}>
                {i > 0 && ' '}
                <Link href={url} target="_blank" rel="noopener">
                  {variant.label
                    ? e('tpl.openPdfOf', { variant: variant.label })
                    : e('tpl.openPdf')}
                </Link>
              </span>
            ))}
          </Paragraph>
        )}
      </div>
    </div>
  );
}
