import type { Effect, Facts, PersistedSnapshot, WorkflowDefinition } from '@initiatief/engine';
import {
  Heading3,
  Heading4,
  OrderedList,
  OrderedListItem,
  Paragraph,
  UnorderedList,
  UnorderedListItem,
} from '@utrecht/component-library-react';
import { usePolicyText } from './policy-messages';
import { useSimulatorText } from './simulator-messages';
import type { SimText } from './simulator-model';
import { paragraphLines } from './template-text';
import { TextParagraphs } from './text-paragraphs';

/** What one effect of a step did, in words; a mail or letter with the text it would have. */
export interface LogEffect {
  text: string;
  mail?: SimText & {
    kind: 'mail' | 'letter';
    audience?: 'applicant' | 'staff';
    /** Whether it is the text for an applicant who can log in; absent: she can. */
    online?: boolean;
    /** Whether the definition's text has changed since the step was taken. */
    changed?: boolean;
  };
}

/**
 * One step of the trial as it happened, not in words: the words (and the letters' texts) are
 * made when the log is shown, in the interface's language and for the applicant chosen then;
 * the letters' texts are those of the definition as it was when the step was taken.
 */
export interface LogEntry {
  id: number;
  event: string;
  from: string;
  to: string;
  at: string;
  /**
   * A step taken: its effects, with the definition, application and terms they are filled in
   * from. The definition is the one the step was taken with (the editor never changes one in
   * place), so editing a text afterwards leaves this step's letters as they were.
   */
  trial?: {
    effects: Effect[];
    definition: WorkflowDefinition;
    snapshot: PersistedSnapshot;
    facts: Facts;
    started: Date;
  };
  /** A step refused: why (the engine's error). */
  refused?: { error: unknown };
}

/**
 * A mail's or letter's text behind a disclosure, laid out as the definition editor's preview
 * does (the API's paragraphs: a blank line between paragraphs, a single break stays a break).
 */
export function SimMail({ mail }: { mail: NonNullable<LogEffect['mail']> }) {
  const { s } = useSimulatorText();
  const paragraphs = paragraphLines(mail.body);
  return (
    <>
      {mail.changed && <Paragraph className="policy-hint">{s('sl.changed')}</Paragraph>}
      <details className="policy-sim-mail">
        <summary>{mail.kind === 'letter' ? s('sl.readLetter') : s('sl.readMail')}</summary>
        <section
          className="policy-preview__mail"
          aria-label={s('sl.textTitle', { subject: mail.subject })}
        >
          <Paragraph className="policy-hint">
            {s(
              mail.audience === 'staff'
                ? 'sl.noteStaff'
                : mail.online === false
                  ? 'sl.noteOffline'
                  : 'sl.note',
            )}
          </Paragraph>
          <Heading4 className="policy-h4">{mail.subject}</Heading4>
          {paragraphs.length === 0 && <Paragraph>{s('sl.empty')}</Paragraph>}
          <TextParagraphs paragraphs={paragraphs} />
        </section>
      </details>
    </>
  );
}

/** The trial's steps, newest first, with what each did and the texts it would send. */
export function SimLog({
  log,
  eventLabel,
  stateLabel,
  effectsOf,
  errorText,
}: {
  log: LogEntry[];
  eventLabel(type: string): string;
  stateLabel(state: string): string;
  effectsOf(entry: LogEntry): LogEffect[];
  errorText(err: unknown): string;
}) {
  const { p, formatDateTime } = usePolicyText();
  if (log.length === 0) return null;
  return (
    <>
      <Heading3 className="policy-h3">{p('sim.log')}</Heading3>
      <OrderedList reversed className="policy-log">
        {log.map((entry) => {
          const effects = effectsOf(entry);
          return (
            <OrderedListItem key={entry.id}>
              {entry.refused
                ? errorText(entry.refused.error)
                : p('sim.logEntry', {
                    event: eventLabel(entry.event),
                    from: entry.from ? stateLabel(entry.from) : '–',
                    to: stateLabel(entry.to),
                    at: formatDateTime(entry.at),
                  })}
              {effects.length > 0 && (
                <UnorderedList>
                  {effects.map((effect, i) => (
                    // biome-ignore lint/suspicious/noArrayIndexKey: effects of one step never reorder
                    <UnorderedListItem key={i}>
                      {effect.text}
                      {effect.mail && <SimMail mail={effect.mail} />}
                    </UnorderedListItem>
                  ))}
                </UnorderedList>
              )}
            </OrderedListItem>
          );
        })}
      </OrderedList>
    </>
  );
}
