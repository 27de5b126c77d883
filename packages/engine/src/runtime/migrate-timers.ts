import type { ApplicationContext, Effect, LocalizedText } from '../core/engine.types';
import type { WorkflowDefinition } from '../definition/definition.schema';
import { formatDate, toAmsterdamDate } from '../legal-clock/calendar';
import { delayDueMs, delayMs } from '../vocabulary/delays';
import type { MachineEvent } from '../vocabulary/vocabulary.context';
import { timerEventType } from './machine';
import { actsInPlace, isNoticeOnly, overtakenOfState } from './overtaken-reminders';

/** A timer that runs for the application, as the shell holds it. */
export interface PendingTimer {
  timerId: string;
  event: string;
  /** ISO instant (UTC). */
  dueAt: string;
}

/** A timer of the application's state that already went off since it last entered that state. */
export interface FiredTimer extends PendingTimer {
  /** ISO instant (UTC) it went off. */
  firedAt: string;
}

/**
 * What a migration does to one deadline. `overtaken`: a reminder of the new state whose moment has
 * passed and that a later one, also due, replaces (the rule a state entered late follows too).
 * `kept` with `after: null`: a timer that already went off in this stay; it does not go off again.
 */
export type DeadlineChange =
  | 'kept'
  | 'moved'
  | 'started'
  | 'stopped'
  | 'rule_applied'
  | 'overtaken';

export interface MigratedDeadline {
  delay: string;
  label: LocalizedText;
  before: string | null;
  after: string | null;
  change: DeadlineChange;
  text: LocalizedText;
}

/** A delay in words, without its code: what kind of term it is. */
function delayLabel(def: WorkflowDefinition, delay: string): LocalizedText {
  const ref = def.delays[delay];
  const params = (ref?.params ?? {}) as { offsetDays?: number; days?: number };
  switch (ref?.type) {
    case 'decisionDue':
      return (params.offsetDays ?? 1) < 0
        ? { nl: 'waarschuwing voor de beslistermijn', en: 'warning before the decision term' }
        : { nl: 'beslistermijn', en: 'decision term' };
    case 'supplementDue':
      return { nl: 'termijn voor aanvulling', en: 'supplement period' };
    case 'reportDue':
      return { nl: 'termijn voor de verantwoording', en: 'report period' };
    default:
      return {
        nl: `termijn van ${params.days ?? '?'} dagen`,
        en: `time limit of ${params.days ?? '?'} days`,
      };
  }
}

/** The delay name inside a timer event (`xstate.after.<delay>.<key>.<state>`). */
function delayOf(event: string): string | undefined {
  const m = /^xstate\.after\.([^.]+)\./.exec(event);
  return m?.[1];
}

function dateOf(iso: string | null, locale: 'nl' | 'en'): string {
  return iso ? formatDate(toAmsterdamDate(new Date(iso)), locale) : '–';
}

function deadlineText(
  label: LocalizedText,
  before: string | null,
  after: string | null,
  change: Exclude<DeadlineChange, 'overtaken'>,
): LocalizedText {
  const b = (l: 'nl' | 'en') => dateOf(before, l);
  const a = (l: 'nl' | 'en') => dateOf(after, l);
  switch (change) {
    case 'kept':
      return {
        nl: `De ${label.nl} loopt door en gaat af op ${a('nl')}, zoals al gepland.`,
        en: `The ${label.en} keeps running and goes off on ${a('en')}, as already planned.`,
      };
    case 'moved':
      return {
        nl: `De ${label.nl} gaat mee naar de nieuwe status en gaat af op ${a('nl')}, zoals al gepland.`,
        en: `The ${label.en} moves with the application and goes off on ${a('en')}, as already planned.`,
      };
    case 'rule_applied':
      return {
        nl: `De ${label.nl} volgt de regel van de nieuwe versie en gaat af op ${a('nl')} in plaats van ${b('nl')}.`,
        en: `The ${label.en} follows the new version's rule: it goes off on ${a('en')} instead of ${b('en')}.`,
      };
    case 'started':
      return {
        nl: `De ${label.nl} begint te lopen en gaat af op ${a('nl')}.`,
        en: `The ${label.en} starts to run and goes off on ${a('en')}.`,
      };
    default:
      return {
        nl: `De ${label.nl} (gepland op ${b('nl')}) vervalt: de nieuwe status kent die termijn niet.`,
        en: `The ${label.en} (planned for ${b('en')}) stops: the new state does not have it.`,
      };
  }
}

