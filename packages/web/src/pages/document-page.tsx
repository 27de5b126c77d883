import { Paragraph } from '@utrecht/component-library-react';
import { api } from '../api/client';
import { letterNaming } from '../components/letter-name';
import { PdfLink } from '../components/pdf-link';
import { ErrorAlert, PageHeading, StatusMessage, useErrorText } from '../components/ui';
import { useLoad } from '../components/use-load';
import { useLetterText } from '../i18n/letter-messages';
import { AppLink } from '../router/router';

/**
 * Keeps the letter's content and drops anything active. Headings move one level down,
 * so the page keeps a single h1.
 */
export function letterBody(html: string): string {
  const doc = new DOMParser().parseFromString(html, 'text/html');
  for (const el of Array.from(
    // The standalone page's own skip link, link back and download link are the app's job here.
    doc.querySelectorAll(
      'script, style, link, meta, iframe, object, embed, form, .skip, .back, .download',
    ),
  ))
    el.remove();
  for (const el of Array.from(doc.body.querySelectorAll('*'))) {
    for (const attr of Array.from(el.attributes)) {
      if (
        attr.name.startsWith('on') ||
        (attr.name === 'href' && /^\s*javascript:/i.test(attr.value))
      )
        el.removeAttribute(attr.name);
    }
  }
  for (let level = 5; level >= 1; level--) {
    for (const h of Array.from(doc.body.querySelectorAll(`h${level}`))) {
      const next = doc.createElement(`h${level + 1}`);
      next.innerHTML = h.innerHTML;
      for (const attr of Array.from(h.attributes)) next.setAttribute(attr.name, attr.value);
      h.replaceWith(next);
    }
  }
  for (const landmark of Array.from(doc.body.querySelectorAll('main, header, footer, nav'))) {
    const div = doc.createElement('div');
    div.innerHTML = landmark.innerHTML;
    landmark.replaceWith(div);
  }
  return doc.body.innerHTML;
}

export function DocumentPage({
  appId,
  docId,
  staff,
}: {
  appId: string;
  docId: string;
  staff?: boolean;
}) {
  const { t, tx, l, locale, formatDate } = useLetterText();
  const errorText = useErrorText();
  const loaded = useLoad(async () => {
    const [doc, html] = await Promise.all([
      api.document(docId).catch(() => undefined),
      api.documentHtml(docId),
    ]);
    // The letter's language from its own page, should its metadata not have come.
    const lang = /<html[^>]*\slang="([A-Za-z-]+)"/.exec(html)?.[1];
    return { doc, html: letterBody(html), lang };
  }, [appId, docId]);
  const doc = loaded.data?.doc;
  // In the page's words when the workflow has them; the letter itself keeps its own language.
  const naming = doc ? letterNaming(doc, locale, (k) => tx(`letter.${k}`, k)) : undefined;
  const title = naming?.title ?? t('letter.title');
  const back = staff ? `/behandeling/${appId}` : `/aanvragen/${appId}`;

  return (
    <>
      <Paragraph className="app-preheading">
        <AppLink href={back}>{t('letter.back')}</AppLink>
      </Paragraph>
      <PageHeading lang={naming?.titleLang}>{title}</PageHeading>
      {doc && naming?.foreign && (
        <Paragraph>{l(doc.language === 'en' ? 'isIn.en' : 'isIn.nl')}</Paragraph>
      )}
      {doc && (
        <Paragraph className="app-muted">
          {doc.sent === false
            ? t('letter.awaitingPost')
            : t('letter.issued', { date: formatDate(doc.postedOn ?? doc.sentOn) })}
        </Paragraph>
      )}
      {doc && (
        <Paragraph>
          <PdfLink doc={doc} />
        </Paragraph>
      )}
      {loaded.error ? <ErrorAlert>{errorText(loaded.error)}</ErrorAlert> : null}
      {!loaded.data && !loaded.error && <StatusMessage>{t('common.loading')}</StatusMessage>}
      {loaded.data && (
        <div
          className="app-letter utrecht-html"
          lang={doc?.language ?? loaded.data.lang}
          // The API renders the letter from policy staff's template; letterBody strips active content.
          // biome-ignore lint/security/noDangerouslySetInnerHtml: sanitised letter HTML
          dangerouslySetInnerHTML={{ __html: loaded.data.html }}
        />
      )}
    </>
  );
}
