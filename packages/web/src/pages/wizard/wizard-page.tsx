import {
  Alert,
  ButtonGroup,
  DataList,
  DataListItem,
  DataListKey,
  DataListValue,
  Heading2,
  Paragraph,
  PrimaryActionButton,
  SecondaryActionButton,
  SubtleButton,
} from '@utrecht/component-library-react';
import { type FormEvent, useEffect, useMemo, useRef, useState } from 'react';
import {
  ApiError,
  type Application,
  type ApplicationData,
  type Attachment,
  api,
  type BudgetLine,
  fieldId,
  type Regulation,
  type Supporter,
} from '../../api/client';
import { AttachmentList, AttachmentUpload } from '../../components/attachments';
import { formatIban, isValidIban, normaliseIban } from '../../components/iban';
import { formatMoneyInput, parseMoney, sumCents } from '../../components/money';
import {
  ErrorAlert,
  ErrorSummary,
  focusField,
  PageHeading,
  StatusMessage,
  type SummaryError,
  TextAreaField,
  TextField,
  useErrorText,
} from '../../components/ui';
import { useLoad } from '../../components/use-load';
import { type Translate, useI18n } from '../../i18n/i18n';
import type { MessageKey } from '../../i18n/messages';
import { AppLink, useRouter } from '../../router/router';
import { type SaveStatus, useAutosave } from './use-autosave';
import { isStep, STEP_LABEL, STEPS, type Step, stepOfField } from './wizard-steps';

export function WizardPage({ id, step }: { id: string; step: string }) {
  const { t } = useI18n();
  const errorText = useErrorText();
  const loaded = useLoad(async () => {
    const [app, regs, attachments] = await Promise.all([
      api.getApplication(id),
      api.regulations().catch(() => [] as Regulation[]),
      api.attachments(id).catch(() => [] as Attachment[]),
    ]);
    // A draft made before its district was known gets the regulation's district.
    return { app, regulation: regs.find((r) => r.id === app.regulation.id), attachments };
  }, [id]);

  if (!loaded.data) {
    return (
      <>
        <PageHeading>{t('wizard.title')}</PageHeading>
        {loaded.error ? (
          <ErrorAlert>{errorText(loaded.error)}</ErrorAlert>
        ) : (
          <StatusMessage>{t('common.loading')}</StatusMessage>
        )}
      </>
    );
  }
  const { app } = loaded.data;
  if (!app.editable) {
    return (
      <>
        <PageHeading>{t('wizard.title')}</PageHeading>
        <Paragraph>{t('wizard.notEditable')}</Paragraph>
        <Paragraph>
          <AppLink href={`/aanvragen/${id}`}>{t('wizard.toApplication')}</AppLink>
        </Paragraph>
      </>
    );
  }
  return (
    <WizardForm
      key={id}
      app={app}
      regulation={loaded.data.regulation}
      initialAttachments={loaded.data.attachments}
      step={isStep(step) ? step : 'initiatief'}
    />
  );
}

type Errors = Record<string, string>;

