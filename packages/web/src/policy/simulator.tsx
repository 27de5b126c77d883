import {
  type Actor,
  addDays,
  allowedEvents,
  amsterdamStartOfDay,
  applyingPayload,
  createApplication,
  EngineError,
  type Issue,
  type PersistedSnapshot,
  type Role,
  type StepResult,
  step,
  toAmsterdamDate,
  type WorkflowDefinition,
} from '@initiatief/engine';
import {
  Button,
  ButtonGroup,
  Heading2,
  Heading3,
  Paragraph,
  UnorderedList,
  UnorderedListItem,
} from '@utrecht/component-library-react';
import { useMemo, useRef, useState } from 'react';
import { DateInput } from '../components/date-input';
import { SelectField } from '../components/ui';
import { ROLE_CODES } from './editor-events';
import { obj } from './editor-kit';
import { type PolicyMessageKey, usePolicyText } from './policy-messages';
import { type Said, useSay } from './said';
import { TrialDataSection, useTrialData } from './simulator-data';
import { type LogEntry, SimLog } from './simulator-log';
import { dataIssues, stepIssues } from './simulator-model';
import { PayloadForm } from './simulator-payload';
import { TrialReaderChoice } from './simulator-reader';
import { type Refusal, StepRefusal } from './simulator-refusal';
import { TrialTermsFields, useTrialTerms } from './simulator-terms';
import { CREATED, useSimulatorTexts } from './simulator-texts';
import { Statechart } from './statechart';

const actorFor = (role: Role): Actor => ({ id: `sim-${role}`, roles: [role] });
const SYSTEM: Actor = { id: 'system', roles: ['system'] };
type Timers = Map<string, { event: string; dueAt: string }>;
/** A refused step as the engine said it: put in words when shown (stepIssues). */
type HeldRefusal = Omit<Refusal, 'fields' | 'other'> & { issues: Issue[]; error: unknown };

/**
 * Runs the engine's own `createApplication` / `step` in the browser on the definition being
 * edited, with a clock the user moves and a regulation's terms, and lists what each step does.
 */
