import {
  ButtonGroup,
  DataList,
  DataListItem,
  DataListKey,
  DataListValue,
  Heading2,
  Paragraph,
  PrimaryActionButton,
} from '@utrecht/component-library-react';
import { type FormEvent, useState } from 'react';
import type { Application } from '../api/client';
import { fieldId } from '../api/client';
import { DateInput } from '../components/date-input';
import { ErrorAlert, StatusMessage } from '../components/ui';
import { useFormSubmission } from '../forms/use-form-submission';
import { deskApi } from './desk-api';
import { useDeskText } from './desk-messages';

/**
 * A notice of default (ingebrekestelling, Awb 4:17) on the case page: once recorded, the days and
 * the penalty the API reads off it, in words; before, while a decision is awaited past its term,
 * the day it came in can be recorded. Staff only: the API sends neither to anyone else.
 */
export function NoticeOfDefaultPanel({
  app,
  onSaved,
}: {
  app: Application;
  onSaved(): Promise<void> | void;
}) {
  const notice = app.noticeOfDefault;
  if (notice) return <NoticeOfDefaultFigures notice={notice} />;
  if (!app.noticeOfDefaultRecordable) return null;
  return <NoticeOfDefaultForm appId={app.id} onSaved={onSaved} />;
}

type Notice = NonNullable<Application['noticeOfDefault']>;

function NoticeOfDefaultFigures({ notice }: { notice: Notice }) {
  const { d, locale, formatDate, formatMoney } = useDeskText();
  const rows: [string, string][] = [
    [d('notice.received'), formatDate(notice.receivedOn)],
    [d('notice.termEnded'), formatDate(notice.termEndedOn)],
    [d('notice.firstDay'), formatDate(notice.firstDay)],
    ...(notice.days > 0
      ? [[d('notice.amount'), formatMoney(notice.cents)] as [string, string]]
      : []),
    ...(notice.settleBy
      ? [[d('notice.settleBy'), formatDate(notice.settleBy)] as [string, string]]
      : []),
  ];
  return (
    <section aria-labelledby="notice-title" className="app-section">
      <Heading2 id="notice-title" className="app-subheading">
        {d('notice.title')}
      </Heading2>
      <Paragraph>{notice.explanation[locale]}</Paragraph>
      <DataList className="app-datalist">
        {rows.map(([key, value]) => (
          <DataListItem key={key}>
            <DataListKey>{key}</DataListKey>
            <DataListValue>{value}</DataListValue>
          </DataListItem>
        ))}
      </DataList>
    </section>
  );
}

function NoticeOfDefaultForm({
  appId,
  onSaved,
}: {
  appId: string;
  onSaved(): Promise<void> | void;
}) {
  const { d, locale } = useDeskText();
  const { errors, failure, submit } = useFormSubmission();
  const [receivedOn, setReceivedOn] = useState<string | null>(null);
  const [problem, setProblem] = useState('');
  const [status, setStatus] = useState('');
  // The API names the field `receivedOn`: a refusal (too early, in the future) lands here.
  const id = fieldId('receivedOn');

  function save(e: FormEvent) {
    setStatus('');
    // Boxes that make no date keep the last date they made: their problem goes first.
    const missing = problem || (receivedOn ? '' : d('notice.receivedRequired'));
    if (missing) document.getElementById(id)?.focus();
    return submit(e, missing ? { [id]: missing } : {}, async () => {
      await deskApi.recordNoticeOfDefault(appId, receivedOn!);
      setStatus(d('notice.saved'));
      await onSaved();
    });
  }

  return (
    <section aria-labelledby="notice-title" className="app-section">
      <Heading2 id="notice-title" className="app-subheading">
        {d('notice.title')}
      </Heading2>
      <Paragraph>{d('notice.intro')}</Paragraph>
      <form onSubmit={save} noValidate>
        <DateInput
          id={id}
          label={d('notice.receivedOn')}
          error={errors[id]}
          required
          value={receivedOn}
          onChange={setReceivedOn}
          onProblem={(p) => setProblem(p ? p.message[locale] : '')}
        />
        <ButtonGroup>
          <PrimaryActionButton type="submit">{d('notice.save')}</PrimaryActionButton>
        </ButtonGroup>
      </form>
      <StatusMessage>{status}</StatusMessage>
      <ErrorAlert>{failure}</ErrorAlert>
    </section>
  );
}
