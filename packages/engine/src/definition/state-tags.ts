// Kept apart from definition.schema.ts, which builds zod schemas when loaded: the web's pages
// that only read tags do not load zod (33 kB gzipped) for them.

/**
 * The closed vocabulary of state tags: what the shell and the web may know about a state,
 * never its name (docs/contracts.md, C3).
 */
export const STATE_TAGS = [
  'draft',
  'open',
  'closed',
  'pending_decision',
  'suspended',
  'awaiting_approval',
  'granted',
  'report_due',
] as const;
export type StateTag = (typeof STATE_TAGS)[number];
