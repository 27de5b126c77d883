import { Paragraph } from '@utrecht/component-library-react';
import { api } from '../api/client';
import { PdfLink } from '../components/pdf-link';
import { ErrorAlert, PageHeading, StatusMessage, useErrorText } from '../components/ui';
import { useLoad } from '../components/use-load';
import { useI18n } from '../i18n/i18n';
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
  const { t, tx, formatDate } = useI18n();
  const errorText = useErrorText();
  const loaded = useLoad(async () => {
    const [doc, html] = await Promise.all([
      api.document(docId).catch(() => undefined),
      api.documentHtml(docId),
    ]);
    return { doc, html: letterBody(html) };
  }, [appId, docId]);
  const doc = loaded.data?.doc;
  const title = doc ? doc.subject || tx(`letter.${doc.kind}`, doc.kind) : t('letter.title');
  const back = staff ? `/behandeling/${appId}` : `/aanvragen/${appId}`;

  return (
    <>
      <Paragraph className="app-preheading">
        <AppLink href={back}>{t('letter.back')}</AppLink>
      </Paragraph>
      {/* The subject and the text are in the letter's language, which need not be the page's. */}
      <PageHeading lang={doc?.subject ? doc.language : undefined}>{title}</PageHeading>
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
          lang={doc?.language}
          // The API renders the letter from policy staff's template; letterBody strips active content.
          // biome-ignore lint/security/noDangerouslySetInnerHtml: sanitised letter HTML
          dangerouslySetInnerHTML={{ __html: loaded.data.html }}
        />
      )}
    </>
  );
}
