import { Link } from '@utrecht/component-library-react';
import { type ReactNode, useEffect, useState } from 'react';
import { api, type DocumentSummary } from '../api/client';
import { useI18n } from '../i18n/i18n';

type PdfState = Pick<DocumentSummary, 'id' | 'rendered' | 'channel' | 'sent'>;

/** How often, and how long, a page asks again whether a letter's PDF is made. */
const POLL_MS = 2000;
const POLL_TRIES = 60;

/**
 * The letter's PDF once the worker has made it. Until then a download would fail (the API answers
 * 503 with Retry-After), so the page says the PDF is on its way and asks again every few seconds.
 * A paper letter waiting for the post has no PDF until its batch is posted, days later: no asking.
 */
export function PdfLink({
  doc,
  label,
  children,
}: {
  doc: PdfState;
  label?: string;
  /** The link's words, when not only "Download PDF" (LetterAction names the letter). */
  children?: ReactNode;
}) {
  const { t } = useI18n();
  const ready = usePdfReady(doc);
  if (!ready) {
    if (doc.channel === 'paper' && !doc.sent) return null;
    return (
      <span className="app-muted" role="status">
        {t('letter.pdfPending')}
      </span>
    );
  }
  return (
    <Link href={api.documentPdfUrl(doc.id)} download aria-label={label}>
      {children ?? t('detail.downloadPdf')}
    </Link>
  );
}

function usePdfReady(doc: PdfState): boolean {
  const [ready, setReady] = useState(doc.rendered);
  const waits = !doc.rendered && (doc.channel === 'email' || doc.sent);
  useEffect(() => {
    setReady(doc.rendered);
    if (!waits) return;
    let tries = 0;
    let stopped = false;
    const timer = setInterval(() => {
      if (++tries > POLL_TRIES) return clearInterval(timer);
      api.document(doc.id).then(
        (fresh) => {
          if (!stopped && fresh.rendered) {
            clearInterval(timer);
            setReady(true);
          }
        },
        () => undefined,
      );
    }, POLL_MS);
    return () => {
      stopped = true;
      clearInterval(timer);
    };
  }, [doc.id, doc.rendered, waits]);
  return ready;
}
