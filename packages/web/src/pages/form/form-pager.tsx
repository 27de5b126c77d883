import type { WorkflowDefinition } from '@initiatief/engine';
import { applicationTitle, questionApplies, requestedCents } from '@initiatief/engine';
import {
  ButtonGroup,
  Heading2,
  Paragraph,
  PrimaryActionButton,
  SecondaryActionButton,
} from '@utrecht/component-library-react';
import { type FormEvent, useEffect, useRef, useState } from 'react';
import {
  ApiError,
  type Application,
  type Attachment,
  api,
  fieldId,
  type Regulation,
} from '../../api/client';
import { AttachmentList, AttachmentUpload } from '../../components/attachments';
import {
  ErrorAlert,
  ErrorSummary,
  PageHeading,
  type SummaryError,
  useErrorText,
} from '../../components/ui';
import { OnBehalfNotice } from '../../desk/on-behalf';
import { answerPatch, QuestionsAnnouncer } from '../../forms/conditional-questions';
import { asReadBy } from '../../forms/field-label';
import {
  ATTACHMENTS_STEP,
  formProblems,
  forwardEvent,
  pagesOf,
  problemsOnPage,
  REVIEW_STEP,
  serverProblems,
  stepFor,
  stepsOf,
} from '../../forms/form-model';
import { inFormOrder } from '../../forms/form-order';
import { pageHeadingIn, readsForOther } from '../../forms/page-heading';
import { addressOf, stepOfAddress } from '../../forms/step-addresses';
import { useInputProblems } from '../../forms/use-input-problems';
import { useStepErrors } from '../../forms/use-step-errors';
import { useFormText } from '../../i18n/form-messages';
import { lazyPage, useLoadAfterPaint } from '../../router/lazy-page';
import { useLeaveGuard, useRouter } from '../../router/router';
import { useSession } from '../../session/session';
import { PeriodEndedNotice } from '../period-ended-notice';
import { RECEIVED_ON, ReceivedOnField, useReceivedOn } from './received-on-field';
import { stillRefused } from './refusals';
import { reviewMode } from './review-mode';
import { SaveIndicator } from './save-indicator';
import { StepsNav } from './steps-nav';
import { useAutosave } from './use-autosave';
import { useFieldAnchor } from './use-field-anchor';
import { WizardField } from './wizard-field';
import { labelled, overMaxProblem, refusedProblems, summaryOf } from './wizard-problems';

const SUBMIT_ID = 'form-submit';

// The last step's code (and the data view it reads the answers through) is asked once the form
// has painted its first page, which does not need it.
const loadReview = () => import('./form-review');
const FormReview = lazyPage(async () => ({ default: (await loadReview()).FormReview }));

