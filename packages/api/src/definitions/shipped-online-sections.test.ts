/**
 * Version 9 of the bewonersinitiatief and version 8 of the klein buurtbudget: a letter or a mail
 * to a resident who cannot log in (registered at the desk without e-mail, no DigiD) no longer
 * sends her to a web address she cannot open ("Dat kan via https://…"): the sentences with the
 * link are parts for who can log in (`{{#online}}`), and where she needs another way the text
 * gives it (`{{^online}}`). Who can log in reads exactly what she read before.
 */
import {
  renderTemplate,
  TEMPLATE_VARIABLES,
  validateDefinition,
  type WorkflowDefinition,
} from '@initiatief/engine';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { demoFormData, onlyFormFields } from '../applications/applications.fixtures';
import {
  createDraft,
  createRegulation,
  type Kit,
  lettersByPost,
  setupKit,
  step,
} from '../applications/lifecycle.test-kit';
import { pdfText } from '../letters/pdf-text';
import { createPrintBatch, printBatchPdf } from '../print/print.service';
import { shippedFile } from './shipped-versions.fixture';

const PAIRS = [
  ['bewonersinitiatief', 8, 9],
  ['klein-buurtbudget', 7, 8],
] as const;
const URL = 'https://www.example.test/aanvragen/1';
const VARIABLES = {
  ...Object.fromEntries(TEMPLATE_VARIABLES.map((v) => [v, `«${v}»`])),
  applicationUrl: URL,
};

/** The text as a resident who can log in reads it: her parts kept, the others' left out. */
const forOnline = (body: string) =>
  body.replace(/\{\{\^online\}\}[\s\S]*?\{\{\/online\}\}/g, '').replace(/\{\{[#/]online\}\}/g, '');

/** The mails the definition sends to staff: they keep their link. */
function staffMails(def: WorkflowDefinition): Set<string> {
  const found = new Set<string>();
  const json = JSON.stringify(def.states);
  for (const m of json.matchAll(/"template":"([a-z_]+)","audience":"staff"/g)) found.add(m[1]!);
  return found;
}

describe('letters and mails without a link for who cannot log in', () => {
  for (const [key, before, after] of PAIRS) {
    test(`${key} v${after}: valid, and the texts read as before for who can log in`, () => {
      const old = shippedFile(key, before);
      const next = shippedFile(key, after);
      expect(validateDefinition(next).problems).toEqual([]);
      let sectioned = 0;
      for (const group of ['letters', 'mails'] as const) {
        expect(Object.keys(next.templates[group])).toEqual(Object.keys(old.templates[group]));
        for (const [name, pair] of Object.entries(next.templates[group])) {
          for (const lang of ['nl', 'en'] as const) {
            const body = pair[lang].body;
            expect(forOnline(body), `${group}.${name}.${lang}`).toBe(
              old.templates[group][name]![lang].body,
            );
            expect(pair[lang].subject).toBe(old.templates[group][name]![lang].subject);
            if (body.includes('{{#online}}')) sectioned++;
          }
        }
      }
      expect(sectioned).toBeGreaterThanOrEqual(key === 'bewonersinitiatief' ? 20 : 14);
    });

    test(`${key} v${after}: no text to the applicant gives a link to who cannot log in`, () => {
      const next = shippedFile(key, after);
      const staff = staffMails(next);
      expect(staff.size).toBeGreaterThan(0);
      for (const group of ['letters', 'mails'] as const) {
        for (const [name, pair] of Object.entries(next.templates[group])) {
          if (group === 'mails' && staff.has(name)) continue;
          for (const lang of ['nl', 'en'] as const) {
            const text = renderTemplate(pair[lang].body, VARIABLES, { online: false });
            expect(text, `${group}.${name}.${lang}`).not.toContain(URL);
            expect(text, `${group}.${name}.${lang}`).not.toMatch(/ {2}|\{\{/);
          }
        }
      }
    });
  }

  describe('on version 9 of the bewonersinitiatief, through the API', () => {
    let kit: Kit;
    beforeAll(async () => {
      kit = await setupKit();
    });
    afterAll(() => kit.close());

    /** A new application of version 9, sent in by the kit's resident. */
    async function submitted(regulationId: string): Promise<{ id: string; reference: string }> {
      const v9 = shippedFile('bewonersinitiatief', 9);
      const draft = await createDraft(kit, 'resident', {
        regulationId,
        data: onlyFormFields(v9, demoFormData(kit.clock())),
      });
      await step(kit, 'resident', draft.id, 'SUBMIT');
      return { id: String(draft.id), reference: String(draft.reference) };
    }

    test('a resident who cannot log in gets the request on paper without a web address', async () => {
      const regulationId = await createRegulation(kit.t, { key: 'bewonersinitiatief', version: 9 });
      await lettersByPost(kit);
      const online = await submitted(regulationId);
      await step(kit, 'assessor', online.id, 'REQUEST_INFO', {
        message: 'Graag een offerte voor het podium.',
        periodDays: 14,
      });
      // Another resident the desk filed for: no e-mail, so no login; her letters go by post.
      const offline = await submitted(regulationId);
      await kit.t.db
        .updateTable('users')
        .set({ email: null })
        .where('id', '=', kit.users.resident.id)
        .execute();
      await step(kit, 'assessor', offline.id, 'REQUEST_INFO', {
        message: 'Graag een offerte voor het podium.',
        periodDays: 14,
      });

      const batch = await createPrintBatch(kit.t.db, {
        now: kit.clock(),
        actor: { id: null, roles: ['system'] },
      });
      const { pdf } = await printBatchPdf(kit.t.db, batch.id, 'http://localhost:3000');
      const text = (await pdfText(pdf)).replace(/\s+/g, ' ');
      // Each letter starts with the letterhead; the request is the one with its subject.
      const letters = text.split(/(?=Postbus 70012 Gemeente Rotterdam)/);
      const about = (reference: string) => {
        const found = letters.filter((l) =>
          l.includes(`Onderwerp Verzoek om aanvulling van uw aanvraag ${reference}`),
        );
        expect(found).toHaveLength(1);
        return found[0]!;
      };
      // The first letter, to who can log in: the link, and post as the other way.
      const first = about(online.reference);
      expect(first).toContain(`Dat kan via http://localhost:3000/aanvragen/${online.id}.`);
      expect(first).toContain('U kunt de aanvulling ook per post sturen naar Gemeente Rotterdam');
      // The second, to who cannot: no address to a page she cannot open.
      const second = about(offline.reference);
      expect(second).toContain('U kunt de aanvulling per post sturen naar Gemeente Rotterdam');
      expect(second).not.toContain('/aanvragen/');
      expect(second).not.toContain('Dat kan via');
      const stored = await kit.t.db
        .selectFrom('documents')
        .select('content')
        .where('application_id', '=', offline.id)
        .where('template_key', '=', 'supplement_request')
        .executeTakeFirstOrThrow();
      // Stored with what else the text depends on: here no money to pay back.
      expect((stored.content as { conditions?: unknown }).conditions).toEqual({
        online: false,
        reclaim: false,
        advance: false,
      });
    });
  });
});
