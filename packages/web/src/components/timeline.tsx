import type { WorkflowDefinition } from '@initiatief/engine';
import { Heading3, Paragraph } from '@utrecht/component-library-react';
import type { HistoryEntry } from '../api/client';
import { isShellEntry, ShellTimelineItem } from '../desk/shell-history';
import { enteredLines, historyLabelOf, type NamedFile, stateOf } from '../forms/definition-text';
import { useI18n } from '../i18n/i18n';
import { EnteredLineText } from './entered-line';

/** The engine's own steps (creating, autosaving, timers): not events of any workflow. */
const DATA_UPDATE = 'UPDATE_DATA';
const CREATED = 'CREATE';
/** Policy staff moved the application to a newer version of its workflow (engine MIGRATE_EVENT). */
const MIGRATED = 'MIGRATE_DEFINITION';
const TIMER_PREFIX = 'xstate.after.';

/**
 * The history of an application as an ordered list, oldest first, with what was entered (amounts,
 * messages) under the payload's own labels; files that came with a step by their names (`files`).
 * A step whose event has its own `historyLabel` in the definition is headed by what happened
 * ("Aanvulling gestuurd"), with the state it came into on the line below ("Status: Ingediend"), so
 * two steps back into one state read apart; in such a version the engine's own steps (started,
 * term lapsed, moved to a newer version) read alike. A step without one (older versions) is headed
 * by the new state's label, with what happened (its `label`) below, as before.
 */
export function Timeline({
  entries,
  definition: def,
  showActor,
  headingId,
  files,
}: {
  entries: HistoryEntry[];
  definition: WorkflowDefinition | undefined;
  showActor?: boolean;
  headingId: string;
  /** The application's uploaded files, to name those a step's payload holds by id. */
  files?: readonly NamedFile[];
}) {
  const { t, locale, formatDate, formatDateTime, formatMoney } = useI18n();
  // Autosaves are history rows too; a run of them reads as one "edited" step.
  const sorted = [...entries]
    .sort((a, b) => a.seq - b.seq)
    .filter((h, i, all) => !(h.event === DATA_UPDATE && all[i + 1]?.event === DATA_UPDATE));
  if (sorted.length === 0) return <Paragraph>{t('timeline.empty')}</Paragraph>;
  const named = namesSteps(def);
  return (
    <ol className="app-timeline" aria-labelledby={headingId}>
      {sorted.map((h) => {
        if (isShellEntry(h)) {
          return <ShellTimelineItem key={h.seq} entry={h} showActor={showActor} />;
        }
        const state = stateOf(def, h.toState).label[locale];
        const edited = h.event === DATA_UPDATE;
        const own = def?.events[h.event] !== undefined;
        const engineStep =
          !own && (h.event === CREATED || h.event === MIGRATED || h.event.startsWith(TIMER_PREFIX));
        const what = own
          ? historyLabelOf(def, h.event)[locale]
          : h.event === CREATED
            ? t('timeline.created')
            : h.event === MIGRATED
              ? t('timeline.migrated')
              : h.event.startsWith(TIMER_PREFIX)
                ? t('timeline.termLapsed')
                : historyLabelOf(def, h.event)[locale];
        // An edit keeps its own heading: it did not bring the application into a state.
        const happened = !edited && (hasHistoryLabel(def, h.event) || (engineStep && named));
        const shown =
          h.event === MIGRATED
            ? migrationLines(h.payload, locale)
            : enteredLines(def, h.event, h.payload, locale, formatMoney, files);
        return (
          <li key={h.seq} className="app-timeline__item">
            <Heading3 className="app-timeline__title">
              {edited ? t('timeline.edited') : happened ? what : state}
            </Heading3>
            <Paragraph className="app-timeline__meta">
              <time dateTime={h.at}>{formatDateTime(h.at)}</time>
              {' · '}
              {edited
                ? t('timeline.editedIn', { state })
                : happened
                  ? t('timeline.cameInto', { state })
                  : what}
              {showActor && h.actor?.name ? ` · ${h.actor.name}` : ''}
              {showActor && h.onBehalfOf ? ` · ${t('timeline.onBehalf')}` : ''}
            </Paragraph>
            {shown.map((line) => (
              <Paragraph key={line.name} className="app-timeline__message">
                <EnteredLineText line={line} />
              </Paragraph>
            ))}
            {/* The day the desk said it came in (the application or a supplement, by post). */}
            {receivedOnOf(h.payload) && (
              <Paragraph className="app-timeline__message">
                {t('timeline.receivedOn', { date: formatDate(receivedOnOf(h.payload)) })}
              </Paragraph>
            )}
          </li>
        );
      })}
    </ol>
  );
}

/** The day of receipt the desk gave with the step (the API's `receivedOn`), if any. */
function receivedOnOf(payload: unknown): string | null {
  const day = (payload as { receivedOn?: unknown } | null)?.receivedOn;
  return typeof day === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(day) ? day : null;
}

/** The event has its own name in the history (`historyLabel`), in either language. */
function hasHistoryLabel(def: WorkflowDefinition | undefined, type: string): boolean {
  const l = def?.events[type]?.historyLabel;
  return Boolean(l?.nl.trim() || l?.en.trim());
}

/** The version names its steps by what happened: some event has its own `historyLabel`. */
function namesSteps(def: WorkflowDefinition | undefined): boolean {
  return Object.keys(def?.events ?? {}).some((type) => hasHistoryLabel(def, type));
}

/** What a move to a newer version changed, in the engine's own sentences (its explanation). */
function migrationLines(payload: unknown, locale: 'nl' | 'en'): { name: string; text: string }[] {
  const sentences = (payload as { explanation?: unknown } | null)?.explanation;
  if (!Array.isArray(sentences)) return [];
  return sentences
    .map((s, i) => ({ name: String(i), text: (s as Partial<Record<string, string>>)?.[locale] }))
    .filter((l): l is { name: string; text: string } => typeof l.text === 'string');
}
