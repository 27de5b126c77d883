import {
  type Actor,
  addDays,
  allowedEvents,
  amsterdamStartOfDay,
  createApplication,
  type Effect,
  type Facts,
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
  OrderedList,
  OrderedListItem,
  Paragraph,
  UnorderedList,
  UnorderedListItem,
} from '@utrecht/component-library-react';
import { useMemo, useState } from 'react';
import { SelectField, TextAreaField, TextField } from '../components/ui';
import { ROLE_CODES } from './definition-forms';
import { type PolicyMessageKey, usePolicyText } from './policy-messages';
import { Statechart } from './statechart';

interface LogEntry {
  id: number;
  event: string;
  from: string;
  to: string;
  at: string;
  effects: Effect[];
  error?: string;
}

/** A complete form for the shipped workflow, with the activity ten weeks after the clock. */
function sampleData(today: string) {
  return {
    title: 'Straatfeest Mathenesserlaan',
    description: 'Een middag met muziek, spelletjes en een lange tafel met eten uit de buurt.',
    district: 'Delfshaven',
    activityDate: addDays(today, 70),
    location: 'Mathenesserlaan 200-260',
    expectedParticipants: 120,
    budgetLines: [
      { description: 'Huur podium en geluid', amountCents: 45_000 },
      { description: 'Eten en drinken', amountCents: 30_000 },
    ],
    supporters: [
      { name: 'Fatima el Amrani', postcode: '3022 AB', age: 34 },
      { name: 'Jan de Vries', postcode: '3022 AC', age: 67 },
      { name: 'Priya Ramdin', postcode: '3022 AD', age: 15 },
      { name: 'Kees Bakker', postcode: '3022 AE', age: 45 },
    ],
    iban: 'NL91ABNA0417164300',
  };
}

const actorFor = (role: Role): Actor => ({ id: `sim-${role}`, roles: [role] });
const SYSTEM: Actor = { id: 'system', roles: ['system'] };

/**
 * Runs the engine's own `createApplication` / `step` in the browser on the definition being
 * edited, with a clock the user moves, and lists the effects each step would have.
 */