function validateStep(step: Step, data: ApplicationData, texts: AmountTexts, t: Translate) {
  const e: Errors = {};
  const need = (name: string, value: unknown, key: Parameters<Translate>[0]) => {
    if (value === undefined || value === null || String(value).trim() === '') e[name] = t(key);
  };
  if (step === 'initiatief') {
    need('title', data.title, 'wizard.error.title');
    need('description', data.description, 'wizard.error.description');
  }
  if (step === 'datum-en-plaats') {
    need('activityDate', data.activityDate, 'wizard.error.activityDate');
    need('location', data.location, 'wizard.error.location');
  }
  if (step === 'begroting') {
    const lines = data.budgetLines ?? [];
    if (lines.length === 0) e.budgetLines = t('wizard.error.noBudgetLines');
    lines.forEach((l, i) => {
      if (!l.description?.trim())
        e[`budgetLines.${i}.description`] = t('wizard.error.lineDescription', { n: i + 1 });
      const text = texts[i] ?? '';
      if (parseEuroToCents(text) === null || (parseEuroToCents(text) ?? 0) <= 0)
        e[`budgetLines.${i}.amountCents`] = t('wizard.error.lineAmount', { n: i + 1 });
    });
  }
  if (step === 'steunbetuigingen') {
    (data.supporters ?? []).forEach((s, i) => {
      if (!s.name?.trim())
        e[`supporters.${i}.name`] = t('wizard.error.supporterName', { n: i + 1 });
      if (!/^\d{4}\s?[A-Za-z]{2}$/.test(s.postcode?.trim() ?? ''))
        e[`supporters.${i}.postcode`] = t('wizard.error.supporterPostcode', { n: i + 1 });
      if (s.age == null || s.age < 0 || s.age > 130)
        e[`supporters.${i}.age`] = t('wizard.error.supporterAge', { n: i + 1 });
    });
  }
  if (step === 'rekening') {
    if (!data.iban?.trim()) e.iban = t('wizard.error.iban');
    else if (!isValidIban(data.iban)) e.iban = t('wizard.error.ibanInvalid');
  }
  return e;
}

type AmountTexts = string[];

/** The amount in a budget line's box, written in either language's way. */
function parseEuroToCents(text: string): number | null {
  const r = parseMoney(text, 'nl');
  if (r.ok) return r.cents;
  const en = parseMoney(text, 'en');
  return en.ok ? en.cents : null;
}

/**
 * A server refusal as a field error in the resident's language: guards name the rule
 * (`supportersAtLeast`), form checks the field (`budgetLines.0.amountCents`).
 */
function serverError(rawName: string, reason: string, t: Translate): [string, string] {
  const name = rawName.replace(/^(data|payload)\./, '');
  const guard: Record<string, [string, MessageKey]> = {
    supportersAtLeast: ['supporters', 'wizard.error.supportersAtLeast'],
    amountAtMost: ['budgetLines', 'wizard.budget.overMax'],
    daysBeforeActivityAtLeast: ['activityDate', 'wizard.error.tooSoon'],
    formComplete: ['title', 'wizard.error.incomplete'],
  };
  const g = guard[name];
  if (g) return [g[0], t(g[1])];
  const field: Record<string, MessageKey> = {
    title: 'wizard.error.title',
    description: 'wizard.error.description',
    activityDate: 'wizard.error.activityDate',
    location: 'wizard.error.location',
    iban: 'wizard.error.ibanInvalid',
    budgetLines: 'wizard.error.noBudgetLines',
  };
  const f = field[name];
  if (f) return [name, `${t(f)} (${reason})`];
  const line = /^budgetLines\.(\d+)\.(description|amountCents)$/.exec(name);
  if (line) {
    const n = Number(line[1]) + 1;
    const key =
      line[2] === 'description' ? 'wizard.error.lineDescription' : 'wizard.error.lineAmount';
    return [name, t(key, { n })];
  }
  const person = /^supporters\.(\d+)\.(name|postcode|age)$/.exec(name);
  if (person) {
    const n = Number(person[1]) + 1;
    const key =
      person[2] === 'name'
        ? 'wizard.error.supporterName'
        : person[2] === 'postcode'
          ? 'wizard.error.supporterPostcode'
          : 'wizard.error.supporterAge';
    return [name, t(key, { n })];
  }
  return [name, reason];
}

function SaveIndicator({ status, onReload }: { status: SaveStatus; onReload(): void }) {
  const { t, formatTime } = useI18n();
  const errorText = useErrorText();
  let text = '';
  if (status.kind === 'saving') text = t('wizard.saving');
  if (status.kind === 'saved') text = t('wizard.savedAt', { time: formatTime(status.at) });
  return (
    <>
      <StatusMessage>
        <span className="app-save-status">{text}</span>
      </StatusMessage>
      {status.kind === 'stale' && (
        <Alert type="warning" role="alert">
          <Paragraph>{t('errors.stale')}</Paragraph>
          <SecondaryActionButton onClick={onReload}>{t('common.reload')}</SecondaryActionButton>
        </Alert>
      )}
      {status.kind === 'failed' && (
        <ErrorAlert>{t('wizard.saveFailed', { reason: errorText(status.error) })}</ErrorAlert>
      )}
    </>
  );
}

