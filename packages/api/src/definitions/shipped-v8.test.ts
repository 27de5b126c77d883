/**
 * Version 8 of the bewonersinitiatief and version 7 of the klein buurtbudget: every decision
 * letter says where to send an objection and that the period is six weeks from the day after it
 * was sent (Awb 3:45, 6:7, 6:8); before, it named the college but no address, and pointed to "the
 * municipality's website" without one. And the resident who answers a request for more
 * information hears that it came in and by when we decide now the term runs again (before, only
 * staff heard it). And who grants another amount than the one proposed says why (Awb 3:46): a
 * grant below the request is a refusal in part, and its letter gave no reason for the cut.
 * Earlier versions are published and stay as they are.
 */
import { formatDate, validateDefinition } from '@initiatief/engine';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { demoFormData, onlyFormFields } from '../applications/applications.fixtures';
import {
  createDraft,
  createRegulation,
  type Kit,
  readJson,
  sendEvent,
  setupKit,
  step,
} from '../applications/lifecycle.test-kit';
import { newestShipped, readShippedDefinitions } from './definitions.repository';
import { shippedFile } from './shipped-versions.fixture';

const PAIRS = [
  ['bewonersinitiatief', 7, 8],
  ['klein-buurtbudget', 6, 7],
] as const;

const OLD = {
  nl: [
    'Dan kunt u bezwaar maken. Uw',
    'Stuur het aan het college van burgemeester en wethouders. Vermeld',
    ' U kunt ook digitaal bezwaar maken via de website van de gemeente.',
  ],
  en: [
    'Then you may lodge an objection. Your',
    'Address it to the Municipal Executive (college van burgemeester en wethouders). State',
    " You can also object online through the municipality's website.",
  ],
};
const NEW = {
  nl: [
    'Dan kunt u bezwaar maken binnen zes weken na de dag waarop deze brief is verzonden. Uw',
    'Stuur het aan het college van burgemeester en wethouders, Postbus 70012, 3000 KP Rotterdam. Vermeld',
    '',
  ],
  en: [
    'Then you may lodge an objection within six weeks of the day after this letter was sent. Your',
    'Address it to the Municipal Executive (college van burgemeester en wethouders), Postbus 70012, 3000 KP Rotterdam, the Netherlands. State',
    '',
  ],
};
const DECISION_LETTERS = ['not_considered', 'grant', 'grant_direct', 'rejection', 'settlement'];