function overtakenText(
  label: LocalizedText,
  due: string,
  later: LocalizedText,
  laterSent: boolean,
): LocalizedText {
  const head = {
    nl: `De ${label.nl} (${dateOf(due, 'nl')}) gaat niet meer af: dat moment is al voorbij, en de ${later.nl}, die later viel,`,
    en: `The ${label.en} (${dateOf(due, 'en')}) no longer goes off: that moment has passed, and the ${later.en}, which fell later,`,
  };
  return laterSent
    ? { nl: `${head.nl} is al afgegaan.`, en: `${head.en} already went off.` }
    : {
        nl: `${head.nl} gaat in de plaats daarvan af.`,
        en: `${head.en} goes off in its place.`,
      };
}

/** A timer that went off in this stay and is not scheduled again; `notice`: it only sent mail. */
function alreadyFiredText(label: LocalizedText, firedAt: string, notice: boolean): LocalizedText {
  const on = (l: 'nl' | 'en') => dateOf(firedAt, l);
  return notice
    ? {
        nl: `De ${label.nl} is al afgegaan op ${on('nl')} en het bericht daarover is verstuurd: het gaat niet nog een keer.`,
        en: `The ${label.en} already went off on ${on('en')} and its message was sent: it is not sent again.`,
      }
    : {
        nl: `De ${label.nl} is al afgegaan op ${on('nl')} en gaat niet nog een keer af.`,
        en: `The ${label.en} already went off on ${on('en')} and does not go off again.`,
      };
}

interface Planned {
  delay: string;
  timerEvent: string;
  old: PendingTimer | undefined;
  /** The timer went off in this stay already and is not scheduled again. */
  fired: FiredTimer | undefined;
  /** When it goes off after the migration (never before now). */
  dueAt: string;
  /** When it falls: the running timer's date when kept, else the new version's rule. */
  falls: string;
  change: Exclude<DeadlineChange, 'stopped' | 'overtaken'>;
}

/**
 * The timers of a migration to state `to` of `newDef`: every after-transition of the new state
 * runs exactly once, a running one keeps its date unless `applyNewRules`, and the timers the new
 * state lacks are cancelled. One that acts in place (no target, see `actsInPlace`) and already
 * went off in this stay (`fired`) is not scheduled again. Then the rule of a state entered late:
 * of the new state's reminders already due, only the one due last goes off (`overtakenOfState`;
 * one that already went off counts too, so when the last already went off none goes off again);
 * deadlines stay.
 */
