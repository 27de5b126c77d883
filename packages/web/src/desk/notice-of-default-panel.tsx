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
import { type FormEvent, type ReactNode, useRef, useState } from 'react';
import { type Application, fieldId } from '../api/client';
import { DateInput } from '../components/date-input';
import { useLabelAnchor } from '../components/error-summary';
import { ErrorAlert, ErrorSummary, StatusMessage } from '../components/ui';
import { reasonsAsFailure, useFormSubmission } from '../forms/use-form-submission';
import { useSession } from '../session/session';
import { deskApi } from './desk-api';
import { useDeskText } from './desk-messages';
import { PenaltyNotOwedForm } from './penalty-not-owed-form';

/**
 * A notice of default (ingebrekestelling, Awb 4:17) on the case page: once recorded, the days and
 * the penalty the API reads off it, in words, and once the penalty has ended with days owed, the
 * day it was set by decision (4:18); before, while a decision is awaited past its term, the day
 * the notice came in can be recorded.
 */
export function NoticeOfDefaultPanel({
  app,
  onSaved,
}: {
  app: Application;
  onSaved(): Promise<void> | void;
}) {
  const { d } = useDeskText();
  const { hasRole } = useSession();
  const notice = app.noticeOfDefault;
  if (notice) {
    // Setting the amount is a decision: the assessor's or the approver's, not the desk's.
    const settable =
      notice.kind === 'ended' &&
      notice.days > 0 &&
      !notice.setOn &&
      hasRole('assessor', 'approver', 'admin');
    return (
      <NoticeOfDefaultFigures notice={notice}>
        {settable && <PenaltyDecision appId={app.id} onSaved={onSaved} />}
        {settable && <PenaltyNotOwedForm appId={app.id} onSaved={onSaved} />}
        {settable && (
          <DayForm
            field="setOn"
            label={d('notice.setOn')}
            intro={d('notice.setIntro')}
            required={d('notice.setRequired')}
            save={d('notice.setSave')}
            saved={d('notice.setSaved')}
            send={(day) => deskApi.recordPenaltySet(app.id, day)}
            onSaved={onSaved}
          />
        )}
      </NoticeOfDefaultFigures>
    );
  }
  if (!app.noticeOfDefaultRecordable) return null;
  return (
    <section aria-labelledby="notice-title" className="app-section">
      <Heading2 id="notice-title" className="app-subheading">
        {d('notice.title')}
      </Heading2>
      <DayForm
        field="receivedOn"
        label={d('notice.receivedOn')}
        intro={d('notice.intro')}
        required={d('notice.receivedRequired')}
        save={d('notice.save')}
        saved={d('notice.saved')}
        send={(day) => deskApi.recordNoticeOfDefault(app.id, day)}
        onSaved={onSaved}
      />
    </section>
  );
}

type Notice = NonNullable<Application['noticeOfDefault']>;

/** Sets the penalty today with its decision letter, the way the system sends every decision. */
function PenaltyDecision({ appId, onSaved }: { appId: string; onSaved(): Promise<void> | void }) {
  const { d } = useDeskText();
  const { failure, submit } = useFormSubmission();
  const [status, setStatus] = useState('');
  function send(e: FormEvent) {
    return submit(
      e,
      {},
      async () => {
        await deskApi.issuePenaltyDecision(appId);
        setStatus(d('notice.decided'));
        await onSaved();
      },
      reasonsAsFailure,
    );
  }
  return (
    <form onSubmit={send} noValidate>
      <Paragraph>{d('notice.decideIntro')}</Paragraph>
      <ButtonGroup>
        <PrimaryActionButton type="submit">{d('notice.decide')}</PrimaryActionButton>
      </ButtonGroup>
      <StatusMessage>{status}</StatusMessage>
      <ErrorAlert>{failure}</ErrorAlert>
    </form>
  );
}

function NoticeOfDefaultFigures({ notice, children }: { notice: Notice; children: ReactNode }) {
  const { d, locale, formatDate, formatMoney } = useDeskText();
  const rows: [string, string][] = [
    [d('notice.received'), formatDate(notice.receivedOn)],
    [d('notice.termEnded'), formatDate(notice.termEndedOn)],
    [d('notice.firstDay'), formatDate(notice.firstDay)],
  ];
  // A decision that none is owed says so in its explanation: no amount to show.
  if (notice.days > 0 && !notice.waived) rows.push([d('notice.amount'), formatMoney(notice.cents)]);
  if (notice.setOn) rows.push([d('notice.setOn'), formatDate(notice.setOn)]);
  else if (notice.settleBy) rows.push([d('notice.settleBy'), formatDate(notice.settleBy)]);
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
      {children}
    </section>
  );
}

/**
 * One day to record, in day, month and year boxes. The box has the id of the API's field name,
 * so a refusal (too early, in the future) is said at it.
 */
function DayForm(props: {
  field: string;
  label: string;
  intro: string;
  required: string;
  save: string;
  saved: string;
  send(day: string): Promise<unknown>;
  onSaved(): Promise<void> | void;
}) {
  const { locale } = useDeskText();
  const { errors, failure, summary, summaryRef, submit } = useFormSubmission();
  const [day, setDay] = useState<string | null>(null);
  const [problem, setProblem] = useState('');
  const [status, setStatus] = useState('');
  const id = fieldId(props.field);
  const form = useRef<HTMLFormElement>(null);
  const { follow } = useLabelAnchor(form);

  function save(e: FormEvent) {
    setStatus('');
    // Boxes that make no date keep the last date they made: their problem goes first.
    const missing = problem || (day ? '' : props.required);
    return submit(e, missing ? { [id]: missing } : {}, async () => {
      await props.send(day!);
      setStatus(props.saved);
      await props.onSaved();
    });
  }

  return (
    <>
      <Paragraph>{props.intro}</Paragraph>
      <ErrorSummary errors={summary} summaryRef={summaryRef} onFollow={follow} />
      <form ref={form} onSubmit={save} noValidate>
        <DateInput
          id={id}
          label={props.label}
          past
          error={errors[id]}
          required
          value={day}
          onChange={setDay}
          onProblem={(p) => setProblem(p ? p.message[locale] : '')}
        />
        <ButtonGroup>
          <PrimaryActionButton type="submit">{props.save}</PrimaryActionButton>
        </ButtonGroup>
      </form>
      <StatusMessage>{status}</StatusMessage>
      <ErrorAlert>{failure}</ErrorAlert>
    </>
  );
}
