/**
 * Version 7 of the bewonersinitiatief and version 6 of the klein buurtbudget: the acknowledgement
 * (letter and mail) says the day the application came in ({{receivedDate}}), not the day the
 * letter is made ({{today}}). The two differ when the desk files an application that came in by
 * post: its letter must state the day of receipt (Awb 4:3a), from which the decision term runs.
 * Earlier versions are published and stay as they are.
 */
import { validateDefinition } from '@initiatief/engine';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { demoFormData, onlyFormFields } from '../applications/applications.fixtures';
import {
  createDraft,
  createRegulation,
  type Kit,
  readJson,
  setupKit,
} from '../applications/lifecycle.test-kit';
import { call } from '../test/test-app';
import { newestShipped, readShippedDefinitions } from './definitions.repository';
import { shippedFile } from './shipped-versions.fixture';

const PAIRS = [
  ['bewonersinitiatief', 6, 7],
  ['klein-buurtbudget', 5, 6],
] as const;

describe('the acknowledgement names the day of receipt', () => {
  test('each new version is valid, the newest shipped, and changes only those four texts', async () => {
    const shipped = await readShippedDefinitions();
    for (const [key, before, after] of PAIRS) {
      const old = shippedFile(key, before);
      const next = shippedFile(key, after);
      expect(validateDefinition(next).problems).toEqual([]);
      expect(newestShipped(shipped, key)?.version).toBeGreaterThanOrEqual(after);
      const expected = structuredClone(old);
      expected.version = after;
      for (const kind of ['letters', 'mails'] as const) {
        for (const lang of ['nl', 'en'] as const) {
          const text = expected.templates[kind].acknowledgement![lang]!;
          expect(text.body).toContain('{{today}}');
          text.body = text.body.replace('{{today}}', '{{receivedDate}}');
        }
      }
      expect(next).toEqual(expected);
    }
  });

  describe('an application the desk files days after it came in by post', () => {
    let kit: Kit;
    beforeAll(async () => {
      kit = await setupKit();
    });
    afterAll(() => kit.close());

    test('is acknowledged as received on that day, in the letter and the mail', async () => {
      const v7 = shippedFile('bewonersinitiatief', 7);
      const regulationId = await createRegulation(kit.t, { key: v7.key, version: 7 });
      // The kit's clock: Monday 2 March 2026. The letter came in that day; the desk types it
      // in on Wednesday.
      const draft = await createDraft(kit, 'clerk', {
        regulationId,
        applicantId: kit.users.resident.id,
        data: onlyFormFields(v7, demoFormData(kit.clock())),
      });
      await kit.advance(2 * 86_400_000);
      const res = await call(kit.app, 'POST', `/api/applications/${draft.id}/events`, {
        cookie: kit.cookies.clerk,
        json: { type: 'SUBMIT', receivedOn: '2026-03-02' },
      });
      expect(res.status, await res.clone().text()).toBe(200);
      expect((await readJson(res)).clock.receivedOn).toBe('2026-03-02');

      const mail = await kit.t.db
        .selectFrom('outbox')
        .select(['body'])
        .where('application_id', '=', draft.id)
        .where('template_key', '=', 'acknowledgement')
        .executeTakeFirstOrThrow();
      expect(mail.body).toContain('Wij hebben die op 2 maart 2026 ontvangen');
      expect(mail.body).not.toContain('4 maart 2026');
      const letter = await kit.t.db
        .selectFrom('documents')
        .select(['content'])
        .where('application_id', '=', draft.id)
        .where('kind', '=', 'acknowledgement')
        .executeTakeFirstOrThrow();
      expect(JSON.stringify(letter.content)).toContain(
        'Op 2 maart 2026 hebben wij uw aanvraag voor een subsidie bewonersinitiatief ontvangen.',
      );
    });
  });
});
