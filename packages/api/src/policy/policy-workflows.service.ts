import { referencePrefixFor } from '@initiatief/engine';
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema';
import { AppError, refusedIn } from '../errors';
import { type DefinitionDetail, getDefinition } from './policy-definitions.service';

const KEY_RE = /^[a-z0-9][a-z0-9-]*$/;

export interface NewWorkflow {
  key: string;
  title: { nl: string; en: string };
  /** Copy this published version; absent: start from the minimal skeleton. */
  from?: { key: string; version: number };
}

/**
 * The smallest definition that passes validation and the house rules: a form with one field,
 * a draft that is handed in or cancelled. Policy staff build the rest in the editor.
 */
export function workflowSkeleton(key: string, title: { nl: string; en: string }) {
  return {
    key,
    version: 1,
    title,
    referencePrefix: referencePrefixFor(key),
    initial: 'started',
    form: {
      fields: [
        {
          key: 'title',
          type: 'text',
          label: { nl: 'Naam van uw initiatief', en: 'Name of your initiative' },
          // What staff, the desk and a helper read: the label speaks to the resident.
          staffLabel: { nl: 'Naam van het initiatief', en: 'Name of the initiative' },
          minLength: 3,
          maxLength: 120,
        },
      ],
      pages: [
        {
          key: 'application',
          title: { nl: 'Uw aanvraag', en: 'Your application' },
          staffTitle: { nl: 'De aanvraag', en: 'The application' },
          fields: ['title'],
        },
      ],
    },
    // Names of its own: the shell never names a state or event of a shipped workflow.
    events: {
      HAND_IN: {
        label: { nl: 'Indienen', en: 'Submit' },
        outcome: { nl: 'Uw aanvraag is ingediend.', en: 'Your application has been submitted.' },
        historyLabel: { nl: 'Aanvraag verstuurd', en: 'Application sent' },
        roles: ['applicant', 'clerk'],
      },
      CANCEL: {
        label: { nl: 'Intrekken', en: 'Withdraw' },
        outcome: { nl: 'De aanvraag is ingetrokken.', en: 'The application has been withdrawn.' },
        historyLabel: { nl: 'Aanvraag ingetrokken', en: 'Application withdrawn' },
        roles: ['applicant', 'clerk'],
      },
    },
    delays: {},
    states: {
      started: {
        tags: ['draft', 'open'],
        meta: { label: { nl: 'Concept', en: 'Draft' }, editable: true },
        on: {
          HAND_IN: { target: 'received', guard: { type: 'formComplete' } },
          CANCEL: 'cancelled',
        },
      },
      received: {
        tags: ['open'],
        meta: { label: { nl: 'Ingediend', en: 'Submitted' } },
        on: { CANCEL: 'cancelled' },
      },
      cancelled: {
        type: 'final',
        tags: ['closed'],
        meta: { label: { nl: 'Ingetrokken', en: 'Withdrawn' } },
      },
    },
    templates: { letters: {}, mails: {} },
  };
}

/**
 * Starts a new workflow key with a draft version 1: the skeleton, or a copy of a published
 * version of any key (its key, version, title and reference prefix replaced). Publishing goes the usual way.
 */
export async function createWorkflow(
  db: Kysely<DB>,
  input: NewWorkflow,
  now: Date,
): Promise<DefinitionDetail> {
  if (!KEY_RE.test(input.key)) {
    throw new AppError('validation_failed', 'The key is not valid.', {
      invalidParams: [
        {
          name: 'key',
          reason: 'lower-case letters, digits and -',
          text: {
            nl: 'De sleutel bestaat uit kleine letters, cijfers en streepjes, zoals klein-buurtbudget.',
            en: 'The key consists of lower-case letters, digits and hyphens, such as klein-buurtbudget.',
          },
        },
      ],
    });
  }
  await db.transaction().execute(async (trx) => {
    const taken = await trx
      .selectFrom('workflow_definitions')
      .select('version')
      .where('key', '=', input.key)
      .executeTakeFirst();
    // The key is the officer's own word (checked against KEY_RE above): quoted, not a code of ours.
    if (taken) {
      throw refusedIn('conflict', {
        nl: `Er is al een werkproces met de sleutel ‘${input.key}’. Kies een andere sleutel.`,
        en: `A workflow with the key ‘${input.key}’ exists already. Choose another key.`,
      });
    }
    let definition: Record<string, unknown> = workflowSkeleton(input.key, input.title);
    if (input.from) {
      const source = await trx
        .selectFrom('workflow_definitions')
        .select(['definition', 'status'])
        .where('key', '=', input.from.key)
        .where('version', '=', input.from.version)
        .executeTakeFirst();
      if (!source) {
        throw new AppError(
          'not_found',
          `No workflow definition ${input.from.key} v${input.from.version}.`,
        );
      }
      if (source.status !== 'published') {
        throw refusedIn(
          'conflict',
          {
            nl: 'Een nieuw werkproces wordt gekopieerd van een gepubliceerde versie; kies een gepubliceerde versie.',
            en: 'A new workflow is copied from a published version; choose a published version.',
          },
          { versionStatus: source.status },
        );
      }
      definition = {
        ...(source.definition as Record<string, unknown>),
        key: input.key,
        version: 1,
        title: input.title,
        // A new subsidy gets references of its own; the editor lets staff choose others.
        referencePrefix: referencePrefixFor(input.key),
      };
    }
    await trx
      .insertInto('workflow_definitions')
      .values({
        key: input.key,
        version: 1,
        status: 'draft',
        definition: JSON.stringify(definition),
        created_at: now,
        published_at: null,
      })
      .execute();
  });
  return getDefinition(db, input.key, 1);
}
