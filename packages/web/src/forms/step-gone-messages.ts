/**
 * The sentence a page says when a step's form went away with the reload after "someone else
 * changed this application": that the step can no longer be taken, and what happened instead.
 * Dutch is the source; English has the same keys.
 */
const nl = {
  'gone.step': 'U kunt ‘{step}’ niet meer doen.',
  'gone.by': 'Intussen heeft {name} ‘{happened}’ vastgelegd.',
  'gone.byNobody': 'Intussen is ‘{happened}’ vastgelegd.',
  'gone.changed': 'De aanvraag is intussen gewijzigd.',
  'gone.state': 'De aanvraag is nu: {state}.',
};

export type GoneMessageKey = keyof typeof nl;

const en: Record<GoneMessageKey, string> = {
  'gone.step': 'You can no longer do ‘{step}’.',
  'gone.by': 'Meanwhile {name} recorded ‘{happened}’.',
  'gone.byNobody': 'Meanwhile ‘{happened}’ was recorded.',
  'gone.changed': 'The application was changed meanwhile.',
  'gone.state': 'The application is now: {state}.',
};

export const goneCatalogues = { nl, en } as const;