export function Simulator({ definition }: { definition: WorkflowDefinition }) {
  const { p, formatDateTime, locale } = usePolicyText();
  /** Whether the trial applicant can log in: the letters' and mails' texts follow it. */
  const [online, setOnline] = useState(true);
  const texts = useSimulatorTexts(definition, online);
  const say = useSay(texts.errorText);
  const [day, setDay] = useState(() => toAmsterdamDate(new Date()));
  const now = useMemo(() => new Date(amsterdamStartOfDay(day).getTime() + 9 * 3_600_000), [day]);
  const [role, setRole] = useState<Role>('applicant');
  const [spent, setSpent] = useState(0);
  const terms = useTrialTerms(spent);
  // The sample's supporters live in the trial's district (at the start, and when filled in again).
  const trial = useTrialData(definition, day, terms.facts.regulation?.district);
  const { facts } = terms;
  const [snapshot, setSnapshot] = useState<PersistedSnapshot | null>(null);
  const [timers, setTimers] = useState<Timers>(new Map());
  const [log, setLog] = useState<LogEntry[]>([]);
  const [payloads, setPayloads] = useState<Record<string, Record<string, unknown>>>({});
  /** What the status line says, in the interface's language when it is shown. */
  const [message, setMessage] = useState<Said | null>(null);
  /** The last refused step, shown at its form until a step is taken or the trial restarts. */
  const [refusal, setRefusal] = useState<HeldRefusal | null>(null);
  /** When the trial application began: its reference keeps that year, whatever the clock says. */
  const started = useRef(now);

  /** Applies one result; `fired` is the timer that caused it (it no longer runs). */
  const record = (result: StepResult, at: Date, timersBefore: Timers, fired?: string): Timers => {
    const next = new Map(timersBefore);
    if (fired) next.delete(fired);
    for (const ef of result.effects) {
      if (ef.type === 'timer.cancel') next.delete(ef.timerId);
      if (ef.type === 'timer.schedule') next.set(ef.timerId, { event: ef.event, dueAt: ef.dueAt });
    }
    setSnapshot(result.snapshot);
    setTimers(next);
    setLog((l) => [
      {
        id: l.length + 1,
        event: result.history.event,
        from: result.history.from,
        to: result.history.to,
        at: at.toISOString(),
        trial: {
          effects: result.effects,
          definition,
          snapshot: result.snapshot,
          facts,
          started: started.current,
        },
      },
      ...l,
    ]);
    // Budget effects change what is left, as the ledger would.
    let used = 0;
    for (const ef of result.effects) {
      if (ef.type === 'budget.reserve') used += ef.amountCents;
      if (ef.type === 'budget.release') used -= ef.amountCents;
    }
    if (used !== 0) setSpent((s) => s + used);
    return next;
  };

  const refuse = (event: string, err: unknown) => {
    if (err instanceof EngineError) trial.showIssues(err.issues ?? []);
    setMessage({ error: err });
    setLog((l) => [
      {
        id: l.length + 1,
        event,
        from: '',
        to: '',
        at: now.toISOString(),
        refused: { error: err },
      },
      ...l,
    ]);
  };

  const start = () => {
    if (trial.jsonProblem() !== null) {
      setMessage({ policy: 'sim.badJson' });
      return;
    }
    // The form's problems show at their fields; a draft may be incomplete, but text that is
    // not a value of its field would start the trial with other data than the officer sees.
    const checked = trial.check();
    if (checked.blocking) {
      setMessage({ sim: 'sd.notStarted' });
      return;
    }
    setLog([]);
    setSpent(0);
    setRefusal(null);
    started.current = now;
    try {
      const result = createApplication(definition, {
        now,
        actor: actorFor('applicant'),
        facts,
        data: trial.data,
      });
      record(result, now, new Map());
      setMessage(checked.any ? { sim: 'sd.incomplete' } : null);
    } catch (err) {
      refuse(CREATED, err);
    }
  };

  const send = (type: string) => {
    if (!snapshot) return;
    try {
      const result = step(
        definition,
        snapshot,
        // What the form shows: a field that does not apply to what was chosen is not sent.
        { type, payload: applyingPayload(definition.events[type]?.payload, payloads[type] ?? {}) },
        { now, actor: actorFor(role), facts },
      );
      record(result, now, timers);
      setMessage(null);
      setRefusal(null);
    } catch (err) {
      refuse(type, err);
      refuseAtForm(type, err);
    }
  };

  /** The fields of a step's own form, by key. */
  const keysOf = (type: string) =>
    Object.keys(obj(obj(definition.events[type]?.payload).properties));
  /** A refused step in words, each problem at its field by its label, in today's language. */
  const refusalText = (r: HeldRefusal): Refusal => ({
    ...r,
    ...(r.issues.length
      ? stepIssues(r.issues, keysOf(r.event), locale)
      : { fields: {}, other: [texts.errorText(r.error)] }),
  });

  /** A refused step also says why at its own form, each problem at its field by its label. */
  const refuseAtForm = (type: string, err: unknown) => {
    const issues = err instanceof EngineError ? (err.issues ?? []) : [];
    const found = stepIssues(issues, keysOf(type), locale);
    // Problems only with the application's data: its own summary there takes the focus.
    const dataOnly =
      Object.keys(found.fields).length === 0 &&
      Object.keys(dataIssues(issues, locale)).length === issues.length &&
      issues.length > 0;
    setRefusal((r) => ({ issues, error: err, event: type, focus: !dataOnly, n: (r?.n ?? 0) + 1 }));
  };

  const fireDue = () => {
    if (!snapshot) return;
    let current = snapshot;
    let running = timers;
    const due = [...timers.entries()]
      .filter(([, t]) => t.dueAt <= now.toISOString())
      .sort(([, a], [, b]) => a.dueAt.localeCompare(b.dueAt));
    for (const [id, t] of due) {
      if (!running.has(id)) continue; // cancelled by an earlier timer of this round
      try {
        const result = step(definition, current, { type: t.event }, { now, actor: SYSTEM, facts });
        running = record(result, now, running, id);
        current = result.snapshot;
      } catch {
        // A timer whose state has been left is dropped, as the timer worker does.
        running = new Map(running);
        running.delete(id);
        setTimers(running);
      }
    }
  };

  const state = snapshot ? (snapshot as { value: string }).value : null;
  const stateLabel = (s: string) => definition.states[s]?.meta?.label?.[locale] ?? s;
  let available: { type: string; payloadSchema?: object }[] = [];
  try {
    available = snapshot ? allowedEvents(definition, snapshot, actorFor(role), facts, now) : [];
  } catch {
    available = [];
  }

  return (
    <section aria-labelledby="sim-title" className="policy-sim">
      <Heading2 id="sim-title">{p('sim.title')}</Heading2>
      <Paragraph>{p('sim.intro')}</Paragraph>
      <div className="policy-grid">
        {/* The trial's clock moves only to a whole date; the boxes say what is wrong with any other. */}
        <DateInput
          id="sim-clock"
          label={p('sim.clock')}
          value={day}
          onChange={(d) => d && setDay(d)}
          onProblem={() => undefined}
          description={formatDateTime(now.toISOString())}
        />
        <SelectField
          id="sim-role"
          label={p('sim.role')}
          value={role}
          onChange={(v) => setRole(v as Role)}
          options={ROLE_CODES.map((r) => ({
            value: r,
            label: p(`roles.${r}` as PolicyMessageKey),
          }))}
        />
        <SelectField
          id="sim-regulation"
          label={p('sim.regulation')}
          value={terms.regulationId}
          onChange={terms.setRegulationId}
          options={[
            { value: '', label: p('sim.ownValues') },
            ...terms.regulations.map((r) => ({ value: r.id, label: r.title })),
          ]}
        />
      </div>
      <TrialTermsFields terms={terms} />
      <ButtonGroup>
        <Button appearance="secondary-action-button" onClick={() => setDay(addDays(day, 1))}>
          {p('sim.plusDay')}
        </Button>
        <Button appearance="secondary-action-button" onClick={() => setDay(addDays(day, 7))}>
          {p('sim.plusWeek')}
        </Button>
        <Button appearance="secondary-action-button" onClick={() => setDay(addDays(day, 42))}>
          {p('sim.plusWeeks')}
        </Button>
      </ButtonGroup>
      <TrialReaderChoice online={online} onChange={setOnline} />
      <TrialDataSection trial={trial} maxCents={facts.regulation.maxAmountCents} />
      <ButtonGroup>
        <Button appearance="primary-action-button" onClick={start}>
          {snapshot ? p('sim.restart') : p('sim.start')}
        </Button>
      </ButtonGroup>
      <div role="status" aria-live="polite" className="app-status">
        {say(message)}
      </div>
      {snapshot && state && (
        <>
          <Paragraph>
            <strong>{p('sim.state', { state: stateLabel(state) })}</strong>
          </Paragraph>
          <Statechart
            definition={definition as unknown as Record<string, unknown>}
            current={state}
          />
          <Heading3 className="policy-h3">{p('sim.events')}</Heading3>
          {available.length === 0 ? (
            <Paragraph>{p('sim.noEvents')}</Paragraph>
          ) : (
            <ul className="policy-sim-events">
              {available
                .filter((ev) => !ev.type.startsWith('xstate.'))
                .map((ev) => (
                  <li key={ev.type}>
                    <fieldset className="policy-plain-fieldset">
                      <legend className="utrecht-form-label">{texts.eventLabel(ev.type)}</legend>
                      {refusal?.event === ev.type && (
                        <StepRefusal
                          refusal={refusalText(refusal)}
                          idPrefix={`sim-payload-${ev.type}`}
                          eventLabel={texts.eventLabel(ev.type)}
                        />
                      )}
                      <PayloadForm
                        idPrefix={`sim-payload-${ev.type}`}
                        schema={definition.events[ev.type]?.payload}
                        value={payloads[ev.type] ?? {}}
                        errors={
                          refusal?.event === ev.type ? refusalText(refusal).fields : undefined
                        }
                        onChange={(v) => setPayloads({ ...payloads, [ev.type]: v })}
                      />
                      <Button appearance="secondary-action-button" onClick={() => send(ev.type)}>
                        {p('sim.send', { event: texts.eventLabel(ev.type) })}
                      </Button>
                    </fieldset>
                  </li>
                ))}
            </ul>
          )}
          <Heading3 className="policy-h3">{p('sim.timers')}</Heading3>
          {timers.size === 0 ? (
            <Paragraph>{p('sim.noTimers')}</Paragraph>
          ) : (
            <UnorderedList>
              {[...timers.entries()].map(([id, t]) => (
                <UnorderedListItem key={id}>
                  {texts.eventLabel(t.event)}: {p('sim.due', { date: formatDateTime(t.dueAt) })}
                </UnorderedListItem>
              ))}
            </UnorderedList>
          )}
          <ButtonGroup>
            <Button
              appearance="secondary-action-button"
              onClick={fireDue}
              disabled={timers.size === 0}
            >
              {p('sim.fire')}
            </Button>
          </ButtonGroup>
        </>
      )}
      <SimLog
        log={log}
        eventLabel={texts.eventLabel}
        stateLabel={stateLabel}
        effectsOf={texts.logEffects}
        errorText={texts.errorText}
      />
    </section>
  );
}
