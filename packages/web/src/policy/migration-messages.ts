import { useI18n } from '../i18n/i18n';

/** Texts of the migration page (issue 14), beside policy-messages.ts in the same style. */
const nl = {
  'mg.noneToMove':
    'Er lopen geen aanvragen op een versie waarvoor een nieuwere gepubliceerde versie bestaat. Er valt nu niets over te zetten.',
  'mg.fromOption': 'Versie {version} ({status}, {n} lopende aanvragen)',
  'mg.toOption': 'Versie {version}',
  'mg.applyNewRules': 'Termijnen die al lopen volgen de regel van de nieuwe versie',
  'mg.applyNewRulesHelp':
    'Zonder dit vinkje houdt een termijn die al loopt de datum die de aanvrager kent; alleen termijnen die nog niet liepen starten volgens de nieuwe versie.',
  'mg.mapTitle': 'Waar gaan aanvragen heen?',
  'mg.mapIntro':
    'Een aanvraag gaat alleen naar een status van hetzelfde soort, nooit naar een eindstatus of een besluit.',
  'mg.mapTo': 'Aanvragen met de status ‘{state}’ gaan naar',
  'mg.keep': 'Dezelfde status (als die bestaat)',
  'mg.noTarget': 'Geen status van hetzelfde soort in versie {version}',
  'mg.choose': 'Overzetten',
  'mg.chooseOne': 'Zet {reference} over',
  'mg.chooseAll': 'Alle aanvragen die een plek hebben',
  'mg.deadlines': 'Termijnen',
  'mg.budget': 'Budget',
  'mg.form': 'Formulier',
  'mg.formSame': 'Blijft zoals het is.',
  'mg.noDeadlines': 'Geen termijnen.',
  'mg.apply.one': 'Zet {n} gekozen aanvraag over',
  'mg.apply.other': 'Zet {n} gekozen aanvragen over',
  'mg.noneChosen': 'Kies minstens één aanvraag om over te zetten.',
};

const en: Record<MigrationMessageKey, string> = {
  'mg.noneToMove':
    'No applications run on a version for which a newer published version exists. There is nothing to move now.',
  'mg.fromOption': 'Version {version} ({status}, {n} running applications)',
  'mg.toOption': 'Version {version}',
  'mg.applyNewRules': 'Deadlines that already run follow the new version’s rule',
  'mg.applyNewRulesHelp':
    'Without this, a deadline that already runs keeps the date the applicant knows; only deadlines that did not run yet start by the new version.',
  'mg.mapTitle': 'Where do applications go?',
  'mg.mapIntro':
    'An application only moves to a state of the same kind, never to a final state or a decision.',
  'mg.mapTo': 'Applications in the state ‘{state}’ go to',
  'mg.keep': 'The same state (if it exists)',
  'mg.noTarget': 'No state of the same kind in version {version}',
  'mg.choose': 'Move',
  'mg.chooseOne': 'Move {reference}',
  'mg.chooseAll': 'All applications that have a place',
  'mg.deadlines': 'Deadlines',
  'mg.budget': 'Budget',
  'mg.form': 'Form',
  'mg.formSame': 'Stays as it is.',
  'mg.noDeadlines': 'No deadlines.',
  'mg.apply.one': 'Move {n} chosen application',
  'mg.apply.other': 'Move {n} chosen applications',
  'mg.noneChosen': 'Choose at least one application to move.',
};

export type MigrationMessageKey = keyof typeof nl;
const catalogues = { nl, en } as const;

/** The shared i18n plus `m()` for the migration texts. */
export function useMigrationText() {
  const i18n = useI18n();
  const catalogue = catalogues[i18n.locale] as Record<MigrationMessageKey, string>;
  const m = (key: MigrationMessageKey, vars?: Record<string, string | number>) =>
    catalogue[key].replace(/\{(\w+)\}/g, (x, name: string) =>
      vars && name in vars ? String(vars[name]) : x,
    );
  return { ...i18n, m };
}
