/**
 * A paper letter that events overtook before the post (the supplement it asks for came in first)
 * can be withheld by whoever handles the post, with a reason the history keeps for staff. A
 * decision never: it takes effect only once sent (Awb 3:41).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  applicationIn,
  type Kit,
  lettersByPost,
  type Persona,
  readJson,
  setupKit,
  step,
} from '../applications/lifecycle.test-kit';
import { call } from '../test/test-app';

let kit: Kit;

beforeAll(async () => {
  kit = await setupKit();
  await lettersByPost(kit);
});
afterAll(() => kit.close());

interface Waiting {
  documentId: string;
  applicationId: string;
  kind: string;
  batchId: string | null;
  withholdable: boolean;
  overtaken: boolean;
}

async function queue(): Promise<Waiting[]> {
  const res = await call(kit.app, 'GET', '/api/print-queue', { cookie: kit.cookies.clerk });
  expect(res.status).toBe(200);
  return (await readJson(res)).waiting;
}

function withhold(id: string, body: unknown, as: Persona = 'clerk') {
  return call(kit.app, 'POST', `/api/print-queue/${id}/withhold`, {
    cookie: kit.cookies[as],
    json: body,
  });
}

async function lettersOf(applicationId: string, as: Persona) {
  const res = await call(kit.app, 'GET', `/api/applications/${applicationId}/documents`, {
    cookie: kit.cookies[as],
  });
  expect(res.status).toBe(200);
  return (await readJson(res)).items as { id: string; withheld: { reason: string } | null }[];
}

async function historyEvents(applicationId: string, as: Persona) {
  const res = await call(kit.app, 'GET', `/api/applications/${applicationId}/history`, {
    cookie: kit.cookies[as],
  });
  expect(res.status).toBe(200);
  const body = await readJson(res);
  return (
    (Array.isArray(body) ? body : body.items) as { event: string; payload: unknown }[]
  ).filter((h) => h.event === 'shell.letter_withheld');
}

/** A request to supplement still waiting for the post, answered at the desk in the meantime. */
async function overtakenRequest() {
  const asked = await applicationIn(kit, 'info_requested');
  await step(kit, 'resident', asked.id, 'SUPPLEMENT', { message: 'Afgegeven aan de balie.' });
  const letter = (await queue()).find(
    (l) => l.applicationId === asked.id && l.kind === 'supplement_request',
  );
  expect(letter).toBeDefined();
  return { applicationId: asked.id, letter: letter! };
}