function WizardForm({
  app,
  regulation,
  initialAttachments,
  step,
}: {
  app: Application;
  regulation: Regulation | undefined;
  initialAttachments: Attachment[];
  step: Step;
}) {
  const { t, locale, formatMoney } = useI18n();
  const { navigate, location } = useRouter();
  const errorText = useErrorText();
  const [current, setCurrent] = useState(app);
  const draft = useAutosave(app, setCurrent);
  const { data, update } = draft;
  const [errors, setErrors] = useState<Errors>({});
  const [failure, setFailure] = useState('');
  const [busy, setBusy] = useState(false);
  const [attachments, setAttachments] = useState<Attachment[]>(initialAttachments);
  const summaryRef = useRef<HTMLDivElement>(null);
  const base = `/aanvragen/${app.id}/bewerken`;
  const index = STEPS.indexOf(step);

  // Euro amounts are edited as text, so "12," survives while typing.
  const [amountTexts, setAmountTexts] = useState<AmountTexts>(() =>
    (app.data?.budgetLines ?? []).map((l) => formatMoneyInput(l.amountCents, locale)),
  );

  // Server field errors from a failed autosave land on their fields too.
  useEffect(() => {
    if (draft.status.kind === 'invalid') {
      const e: Errors = {};
      for (const p of draft.status.error.invalidParams) {
        const [name, message] = serverError(p.name, p.reason, t);
        e[name] = message;
      }
      setErrors((prev) => ({ ...prev, ...e }));
    }
  }, [draft.status, t]);

  // A link from the error summary on another step: focus that field once the step shows.
  // biome-ignore lint/correctness/useExhaustiveDependencies: on every navigation
  useEffect(() => {
    const target = location.hash.slice(1);
    if (target) setTimeout(() => focusField(target), 0);
  }, [location.key]);

  const stepErrors = (s: Step) =>
    Object.fromEntries(Object.entries(errors).filter(([name]) => stepOfField(name) === s));
  const err = (name: string) => errors[name];

  const summary: SummaryError[] = Object.entries(errors).map(([name, message]) => {
    const s = stepOfField(name);
    return {
      target: s === step ? fieldId(name) : `${base}/${s}#${fieldId(name)}`,
      message,
    };
  });

  function showErrors(e: Errors) {
    setErrors(e);
    requestAnimationFrame(() => summaryRef.current?.focus());
  }

  async function go(to: Step, validate: boolean) {
    setFailure('');
    if (validate) {
      const e = validateStep(step, data, amountTexts, t);
      const others = Object.fromEntries(
        Object.entries(errors).filter(([name]) => stepOfField(name) !== step),
      );
      if (Object.keys(e).length) {
        showErrors({ ...others, ...e });
        return;
      }
      setErrors(others);
    }
    setBusy(true);
    const ok = await draft.flush();
    setBusy(false);
    if (!ok && draft.status.kind !== 'invalid') {
      // Still moves on: the draft keeps trying, and a stale version is shown on every step.
    }
    navigate(`${base}/${to}`);
  }

  async function submit(e: FormEvent) {
    e.preventDefault();
    setFailure('');
    // Check every step before sending, and show all that is missing at once.
    const all: Errors = {};
    for (const s of STEPS) Object.assign(all, validateStep(s, data, amountTexts, t));
    if (Object.keys(all).length) {
      showErrors(all);
      return;
    }
    setBusy(true);
    try {
      const saved = await draft.flush();
      if (!saved) {
        setBusy(false);
        setFailure(t('wizard.saveBeforeSubmit'));
        return;
      }
      const submitEvent = current.allowedEvents.find((ev) => ev.type === 'SUBMIT');
      if (!submitEvent && current.state !== 'draft') {
        navigate(`/aanvragen/${app.id}`);
        return;
      }
      await api.sendEvent(
        app.id,
        { type: 'SUBMIT' },
        { etag: draft.etag.current, idempotencyKey: `submit-${app.id}-${draft.etag.current}` },
      );
      navigate(`/aanvragen/${app.id}?verstuurd=1`);
    } catch (err2) {
      setBusy(false);
      if (err2 instanceof ApiError && err2.invalidParams.length) {
        const e2: Errors = {};
        for (const p of err2.invalidParams) {
          const [name, message] = serverError(p.name, p.reason, t);
          e2[name] = message;
        }
        showErrors(e2);
        return;
      }
      setFailure(errorText(err2));
    }
  }

  const lines: BudgetLine[] = data.budgetLines ?? [];
  const supporters: Supporter[] = data.supporters ?? [];
  const total = sumCents(amountTexts.map((s) => parseEuroToCents(s)));
  const overMax = regulation ? total > regulation.maxAmountCents : false;

  const setLine = (i: number, patch: Partial<BudgetLine>) =>
    update({ budgetLines: lines.map((l, j) => (j === i ? { ...l, ...patch } : l)) });
  const setSupporter = (i: number, patch: Partial<Supporter>) =>
    update({ supporters: supporters.map((s, j) => (j === i ? { ...s, ...patch } : s)) });

  const stepTitle = t(STEP_LABEL[step]);
  const heading = useMemo(
    () => t('wizard.stepHeading', { n: index + 1, total: STEPS.length, step: stepTitle }),
    [t, index, stepTitle],
  );

  return (
    <>
      <Paragraph className="app-preheading">
        {data.title ? `${t('wizard.title')}: ${data.title}` : t('wizard.title')} ·{' '}
        {current.reference}
      </Paragraph>
      <PageHeading>{heading}</PageHeading>
      <nav aria-label={t('wizard.stepsLabel')} className="app-steps">
        <ol className="app-steps__list">
          {STEPS.map((s, i) => (
            <li
              key={s}
              className={`app-steps__item${s === step ? ' app-steps__item--current' : ''}${
                Object.keys(stepErrors(s)).length ? ' app-steps__item--invalid' : ''
              }`}
            >
              {s === step ? (
                <span aria-current="step">
                  {i + 1}. {t(STEP_LABEL[s])}
                </span>
              ) : (
                <AppLink
                  href={`${base}/${s}`}
                  onClick={(e) => {
                    e.preventDefault();
                    void go(s, false);
                  }}
                >
                  {i + 1}. {t(STEP_LABEL[s])}
                </AppLink>
              )}
            </li>
          ))}
        </ol>
      </nav>
      <SaveIndicator status={draft.status} onReload={() => void draft.reload()} />
      <ErrorSummary
        errors={summary}
        summaryRef={summaryRef}
        onFollow={(target) => {
          if (target.startsWith('/')) navigate(target);
          else focusField(target);
        }}
      />
      <ErrorAlert>{failure}</ErrorAlert>

      <form
        noValidate
        className="app-form"
        onSubmit={(e) => {
          if (step === 'controleren') return void submit(e);
          e.preventDefault();
          void go(STEPS[index + 1]!, true);
        }}
      >
        {step === 'initiatief' && (
          <>
            <Paragraph>{t('wizard.initiative.intro')}</Paragraph>
            <TextField
              id={fieldId('title')}
              label={t('field.title')}
              description={t('field.title.hint')}
              value={data.title ?? ''}
              onChange={(v) => update({ title: v })}
              error={err('title')}
              required
            />
            <TextAreaField
              id={fieldId('description')}
              label={t('field.description')}
              description={t('field.description.hint')}
              value={data.description ?? ''}
              onChange={(v) => update({ description: v })}
              error={err('description')}
              required
            />
            <TextField
              id={fieldId('expectedParticipants')}
              label={t('field.expectedParticipants')}
              inputMode="numeric"
              width="short"
              value={data.expectedParticipants == null ? '' : String(data.expectedParticipants)}
              onChange={(v) => {
                const n = Number.parseInt(v.replace(/\D/g, ''), 10);
                update({ expectedParticipants: Number.isNaN(n) ? null : n });
              }}
              error={err('expectedParticipants')}
            />
            <DataList className="app-datalist" id={fieldId('district')} tabIndex={-1}>
              <DataListItem>
                <DataListKey>{t('field.district')}</DataListKey>
                <DataListValue>
                  {data.district ?? current.regulation.district}
                  <span className="app-deadline-explanation">{t('field.district.fixed')}</span>
                </DataListValue>
              </DataListItem>
            </DataList>
            {err('district') && <p className="app-inline-error">{err('district')}</p>}
          </>
        )}

        {step === 'datum-en-plaats' && (
          <>
            <Paragraph>{t('wizard.datePlace.intro')}</Paragraph>
            <TextField
              id={fieldId('activityDate')}
              label={t('field.activityDate')}
              description={t('field.activityDate.hint')}
              type="date"
              width="medium"
              value={data.activityDate ?? ''}
              onChange={(v) => update({ activityDate: v })}
              error={err('activityDate')}
              required
            />
            <TextField
              id={fieldId('location')}
              label={t('field.location')}
              description={t('field.location.hint')}
              value={data.location ?? ''}
              onChange={(v) => update({ location: v })}
              error={err('location')}
              autoComplete="street-address"
              required
            />
          </>
        )}

        {step === 'begroting' && (
          <>
            <Paragraph>{t('wizard.budget.intro')}</Paragraph>
            {err('budgetLines') && (
              <p id={fieldId('budgetLines')} tabIndex={-1} className="app-inline-error">
                {err('budgetLines')}
              </p>
            )}
            {lines.map((line, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: budget lines have no id; their place is their identity
              <fieldset key={`line-${i}`} className="app-row-fieldset">
                <legend className="app-row-fieldset__legend">
                  {t('wizard.budget.line', { n: i + 1 })}
                </legend>
                <div className="app-row-fieldset__fields">
                  <TextField
                    id={fieldId(`budgetLines.${i}.description`)}
                    label={t('field.lineDescription')}
                    value={line.description ?? ''}
                    onChange={(v) => setLine(i, { description: v })}
                    error={err(`budgetLines.${i}.description`)}
                    required
                  />
                  <TextField
                    id={fieldId(`budgetLines.${i}.amountCents`)}
                    label={t('field.lineAmount')}
                    inputMode="decimal"
                    width="short"
                    value={amountTexts[i] ?? ''}
                    onChange={(v) => {
                      setAmountTexts((a) => a.map((x, j) => (j === i ? v : x)));
                      const cents = parseEuroToCents(v);
                      if (cents !== null) setLine(i, { amountCents: cents });
                    }}
                    error={err(`budgetLines.${i}.amountCents`)}
                    required
                  />
                </div>
                <SubtleButton
                  type="button"
                  onClick={() => {
                    update({ budgetLines: lines.filter((_, j) => j !== i) });
                    setAmountTexts((a) => a.filter((_, j) => j !== i));
                  }}
                >
                  {t('wizard.budget.remove', { n: i + 1 })}
                </SubtleButton>
              </fieldset>
            ))}
            <ButtonGroup>
              <SecondaryActionButton
                type="button"
                onClick={() => {
                  update({ budgetLines: [...lines, { description: '', amountCents: 0 }] });
                  setAmountTexts((a) => [...a, '']);
                  const n = lines.length;
                  setTimeout(() => focusField(fieldId(`budgetLines.${n}.description`)), 0);
                }}
              >
                {t('wizard.budget.add')}
              </SecondaryActionButton>
            </ButtonGroup>
            <div role="status" aria-live="polite" className="app-total">
              <strong>{t('wizard.budget.total', { total: formatMoney(total) })}</strong>
              {regulation && (
                <span className="app-muted">
                  {' '}
                  {t('wizard.budget.max', { max: formatMoney(regulation.maxAmountCents) })}
                </span>
              )}
            </div>
            {overMax && (
              <Alert type="warning">
                <Paragraph>{t('wizard.budget.overMax')}</Paragraph>
              </Alert>
            )}
          </>
        )}

        {step === 'steunbetuigingen' && (
          <>
            <Paragraph>{t('wizard.supporters.intro')}</Paragraph>
            {err('supporters') && (
              <p id={fieldId('supporters')} tabIndex={-1} className="app-inline-error">
                {err('supporters')}
              </p>
            )}
            {supporters.map((s, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: supporters have no id; their place is their identity
              <fieldset key={`supporter-${i}`} className="app-row-fieldset">
                <legend className="app-row-fieldset__legend">
                  {t('wizard.supporters.person', { n: i + 1 })}
                </legend>
                <div className="app-row-fieldset__fields">
                  <TextField
                    id={fieldId(`supporters.${i}.name`)}
                    label={t('field.supporterName')}
                    value={s.name ?? ''}
                    onChange={(v) => setSupporter(i, { name: v })}
                    error={err(`supporters.${i}.name`)}
                    required
                  />
                  <TextField
                    id={fieldId(`supporters.${i}.postcode`)}
                    label={t('field.postcode')}
                    width="short"
                    value={s.postcode ?? ''}
                    onChange={(v) => setSupporter(i, { postcode: v.toUpperCase() })}
                    error={err(`supporters.${i}.postcode`)}
                    required
                  />
                  <TextField
                    id={fieldId(`supporters.${i}.age`)}
                    label={t('field.age')}
                    inputMode="numeric"
                    width="short"
                    value={s.age == null ? '' : String(s.age)}
                    onChange={(v) => {
                      const n = Number.parseInt(v.replace(/\D/g, ''), 10);
                      setSupporter(i, { age: Number.isNaN(n) ? null : n });
                    }}
                    error={err(`supporters.${i}.age`)}
                    required
                  />
                </div>
                <SubtleButton
                  type="button"
                  onClick={() => update({ supporters: supporters.filter((_, j) => j !== i) })}
                >
                  {t('wizard.supporters.remove', { n: i + 1 })}
                </SubtleButton>
              </fieldset>
            ))}
            <ButtonGroup>
              <SecondaryActionButton
                type="button"
                onClick={() => {
                  update({ supporters: [...supporters, { name: '', postcode: '', age: null }] });
                  const n = supporters.length;
                  setTimeout(() => focusField(fieldId(`supporters.${n}.name`)), 0);
                }}
              >
                {t('wizard.supporters.add')}
              </SecondaryActionButton>
            </ButtonGroup>
            <p role="status" aria-live="polite" className="app-total">
              {t('wizard.supporters.count', { n: supporters.length })}
            </p>
          </>
        )}

        {step === 'bijlagen' && (
          <>
            <Paragraph>{t('wizard.attachments.intro')}</Paragraph>
            <AttachmentUpload
              applicationId={app.id}
              id={fieldId('attachments')}
              label={t('field.attachments')}
              onUploaded={(a) => setAttachments((list) => [...list, a])}
            />
            <Heading2 className="app-subheading">{t('wizard.attachments.uploaded')}</Heading2>
            <AttachmentList items={attachments} />
          </>
        )}

        {step === 'rekening' && (
          <>
            <Paragraph>{t('wizard.iban.intro')}</Paragraph>
            <TextField
              id={fieldId('iban')}
              label={t('field.iban')}
              description={t('field.iban.hint')}
              value={data.iban ?? ''}
              onChange={(v) => update({ iban: v })}
              onBlur={() => data.iban && update({ iban: normaliseIban(data.iban) })}
              error={err('iban')}
              autoComplete="off"
              required
            />
          </>
        )}

        {step === 'controleren' && (
          <Review
            data={data}
            total={total}
            regulation={regulation}
            attachments={attachments}
            base={base}
          />
        )}

        <ButtonGroup className="app-wizard-buttons">
          {index > 0 && (
            <SecondaryActionButton
              type="button"
              disabled={busy}
              onClick={() => void go(STEPS[index - 1]!, false)}
            >
              {t('wizard.previous')}
            </SecondaryActionButton>
          )}
          <PrimaryActionButton type="submit" busy={busy} disabled={busy}>
            {step === 'controleren'
              ? current.state === 'draft'
                ? t('wizard.submit')
                : t('wizard.backToApplication')
              : t('wizard.next')}
          </PrimaryActionButton>
        </ButtonGroup>
      </form>
      <Paragraph className="app-muted">{t('wizard.resumeHint')}</Paragraph>
    </>
  );
}

