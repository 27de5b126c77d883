/**
 * Texts of the policy pages for moving running applications to a newer version.
 * policy-messages.ts merges them. Dutch is the source; English has the same keys.
 */
export const migNl = {
  'mig.title': 'Lopende aanvragen overzetten naar een nieuwe versie',
  'mig.intro':
    'Een aanvraag blijft op de versie waarop zij begon. Hier zet u lopende aanvragen over naar een nieuwere versie. Eerst ziet u per aanvraag wat er verandert; niets wordt gewijzigd tot u bevestigt.',
  'mig.from': 'Van versie',
  'mig.to': 'Naar versie',
  'mig.dryRun': 'Bekijk wat er verandert',
  'mig.caption': 'Proefdraai: {total} aanvragen, {stranded} zonder plek in de nieuwe versie',
  'mig.reference': 'Kenmerk',
  'mig.titleCol': 'Initiatief',
  'mig.district': 'Wijk',
  'mig.fromState': 'Status nu',
  'mig.toState': 'Status straks',
  'mig.changes': 'Wat verandert',
  'mig.outcome.same_state': 'Zelfde status',
  'mig.outcome.mapped': 'Verplaatst',
  'mig.outcome.stranded': 'Geen plek',
  'mig.mapTo': 'Zet status {state} om naar',
  'mig.choose': 'Kies een status',
  'mig.eventsAdded': 'Nieuwe stappen: {list}',
  'mig.eventsRemoved': 'Vervallen stappen: {list}',
  'mig.timersCancelled': 'Termijnen gestopt: {list}',
  'mig.timersRuleChanged': 'Termijnregel gewijzigd, houdt zijn datum: {list}',
  'mig.timersNotScheduled': 'Termijnen die pas bij een volgende keer starten: {list}',
  'mig.nothing': 'Niets',
  'mig.apply.one': 'Zet {n} aanvraag over',
  'mig.apply.other': 'Zet {n} aanvragen over',
  'mig.blocked':
    'Niet alle aanvragen hebben een plek in de nieuwe versie. Kies voor elke status zonder plek waar die heen gaat.',
  'mig.done.one':
    '{n} aanvraag staat nu op versie {version}. Dit staat in de geschiedenis van de aanvraag.',
  'mig.done.other':
    '{n} aanvragen staan nu op versie {version}. Dit staat in de geschiedenis van elke aanvraag.',
  'mig.empty': 'Er lopen geen aanvragen op deze versie.',
  'mig.refusedOne': '{reference}: {reason}',
} as const;

export const migEn: Record<keyof typeof migNl, string> = {
  'mig.title': 'Move running applications to a new version',
  'mig.intro':
    'An application stays on the version it started on. Here you move running applications to a newer version. First you see per application what changes; nothing changes until you confirm.',
  'mig.from': 'From version',
  'mig.to': 'To version',
  'mig.dryRun': 'See what changes',
  'mig.caption': 'Dry run: {total} applications, {stranded} without a place in the new version',
  'mig.reference': 'Reference',
  'mig.titleCol': 'Initiative',
  'mig.district': 'District',
  'mig.fromState': 'Status now',
  'mig.toState': 'Status after',
  'mig.changes': 'What changes',
  'mig.outcome.same_state': 'Same status',
  'mig.outcome.mapped': 'Moved',
  'mig.outcome.stranded': 'No place',
  'mig.mapTo': 'Map status {state} to',
  'mig.choose': 'Choose a status',
  'mig.eventsAdded': 'New steps: {list}',
  'mig.eventsRemoved': 'Steps no longer possible: {list}',
  'mig.timersCancelled': 'Time limits stopped: {list}',
  'mig.timersRuleChanged': 'Time limit rule changed, keeps its date: {list}',
  'mig.timersNotScheduled': 'Time limits that start only next time: {list}',
  'mig.nothing': 'Nothing',
  'mig.apply.one': 'Move {n} application',
  'mig.apply.other': 'Move {n} applications',
  'mig.blocked':
    'Not every application has a place in the new version. Choose for each status without one where it goes.',
  'mig.done.one': '{n} application is now on version {version}. Its history says so.',
  'mig.done.other':
    '{n} applications are now on version {version}. Each application’s history says so.',
  'mig.empty': 'No applications are running on this version.',
  'mig.refusedOne': '{reference}: {reason}',
};
