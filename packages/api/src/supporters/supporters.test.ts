import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { demoFormData } from '../applications/applications.fixtures';
import {
  applicationIn,
  createDraft,
  type Kit,
  readJson,
  sendEvent,
  setupKit,
} from '../applications/lifecycle.test-kit';
import { composeMail } from '../messaging/mail.compose';
import { markDone } from '../messaging/messaging.repository';
import { call } from '../test/test-app';
import { inMunicipality } from './postcodes';

let kit: Kit;
beforeAll(async () => {
  kit = await setupKit();
});
afterAll(() => kit.close());

/** The link token and code from the invitation mail in the outbox. */
async function invitation(email: string) {
  const row = await kit.t.db
    .selectFrom('outbox')
    .select(['body', 'subject'])
    .where('recipient_email', '=', email)
    .where('template_key', '=', 'supporter_invitation')
    .executeTakeFirstOrThrow();
  const token = /steunen\?token=([A-Za-z0-9_-]+)/.exec(row.body!)![1]!;
  const code = /Uw code: (\d{6})/.exec(row.body!)![1]!;
  return { token, code, body: row.body! };
}

const invite = (
  appId: string,
  json: Record<string, unknown>,
  persona: 'resident' | 'clerk' = 'resident',
) =>
  call(kit.app, 'POST', `/api/applications/${appId}/supporters`, {
    cookie: kit.cookies[persona],
    json,
  });

const confirm = (json: Record<string, unknown>) =>
  call(kit.app, 'POST', '/api/supporters/confirm', { json });

