/**
 * The shapes the messaging service passes around: what a step hands it (EnqueueMessagingInput),
 * the context its texts are filled from (MessagingContext) and the rows it plans (MessagingPlan).
 */
import type { Effect, Facts, WorkflowDefinition } from '@initiatief/engine';
import type { Insertable } from 'kysely';
import type { DB } from '../db/schema';
import type { LetterContent } from '../letters/letter.types';
import type { ChannelName } from './channels';

export interface EnqueueMessagingInput {
  applicationId: string;
  /** The application_history row of the step that produced the effects. */
  historyId: string | null;
  definition: WorkflowDefinition;
  effects: readonly Effect[];
  now: Date;
  /**
   * What the texts need, when the caller already holds it (a command has the application after
   * its step, the regulation and the people from its lock query): saves a round trip.
   * Without it, it is read from the database.
   */
  context?: MessagingContext;
}

export interface EnqueuedMessaging {
  documentIds: string[];
  outboxIds: string[];
}

/** The rows a step's letters and notices become, ready to insert (see writeMessagingPlan). */
export interface MessagingPlan {
  documentRows: DocumentRow[];
  outboxRows: OutboxRow[];
  result: EnqueuedMessaging;
}

/**
 * A letter's row as it is inserted, its jsonb as a value: the statement serialises the rows
 * once (messagingCtes), instead of each JSON text again inside another.
 */
export type DocumentRow = Omit<Insertable<DB['documents']>, 'content'> & { content: LetterContent };
export type OutboxRow = Omit<Insertable<DB['outbox']>, 'variables'> & {
  variables?: Record<string, string> | null;
};

export interface MessagingContext {
  application: {
    id: string;
    reference: string;
    title: string;
    district: string;
    definition_key: string;
    definition_version: number;
    snapshot: unknown;
    data: Record<string, unknown>;
    requested_cents: number;
    granted_cents: number | null;
    decision_due_on: string | null;
  };
  applicant: {
    email: string | null;
    name: string;
    locale: string;
    /** users.letter_channel: absent or null counts as not chosen (paper). */
    letterChannel?: ChannelName | null;
    street: string | null;
    postcode: string | null;
    city: string | null;
    /** What the desk noted to reach her by phone, when read with the application. */
    phone?: string | null;
    /**
     * She can log in to read it herself (letters/letter.links.ts applicationsWithLogin), when the
     * application was read with its people (applications.repository.ts).
     */
    canLogIn?: boolean;
  };
  assignee: { email: string | null; name: string; locale: string } | null;
  payload: Record<string, unknown>;
  facts: Facts | undefined;
}

export type MessagingPeople = Pick<MessagingContext, 'applicant' | 'assignee'>;
