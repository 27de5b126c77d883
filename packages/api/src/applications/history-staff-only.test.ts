/**
 * A payload field its event marks `x-audience: 'staff'` is for staff only: the history a resident
 * reads (GET /api/applications/{id}/history) leaves it out of that step, the rest of the step
 * stays; staff read the whole step, and the stored row keeps it. Shipped versions are published
 * and never change, so the test publishes a workflow of its own: the newest shipped version with
 * the term of a request for information (`periodDays`) marked for staff.
 */
import type { WorkflowDefinition } from '@initiatief/engine';
import { staffOnlyKeys, validateDefinition } from '@initiatief/engine';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { newestShipped, readShippedDefinitions } from '../definitions/definitions.repository';
import { call } from '../test/test-app';
import { demoFormData, onlyFormFields } from './applications.fixtures';
import {
  applicationIn,
  createDraft,
  createRegulation,
  type Kit,
  type Persona,
  readJson,
  setupKit,
  step,
} from './lifecycle.test-kit';

const ASKED = { message: 'Graag een offerte voor het podium.', periodDays: 14 };

let kit: Kit;
let definition: WorkflowDefinition;
let regulationId = '';

beforeAll(async () => {
  kit = await setupKit();
  const newest = newestShipped(await readShippedDefinitions(), kit.workflow.key);
  if (!newest) throw new Error(`no shipped workflow ${kit.workflow.key}`);
  const json = structuredClone(newest) as WorkflowDefinition & { key: string; version: number };
  json.key = `${newest.key}-intern`;
  json.version = 1;
  const props = json.events.REQUEST_INFO!.payload!.properties as Record<string, object>;
  props.periodDays = { ...props.periodDays, 'x-audience': 'staff' };
  // A definition policy staff could publish: the engine's checks pass.
  const checked = validateDefinition(json);
  expect(checked.problems).toEqual([]);
  definition = checked.definition!;
  expect(staffOnlyKeys(definition.events.REQUEST_INFO!.payload)).toEqual(['periodDays']);
  await kit.t.db
    .insertInto('workflow_definitions')
    .values({
      key: json.key,
      version: 1,
      status: 'published',
      definition: JSON.stringify(json),
      created_at: kit.clock(),
      published_at: kit.clock(),
    })
    .execute();
  regulationId = await createRegulation(kit.t, { key: json.key, version: 1 });
});
afterAll(() => kit.close());

type Item = { event: string; payload: Record<string, unknown> };

async function historyOf(id: string, as: Persona): Promise<Item[]> {
  const res = await call(kit.app, 'GET', `/api/applications/${id}/history`, {
    cookie: kit.cookies[as],
  });
  expect(res.status).toBe(200);
  return (await readJson(res)).items;
}

const requestIn = (items: Item[]) => items.find((i) => i.event === 'REQUEST_INFO')?.payload;

describe('a payload field for staff only', () => {
  test('the resident reads the step without it; staff read it; the row keeps it', async () => {
    const draft = await createDraft(kit, 'resident', {
      regulationId,
      data: onlyFormFields(definition, demoFormData(kit.clock())),
    });
    await step(kit, 'resident', draft.id, 'SUBMIT');
    const asked = await step(kit, 'assessor', draft.id, 'REQUEST_INFO', ASKED);
    expect(asked.state).toBe('info_requested');

    expect(requestIn(await historyOf(draft.id, 'resident'))).toEqual({ message: ASKED.message });
    expect(requestIn(await historyOf(draft.id, 'assessor'))).toEqual(ASKED);
    expect(requestIn(await historyOf(draft.id, 'clerk'))).toEqual(ASKED);
    const stored = await kit.t.db
      .selectFrom('application_history')
      .select('payload')
      .where('application_id', '=', draft.id)
      .where('event', '=', 'REQUEST_INFO')
      .executeTakeFirstOrThrow();
    expect(stored.payload).toEqual(ASKED);

    // Her own answer is hers to read back, whole: only the marked field of that step is left out.
    await step(kit, 'resident', draft.id, 'SUPPLEMENT', { message: 'De offerte zit erbij.' });
    const hers = await historyOf(draft.id, 'resident');
    expect(hers.find((i) => i.event === 'SUPPLEMENT')?.payload).toMatchObject({
      message: 'De offerte zit erbij.',
    });
  });

  test('without the mark, the resident reads the term as before', async () => {
    // The kit's own version, whose term carries no mark; applicationIn asks with the same words.
    const asked = await applicationIn(kit, 'info_requested');
    expect(requestIn(await historyOf(asked.id, 'resident'))).toEqual(ASKED);
  });
});
