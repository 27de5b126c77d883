/**
 * Policy staff change how a subsidy works, without a programmer (issue 13): through the real
 * HTTP API one policy officer copies the shipped bewonersinitiatief into a new version, adds a
 * field, renames a state and adds an event with a payload field; a second officer approves
 * publishing it and pointing a regulation at it. Then, with no code change in between, the
 * screens in Chromium follow: the resident fills the new field, resident and assessor see the
 * state under its new name, and the assessor sends the new event through its own form.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser } from '../../api/src/test/test-app';
import {
  type Browser,
  checkA11y,
  expectHeading,
  expectNoHorizontalScroll,
  fillDate,
  login,
  logout,
  openBrowser,
  screenshotOnFailure,
} from './browser';
import { addDays } from './fixtures';
import { PASSWORD, startTestServer, type TestServer } from './server';
import { nextDraftVersion } from './versions';

// biome-ignore lint/suspicious/noExplicitAny: definition JSON as the API answers it
type Json = Record<string, any>;

let server: TestServer;
let browser: Browser;
let page: Page;
let applicationId = '';
let reference = '';
let version = 0;
/** Every shipped version is published, so a new draft comes after the newest of them. */
const NEXT = await nextDraftVersion('bewonersinitiatief');

/** What the policy officers add and rename: all of it data, none of it known to the code. */
const FIELD = {
  key: 'residentsAssociation',
  type: 'text',
  label: { nl: 'Naam van de bewonersvereniging', en: 'Name of the residents’ association' },
  help: {
    nl: 'De vereniging of het bewonerscomité dat het initiatief steunt.',
    en: 'The association or residents’ committee that supports the initiative.',
  },
  minLength: 2,
  maxLength: 120,
};
/** A statement the applicant ticks, on the payment page: a new kind of answer, no code. */
const STATEMENT = {
  key: 'adultStatement',
  type: 'confirm',
  label: { nl: 'Ik ben 18 jaar of ouder.', en: 'I am 18 or older.' },
  staffLabel: { nl: 'De aanvrager is 18 jaar of ouder', en: 'The applicant is 18 or older' },
};
const RENAMED = { nl: 'In behandeling genomen', en: 'Taken into consideration' };
const EVENT = {
  type: 'PLAN_HOME_VISIT',
  label: { nl: 'Huisbezoek plannen', en: 'Plan a home visit' },
  outcome: {
    nl: 'Het huisbezoek is ingepland. De aanvrager ziet de afspraak bij de aanvraag.',
    en: 'The home visit has been planned. The applicant sees the appointment with the application.',
  },
  payloadLabel: { nl: 'Afspraak voor het huisbezoek', en: 'Appointment for the home visit' },
};
const OFFICERS = [
  { email: 'beleid1@example.org', name: 'Pim Voorsteller' },
  { email: 'beleid2@example.org', name: 'Fatima Goedkeurder' },
];