describe('decision letters say where to object, a supplement is acknowledged, a cut is reasoned', () => {
  test('each new version is valid, the newest shipped, and changes only those texts, the notice and the rule', async () => {
    const shipped = await readShippedDefinitions();
    for (const [key, before, after] of PAIRS) {
      const old = shippedFile(key, before);
      const next = shippedFile(key, after);
      expect(validateDefinition(next).problems).toEqual([]);
      expect(newestShipped(shipped, key)?.version).toBeGreaterThanOrEqual(after);
      const expected = structuredClone(old);
      expected.version = after;
      let changed = 0;
      for (const [name, template] of Object.entries(expected.templates.letters)) {
        for (const lang of ['nl', 'en'] as const) {
          const text = template[lang]!;
          if (!DECISION_LETTERS.includes(name)) {
            expect(text.body).not.toContain(OLD[lang][0]);
            continue;
          }
          for (const [i, piece] of OLD[lang].entries()) {
            expect(text.body, `${key} ${name} ${lang}`).toContain(piece);
            text.body = text.body.replace(piece, NEW[lang][i]!);
          }
          changed++;
        }
      }
      expect(changed).toBeGreaterThanOrEqual(6);
      // The new notice to the applicant, sent with the one to staff when she supplements.
      const confirmation = next.templates.mails.supplement_confirmation;
      expect(confirmation?.nl?.body).toContain('wij besluiten uiterlijk op {{decisionDueDate}}');
      expect(confirmation?.en?.body).toContain('we will decide by {{decisionDueDate}}');
      const mails = Object.entries(expected.templates.mails);
      const at = mails.findIndex(([k]) => k === 'supplement_received') + 1;
      mails.splice(at, 0, ['supplement_confirmation', confirmation!]);
      expected.templates.mails = Object.fromEntries(mails);
      const supplement = expected.states.info_requested?.on?.SUPPLEMENT as {
        actions: { type: string; params?: Record<string, unknown> }[];
      };
      const staff = supplement.actions.findIndex(
        (a) => a.params?.template === 'supplement_received',
      );
      supplement.actions.splice(staff, 0, {
        type: 'sendNotice',
        params: { template: 'supplement_confirmation', audience: 'applicant' },
      });
      // The rule on each grant, after the four eyes, and a word of help at the reason.
      let grants = 0;
      for (const state of Object.values(expected.states)) {
        for (const transition of [state.on?.GRANT ?? []].flat()) {
          if (typeof transition === 'string') continue;
          const guards = transition.guard as { type: string }[];
          const at = guards.findIndex((g) => g.type === 'actorIsNot') + 1;
          guards.splice(at, 0, {
            type: 'reasonForChangedAmount',
            params: { field: 'motivation' },
          } as never);
          grants++;
        }
      }
      expect(grants).toBeGreaterThanOrEqual(1);
      const reason = (expected.events.GRANT!.payload as { properties: Record<string, object> })
        .properties.motivation as Record<string, unknown>;
      reason['x-help'] = {
        nl: 'Verleent u een ander bedrag dan voorgesteld, schrijf dan hier waarom. Dat komt in de brief.',
        en: 'If you grant another amount than proposed, say why here. It goes in the letter.',
      };
      expect(next).toEqual(expected);
    }
  });

  describe('on version 8 of the bewonersinitiatief', () => {
    let kit: Kit;
    beforeAll(async () => {
      kit = await setupKit();
    });
    afterAll(() => kit.close());

    test('the resident hears her supplement came in, and the grant says where to object', async () => {
      const v8 = shippedFile('bewonersinitiatief', 8);
      const regulationId = await createRegulation(kit.t, { key: v8.key, version: 8 });
      const draft = await createDraft(kit, 'resident', {
        regulationId,
        data: onlyFormFields(v8, demoFormData(kit.clock())),
      });
      await step(kit, 'resident', draft.id, 'SUBMIT');
      await step(kit, 'assessor', draft.id, 'REQUEST_INFO', {
        message: 'Graag een offerte voor het podium.',
        periodDays: 14,
      });
      await kit.advance(3 * 86_400_000);
      const supplemented = await step(kit, 'resident', draft.id, 'SUPPLEMENT', {
        message: 'Hierbij de offerte.',
      });
      const { clock } = supplemented as unknown as { clock: { decisionDueOn: string } };
      const due = formatDate(clock.decisionDueOn, 'nl');

      const mails = await kit.t.db
        .selectFrom('outbox')
        .select(['template_key', 'audience', 'recipient_email', 'subject', 'body'])
        .where('application_id', '=', draft.id)
        .where('template_key', 'in', ['supplement_confirmation', 'supplement_received'])
        .execute();
      expect(mails.map((m) => [m.template_key, m.audience]).sort()).toEqual([
        ['supplement_confirmation', 'applicant'],
        ['supplement_received', 'staff'],
      ]);
      const toHer = mails.find((m) => m.template_key === 'supplement_confirmation')!;
      expect(toHer.recipient_email).toBe(kit.users.resident.email);
      expect(toHer.subject).toBe(`Uw aanvulling is ontvangen (${draft.reference})`);
      expect(toHer.body).toContain(
        `De beslistermijn loopt weer: wij besluiten uiterlijk op ${due}.`,
      );
      expect(toHer.body).not.toContain('{{');

      await step(kit, 'assessor', draft.id, 'ASSESS', {
        recommendation: 'grant',
        motivation: 'Past bij het wijkakkoord.',
      });
      // The approver cuts the amount: not without saying why, in the field's own words.
      const cut = await sendEvent(kit, 'approver', draft.id, 'GRANT', { amountCents: 50_000 });
      expect(cut.status, await cut.clone().text()).toBe(422);
      const problem = await readJson(cut);
      expect(problem.invalidParams).toEqual([
        expect.objectContaining({
          name: 'motivation',
          reason: expect.stringContaining('Motivering'),
        }),
      ]);
      expect(problem.invalidParams[0].reason).toContain('€ 500,00');
      await step(kit, 'approver', draft.id, 'GRANT', {
        amountCents: 50_000,
        motivation: 'De huur van de tent is niet subsidiabel.',
      });
      const letter = await kit.t.db
        .selectFrom('documents')
        .select(['content'])
        .where('application_id', '=', draft.id)
        .where('kind', '=', 'grant')
        .executeTakeFirstOrThrow();
      const objection = (letter.content as { objection: { paragraphs: string[] } }).objection;
      const clause = objection.paragraphs.join('\n');
      expect(clause).toContain('binnen zes weken na de dag waarop deze brief is verzonden');
      expect(clause).toContain(
        'Stuur het aan het college van burgemeester en wethouders, Postbus 70012, 3000 KP Rotterdam.',
      );
      expect(clause).not.toContain('website');
      const variables = (letter.content as { variables: Record<string, string> }).variables;
      expect(variables.motivation).toBe('De huur van de tent is niet subsidiabel.');
      expect(variables.grantedAmount).toBe('€ 500,00');
    });
  });
});