describe('supporters who confirm their own support', () => {
  test('invited by mail, confirmed with the code; paper at the desk; the count gates submitting', async () => {
    const app = await createDraft(kit);
    const emails = ['a@buurt.test', 'b@buurt.test', 'c@buurt.test'];
    for (const [i, email] of emails.entries()) {
      expect((await invite(app.id, { name: `Buur ${i + 1}`, email })).status).toBe(201);
    }
    // Recorded supporters replace the typed list: nobody confirmed yet, so submitting fails.
    const early = await sendEvent(kit, 'resident', app.id, 'SUBMIT');
    expect(early.status).toBe(422);
    expect(JSON.stringify(await readJson(early))).toContain('nu zijn het er 0');

    const first = await invitation('a@buurt.test');
    expect(first.body).toContain(app.reference);
    const info = await readJson(
      await call(kit.app, 'GET', `/api/supporters/confirm?token=${first.token}`),
    );
    expect(info).toMatchObject({ reference: app.reference, supporterName: 'Buur 1' });

    const wrong = await confirm({
      token: first.token,
      code: '000000x',
      postcode: '3022 AB',
      age: 40,
    });
    expect(wrong.status).toBe(422);
    expect((await confirm({ ...first, postcode: '3022 AB', age: 40 })).status).toBe(200);
    const second = await invitation('b@buurt.test');
    // Amsterdam: confirmed, but flagged for the assessor.
    expect((await confirm({ ...second, postcode: '1012 AB', age: 33 })).status).toBe(200);
    const third = await invitation('c@buurt.test');
    expect((await confirm({ ...third, postcode: '3083 AB', age: 15 })).status).toBe(200);

    const paper = await invite(
      app.id,
      { name: 'Mevrouw Papier', paper: true, postcode: '3151 AA', age: 80 },
      'clerk',
    );
    expect(paper.status).toBe(201);
    expect((await readJson(paper)).confirmedHow).toBe('paper');
    const notAtTheDesk = await invite(app.id, { name: 'Zelf', paper: true }, 'resident');
    expect(notAtTheDesk.status).toBe(403);
    const said = await readJson(notAtTheDesk);
    expect(said.text).toEqual({
      nl: 'Alleen een medewerker dienstverlening legt handtekeningen van een papieren lijst vast.',
      en: 'Only desk staff record signatures from a paper list.',
    });
    expect(said.detail).toBe(said.text.en);
    // Staff who do not act for the applicant add none: who may, in words.
    const byAssessor = await call(kit.app, 'POST', `/api/applications/${app.id}/supporters`, {
      cookie: kit.cookies.assessor,
      json: { name: 'Buur 9', email: 'z@buurt.test' },
    });
    expect(byAssessor.status).toBe(403);
    const who = await readJson(byAssessor);
    expect(who.text).toEqual({
      nl: 'Alleen de aanvrager of een medewerker dienstverlening namens de aanvrager kan ondersteuners toevoegen.',
      en: "Only the applicant, or desk staff on the applicant's behalf, can add supporters.",
    });
    expect(who.detail).toBe(who.text.en);

    const list = await readJson(
      await call(kit.app, 'GET', `/api/applications/${app.id}/supporters`, {
        cookie: kit.cookies.assessor,
      }),
    );
    expect(list.confirmed).toBe(4);
    const byName = Object.fromEntries(
      list.items.map((s: { name: string }) => [s.name, s]),
    ) as Record<string, { inMunicipality: boolean; confirmedHow: string; confirmedAt: string }>;
    expect(byName['Buur 2']!.inMunicipality).toBe(false);
    expect(byName['Buur 1']!.inMunicipality).toBe(true);
    expect(byName['Mevrouw Papier']!.inMunicipality).toBe(true);
    expect(byName['Buur 1']!.confirmedHow).toBe('code');
    expect(byName['Buur 1']!.confirmedAt).toBeTruthy();

    expect((await sendEvent(kit, 'resident', app.id, 'SUBMIT')).status).toBe(200);

    const history = await readJson(
      await call(kit.app, 'GET', `/api/applications/${app.id}/history`, {
        cookie: kit.cookies.assessor,
      }),
    );
    expect(
      history.items.filter((h: { event: string }) => h.event === 'shell.support_confirmed'),
    ).toHaveLength(4);
  });

  test('the applicant cannot count as her own supporter', async () => {
    const app = await createDraft(kit, 'resident', { data: demoFormData(kit.clock()) });
    const byMail = await invite(app.id, { name: 'Iemand', email: kit.users.resident.email });
    expect(byMail.status).toBe(422);
    const byName = await invite(app.id, { name: kit.users.resident.name, paper: true }, 'clerk');
    expect(byName.status).toBe(422);
    // Invited under another address, she still cannot confirm while logged in as herself.
    await invite(app.id, { name: 'Tweede adres', email: 'tweede@buurt.test' });
    const inv = await invitation('tweede@buurt.test');
    const own = await call(kit.app, 'POST', '/api/supporters/confirm', {
      cookie: kit.cookies.resident,
      json: { ...inv, postcode: '3022 AB', age: 40 },
    });
    expect(own.status).toBe(422);
  });

  test('the list says what counts in every state: the names on the form until anyone is invited', async () => {
    const named = (demoFormData(kit.clock()).supporters as unknown[]).length;
    const list = async (id: string) =>
      readJson(
        await call(kit.app, 'GET', `/api/applications/${id}/supporters`, {
          cookie: kit.cookies.resident,
        }),
      );
    for (const state of ['draft', 'submitted', 'info_requested', 'granted'] as const) {
      const app = await applicationIn(kit, state);
      expect(await list(app.id), state).toMatchObject({
        items: [],
        confirmed: 0,
        onForm: named,
        counting: 'form',
        // The workflow's own rule, which the page names.
        rule: { count: 4, minAge: 12 },
      });
    }
    // Asked for information, she invites a neighbour: from then on only who confirms counts.
    const asked = await applicationIn(kit, 'info_requested');
    expect((await invite(asked.id, { name: 'Buur', email: 'buur@buurt.test' })).status).toBe(201);
    expect(await list(asked.id)).toMatchObject({
      confirmed: 0,
      onForm: named,
      counting: 'confirmed',
    });
    const inv = await invitation('buur@buurt.test');
    expect((await confirm({ ...inv, postcode: '3022 AB', age: 40 })).status).toBe(200);
    expect(await list(asked.id)).toMatchObject({ confirmed: 1, counting: 'confirmed' });
  });

  test('a wrong code five times locks the link', async () => {
    const app = await createDraft(kit);
    await invite(app.id, { name: 'Gok', email: 'gok@buurt.test' });
    const inv = await invitation('gok@buurt.test');
    for (let i = 0; i < 5; i++) {
      expect(
        (await confirm({ token: inv.token, code: 'fout', postcode: '3022 AB', age: 40 })).status,
      ).toBe(422);
    }
    expect((await confirm({ ...inv, postcode: '3022 AB', age: 40 })).status).toBe(429);
  });

  test('the postcode table: Rotterdam, its exceptions, and elsewhere', () => {
    expect(inMunicipality('3011 AD')).toBe(true);
    expect(inMunicipality('3151AA')).toBe(true);
    expect(inMunicipality('3199 LA')).toBe(true);
    expect(inMunicipality('3100 AA')).toBe(false);
    expect(inMunicipality('1012 AB')).toBe(false);
    expect(inMunicipality(null)).toBe(null);
  });

  test("the invitation goes to a neighbour: no link to the applicant's page, no 'uw aanvraag'", async () => {
    const app = await createDraft(kit);
    await invite(app.id, { name: 'Çağla Öztürk', email: 'cagla@buurt.test' });
    const row = await kit.t.db
      .selectFrom('outbox')
      .selectAll()
      .where('recipient_email', '=', 'cagla@buurt.test')
      .executeTakeFirstOrThrow();
    const mail = composeMail(row, null, {
      from: 'noreply@initiatief.example',
      publicUrl: 'http://localhost:3000',
      staffMailbox: 'staff@initiatief.example',
      attachLetters: false,
    });
    // It kept its sender when it was written (the team of the application's version), and is
    // sent from it.
    expect(row.variables).toEqual({
      reference: app.reference,
      senderDepartment: 'Team Bewonersinitiatieven',
      senderOrganisation: 'Gemeente Rotterdam',
    });
    expect(mail.from).toMatchObject({ name: 'Team Bewonersinitiatieven, Gemeente Rotterdam' });
    for (const part of [String(mail.text), String(mail.html)]) {
      // The page of the application is the applicant's: the neighbour cannot open it.
      expect(part).not.toContain(`/aanvragen/${app.id}`);
      expect(part).not.toContain('Bekijk uw aanvraag');
      expect(part).not.toContain('uw subsidieaanvraag');
      expect(part).toContain('/steunen?token=');
    }
  });

  test('once sent, the outbox keeps neither the link nor the code: both are stored only hashed', async () => {
    const app = await createDraft(kit);
    await invite(app.id, { name: 'Jan de Vries', email: 'jan.sent@buurt.test' });
    const { token, code } = await invitation('jan.sent@buurt.test');
    const row = await kit.t.db
      .selectFrom('outbox')
      .select('id')
      .where('recipient_email', '=', 'jan.sent@buurt.test')
      .executeTakeFirstOrThrow();
    await markDone(kit.t.db, [row.id], new Date());
    const sent = await kit.t.db
      .selectFrom('outbox')
      .select('body')
      .where('id', '=', row.id)
      .executeTakeFirstOrThrow();
    expect(sent.body).not.toContain(token);
    expect(sent.body).not.toContain(code);
    expect(sent.body).toContain('/steunen?token=(verstuurd/sent)');
    expect(sent.body).toContain('Uw code: (verstuurd/sent)');
    // The mail that went out still works: its link and code confirm.
    expect((await confirm({ token, code, postcode: '3022 AB', age: 40 })).status).toBe(200);
  });
});
