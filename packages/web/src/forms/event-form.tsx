import { type WorkflowDefinition, wouldResume } from '@initiatief/engine';
import {
  Alert,
  ButtonGroup,
  Heading2,
  Heading3,
  Paragraph,
  PrimaryActionButton,
  SecondaryActionButton,
} from '@utrecht/component-library-react';
import { type ReactNode, useEffect, useMemo, useRef, useState } from 'react';
import {
  type AllowedEvent,
  type Application,
  type Attachment,
  fieldId,
  type JsonSchema,
} from '../api/client';
import {
  ErrorAlert,
  ErrorSummary,
  focusField,
  StatusMessage,
  type SummaryError,
} from '../components/ui';
import { useFormText } from '../i18n/form-messages';
import { useI18n } from '../i18n/i18n';
import { RECEIVED_ON, ReceivedOnField, useReceivedOn } from '../pages/form/received-on-field';
import { useLeaveGuard } from '../router/router';
import { replaceHash, useHashArrival } from '../router/use-address-anchor';
import { useSession } from '../session/session';
import { AttachmentsField } from './attachments-field';
import { eventLabel, type Localized, payloadLabel } from './definition-text';
import { eventAnchors } from './event-form.anchors';
import { checkEventForm, ruleGroups } from './event-form.check';
import {
  formFields,
  initialValue,
  isAttachments,
  sameValues,
  type Value,
} from './event-form.fields';
import { amountLimitErrors } from './event-form.limits';
import { refusalAtFields } from './event-form.refusal';
import { useEventSubmit } from './event-form.submit';
import { PayloadField } from './event-form-field';
import { useStepErrors } from './use-step-errors';

/**
 * A form for one allowed event, built from the event's JSON Schema payload. What was typed
 * stays when the application is reloaded after a 412, because the form is keyed by event type.
 */
