import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { type Kit, readJson, setupKit } from '../applications/lifecycle.test-kit';
import { pdfText } from '../letters/pdf-text';
import { call } from '../test/test-app';

let kit: Kit;
const path = '/api/policy/templates/preview';

beforeAll(async () => {
  kit = await setupKit();
});
afterAll(() => kit.close());

const letter = {
  group: 'letters',
  kind: 'grant',
  language: 'nl',
  subject: 'Extra brief over {{title}}',
  body: 'Beste {{applicantName}},\n\nU krijgt {{grantedAmount}} voor {{title}}.\n\nKenmerk {{reference}.',
};

describe('template preview with sample data', () => {
  test('a mail as text: placeholders filled, malformed and unknown ones named', async () => {
    const res = await call(kit.app, 'POST', path, {
      cookie: kit.cookies.policy,
      json: { ...letter, group: 'mails', body: `${letter.body} {{kenmerk}}` },
    });
    expect(res.status, await res.clone().text()).toBe(200);
    const body = await readJson(res);
    expect(body.subject).toBe('Extra brief over Straatfeest Zwart Janstraat');
    expect(body.body).toContain('U krijgt € 1.250,00 voor Straatfeest Zwart Janstraat.');
    expect(body.malformed).toEqual(['{{reference}']);
    expect(body.unknown).toEqual(['kenmerk']);
  });

  test("the sample reference carries the workflow's own prefix; a malformed one is refused", async () => {
    const res = await call(kit.app, 'POST', path, {
      cookie: kit.cookies.policy,
      json: { ...letter, group: 'mails', subject: 'Over {{reference}}', referencePrefix: 'KB' },
    });
    expect(res.status, await res.clone().text()).toBe(200);
    // Says it is an example: no real application has a reference that begins with a word.
    expect((await readJson(res)).subject).toMatch(/^Over VOORBEELD-KB-\d{4}-000123$/);
    const bad = await call(kit.app, 'POST', path, {
      cookie: kit.cookies.policy,
      json: { ...letter, referencePrefix: 'kb' },
    });
    expect(bad.status).toBe(422);
    expect(JSON.stringify(await readJson(bad))).toContain('referencePrefix');
  });

  test('a text with a reclaim part, with and without money to pay back', async () => {
    const settlement = {
      ...letter,
      kind: 'settlement',
      subject: 'Vaststelling {{reference}}',
      body: 'Vastgesteld: {{settledAmount}}.{{#reclaim}} U betaalt {{reclaimAmount}} terug, uiterlijk {{reclaimDueDate}}.{{/reclaim}}{{^reclaim}} Wij betalen {{paymentAmount}} uit.{{/reclaim}}',
    };
    const preview = async (sections?: Record<string, boolean>) => {
      const res = await call(kit.app, 'POST', path, {
        cookie: kit.cookies.policy,
        json: { ...settlement, ...(sections ? { sections } : {}) },
      });
      expect(res.status, await res.clone().text()).toBe(200);
      return readJson(res);
    };
    const paying = await preview({ reclaim: true });
    expect(paying.body).toMatch(
      /^Vastgesteld: € 800,00\. U betaalt € 200,00 terug, uiterlijk \d{1,2} \S+ \d{4}\.$/,
    );
    const notPaying = await preview({ reclaim: false });
    expect(notPaying.body).toBe('Vastgesteld: € 1.180,50. Wij betalen € 180,50 uit.');
    expect(notPaying.variables.reclaimDueDate).toBe('');
    // Without a choice: the sample case without a reclaim; a name that is no value section does
    // nothing (who can log in is `online`'s).
    expect((await preview()).body).toBe(notPaying.body);
    expect((await preview({ online: false, betaald: true })).body).toBe(notPaying.body);
    // The letter as PDF follows the choice too, and says it is an example on every page.
    const pdf = await call(kit.app, 'POST', path, {
      cookie: kit.cookies.policy,
      json: { ...settlement, sections: { reclaim: true }, format: 'pdf' },
    });
    const text = await pdfText(new Uint8Array(await pdf.arrayBuffer()));
    expect(text).toContain('U betaalt € 200,00 terug');
    expect(text).not.toContain('Wij betalen');
    expect(text).toMatch(/VOORBEELD-BI-\d{4}-000123/);
  });

  test('an English sample reference says it is an example in English', async () => {
    const res = await call(kit.app, 'POST', path, {
      cookie: kit.cookies.policy,
      json: { ...letter, language: 'en', group: 'mails', subject: 'About {{reference}}' },
    });
    expect((await readJson(res)).subject).toMatch(/^About EXAMPLE-BI-\d{4}-000123$/);
  });

  test('a letter as the real PDF, with the objection clause of a decision', async () => {
    const res = await call(kit.app, 'POST', path, {
      cookie: kit.cookies.policy,
      json: { ...letter, format: 'pdf' },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    const text = await pdfText(new Uint8Array(await res.arrayBuffer()));
    expect(text).toContain('Extra brief over Straatfeest Zwart Janstraat');
    expect(text).toContain('U krijgt € 1.250,00');
    expect(text).toContain('Bezwaar maken');
  });

  test('a link to the PDF for its author only, so the browser opens it in a tab', async () => {
    const res = await call(kit.app, 'POST', path, {
      cookie: kit.cookies.policy,
      json: { ...letter, format: 'link' },
    });
    const { url } = await readJson(res);
    expect(url).toMatch(/^\/api\/policy\/templates\/preview\/[0-9a-f-]{36}$/);
    const pdf = await call(kit.app, 'GET', url, { cookie: kit.cookies.policy });
    expect(pdf.status).toBe(200);
    expect(await pdfText(new Uint8Array(await pdf.arrayBuffer()))).toContain('U krijgt');
    const other = await call(kit.app, 'GET', url, { cookie: kit.cookies.admin });
    expect(other.status).toBe(403);
  });

  test('only policy staff', async () => {
    const res = await call(kit.app, 'POST', path, {
      cookie: kit.cookies.assessor,
      json: letter,
    });
    expect(res.status).toBe(403);
  });
});
