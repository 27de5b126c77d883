import { PENALTY_MAX_CENTS } from '@initiatief/engine';
import {
  ButtonGroup,
  Heading2,
  Paragraph,
  PrimaryActionButton,
} from '@utrecht/component-library-react';
import { type FormEvent, Suspense, useState } from 'react';
import { type Application, api } from '../api/client';
import { ErrorAlert, StatusMessage } from '../components/ui';
import { readsForOther } from '../forms/page-heading';
import { reasonsAsFailure, useFormSubmission } from '../forms/use-form-submission';
import { useI18n } from '../i18n/i18n';
import { lazyPage } from '../router/lazy-page';
import { useSession } from '../session/session';

// The desk's form for a notice that came in by letter: staff only, so loaded only for them.
const NoticeOfDefaultPanel = lazyPage(async () => ({
  default: (await import('../desk/notice-of-default-panel')).NoticeOfDefaultPanel,
}));

/**
 * The notice of default (ingebrekestelling, Awb 4:17) on the resident's page. Once given, the
 * penalty she is owed, in words for her. Before, while a decision is awaited past its term, the
 * applicant, or someone she authorised, gives it here with one button: it comes in today. The
 * desk, on the same page for a resident who phoned or wrote, records the day a letter came in.
 */
export function NoticeOfDefaultSection({
  app,
  reload,
}: {
  app: Application;
  reload(): Promise<void>;
}) {
  const { t, locale, formatDate, formatMoney } = useI18n();
  const { me, hasRole } = useSession();
  const { failure, submit } = useFormSubmission();
  // Stays after the page reloads with the notice, so it is announced where the button was.
  const [given, setGiven] = useState('');
  const notice = app.noticeOfDefault;
  const forOther = readsForOther(me, app);
  if (forOther && hasRole('clerk', 'assessor', 'approver', 'admin')) {
    return (
      <Suspense fallback={null}>
        <NoticeOfDefaultPanel app={app} onSaved={reload} />
      </Suspense>
    );
  }
  const dueOn = app.clock?.decisionDueOn;
  if (!notice && !(app.noticeOfDefaultRecordable && dueOn)) return null;

  function send(e: FormEvent) {
    return submit(
      e,
      {},
      async () => {
        await api.giveNoticeOfDefault(app.id);
        setGiven(t('notice.given'));
        await reload();
      },
      reasonsAsFailure,
    );
  }

  const values = {
    date: dueOn ? formatDate(dueOn) : '',
    max: formatMoney(PENALTY_MAX_CENTS),
    name: app.applicantName ?? '',
  };
  return (
    <section aria-labelledby="notice-title" className="app-section">
      <Heading2 id="notice-title" className="app-subheading">
        {notice ? t('detail.noticeOfDefault') : t('notice.giveTitle')}
      </Heading2>
      {notice ? (
        <Paragraph>{notice.forApplicant[locale]}</Paragraph>
      ) : (
        <form onSubmit={send} noValidate>
          <Paragraph>{t(forOther ? 'notice.giveIntroFor' : 'notice.giveIntro', values)}</Paragraph>
          <Paragraph>{t('notice.giveHow')}</Paragraph>
          <ButtonGroup>
            <PrimaryActionButton type="submit">{t('notice.give')}</PrimaryActionButton>
          </ButtonGroup>
          <ErrorAlert>{failure}</ErrorAlert>
        </form>
      )}
      <StatusMessage>{given}</StatusMessage>
    </section>
  );
}