export function EventForm({
  app,
  event,
  onDone,
  onReload,
  defaults = {},
  intro,
  extra,
  confirmText,
  danger,
  headingLevel = 3,
  definition,
  regulationMaxCents,
}: {
  app: Application;
  event: AllowedEvent;
  /** The definition the application is pinned to: the event's label and its fields' labels. */
  definition: WorkflowDefinition | undefined;
  onDone(app: Application): void;
  onReload(): Promise<void>;
  defaults?: Record<string, unknown>;
  intro?: ReactNode;
  /**
   * Shown below the fields (the page's own file input). Left out when the payload declares an
   * attachments field: the files then go with the event, where its rules can count them.
   */
  extra?: ReactNode;
  /** Asked before sending; a function words it from what would be sent (an amount). */
  confirmText?: string | ((payload: Record<string, unknown>) => string);
  danger?: boolean;
  headingLevel?: 2 | 3;
  /** The regulation's maximum, when the page knows it (a limit of the step's amount). */
  regulationMaxCents?: number;
}) {
  const { t, locale, formatMoney } = useI18n();
  const { f } = useFormText();
  const schema: JsonSchema = event.payloadSchema ?? {};
  const fields = formFields(schema);
  const required = new Set(schema.required ?? []);
  const [values, setValues] = useState<Record<string, Value>>(() =>
    Object.fromEntries(fields.map(([n, s]) => [n, initialValue(n, s, defaults)])),
  );
  // What the form held when it opened (or was last sent): anything else is not sent yet.
  const [initial, setInitial] = useState(values);
  // What an amount or a date field could not read of what was typed (null: nothing wrong).
  const [typedProblems, setTypedProblems] = useState<Record<string, Localized | null>>({});
  const setTyped = (name: string, problem: Localized | null) =>
    setTypedProblems((prev) => ({ ...prev, [name]: problem }));
  // The files uploaded here, to name the ids of the attachments fields.
  const [uploaded, setUploaded] = useState<Attachment[]>([]);
  const summaryRef = useRef<HTMLDivElement>(null);
  const prefix = `ev-${event.type}`;
  const idFor = (name: string) => fieldId(`${event.type}.${name}`);
  const label = (name: string) => payloadLabel(schema, name, locale);
  const help = (s: JsonSchema) => (s['x-help'] as Localized | undefined)?.[locale];
  const titles = eventLabel(definition, event.type);
  const title = titles[locale];
  // Its fields' words in the address: the event's word first (event-form.anchors.ts).
  const names = fields.map(([n]) => n).join(',');
  // biome-ignore lint/correctness/useExhaustiveDependencies: the fields are named by `names`
  const anchors = useMemo(
    () =>
      eventAnchors(
        event.type,
        titles,
        fields.map(
          ([n]) =>
            [n, { nl: payloadLabel(schema, n, 'nl'), en: payloadLabel(schema, n, 'en') }] as const,
        ),
      ),
    [event.type, titles.nl, titles.en, names],
  );
  // The supplement asked for that came by post or to a desk: the desk gives the day it came in,
  // from which the suspended decision term runs again (Awb 4:15).
  const { hasRole } = useSession();
  const receipt = useReceivedOn(
    hasRole('clerk') &&
      !!definition &&
      wouldResume(definition, app.state, event.type, !!app.clock?.suspended),
  );
  const check = (rulesAlways = false) => {
    const checked = checkEventForm(
      { schema, fields, values, typedProblems, locale, t, label, formatMoney },
      rulesAlways,
    );
    // An amount above a limit the page knows (the requested amount) is refused for certain:
    // said at its field before any confirmation is asked.
    const above = amountLimitErrors({
      def: definition,
      state: app.state,
      type: event.type,
      payload: checked.payload,
      figures: { ...app.amounts, regulationMaxCents },
      label,
      t,
      formatMoney,
    });
    return { ...checked, errors: { ...above, ...checked.errors } };
  };
  // An amount or a date that cannot be read is a problem of its field even while its value
  // stays empty.
  const inputProblems = useMemo(
    () =>
      Object.fromEntries(
        Object.entries(typedProblems).flatMap(([name, p]) => (p ? [[name, p.nl]] : [])),
      ),
    [typedProblems],
  );
  // Shown when sending; from then on a field that changes is checked again, as in the wizard:
  // its error goes once it is corrected (an explanation or a file given, a number readable).
  const { errors, setErrors, show } = useStepErrors(
    values,
    inputProblems,
    () => check(true).errors,
    summaryRef,
    ruleGroups(schema),
  );
  // The fields that apply to what was chosen (the amount only with the advice to grant): only
  // these are rendered. A field left out keeps its value, so choosing back brings it back.
  const applies = check(true).applies;
  // Arriving with a word of this form's field (its event's word first): that field, if shown.
  useHashArrival((word) => {
    const name = anchors.nameOf(word);
    if (name === null || !applies.has(name) || !document.getElementById(idFor(name))) return false;
    focusField(idFor(name));
    replaceHash(anchors.word(name, locale));
    return true;
  });
  // After switching languages the address says the field's word in the new one.
  // biome-ignore lint/correctness/useExhaustiveDependencies: on a change of language only
  useEffect(() => {
    const name = anchors.nameOf(window.location.hash.slice(1));
    if (name !== null && window.location.hash) replaceHash(anchors.word(name, locale));
  }, [locale]);
  const hiddenKey = fields
    .map(([n]) => n)
    .filter((n) => !applies.has(n))
    .join(',');
  // An amount or a date that could not be read goes with its input: once left out, it is no problem.
  useEffect(() => {
    const hidden = hiddenKey.split(',');
    setTypedProblems((prev) =>
      hidden.some((n) => prev[n])
        ? Object.fromEntries(Object.entries(prev).filter(([n]) => !hidden.includes(n)))
        : prev,
    );
  }, [hiddenKey]);

  const sending = useEventSubmit({
    app,
    type: event.type,
    confirm: !!confirmText,
    check: () => check(),
    receipt,
    show,
    refusalAt: (err) =>
      refusalAtFields(err, { fields: fields.map(([n]) => n), shown: applies, label, t }),
    onSent(next) {
      // An event that leaves the application where it was keeps this form on the page: empty
      // it, so what was sent does not stand there ready to be sent twice.
      const empty = Object.fromEntries(fields.map(([n, s]) => [n, initialValue(n, s, defaults)]));
      setValues(empty);
      setInitial(empty);
      setUploaded([]);
      receipt.setDay(null);
      setErrors({});
      setTypedProblems({});
      onDone(next);
    },
    onReload,
  });
  const { busy, confirming, refusalRef, headingRef } = sending;
  // Typed text and added files are lost when the person leaves before sending: ask first. Not
  // while sending: the page may move on once it is sent.
  useLeaveGuard(!busy && !sameValues(values, initial), f('leave.unsent'));

  function set(name: string, v: Value) {
    // From the values as they are now: a file's upload may end while the person types.
    setValues((prev) => ({ ...prev, [name]: v }));
    sending.edited();
  }

  const summary: SummaryError[] = Object.entries(errors).map(([name, message]) => ({
    anchor: applies.has(name) ? anchors.word(name, locale) : undefined,
    target: applies.has(name)
      ? idFor(name)
      : name === RECEIVED_ON && receipt.enabled
        ? fieldId(RECEIVED_ON)
        : `${prefix}-submit`,
    message,
  }));
  const Heading = headingLevel === 2 ? Heading2 : Heading3;
  const headingId = `${prefix}-title`;

  return (
    <section className="app-action" aria-labelledby={headingId}>
      <Heading id={headingId} className="app-action__title" ref={headingRef} tabIndex={-1}>
        {title}
      </Heading>
      {intro}
      <ErrorSummary errors={summary} summaryRef={summaryRef} />
      <div ref={refusalRef} tabIndex={-1}>
        {sending.stale && (
          <Alert type="warning" role="alert">
            <Paragraph>{t('errors.stale')}</Paragraph>
            <SecondaryActionButton type="button" onClick={sending.reload}>
              {t('common.reload')}
            </SecondaryActionButton>
          </Alert>
        )}
        <ErrorAlert>{sending.failure}</ErrorAlert>
      </div>
      <StatusMessage>{sending.reloaded ? t('errors.staleReloaded') : ''}</StatusMessage>
      <form noValidate onSubmit={sending.submit} className="app-form">
        {fields
          .filter(([name]) => applies.has(name))
          .map(([name, s]) => {
            const id = idFor(name);
            const l = label(name);
            const error = errors[name];
            if (isAttachments(s)) {
              const key = `${event.type}.${name}`;
              return (
                <AttachmentsField
                  key={name}
                  forEvent={{ type: event.type, field: name }}
                  field={{
                    key,
                    type: 'attachments',
                    label: (s['x-label'] as Localized | undefined) ?? { nl: name, en: name },
                    help: s['x-help'] as Localized | undefined,
                    maxItems: typeof s.maxItems === 'number' ? s.maxItems : undefined,
                  }}
                  applicationId={app.id}
                  value={values[name]}
                  files={uploaded}
                  errors={error ? { [key]: error } : {}}
                  onUploaded={(file) => setUploaded((prev) => [...prev, file])}
                  onChange={(ids) => set(name, ids)}
                  sendWith={title}
                />
              );
            }
            return (
              <PayloadField
                key={name}
                id={id}
                schema={s}
                label={l}
                description={help(s)}
                error={error}
                required={required.has(name)}
                value={values[name]}
                onChange={(v) => set(name, v)}
                onProblem={(problem) => setTyped(name, problem)}
              />
            );
          })}
        <ReceivedOnField receipt={receipt} error={errors[RECEIVED_ON]} what="supplement" />
        {fields.some(([, s]) => isAttachments(s)) ? null : extra}
        {confirming && confirmText && (
          <Alert type="warning" role="alert">
            <Paragraph>
              {typeof confirmText === 'function' ? confirmText(check().payload) : confirmText}
            </Paragraph>
          </Alert>
        )}
        <ButtonGroup>
          <PrimaryActionButton
            id={`${prefix}-submit`}
            type="submit"
            busy={busy}
            disabled={busy}
            hint={danger ? 'danger' : undefined}
          >
            {confirming ? t('common.confirm') : title}
          </PrimaryActionButton>
          {confirming && (
            <SecondaryActionButton type="button" onClick={sending.cancel}>
              {t('common.cancel')}
            </SecondaryActionButton>
          )}
        </ButtonGroup>
      </form>
    </section>
  );
}
