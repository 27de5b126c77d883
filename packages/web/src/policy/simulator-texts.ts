import {
  type Effect,
  EngineError,
  type Facts,
  type PersistedSnapshot,
  referencePrefix,
  renderTemplate,
  templateVariables,
  toAmsterdamDate,
  type WorkflowDefinition,
} from '@initiatief/engine';
import { delayText } from './delay-text';
import { textIn } from './editor-kit';
import { useEditorText } from './editor-messages';
import type { PolicyMessageKey } from './policy-messages';
import { conditionsFor, deliveries } from './simulator-channel';
import type { LogEffect, LogEntry } from './simulator-log';
import { useSimulatorText } from './simulator-messages';

const SIM_NAME = 'Fatima el Amrani';
/** The engine's own first step (`createApplication`): no event of any workflow. */
export const CREATED = 'CREATE';

/** A mail's or letter's subject and text, filled in. */
export interface SimText {
  subject: string;
  body: string;
}

/**
 * What happened in words, with subjects filled in as the applicant would read them: one who can
 * log in (`online`), or one who cannot and gets everything on paper.
 */
export function useSimulatorTexts(definition: WorkflowDefinition, online = true) {
  const { p, e, word, enumWord, locale, formatMoney, formatDateTime } = useEditorText();
  const { s } = useSimulatorText();
  const conditions = conditionsFor(online);
  const eventLabel = (type: string) => {
    if (type.startsWith('xstate.after.'))
      return p('sim.timer', { delay: delayText(definition, type.split('.')[2] ?? type, locale) });
    const label = definition.events[type]?.label;
    if (label) return textIn(label, locale, type);
    return type === CREATED ? p('sim.created') : type;
  };

  /**
   * A letter's or mail's subject and text filled in with the trial application's values, as the
   * applicant would get them; the template's own text where a value cannot be filled in. The
   * reference carries the year the trial application began (`started`), as a real one keeps the
   * year it was made in: moving the clock past New Year does not change it.
   */
  const rendered = (
    group: 'mails' | 'letters',
    key: string,
    snapshot: PersistedSnapshot,
    now: Date,
    facts: Facts,
    started: Date,
  ): SimText => {
    const template = definition.templates[group][key]?.[locale];
    if (!template) return { subject: key, body: '' };
    try {
      const vars = templateVariables(definition, snapshot, {
        locale,
        now,
        reference: `${referencePrefix(definition)}-${toAmsterdamDate(started).slice(0, 4)}-000001`,
        applicantName: SIM_NAME,
        applicationUrl: `${window.location.origin}/aanvragen`,
        facts,
      });
      return {
        subject: renderTemplate(template.subject, vars, conditions),
        body: renderTemplate(template.body, vars, conditions),
      };
    } catch {
      return { subject: template.subject, body: template.body };
    }
  };
  const subject = (...args: Parameters<typeof rendered>) => rendered(...args).subject;

  /** The text a mail or letter of this effect would have; undefined for other effects. */
  const textOf = (
    ef: Effect,
    snapshot: PersistedSnapshot,
    now: Date,
    facts: Facts,
    started: Date,
  ): SimText | undefined => {
    if (ef.type === 'notice') return rendered('mails', ef.template, snapshot, now, facts, started);
    if (ef.type === 'document')
      return rendered('letters', ef.template, snapshot, now, facts, started);
    return undefined;
  };

  const effectText = (
    ef: Effect,
    snapshot: PersistedSnapshot,
    now: Date,
    facts: Facts,
    started: Date,
  ): string => {
    switch (ef.type) {
      case 'notice':
        return p('sim.effect.notice', {
          audience: p(`sim.audience.${ef.audience}` as PolicyMessageKey),
          subject: subject('mails', ef.template, snapshot, now, facts, started),
        });
      case 'document':
        return p('sim.effect.document', {
          kind: enumWord('kind', ef.kind),
          subject: subject('letters', ef.template, snapshot, now, facts, started),
        });
      case 'timer.schedule':
        return p('sim.effect.timerSchedule', {
          event: eventLabel(ef.event),
          date: formatDateTime(ef.dueAt),
        });
      case 'timer.cancel':
        return p('sim.effect.timerCancel', { timer: eventLabel(ef.timerId) });
      case 'payment':
        return p('sim.effect.payment', {
          kind: enumWord('kind', ef.kind),
          amount: formatMoney(ef.amountCents),
        });
      default:
        return p('sim.effect.budget', {
          kind: p(`sim.budget.${ef.type.slice('budget.'.length)}` as PolicyMessageKey),
          amount: formatMoney(ef.amountCents),
        });
    }
  };

  /** A refused step as a sentence: the engine's own per-field sentences, else the condition by name. */
  const errorText = (err: unknown): string => {
    if (err instanceof EngineError) {
      const issues = (err.issues ?? []).map((i) => i.text?.[locale] ?? i.message);
      if (issues.length) return p('sim.error', { message: issues.join(' ') });
      if (err.code === 'guard_failed' && err.guard)
        return p('sim.error', {
          message: p('sim.guardFailed', { guard: word('guard', err.guard) }),
        });
      const known: Record<string, PolicyMessageKey> = {
        event_not_allowed: 'sim.notAllowed',
        role_not_allowed: 'sim.roleNotAllowed',
        four_eyes: 'sim.fourEyes',
      };
      const key = known[err.code];
      if (key) return p('sim.error', { message: p(key) });
    }
    return p('sim.error', { message: (err as Error).message });
  };

  /**
   * A step's effects in words, with the texts of its letters and mails, as the trial applicant
   * gets them: a mail to an applicant who cannot log in goes by post as a letter, unless the
   * step has a letter of its own, which says it.
   */
  const logEffects = (entry: LogEntry): LogEffect[] => {
    const { trial } = entry;
    if (!trial) return [];
    const at = new Date(entry.at);
    const how = deliveries(trial.effects, online);
    return trial.effects.map((ef, i): LogEffect => {
      const text = textOf(ef, trial.snapshot, at, trial.facts, trial.started);
      const staff = ef.type === 'notice' && ef.audience === 'staff';
      const mail = text && {
        ...text,
        kind: how[i] === 'mail' ? ('mail' as const) : ('letter' as const),
        audience: staff ? ('staff' as const) : ('applicant' as const),
        online,
      };
      if (how[i] === 'paper')
        return { text: s('sc.paper', { subject: text?.subject ?? '' }), mail };
      if (how[i] === 'inLetter')
        return { text: s('sc.inLetter', { subject: text?.subject ?? '' }) };
      return { text: effectText(ef, trial.snapshot, at, trial.facts, trial.started), mail };
    });
  };

  return { eventLabel, effectText, textOf, errorText, logEffects, e };
}