export function migrateTimers(
  oldDef: WorkflowDefinition,
  newDef: WorkflowDefinition,
  to: string,
  ctx: ApplicationContext,
  event: MachineEvent,
  input: { timers: PendingTimer[]; firedTimers?: FiredTimer[]; applyNewRules?: boolean },
): { cancels: Effect[]; schedules: Effect[]; deadlines: MigratedDeadline[] } {
  const cancels: Effect[] = [];
  const schedules: Effect[] = [];
  const deadlines: MigratedDeadline[] = [];
  const wanted = new Map(
    Object.keys(newDef.states[to]!.after ?? {}).map((d) => [d, timerEventType(newDef, to, d)]),
  );
  const running = new Map<string, PendingTimer>();
  for (const t of input.timers) {
    const delay = delayOf(t.event);
    if (delay && wanted.has(delay) && !running.has(delay)) running.set(delay, t);
    else cancels.push({ type: 'timer.cancel', timerId: t.timerId });
  }
  for (const t of input.timers) {
    const delay = delayOf(t.event);
    if (delay && !wanted.has(delay)) {
      const label = delayLabel(oldDef, delay);
      deadlines.push({
        delay,
        label,
        before: t.dueAt,
        after: null,
        change: 'stopped',
        text: deadlineText(label, t.dueAt, null, 'stopped'),
      });
    }
  }
  // The last time each timer of this stay went off, for the new state's timers that stay in it.
  const fired = new Map<string, FiredTimer>();
  for (const t of input.firedTimers ?? []) {
    const delay = delayOf(t.event);
    if (!delay || !wanted.has(delay) || running.has(delay) || !actsInPlace(newDef, to, delay)) {
      continue;
    }
    const seen = fired.get(delay);
    if (!seen || Date.parse(t.firedAt) > Date.parse(seen.firedAt)) fired.set(delay, t);
  }
  const planned: Planned[] = [];
  for (const [delay, timerEvent] of wanted) {
    const old = running.get(delay);
    const went = fired.get(delay);
    const ruleDue = () => new Date(event.nowMs + delayMs(delay, newDef, ctx, event)).toISOString();
    const ruleFalls = () => {
      const at = delayDueMs(delay, newDef, ctx, event);
      return at === undefined ? ruleDue() : new Date(at).toISOString();
    };
    if (went) {
      const { dueAt } = went;
      planned.push({ delay, timerEvent, old, fired: went, dueAt, falls: dueAt, change: 'kept' });
    } else if (!old) {
      planned.push({
        delay,
        timerEvent,
        old,
        fired: undefined,
        dueAt: ruleDue(),
        falls: ruleFalls(),
        change: 'started',
      });
    } else if (input.applyNewRules) {
      const dueAt = ruleDue();
      const change = dueAt === old.dueAt ? 'kept' : 'rule_applied';
      planned.push({ delay, timerEvent, old, fired: undefined, dueAt, falls: ruleFalls(), change });
    } else {
      const change = old.event === timerEvent ? 'kept' : 'moved';
      const { dueAt } = old;
      planned.push({ delay, timerEvent, old, fired: undefined, dueAt, falls: dueAt, change });
    }
  }
  const overtaken = overtakenOfState(
    newDef,
    to,
    planned.map((p) => ({ timerId: p.timerEvent, delay: p.delay, dueMs: Date.parse(p.dueAt) })),
    ctx,
    event,
  );
  for (const { delay, timerEvent, old, fired: went, dueAt, falls, change } of planned) {
    const label = delayLabel(newDef, delay);
    if (went) {
      // Went off in this stay: it does not go off again, whatever the rule says now.
      const text = alreadyFiredText(label, went.firedAt, isNoticeOnly(newDef, to, delay));
      deadlines.push({ delay, label, before: went.dueAt, after: null, change: 'kept', text });
      continue;
    }
    const before = old?.dueAt ?? null;
    const keptInstead = overtaken.get(timerEvent);
    if (keptInstead !== undefined) {
      // Left out: a running timer is cancelled (once), a new one never scheduled.
      if (old) cancels.push({ type: 'timer.cancel', timerId: old.timerId });
      const instead = planned.find((p) => p.timerEvent === keptInstead)!;
      const text = overtakenText(label, falls, delayLabel(newDef, instead.delay), !!instead.fired);
      deadlines.push({ delay, label, before, after: null, change: 'overtaken', text });
      continue;
    }
    if (old && (old.event !== timerEvent || dueAt !== old.dueAt)) {
      cancels.push({ type: 'timer.cancel', timerId: old.timerId });
    }
    if (!old || old.event !== timerEvent || dueAt !== old.dueAt) {
      schedules.push({ type: 'timer.schedule', timerId: timerEvent, event: timerEvent, dueAt });
    }
    const text = deadlineText(label, before, dueAt, change);
    deadlines.push({ delay, label, before, after: dueAt, change, text });
  }
  return { cancels, schedules, deadlines };
}