describe('withholding an overtaken paper letter', () => {
  it('is marked overtaken, leaves the queue with its reason, and only staff see why', async () => {
    const { applicationId, letter } = await overtakenRequest();
    expect(letter).toMatchObject({ withholdable: true, overtaken: true });
    // Its acknowledgement of receipt still holds: the application is back where that left it.
    const acknowledgement = (await queue()).find(
      (l) => l.applicationId === applicationId && l.kind === 'acknowledgement',
    );
    expect(acknowledgement).toMatchObject({ withholdable: true, overtaken: false });

    const reason = 'De aanvulling is op 4 maart aan de balie afgegeven.';
    const res = await withhold(letter.documentId, { reason });
    expect(res.status, await res.clone().text()).toBe(200);
    expect(await readJson(res)).toEqual({
      documentId: letter.documentId,
      applicationId,
      batchId: null,
    });
    expect((await queue()).some((l) => l.documentId === letter.documentId)).toBe(false);

    const staffLetters = await lettersOf(applicationId, 'assessor');
    expect(staffLetters.find((d) => d.id === letter.documentId)?.withheld?.reason).toBe(reason);
    const residentLetters = await lettersOf(applicationId, 'resident');
    expect(residentLetters.some((d) => d.id === letter.documentId)).toBe(false);
    const direct = await call(kit.app, 'GET', `/api/documents/${letter.documentId}`, {
      cookie: kit.cookies.resident,
    });
    expect(direct.status).toBe(404);

    const [entry] = await historyEvents(applicationId, 'assessor');
    expect(entry?.payload).toMatchObject({ documentId: letter.documentId, reason });
    expect(await historyEvents(applicationId, 'resident')).toEqual([]);

    // Once withheld it stays so: a second time is a conflict, and it never goes in a batch.
    const again = await withhold(letter.documentId, { reason: 'Nog eens.' });
    expect(again.status).toBe(409);
    const againBody = await readJson(again);
    expect(againBody.text).toEqual({
      nl: 'Deze brief is al tegengehouden: hij wordt niet verstuurd.',
      en: 'This letter has already been withheld: it will not be sent.',
    });
    expect(againBody.detail).toBe(againBody.text.en);
    await call(kit.app, 'POST', '/api/print-batches', { cookie: kit.cookies.clerk });
    const kept = await kit.t.db
      .selectFrom('documents')
      .select(['print_batch_id', 'posted_on'])
      .where('id', '=', letter.documentId)
      .executeTakeFirstOrThrow();
    expect(kept).toEqual({ print_batch_id: null, posted_on: null });
  });

  it('needs a reason, someone who handles the post, and a letter that is there', async () => {
    const { letter } = await overtakenRequest();
    const blank = await withhold(letter.documentId, { reason: '   ' });
    expect(blank.status).toBe(422);
    expect(JSON.stringify(await readJson(blank))).toContain('reason');
    expect((await withhold(letter.documentId, { reason: 'Achterhaald.' }, 'resident')).status).toBe(
      403,
    );
    expect(
      (await withhold('00000000-0000-4000-8000-000000000000', { reason: 'Achterhaald.' })).status,
    ).toBe(404);
    expect((await withhold('not-an-id', { reason: 'Achterhaald.' })).status).toBeGreaterThanOrEqual(
      400,
    );
    expect((await queue()).some((l) => l.documentId === letter.documentId)).toBe(true);
  });

  it('takes the letter out of the open batch it was in', async () => {
    await kit.advance(24 * 60 * 60 * 1000);
    const { letter } = await overtakenRequest();
    const made = await call(kit.app, 'POST', '/api/print-batches', { cookie: kit.cookies.clerk });
    expect(made.status).toBe(201);
    const batch = await readJson(made);
    const inBatch = (await queue()).find((l) => l.documentId === letter.documentId);
    expect(inBatch?.batchId).toBe(batch.id);

    const res = await withhold(letter.documentId, { reason: 'Achterhaald door de aanvulling.' });
    expect(res.status).toBe(200);
    expect((await readJson(res)).batchId).toBe(batch.id);
    const left = await kit.t.db
      .selectFrom('documents')
      .select('id')
      .where('print_batch_id', '=', batch.id)
      .execute();
    expect(left.map((l) => l.id)).not.toContain(letter.documentId);
    expect(left.length).toBeGreaterThan(0);

    // The batch's last letters withheld too: the batch goes, and there is nothing to reprint.
    for (const { id } of left) {
      const last = await withhold(id, { reason: 'Ook achterhaald.' });
      expect(last.status).toBe(200);
      if (id === left.at(-1)!.id) expect((await readJson(last)).batchId).toBeNull();
    }
    const gone = await kit.t.db
      .selectFrom('print_batches')
      .select('id')
      .where('id', '=', batch.id)
      .execute();
    expect(gone).toEqual([]);
  });

  it('never withholds a decision', async () => {
    const granted = await applicationIn(kit, 'granted');
    const decision = (await queue()).find(
      (l) => l.applicationId === granted.id && l.kind === 'grant',
    );
    expect(decision).toMatchObject({ withholdable: false, overtaken: false });
    const res = await withhold(decision!.documentId, { reason: 'Liever niet.' });
    expect(res.status).toBe(409);
    const body = await readJson(res);
    expect(body.text.nl).toBe(
      'Een besluit wordt nooit tegengehouden: het werkt pas als het is verzonden (Awb 3:41). ' +
        'Een later besluit verandert het.',
    );
    expect(body.detail).toBe(body.text.en);
    expect((await queue()).some((l) => l.documentId === decision!.documentId)).toBe(true);
    // The database refuses it too, whatever the caller.
    await expect(
      kit.t.db
        .updateTable('documents')
        .set({ withheld_at: new Date(), withheld_reason: 'Liever niet.' })
        .where('id', '=', decision!.documentId)
        .execute(),
    ).rejects.toThrow(/documents_withheld_waiting/);
  });

  // Last: once today's batch is posted, no other test here could make one today.
  it('refuses a letter that went in the post already, in words', async () => {
    await kit.advance(24 * 60 * 60 * 1000);
    const { letter } = await overtakenRequest();
    const made = await call(kit.app, 'POST', '/api/print-batches', { cookie: kit.cookies.clerk });
    expect(made.status).toBe(201);
    const batch = await readJson(made);
    const posted = await call(kit.app, 'POST', `/api/print-batches/${batch.id}/posted`, {
      cookie: kit.cookies.clerk,
    });
    expect(posted.status, await posted.clone().text()).toBe(200);
    const res = await withhold(letter.documentId, { reason: 'Te laat gezien.' });
    expect(res.status).toBe(409);
    const body = await readJson(res);
    expect(body.text).toEqual({
      nl: 'Deze brief is al op de post gedaan en kan niet meer worden tegengehouden.',
      en: 'This letter has already been posted and can no longer be withheld.',
    });
    expect(body.detail).toBe(body.text.en);
  });
});
