import { randomBytes } from 'node:crypto';
import { createApplication, type WorkflowDefinition } from '@initiatief/engine';
import type { Kysely } from 'kysely';
import {
  demoFormData,
  demoSmallBudgetData,
  onlyFormFields,
} from '../applications/applications.fixtures';
import { storedSnapshot } from '../applications/applications.repository';
import type { DB } from '../db/schema';
import {
  ensureShippedDefinitions,
  newestShipped,
  readShippedDefinitions,
} from '../definitions/definitions.repository';
import { upsertRegulation } from '../regulations/regulations.repository';
import { createUser } from '../test/test-app';

/** Test and benchmark rows: the shipped workflow, a regulation, an applicant and an application. */
export interface MessagingFixture {
  definition: WorkflowDefinition;
  regulationId: string;
  /** A valid form for the fixture's version (default: demoFormData, which version 1 takes). */
  formData?: (now: Date) => Record<string, unknown>;
}

export async function setUpMessagingFixture(
  db: Kysely<DB>,
  now: Date,
  /** Another shipped workflow than the first version of bewonersinitiatief; or its newest version. */
  options: { key?: string; newest?: boolean } = {},
): Promise<MessagingFixture> {
  await ensureShippedDefinitions(db, now);
  const key = options.key ?? 'bewonersinitiatief';
  const shipped = await readShippedDefinitions();
  const [first] = shipped.filter((d) => (d as unknown as { key: string }).key === key);
  const definition = options.newest ? newestShipped(shipped, key) : first;
  if (!definition) throw new Error(`shipped workflow ${key} not found`);
  const meta = definition as unknown as { key: string; version: number };
  const regulationId = await upsertRegulation(db, {
    code: `MSG-${randomBytes(3).toString('hex')}`,
    title: 'Bewonersinitiatieven Delfshaven 2026',
    district: 'Delfshaven',
    year: 2026,
    ceilingCents: 10_000_000,
    maxAmountCents: 1_000_000,
    opensOn: '2026-01-01',
    closesOn: '2026-12-31',
    workflowKey: meta.key,
    workflowVersion: meta.version,
  });
  const demo = key === 'klein-buurtbudget' ? demoSmallBudgetData : demoFormData;
  const custom = options.key !== undefined || options.newest === true;
  return {
    definition,
    regulationId,
    ...(custom ? { formData: (at: Date) => onlyFormFields(definition, demo(at)) } : {}),
  };
}

export interface FixtureApplication {
  applicationId: string;
  historyId: string;
  applicant: { id: string; email: string; name: string };
  reference: string;
}

/** An application with one history row (payload = the decision's motivation and conditions). */
export async function createFixtureApplication(
  db: Kysely<DB>,
  fixture: MessagingFixture,
  now: Date,
  options: {
    locale?: 'nl' | 'en';
    email?: string;
    grantedCents?: number;
    payload?: Record<string, unknown>;
  } = {},
): Promise<FixtureApplication> {
  const applicant = await createUser(db, {
    roles: ['applicant'],
    name: 'Fatima el Amrani',
    locale: options.locale ?? 'nl',
    street: 'Mathenesserlaan 214',
    postcode: '3022 AB',
    city: 'Rotterdam',
    ...(options.email ? { email: options.email } : {}),
  });
  const meta = fixture.definition as unknown as { key: string; version: number };
  const data = fixture.formData?.(now) ?? demoFormData(now);
  const created = createApplication(fixture.definition, {
    now,
    actor: { id: applicant.id, roles: ['applicant'] },
    facts: {
      regulation: {
        maxAmountCents: 1_000_000,
        decisionTermWeeks: 8,
        directSettlementThresholdCents: 0,
        reportDueWeeks: 8,
      },
      budgetRemainingCents: 10_000_000,
    },
    data,
  });
  const prefix = fixture.definition.referencePrefix ?? 'BI';
  const reference = `${prefix}-2026-${String(Math.floor(Math.random() * 1e6)).padStart(6, '0')}`;
  const app = await db
    .insertInto('applications')
    .values({
      reference,
      regulation_id: fixture.regulationId,
      applicant_id: applicant.id,
      created_by: applicant.id,
      definition_key: meta.key,
      definition_version: meta.version,
      state: created.state,
      snapshot: JSON.stringify(storedSnapshot(created.snapshot)),
      data: JSON.stringify(data),
      title: String(data.title),
      district: 'Delfshaven',
      requested_cents: 75_000,
      granted_cents: options.grantedCents ?? 75_000,
      decision_due_on: '2026-04-27',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const history = await db
    .insertInto('application_history')
    .values({
      application_id: app.id,
      seq: 1,
      event: 'DECIDE',
      from_state: 'assessed',
      to_state: 'granted',
      actor_id: applicant.id,
      actor_roles: ['approver'],
      payload: JSON.stringify(
        options.payload ?? {
          motivation: 'Uw initiatief past goed bij het wijkakkoord van Delfshaven.',
          conditions: 'U vermeldt de bijdrage van de gemeente op uw flyers.',
        },
      ),
      at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return {
    applicationId: app.id,
    historyId: history.id,
    applicant: { id: applicant.id, email: applicant.email ?? '', name: applicant.name },
    reference,
  };
}