export function Simulator({ definition }: { definition: WorkflowDefinition }) {
  const { p, formatMoney, formatDateTime, locale } = usePolicyText();
  const eventLabel = (type: string) => definition.events[type]?.label?.[locale] ?? type;
  const [day, setDay] = useState(() => toAmsterdamDate(new Date()));
  const now = useMemo(() => new Date(amsterdamStartOfDay(day).getTime() + 9 * 3_600_000), [day]);
  const [role, setRole] = useState<Role>('applicant');
  const [budget, setBudget] = useState('10000000');
  const [max, setMax] = useState('1000000');
  const [threshold, setThreshold] = useState('0');
  const [data, setData] = useState(() => JSON.stringify(sampleData(day), null, 2));
  const [snapshot, setSnapshot] = useState<PersistedSnapshot | null>(null);
  const [timers, setTimers] = useState<Map<string, { event: string; dueAt: string }>>(new Map());
  const [log, setLog] = useState<LogEntry[]>([]);
  const [payloads, setPayloads] = useState<Record<string, string>>({});
  const [message, setMessage] = useState('');

  const facts: Facts = {
    regulation: {
      maxAmountCents: Number(max) || 0,
      decisionTermWeeks: 8,
      directSettlementThresholdCents: Number(threshold) || 0,
      reportDueWeeks: 12,
    },
    budgetRemainingCents: Number(budget) || 0,
  };

  const record = (result: StepResult) => {
    setSnapshot(result.snapshot);
    setTimers((prev) => {
      const next = new Map(prev);
      for (const e of result.effects) {
        if (e.type === 'timer.cancel') next.delete(e.timerId);
        if (e.type === 'timer.schedule') next.set(e.timerId, { event: e.event, dueAt: e.dueAt });
      }
      return next;
    });
    setLog((l) => [
      {
        id: l.length + 1,
        event: result.history.event,
        from: result.history.from,
        to: result.history.to,
        at: result.history.at,
        effects: result.effects,
      },
      ...l,
    ]);
    // Budget effects change what is left, as the ledger would.
    let left = Number(budget) || 0;
    for (const e of result.effects) {
      if (e.type === 'budget.reserve') left -= e.amountCents;
      if (e.type === 'budget.release') left += e.amountCents;
    }
    setBudget(String(left));
  };

  const attempt = (event: string, run: () => StepResult) => {
    try {
      record(run());
      setMessage('');
    } catch (err) {
      const text = p('sim.error', { message: (err as Error).message });
      setMessage(text);
      setLog((l) => [
        {
          id: l.length + 1,
          event,
          from: '',
          to: '',
          at: now.toISOString(),
          effects: [],
          error: text,
        },
        ...l,
      ]);
    }
  };

  const start = () => {
    let parsed: Record<string, unknown>;
    try {
      parsed = JSON.parse(data) as Record<string, unknown>;
    } catch {
      setMessage(p('sim.badJson'));
      return;
    }
    setTimers(new Map());
    setLog([]);
    attempt('CREATE', () =>
      createApplication(definition, { now, actor: actorFor('applicant'), facts, data: parsed }),
    );
  };

  const send = (type: string) => {
    if (!snapshot) return;
    let payload: unknown;
    try {
      payload = JSON.parse(payloads[type] || '{}');
    } catch {
      setMessage(p('sim.badJson'));
      return;
    }
    attempt(type, () =>
      step(definition, snapshot, { type, payload }, { now, actor: actorFor(role), facts }),
    );
  };

  const fireDue = () => {
    if (!snapshot) return;
    let current = snapshot;
    const due = [...timers.entries()]
      .filter(([, t]) => t.dueAt <= now.toISOString())
      .sort(([, a], [, b]) => a.dueAt.localeCompare(b.dueAt));
    for (const [, t] of due) {
      try {
        const result = step(definition, current, { type: t.event }, { now, actor: SYSTEM, facts });
        record(result);
        current = result.snapshot;
      } catch (err) {
        setMessage(p('sim.error', { message: (err as Error).message }));
        break;
      }
    }
  };

  const state = snapshot ? (snapshot as { value: string }).value : null;
  const stateLabel = (s: string) => {
    const label = definition.states[s]?.meta?.label;
    return label ? label[locale] : s;
  };
  let available: { type: string }[] = [];
  try {
    available = snapshot ? allowedEvents(definition, snapshot, actorFor(role), facts, now) : [];
  } catch {
    available = [];
  }
  const templateSubject = (group: 'mails' | 'letters', key: string) =>
    definition.templates[group][key]?.nl.subject ?? key;

  const effectText = (e: Effect): string => {
    switch (e.type) {
      case 'notice':
        return p('sim.effect.notice', {
          template: e.template,
          audience: p(`sim.audience.${e.audience}` as PolicyMessageKey),
          subject: templateSubject('mails', e.template),
        });
      case 'document':
        return p('sim.effect.document', {
          kind: e.kind,
          template: e.template,
          subject: templateSubject('letters', e.template),
        });
      case 'timer.schedule':
        return p('sim.effect.timerSchedule', { event: e.event, date: formatDateTime(e.dueAt) });
      case 'timer.cancel':
        return p('sim.effect.timerCancel', { timer: e.timerId });
      case 'payment':
        return p('sim.effect.payment', { kind: e.kind, amount: formatMoney(e.amountCents) });
      default:
        return p('sim.effect.budget', {
          kind: e.type.slice('budget.'.length),
          amount: formatMoney(e.amountCents),
        });
    }
  };

  return (
    <section aria-labelledby="sim-title" className="policy-sim">
      <Heading2 id="sim-title">{p('sim.title')}</Heading2>
      <Paragraph>{p('sim.intro')}</Paragraph>
      <div className="policy-grid">
        <TextField
          id="sim-clock"
          label={p('sim.clock')}
          type="date"
          value={day}
          onChange={(v) => v && setDay(v)}
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
        <TextField
          id="sim-budget"
          label={p('sim.budget')}
          inputMode="numeric"
          value={budget}
          onChange={setBudget}
        />
        <TextField
          id="sim-max"
          label={p('sim.max')}
          inputMode="numeric"
          value={max}
          onChange={setMax}
        />
        <TextField
          id="sim-threshold"
          label={p('sim.threshold')}
          inputMode="numeric"
          value={threshold}
          onChange={setThreshold}
        />
      </div>
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
      <details>
        <summary>{p('sim.data')}</summary>
        <TextAreaField
          id="sim-data"
          label={p('sim.data')}
          value={data}
          onChange={setData}
          rows={12}
        />
      </details>
      <ButtonGroup>
        <Button appearance="primary-action-button" onClick={start}>
          {snapshot ? p('sim.restart') : p('sim.start')}
        </Button>
      </ButtonGroup>
      <div role="status" aria-live="polite" className="app-status">
        {message}
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
                .filter((e) => !e.type.startsWith('xstate.'))
                .map((e) => (
                  <li key={e.type}>
                    <TextField
                      id={`sim-payload-${e.type}`}
                      label={`${p('sim.payload')}: ${eventLabel(e.type)}`}
                      value={payloads[e.type] ?? '{}'}
                      onChange={(v) => setPayloads({ ...payloads, [e.type]: v })}
                    />
                    <Button appearance="secondary-action-button" onClick={() => send(e.type)}>
                      {p('sim.send', { event: eventLabel(e.type) })}
                    </Button>
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
                  {t.event}: {p('sim.due', { date: formatDateTime(t.dueAt) })}
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
      {log.length > 0 && (
        <>
          <Heading3 className="policy-h3">{p('sim.log')}</Heading3>
          <OrderedList reversed className="policy-log">
            {log.map((entry) => (
              <OrderedListItem key={entry.id}>
                {entry.error ??
                  p('sim.logEntry', {
                    event: entry.event,
                    from: entry.from ? stateLabel(entry.from) : '–',
                    to: stateLabel(entry.to),
                    at: formatDateTime(entry.at),
                  })}
                {entry.effects.length > 0 && (
                  <UnorderedList>
                    {entry.effects.map((e, i) => (
                      // biome-ignore lint/suspicious/noArrayIndexKey: effects of one step never reorder
                      <UnorderedListItem key={i}>{effectText(e)}</UnorderedListItem>
                    ))}
                  </UnorderedList>
                )}
              </OrderedListItem>
            ))}
          </OrderedList>
        </>
      )}
    </section>
  );
}
