import { type Effect, EngineError, type WorkflowDefinition } from '@initiatief/engine';
import { delayText } from './delay-text';
import { textIn } from './editor-kit';
import { useEditorText } from './editor-messages';
import type { PolicyMessageKey } from './policy-messages';
import { conditionsFor, deliveries } from './simulator-channel';
import type { LogEffect, LogEntry } from './simulator-log';
import { useSimulatorText } from './simulator-messages';
import { type DrawnFrom, drawnText, refusalWords } from './simulator-model';

/** The engine's own first step (`createApplication`): no event of any workflow. */
export const CREATED = 'CREATE';

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
   * applicant would have got them when the step was taken (drawnText), in today's language.
   */
  const drawn = (group: 'mails' | 'letters', key: string, from: DrawnFrom) =>
    drawnText(group, key, from, definition, {
      locale,
      conditions,
      applicationUrl: `${window.location.origin}/aanvragen`,
    });

  /** The text a mail or letter of this effect would have; undefined for other effects. */
  const textOf = (ef: Effect, from: DrawnFrom) => {
    if (ef.type === 'notice') return drawn('mails', ef.template, from);
    if (ef.type === 'document') return drawn('letters', ef.template, from);
    return undefined;
  };

  /** What an effect did in words; a mail's or letter's by `subject`, as drawn for its step. */
  const effectText = (ef: Effect, subject: string): string => {
    switch (ef.type) {
      case 'notice':
        return p('sim.effect.notice', {
          audience: p(`sim.audience.${ef.audience}` as PolicyMessageKey),
          subject,
        });
      case 'document':
        return p('sim.effect.document', { kind: enumWord('kind', ef.kind), subject });
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

  /**
   * A refused step as a sentence: the engine's own per-field sentences, else its refusal in words
   * (`text`: the step and the state by their labels), else the condition by name.
   */
  const errorText = (err: unknown): string => {
    const said = refusalWords(err, locale);
    if (said) return p('sim.error', { message: said });
    if (err instanceof EngineError) {
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
    const from: DrawnFrom = { ...trial, at: new Date(entry.at) };
    const how = deliveries(trial.effects, online);
    return trial.effects.map((ef, i): LogEffect => {
      const text = textOf(ef, from);
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
      return { text: effectText(ef, text?.subject ?? ''), mail };
    });
  };

  return { eventLabel, effectText, textOf, errorText, logEffects, e };
}
