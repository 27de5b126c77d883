/** Types shared by every part of the engine; the names and shapes are fixed by docs/contracts.md. */

export const ROLES = [
  'applicant',
  'clerk',
  'assessor',
  'approver',
  'policy',
  'admin',
  'system',
] as const;
export type Role = (typeof ROLES)[number];

export interface Actor {
  id: string;
  roles: Role[];
}

/** What the shell knows and the engine may not look up. */
export interface Facts {
  regulation: {
    maxAmountCents: number;
    decisionTermWeeks: number;
    directSettlementThresholdCents: number;
    reportDueWeeks: number;
    /** Settlement above this amount takes a second person (four-eyes); absent or null: never. */
    settlementFourEyesAboveCents?: number | null;
    /** The regulation's name as policy staff gave it: what a letter's {{regulationTitle}} says. */
    title?: string;
    /** The district the regulation's budget is for: what a letter's {{district}} says. */
    district?: string;
    /**
     * The regulation's last day for applications (ISO date, Europe/Amsterdam). A step that would
     * receive an application after it (start its decision term) is refused; absent: no end.
     */
    closesOn?: string;
  };
  /** Ceiling minus reserved and committed, for this application's district/year. */
  budgetRemainingCents: number;
  /**
   * Supporters who confirmed their own support (by mail and code, DigiD, or a paper list at the
   * desk), the applicant never among them. When present, `supportersAtLeast` counts these
   * instead of the names typed into the form.
   */
  confirmedSupporters?: { age: number | null; postcode?: string | null }[];
  /**
   * The applicant's name as her account has it. The regulation asks for the support of other
   * residents: while the form's own list is counted, a line with this name does not count.
   */
  applicantName?: string;
  /**
   * The applicant's postcode as her account has it: a line with her name but another postcode is
   * somebody else, and counts. Absent: a line with her name never counts.
   */
  applicantPostcode?: string;
  /**
   * Who reads what the step refuses: the applicant her own form's words ("Naam van uw
   * initiatief"), anyone else (staff, the desk, a helper acting for her) the form's words for
   * staff (`staffLabel`). Absent: the applicant.
   */
  reader?: 'applicant' | 'staff';
}

export interface StepInput {
  now: Date;
  actor: Actor;
  facts: Facts;
  /**
   * The day the application came in, for the step that receives it, when that was before today
   * (an application the desk files after it arrived by post). Absent: today.
   */
  receivedOn?: string;
}

export interface EngineEvent {
  type: string;
  payload?: unknown;
}

export const LETTER_KINDS = [
  'acknowledgement',
  'supplement_request',
  'not_considered',
  'grant',
  'rejection',
  'settlement',
  'extension',
] as const;
export type LetterKind = (typeof LETTER_KINDS)[number];

export type Effect =
  | { type: 'notice'; template: string; audience: 'applicant' | 'staff' }
  | { type: 'document'; kind: LetterKind; template: string }
  | { type: 'timer.schedule'; timerId: string; event: string; dueAt: string }
  | { type: 'timer.cancel'; timerId: string }
  | { type: 'budget.reserve' | 'budget.release' | 'budget.commit'; amountCents: number }
  | { type: 'payment'; kind: 'advance' | 'settlement' | 'reclaim'; amountCents: number };

export interface HistoryEntry {
  from: string;
  to: string;
  event: string;
  actor: string;
  roles: Role[];
  at: string;
  payload: unknown;
}

/** A JSON-serialisable XState persisted snapshot; `context` holds the application. */
export interface PersistedSnapshot {
  status: 'active' | 'done' | 'error' | 'stopped';
  value: string;
  context: ApplicationContext;
  [key: string]: unknown;
}

export interface StepResult {
  snapshot: PersistedSnapshot;
  state: string;
  history: HistoryEntry;
  effects: Effect[];
}

export interface Suspension {
  /** Day of the request to supplement; the clock stands still from the day after. */
  requestedOn: string;
  /**
   * The moment of the step that made the request (its event's time, ISO): tells two requests of
   * one day apart. Absent in snapshots made before it was recorded.
   */
  requestedAt?: string;
  periodDays: number;
  /**
   * Day the request was sent, when later than it was made (its paper letter's posting day):
   * the period counts from then.
   */
  sentOn?: string;
  /** Last day to supplement (moved to a working day). */
  dueOn: string;
  /**
   * Day the clock runs again and counts again (Awb 4:15): the day the supplement arrived, or the
   * day after the last day of the period when it lapsed; null while suspended.
   */
  endedOn: string | null;
}

export interface LegalClockState {
  receivedOn: string | null;
  termWeeks: number;
  suspensions: Suspension[];
  extension: { weeks: number; on: string } | null;
}

export interface DocumentRecord {
  kind: LetterKind;
  template: string;
  on: string;
}

export interface PaymentRecord {
  kind: 'advance' | 'settlement' | 'reclaim';
  amountCents: number;
  on: string;
}

/** The application as the machine context (all amounts integer cents). */
export interface ApplicationContext {
  data: Record<string, unknown>;
  grantedCents: number | null;
  reservedCents: number;
  advanceCents: number;
  settledCents: number | null;
  reclaimCents: number;
  assessment: Record<string, unknown>;
  decision: Record<string, unknown>;
  request: Record<string, unknown>;
  supplement: Record<string, unknown>;
  report: Record<string, unknown>;
  clock: LegalClockState;
  /** Event type -> actor id of its last sender (four-eyes). */
  actors: Record<string, string>;
  documents: DocumentRecord[];
  payments: PaymentRecord[];
  submittedAt: string | null;
  /** Filled during one step only; never persisted. */
  effects?: Effect[];
}

export interface LocalizedText {
  nl: string;
  en: string;
}

/** One problem: a dotted path, a technical message (English) and a sentence for people. */
export interface Issue {
  path: string;
  message: string;
  /** A whole sentence naming the field by its label, for the person who filled it in. */
  text: LocalizedText;
}