async function api(
  cookie: string,
  method: string,
  path: string,
  body?: unknown,
  status = 200,
  headers: Record<string, string> = {},
): Promise<{ json: Json; res: Response }> {
  const res = await fetch(`${server.url}/api${path}`, {
    method,
    headers: { origin: server.url, 'content-type': 'application/json', cookie, ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  expect(res.status, `${method} ${path}: ${text}`).toBe(status);
  return { json: text ? JSON.parse(text) : {}, res };
}

async function cookieOf(email: string): Promise<string> {
  const { res } = await api('', 'POST', '/auth/login', { email, password: PASSWORD });
  return res.headers.getSetCookie()[0]!.split(';')[0]!;
}

/** The copy, changed as a policy officer would in the editor. */
function change(def: Json): Json {
  def.form.fields.push(FIELD);
  // On the first page, right after the initiative's name.
  const first = def.form.pages[0].fields as string[];
  first.splice(first.indexOf('title') + 1, 0, FIELD.key);
  def.form.fields.push(STATEMENT);
  (def.form.pages.at(-1).fields as string[]).push(STATEMENT.key);
  // The state a submitted application waits in: renamed (its name, `submitted`, stays).
  const waiting = Object.values(def.states as Record<string, Json>).find(
    (s) => s.tags?.includes('pending_decision') && !s.tags.includes('awaiting_approval'),
  )!;
  waiting.meta.label = RENAMED;
  def.events[EVENT.type] = {
    label: EVENT.label,
    outcome: EVENT.outcome,
    roles: ['assessor'],
    payload: {
      type: 'object',
      properties: {
        visitNote: {
          type: 'string',
          minLength: 1,
          maxLength: 500,
          'x-label': EVENT.payloadLabel,
          'x-widget': 'textarea',
        },
        visitDate: {
          type: 'string',
          format: 'date',
          'x-label': { nl: 'Datum van het huisbezoek', en: 'Date of the home visit' },
        },
      },
      required: ['visitNote'],
      additionalProperties: false,
    },
  };
  // Sent in the waiting state; the application stays there, the appointment is kept.
  waiting.on[EVENT.type] = {
    actions: [{ type: 'assignPayload', params: { fields: ['visitNote'], into: 'request' } }],
  };
  return def;
}

beforeAll(async () => {
  server = await startTestServer();
  for (const officer of OFFICERS) {
    await createUser(server.deps.db, { roles: ['policy'], ...officer, password: PASSWORD });
  }
  browser = await openBrowser();
  page = browser.page;
});
screenshotOnFailure(() => browser?.page);
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const next = () => page.getByRole('button', { name: 'Volgende stap' }).click();
const stateIs = (label: string) =>
  page.getByRole('main').getByText(label, { exact: true }).first().waitFor();

/** The same page at 320 CSS px: nothing scrolls sideways, and axe again. */
async function at320(name: string) {
  await page.setViewportSize({ width: 320, height: 800 });
  try {
    await expectNoHorizontalScroll(page);
    await checkA11y(page, `${name}-320`);
  } finally {
    await page.setViewportSize({ width: 1280, height: 900 });
  }
}

describe('a definition changed by policy staff reaches the screens', () => {
  it('two policy officers copy, change and publish the definition, and point a regulation at it', async () => {
    const [first, second] = [
      await cookieOf(OFFICERS[0]!.email),
      await cookieOf(OFFICERS[1]!.email),
    ];
    const base = '/policy/definitions/bewonersinitiatief';
    // A copy of version 1, the regulation's version, whose form still asks for the district;
    // the number comes after every published version.
    const draft = await api(first, 'POST', `${base}/drafts`, { fromVersion: 1 }, 201);
    version = draft.json.version;
    expect(version).toBe(NEXT);
    // Saved on the revision it was read at, as the editor does.
    const loaded = await api(first, 'GET', `${base}/versions/${version}`);
    const saved = await api(
      first,
      'PUT',
      `${base}/versions/${version}`,
      { definition: change(loaded.json.definition) },
      200,
      { 'if-match': loaded.res.headers.get('etag')! },
    );
    expect(saved.json.validation, JSON.stringify(saved.json.validation)).toMatchObject({
      ok: true,
    });

    const { json: proposed } = await api(
      first,
      'POST',
      `${base}/versions/${version}/publish`,
      { comment: 'Bewonersvereniging erbij, huisbezoek als stap, een duidelijker naam.' },
      202,
    );
    await api(second, 'POST', `/policy/proposals/${proposed.proposal.id}/approve`, {});
    const published = await api(first, 'GET', `${base}/versions/${version}`);
    expect(published.json.status).toBe('published');

    const { json: pointed } = await api(
      first,
      'PATCH',
      `/policy/regulations/${server.regulationId}`,
      {
        workflowKey: 'bewonersinitiatief',
        workflowVersion: version,
        comment: `Delfshaven werkt voortaan met versie ${version}.`,
      },
      202,
    );
    await api(second, 'POST', `/policy/proposals/${pointed.proposal.id}/approve`, {});
    const { json: regs } = await api(first, 'GET', '/policy/regulations');
    expect(regs.items.find((r: Json) => r.id === server.regulationId)).toMatchObject({
      workflow: { key: 'bewonersinitiatief', version },
    });
  });

  it('a resident finds the new field by its label, fills it, and sees the renamed state', async () => {
    await login(page, server.url, server.users.resident.email, PASSWORD);
    await expectHeading(page, 'Mijn aanvragen');
    await page.goto(`${server.url}/regelingen`);
    await expectHeading(page, 'Subsidieregelingen', false);
    await page
      .getByRole('region', { name: 'Bewonersinitiatieven Delfshaven 2026' })
      .getByRole('button', { name: 'Aanvraag starten' })
      .click();
    await expectHeading(page, 'Stap 1 van 5: Uw initiatief');
    applicationId = page.url().split('/')[4]!;

    await page.getByLabel('Naam van uw initiatief').fill('Buurtmoestuin Spangen');
    // The new field, by the label the policy officer gave it, with its help text.
    const association = page.getByLabel(FIELD.label.nl);
    await page.getByText(FIELD.help.nl).waitFor();
    await association.fill('Bewonersvereniging Spangen-Noord');
    await page
      .getByLabel('Beschrijving')
      .fill('Wij leggen samen met de buren een moestuin aan op het braakliggende veldje.');
    await page.getByLabel('Wijk').selectOption('Delfshaven');
    await fillDate(page, 'Datum van de activiteit', addDays(server.today(), 70));
    await page.getByLabel('Locatie').fill('Spangen, hoek Bilderdijkstraat');
    await page.getByLabel('Verwacht aantal deelnemers').fill('40');
    await page
      .getByRole('status')
      .filter({ hasText: /Opgeslagen om \d{2}:\d{2}/ })
      .first()
      .waitFor();
    await checkA11y(page, 'changed-form-1');
    await at320('changed-form-1');
    await next();

    await expectHeading(page, 'Stap 2 van 5: Begroting');
    await page.getByRole('button', { name: 'Regel toevoegen aan Begroting' }).click();
    const line = page.getByRole('group', { name: 'Begroting, regel 1' });
    await line.getByLabel('Omschrijving').fill('Plantenbakken en zaden');
    await line.getByLabel('Bedrag').fill('600');
    await page.getByText('Totaal aangevraagd: € 600,00').waitFor();
    await next();

    await expectHeading(page, 'Stap 3 van 5: Handtekeningen van buurtbewoners');
    const people = [
      ['Mehmet Yılmaz', '3026 AB', '34'],
      ['Henk Visser', '3026 AC', '67'],
      ['Priya Ramdin', '3026 AD', '15'],
      ['Kees Bakker', '3026 AE', '45'],
    ];
    for (const [i, [name, postcode, age]] of people.entries()) {
      await page
        .getByRole('button', { name: 'Regel toevoegen aan Handtekeningen van buurtbewoners' })
        .click();
      const group = page.getByRole('group', {
        name: `Handtekeningen van buurtbewoners, regel ${i + 1}`,
      });
      await group.getByLabel('Naam').fill(name!);
      await group.getByLabel('Postcode').fill(postcode!);
      await group.getByLabel('Leeftijd').fill(age!);
    }
    await next();
    await expectHeading(page, 'Stap 4 van 5: Betaalgegevens');
    await page.getByLabel('IBAN-rekeningnummer').fill('NL91 ABNA 0417 1643 00');
    // The statement is a box to tick; left unticked, the step says so in its words.
    const statement = page.getByRole('checkbox', { name: STATEMENT.label.nl });
    await next();
    await page.getByRole('link', { name: `Vink aan: ${STATEMENT.label.nl}` }).waitFor();
    await statement.check();
    await checkA11y(page, 'changed-form-statement');
    await next();

    // The review lists the new field under its label, with what was typed.
    await expectHeading(page, 'Stap 5 van 5: Controleren en versturen');
    await page.getByText(FIELD.label.nl).first().waitFor();
    await page.getByText('Bewonersvereniging Spangen-Noord').first().waitFor();
    await page.getByText(STATEMENT.label.nl).first().waitFor();
    await checkA11y(page, 'changed-form-review');
    await at320('changed-form-review');
    await page.getByRole('button', { name: 'Aanvraag versturen' }).click();
    await expectHeading(page, 'Buurtmoestuin Spangen');
    reference = (await page
      .getByText(/^Kenmerk: /)
      .first()
      .textContent())!.replace('Kenmerk: ', '');
    // The state under its new name; the old one is nowhere on the page.
    await stateIs(RENAMED.nl);
    expect(await page.getByRole('main').getByText('Ingediend', { exact: true }).count()).toBe(0);
    await page.getByText('Bewonersvereniging Spangen-Noord').first().waitFor();
    await checkA11y(page, 'changed-resident-case');
    await at320('changed-resident-case');

    // Stored as data of the application, pinned to the new version.
    const row = await server.deps.db
      .selectFrom('applications')
      .select(['data', 'definition_version', 'state'])
      .where('id', '=', applicationId)
      .executeTakeFirstOrThrow();
    expect(row.definition_version).toBe(version);
    expect((row.data as Json)[FIELD.key]).toBe('Bewonersvereniging Spangen-Noord');
    expect((row.data as Json)[STATEMENT.key]).toBe(true);

    // The list of the resident's applications names the state the new way too.
    await page.getByRole('link', { name: 'Mijn aanvragen' }).first().click();
    await expectHeading(page, 'Mijn aanvragen');
    await page.getByText(RENAMED.nl, { exact: true }).first().waitFor();
    await logout(page);
  });

  it('the assessor sees the renamed state and sends the new event through its form', async () => {
    await login(page, server.url, server.users.assessor.email, PASSWORD);
    await expectHeading(page, 'Werkvoorraad');
    const row = page.getByRole('row').filter({ hasText: reference });
    await row.getByText(RENAMED.nl, { exact: true }).waitFor();
    // The queue's state filter offers the new name.
    await page.getByRole('option', { name: RENAMED.nl }).first().waitFor({ state: 'attached' });
    await page.getByRole('link', { name: reference }).click();
    await expectHeading(page, 'Buurtmoestuin Spangen');
    await stateIs(RENAMED.nl);
    await page.getByText('Bewonersvereniging Spangen-Noord').first().waitFor();
    await page.getByRole('button', { name: 'Oppakken' }).click();
    await page.getByText(`U behandelt nu ${reference}.`).waitFor();

    const form = page.getByRole('region', { name: EVENT.label.nl });
    await form.waitFor();
    await checkA11y(page, 'changed-assessor-case');
    await at320('changed-assessor-case');
    // Empty, the required payload field is refused by name.
    await form.getByRole('button', { name: EVENT.label.nl }).click();
    await form
      .getByRole('alert')
      .getByRole('link', { name: `Vul “${EVENT.payloadLabel.nl}” in.` })
      .waitFor();
    await checkA11y(page, 'changed-event-form-errors');
    await form
      .getByLabel(EVENT.payloadLabel.nl)
      .fill('Dinsdag 14 april om 10.00 uur bij de moestuin.');
    // A date of the event's own is asked as day, month and year; a day April lacks stops it.
    await fillDate(form, 'Datum van het huisbezoek', '2027-04-30');
    await form.getByLabel('Dag', { exact: true }).fill('31');
    await form.getByRole('button', { name: EVENT.label.nl }).click();
    await form
      .getByRole('alert')
      .getByRole('link', { name: 'Datum van het huisbezoek: April 2027 heeft 30 dagen.' })
      .waitFor();
    await fillDate(form, 'Datum van het huisbezoek', '2027-04-14');
    await form.getByRole('button', { name: EVENT.label.nl }).click();
    await page.getByText(EVENT.outcome.nl).waitFor();
    await stateIs(RENAMED.nl);
    // The application stays where it was, so the form stays: emptied, not ready to send twice.
    expect(await form.getByLabel(EVENT.payloadLabel.nl).inputValue()).toBe('');

    // The history names the new event by its label, with the appointment.
    const history = page.getByRole('list', { name: 'Verloop' });
    await history.getByText(EVENT.label.nl, { exact: false }).waitFor();
    await history.getByText('Dinsdag 14 april om 10.00 uur bij de moestuin.').waitFor();
    expect(await page.getByRole('main').getByText(EVENT.type).count()).toBe(0);
    await checkA11y(page, 'changed-assessor-event-sent');
    await at320('changed-assessor-event-sent');

    // In English, the same page speaks the definition's English.
    await page.getByRole('button', { name: 'English' }).click();
    await stateIs(RENAMED.en);
    await page
      .getByRole('list', { name: 'History' })
      .getByText(EVENT.label.en, { exact: false })
      .waitFor();
    await page.getByText(FIELD.label.en).first().waitFor();
    await page.getByRole('button', { name: 'Nederlands' }).click();
    await stateIs(RENAMED.nl);

    const stored = await server.deps.db
      .selectFrom('application_history')
      .select(['event', 'payload'])
      .where('application_id', '=', applicationId)
      .where('event', '=', EVENT.type)
      .execute();
    expect(stored).toEqual([
      {
        event: EVENT.type,
        payload: {
          visitNote: 'Dinsdag 14 april om 10.00 uur bij de moestuin.',
          visitDate: '2027-04-14',
        },
      },
    ]);
    await logout(page);
  });

  it('the policy report counts the application under the state’s new name', async () => {
    await login(page, server.url, OFFICERS[0]!.email, PASSWORD);
    await page.goto(`${server.url}/beleid/rapportages`);
    await expectHeading(page, 'Rapportages', false);
    const table = page.getByRole('table', {
      name: 'Aantal aanvragen per status (rijen) en wijk (kolommen)',
    });
    const row = table.getByRole('row', { name: new RegExp(`^${RENAMED.nl}`) });
    await row.getByRole('cell', { name: '1' }).first().waitFor();
    expect(await table.getByText('submitted', { exact: true }).count()).toBe(0);
    // One workflow at a time: the other workflow's states of the same name are not added in.
    await page.getByLabel('Werkproces').selectOption({ label: 'Subsidie bewonersinitiatief' });
    const one = page.getByRole('table', {
      name: 'Aantal aanvragen van Subsidie bewonersinitiatief per status',
    });
    await one
      .getByRole('row', { name: new RegExp(`^${RENAMED.nl}`) })
      .getByRole('cell', { name: '1' })
      .first()
      .waitFor();
    await checkA11y(page, 'changed-policy-reports');
  });
});