function Review({
  data,
  total,
  regulation,
  attachments,
  base,
}: {
  data: ApplicationData;
  total: number;
  regulation: Regulation | undefined;
  attachments: Attachment[];
  base: string;
}) {
  const { t, formatMoney, formatDate } = useI18n();
  const item = (label: string, value: string | undefined | null) => (
    <DataListItem>
      <DataListKey>{label}</DataListKey>
      <DataListValue>{value || t('common.notFilled')}</DataListValue>
    </DataListItem>
  );
  const section = (s: Step, children: React.ReactNode) => (
    <section className="app-review-section" aria-labelledby={`review-${s}`}>
      <div className="app-review-section__head">
        <Heading2 id={`review-${s}`} className="app-subheading">
          {t(STEP_LABEL[s])}
        </Heading2>
        <AppLink
          href={`${base}/${s}`}
          aria-label={t('wizard.changeStep', { step: t(STEP_LABEL[s]) })}
        >
          {t('wizard.change')}
        </AppLink>
      </div>
      {children}
    </section>
  );
  return (
    <>
      <Paragraph>{t('wizard.review.intro')}</Paragraph>
      {section(
        'initiatief',
        <DataList className="app-datalist">
          {item(t('field.title'), data.title)}
          {item(t('field.description'), data.description)}
          {item(
            t('field.expectedParticipants'),
            data.expectedParticipants == null ? null : String(data.expectedParticipants),
          )}
          {item(t('field.district'), data.district ?? regulation?.district)}
        </DataList>,
      )}
      {section(
        'datum-en-plaats',
        <DataList className="app-datalist">
          {item(t('field.activityDate'), data.activityDate ? formatDate(data.activityDate) : null)}
          {item(t('field.location'), data.location)}
        </DataList>,
      )}
      {section(
        'begroting',
        <>
          <DataList className="app-datalist">
            {(data.budgetLines ?? []).map((l, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: budget lines have no id
              <DataListItem key={`l-${i}`}>
                <DataListKey>{l.description || t('common.notFilled')}</DataListKey>
                <DataListValue>{formatMoney(l.amountCents)}</DataListValue>
              </DataListItem>
            ))}
            {item(t('wizard.review.total'), formatMoney(total))}
          </DataList>
          {regulation && total > regulation.maxAmountCents && (
            <Alert type="warning">
              <Paragraph>{t('wizard.budget.overMax')}</Paragraph>
            </Alert>
          )}
        </>,
      )}
      {section(
        'steunbetuigingen',
        <Paragraph>
          {t('wizard.supporters.count', { n: (data.supporters ?? []).length })}{' '}
          {(data.supporters ?? []).map((s) => s.name).join(', ')}
        </Paragraph>,
      )}
      {section('bijlagen', <AttachmentList items={attachments} />)}
      {section(
        'rekening',
        <DataList className="app-datalist">
          {item(t('field.iban'), data.iban ? formatIban(data.iban) : null)}
        </DataList>,
      )}
      <Paragraph>{t('wizard.review.declaration')}</Paragraph>
    </>
  );
}