export function FormPager({
  app,
  definition: def,
  regulation,
  initialAttachments,
  step: requested,
}: {
  app: Application;
  definition: WorkflowDefinition;
  regulation: Regulation | undefined;
  initialAttachments: Attachment[];
  step: string;
}) {
  const text = useFormText();
  const { t, f, locale } = text;
  const { navigate } = useRouter();
  const { me } = useSession();
  const errorText = useErrorText();
  const [current, setCurrent] = useState(app);
  const autosave = useAutosave(app, setCurrent);
  const { data, update } = autosave;
  const { problems, setProblem, clearProblems } = useInputProblems();
  const [failure, setFailure] = useState('');
  const [busy, setBusy] = useState(false);
  const [attachments, setAttachments] = useState<Attachment[]>(initialAttachments);
  const summaryRef = useRef<HTMLDivElement>(null);

  const pages = pagesOf(def);
  // A page none of whose questions apply to the answers so far is no step (form-pages.ts): the
  // count, next and back and the steps' list pass it by, until an answer brings a question on it.
  const steps = stepsOf(def, data);
  // The address names a page by the word made of its title (step-addresses.ts), not its key.
  const step = stepFor(def, data, stepOfAddress(def, requested));
  const index = steps.indexOf(step);
  const page = pages.find((p) => p.key === step);
  const base = `/aanvragen/${app.id}/bewerken`;
  const hrefOf = (s: string) => `${base}/${addressOf(def, locale, s)}`;
  const address = hrefOf(step);
  // An address naming no step of this form (an old link, a typo) shows the first step, one of a
  // page skipped with these answers the next step asked, one with the page's key or the other
  // language's word the page itself; the address bar then says where it is, in this language
  // (after switching languages too), in place of the address that came (no step back to it).
  useEffect(() => {
    if (requested !== '' && `${base}/${requested}` !== address)
      navigate(`${address}${window.location.hash}`, { replace: true, force: true });
  }, [requested, address, base, navigate]);
  // The desk or a helper filling it in for someone reads the pages' titles and the questions'
  // labels for staff, in the steps, the errors and the review, so a review's "change" link leads
  // to a step of the same name and an error names the question as its box does.
  const forOther = readsForOther(me, app);
  const desk = forOther && (me?.roles ?? []).includes('clerk');
  const { canSend, sendsWith } = reviewMode(def, current, me?.roles ?? [], locale, desk);
  // The desk filing it for a resident says when it came in, if not today.
  const receipt = useReceivedOn(canSend && desk);
  // A supporters' line with the applicant's own name does not count: the form says so.
  // Her postcode tells her line from a namesake's; her district, who lives where they count.
  const applicant = app.applicantName
    ? {
        name: app.applicantName,
        isReader: me?.id === app.applicantId,
        postcode: app.applicantPostcode,
        district: app.regulation.district,
      }
    : undefined;
  const server = (error: Parameters<typeof serverProblems>[1]) =>
    serverProblems(def, error, locale, forOther);
  const titleOf = (s: string) => {
    const page = pages.find((p) => p.key === s);
    if (page) return pageHeadingIn(page, forOther, locale);
    return s === ATTACHMENTS_STEP
      ? t('wizard.step.attachments')
      : t(
          sendsWith === null || current.applicationPeriodEnded
            ? 'wizard.step.review'
            : 'wizard.step.reviewChanges',
        );
  };

  useLoadAfterPaint(loadReview);

  // A refused autosave: its reasons land on their fields, and the alert says it was not saved.
  // biome-ignore lint/correctness/useExhaustiveDependencies: on each refusal; def and locale are read as they are then
  useEffect(() => {
    if (autosave.status.kind !== 'invalid') return;
    const e = server(autosave.status.error);
    setErrors((prev) => ({ ...prev, ...e }));
  }, [autosave.status]);

  const total = requestedCents(def, data);
  const max = regulation?.maxAmountCents;
  // Fields the API refused stay in the form, marked, until the person changes them (then they go
  // with the next save); a total over the maximum is an error at it.
  const stillRefusedNow = autosave.refusals.filter((r) => stillRefused(data, r));
  const refused = refusedProblems(def, stillRefusedNow, locale, forOther);
  const overMax = overMaxProblem(def, text, total, max);
  /** Every problem of the form: its rules, what the API refused, the total. */
  const everything = () => ({
    ...formProblems(def, data, problems, locale, forOther),
    ...refused,
    ...overMax,
  });
  const { errors, setErrors, show } = useStepErrors(data, problems, everything, summaryRef);
  const fieldErrors = { ...errors, ...refused };
  // Text typed that the page cannot read ("-50") is not saved either: listed with the refused
  // fields once saving began, and leaving asks.
  const unreadable = Object.keys(problems).length > 0;
  const typed = autosave.status.kind === 'idle' ? {} : labelled(def, problems, locale, forOther);
  // A field in the address: by the word of its label (use-field-anchor.ts).
  const { anchor, follow: toField } = useFieldAnchor(def, data, locale, forOther);
  const notSaved = summaryOf(def, pages, { ...refused, ...typed }, step, hrefOf, SUBMIT_ID, anchor);

  // The last step lists a total over the maximum from the start: it cannot be sent so.
  const summary: SummaryError[] = summaryOf(
    def,
    pages,
    step === REVIEW_STEP ? { ...overMax, ...errors } : errors,
    step,
    hrefOf,
    SUBMIT_ID,
    anchor,
  );

  // Anything not saved (refused, or a save that failed): leaving the wizard asks first. Moving
  // between its steps does not (`force`): the form and what is not saved stay with the person.
  useLeaveGuard(autosave.unsaved || unreadable, f('leave.unsaved'));

  async function go(to: string, check: boolean) {
    setFailure('');
    if (check && page) {
      const mine = problemsOnPage(everything(), page);
      if (Object.keys(mine).length) return show(mine);
    }
    setErrors({});
    setBusy(true);
    await autosave.flush();
    setBusy(false);
    navigate(hrefOf(to), { force: true });
  }

  async function submit() {
    setFailure('');
    const all = everything();
    if (Object.keys(all).length) return show(all);
    if (receipt.problem) return show({ [RECEIVED_ON]: receipt.problem });
    setBusy(true);
    try {
      if (!(await autosave.flush())) {
        setBusy(false);
        setFailure(t('wizard.saveBeforeSubmit'));
        return;
      }
      const event = canSend ? forwardEvent(def, current.state, me?.roles ?? []) : undefined;
      if (!event) {
        navigate(`/aanvragen/${app.id}`);
        return;
      }
      await api.sendEvent(
        app.id,
        { type: event, ...receipt.sent },
        {
          etag: autosave.etag.current,
          idempotencyKey: `${event}-${app.id}-${autosave.etag.current}`,
        },
      );
      // The outcome travels in history.state: no event code in the address people see or share.
      navigate(`/aanvragen/${app.id}`, { state: { done: event } });
    } catch (err) {
      setBusy(false);
      if (err instanceof ApiError && err.invalidParams.length) {
        return show(server(err));
      }
      setFailure(errorText(err));
    }
  }

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    if (step === REVIEW_STEP) void submit();
    else void go(steps[index + 1]!, true);
  };

  return (
    <>
      <Paragraph className="app-preheading">
        {applicationTitle(def, data)
          ? `${def.title[locale]}: ${applicationTitle(def, data)}`
          : def.title[locale]}{' '}
        · {current.reference}
      </Paragraph>
      {/* The regulation decides the district (and the budget); the form does not ask for it. */}
      <Paragraph className="app-preheading">
        {t('wizard.regulation', {
          title: current.regulation.title,
          district: current.regulation.district,
        })}
      </Paragraph>
      <PageHeading>
        {t('wizard.stepHeading', { n: index + 1, total: steps.length, step: titleOf(step) })}
      </PageHeading>
      <OnBehalfNotice app={current} />
      <PeriodEndedNotice app={current} />
      <StepsNav
        steps={steps}
        current={step}
        titleOf={titleOf}
        hrefOf={hrefOf}
        onGo={(s) => void go(s, false)}
      />
      <SaveIndicator
        status={autosave.status}
        onReload={() => void autosave.reload()}
        reasonsOf={(error) => inFormOrder(def, server(error)).map((e) => e[1])}
        refused={notSaved}
        inSummary={summary}
        onFollow={toField}
      />
      <ErrorSummary errors={summary} summaryRef={summaryRef} onFollow={toField} />
      <ErrorAlert>{failure}</ErrorAlert>

      <form noValidate className="app-form" onSubmit={onSubmit}>
        {page && (
          <>
            {page.intro && <Paragraph>{page.intro[locale]}</Paragraph>}
            {page.fields.map((key) => {
              const field = def.form.fields.find((f) => f.key === key);
              // A question asked only after certain answers shows while they are given.
              if (!field || !questionApplies(def.form.fields, field, data)) return null;
              return (
                <WizardField
                  key={field.key}
                  def={def}
                  field={asReadBy(field, forOther)}
                  applicationId={app.id}
                  value={data[field.key]}
                  data={data}
                  attachments={attachments}
                  errors={fieldErrors}
                  inputProblems={problems}
                  total={total}
                  max={max}
                  applicant={applicant}
                  onChange={(v) => update(answerPatch(def, data, field.key, v))}
                  onUploaded={(a) => setAttachments((list) => [...list, a])}
                  onProblem={setProblem}
                  onClearProblems={clearProblems}
                />
              );
            })}
            <QuestionsAnnouncer
              def={def}
              keys={page.fields}
              data={data}
              staff={forOther}
              steps={steps}
              titleOf={titleOf}
            />
          </>
        )}
        {step === ATTACHMENTS_STEP && (
          <>
            <Paragraph>{t('wizard.attachments.intro')}</Paragraph>
            <AttachmentUpload
              applicationId={app.id}
              id={fieldId('attachments')}
              label={t('field.attachments')}
              onUploaded={(a) => setAttachments((list) => [...list, a])}
            />
            <Heading2 className="app-subheading">{t('wizard.attachments.uploaded')}</Heading2>
            <AttachmentList items={attachments} stillOpen />
          </>
        )}
        {step === REVIEW_STEP && (
          <FormReview
            definition={def}
            data={data}
            total={total}
            attachments={attachments}
            hrefOf={hrefOf}
            sendsWith={sendsWith}
            staff={forOther}
            applicantName={forOther ? (app.applicantName ?? undefined) : undefined}
            supporters={{
              applicationId: app.id,
              applicantName: app.applicantName,
              applicantPostcode: app.applicantPostcode,
              district: app.regulation.district,
              self: !forOther,
            }}
          />
        )}
        {step === REVIEW_STEP && (
          <ReceivedOnField receipt={receipt} error={fieldErrors[RECEIVED_ON]} />
        )}
        <ButtonGroup className="app-wizard-buttons">
          {index > 0 && (
            <SecondaryActionButton
              type="button"
              disabled={busy}
              onClick={() => void go(steps[index - 1]!, false)}
            >
              {t('wizard.previous')}
            </SecondaryActionButton>
          )}
          <PrimaryActionButton id={SUBMIT_ID} type="submit" busy={busy} disabled={busy}>
            {step !== REVIEW_STEP
              ? t('wizard.next')
              : canSend
                ? t('wizard.submit')
                : t('wizard.backToApplication')}
          </PrimaryActionButton>
        </ButtonGroup>
      </form>
      <Paragraph className="app-muted">
        {me && me.id !== app.applicantId && app.applicantName
          ? t(app.applicantCanLogIn ? 'wizard.resumeHintFor' : 'wizard.resumeHintForNoLogin', {
              name: app.applicantName,
            })
          : t('wizard.resumeHint')}
      </Paragraph>
    </>
  );
}
