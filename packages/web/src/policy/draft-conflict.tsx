import {
  Button,
  ButtonGroup,
  Heading2,
  Heading3,
  Paragraph,
  Textarea,
} from '@utrecht/component-library-react';
import { useEffect, useRef } from 'react';
import { ApiError } from '../api/client';
import { useI18n } from '../i18n/i18n';
import { ChangesInWords } from './changes-in-words';
import type { DefinitionDetail } from './policy-api';
import { Statechart } from './statechart';

/**
 * Two tabs on one draft (issue 14): a save over someone else's newer save is refused by the API
 * (412). The officer then chooses: load their version, or keep theirs beside their own to
 * compare. Nothing is overwritten unless they save again knowing that it replaces the other one.
 */
const nl = {
  'conflict.title': 'Iemand anders heeft dit concept intussen gewijzigd',
  'conflict.text':
    '{name} heeft dit concept opgeslagen op {time}, nadat u het opende. Uw wijzigingen zijn niet opgeslagen en er is niets overschreven.',
  'conflict.someone': 'Iemand anders',
  'conflict.reload': 'Hun versie laden (uw wijzigingen vervallen)',
  'conflict.keep': 'Mijn versie houden om te vergelijken',
  'conflict.reloaded': 'De versie van {name} is geladen.',
  'compare.title': 'Vergelijken met de versie van {name}',
  'compare.text':
    'Uw wijzigingen staan nog in de editor. Het schema hieronder toont uw versie, met wat anders is dan de versie van {name} ({time}). Als u nu opslaat, vervangt uw versie die van {name}.',
  'compare.changes': 'Wat u verandert aan de versie van {name} als u opslaat',
  'compare.same': 'Uw versie is gelijk aan die van {name}.',
  'compare.json': 'De versie van {name} als JSON (alleen lezen)',
  'compare.reload': 'Toch hun versie laden',
  'compare.save': 'Mijn versie opslaan (vervangt die van {name})',
  'leave.confirm':
    'U heeft wijzigingen in dit concept die nog niet zijn opgeslagen. Wilt u deze pagina verlaten? Uw wijzigingen gaan dan verloren.',
};
const en: typeof nl = {
  'conflict.title': 'Someone else has changed this draft in the meantime',
  'conflict.text':
    '{name} saved this draft on {time}, after you opened it. Your changes have not been saved and nothing was overwritten.',
  'conflict.someone': 'Someone else',
  'conflict.reload': 'Load their version (your changes are dropped)',
  'conflict.keep': 'Keep my version to compare',
  'conflict.reloaded': 'The version of {name} has been loaded.',
  'compare.title': 'Comparing with the version of {name}',
  'compare.text':
    'Your changes are still in the editor. The diagram below shows your version, marking what differs from the version of {name} ({time}). If you save now, your version replaces that of {name}.',
  'compare.changes': 'What you change in the version of {name} if you save',
  'compare.same': 'Your version is the same as that of {name}.',
  'compare.json': 'The version of {name} as JSON (read only)',
  'compare.reload': 'Load their version after all',
  'compare.save': 'Save my version (replaces that of {name})',
  'leave.confirm':
    'You have changes in this draft that have not been saved. Do you want to leave this page? Your changes will be lost.',
};

export type ConflictKey = keyof typeof nl;

export function useConflictText() {
  const i18n = useI18n();
  const catalogue = i18n.locale === 'nl' ? nl : en;
  const c = (key: ConflictKey, vars: Record<string, string> = {}) =>
    catalogue[key].replace(/\{(\w+)\}/g, (m, name: string) => vars[name] ?? m);
  return { ...i18n, c };
}

/** Who saved in between and when, from a 412; null for any other error. */
export interface SaveConflict {
  name: string | null;
  savedAt: string | null;
}

export function conflictOf(err: unknown): SaveConflict | null {
  if (!(err instanceof ApiError) || err.status !== 412) return null;
  const savedBy = err.problem.savedBy as { name?: string } | null | undefined;
  const savedAt = err.problem.savedAt;
  return {
    name: savedBy?.name ?? null,
    savedAt: typeof savedAt === 'string' ? savedAt : null,
  };
}

/** The modal question after a refused save; Escape keeps the officer's version (nothing is lost). */
export function SaveConflictDialog({
  conflict,
  busy,
  onReload,
  onKeep,
}: {
  conflict: SaveConflict;
  busy: boolean;
  onReload(): void;
  onKeep(): void;
}) {
  const { c, formatDateTime } = useConflictText();
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
    return () => dialog?.close();
  }, []);
  const name = conflict.name ?? c('conflict.someone');
  return (
    <dialog
      ref={ref}
      role="alertdialog"
      aria-labelledby="conflict-title"
      aria-describedby="conflict-text"
      className="policy-dialog"
      onCancel={(e) => {
        e.preventDefault();
        onKeep();
      }}
    >
      <Heading2 id="conflict-title">{c('conflict.title')}</Heading2>
      <Paragraph id="conflict-text">
        {c('conflict.text', { name, time: formatDateTime(conflict.savedAt) })}
      </Paragraph>
      <ButtonGroup>
        <Button appearance="primary-action-button" onClick={onReload} disabled={busy}>
          {c('conflict.reload')}
        </Button>
        <Button appearance="secondary-action-button" onClick={onKeep} disabled={busy}>
          {c('conflict.keep')}
        </Button>
      </ButtonGroup>
    </dialog>
  );
}

/** Their version beside the officer's own: the diagram marks the differences, JSON for experts. */
export function CompareWithTheirs({
  mine,
  theirs,
  onReload,
}: {
  mine: Record<string, unknown>;
  theirs: DefinitionDetail;
  onReload(): void;
}) {
  const { c, formatDateTime } = useConflictText();
  const name = theirs.savedBy?.name ?? c('conflict.someone');
  return (
    <section aria-labelledby="compare-title" className="policy-compare">
      <Heading2 id="compare-title">{c('compare.title', { name })}</Heading2>
      <Paragraph>{c('compare.text', { name, time: formatDateTime(theirs.savedAt) })}</Paragraph>
      <ButtonGroup>
        <Button appearance="secondary-action-button" onClick={onReload}>
          {c('compare.reload')}
        </Button>
      </ButtonGroup>
      <Heading3 id="compare-changes">{c('compare.changes', { name })}</Heading3>
      <ChangesInWords before={theirs.definition} after={mine} none={c('compare.same', { name })} />
      <Statechart definition={mine} before={theirs.definition} />
      <details>
        <summary>{c('compare.json', { name })}</summary>
        <Textarea
          aria-label={c('compare.json', { name })}
          readOnly
          spellCheck={false}
          value={JSON.stringify(theirs.definition, null, 2)}
          className="policy-json"
        />
      </details>
    </section>
  );
}
