import { renderTemplate } from '@initiatief/engine';
import { describe, expect, it } from 'vitest';
import { readShippedDefinitions } from '../definitions/definitions.repository';
import { addressLinesOf, buildLetterContent } from './letter.content';
import { sampleLetter } from './letter.fixture';
import { renderLetterHtml } from './letter.html';
import { renderLetterPdf } from './letter.pdf';
import { DECISION_KINDS, type LetterKind } from './letter.types';
import { pdfText } from './pdf-text';
import { createRenderPool } from './render.pool';

async function shippedTemplates() {
  const [definition] = await readShippedDefinitions();
  return (
    definition as unknown as {
      templates: {
        letters: Record<string, Record<'nl' | 'en', { subject: string; body: string }>>;
      };
    }
  ).templates.letters;
}

const variables = {
  reference: 'BI-2026-000042',
  applicantName: 'Fatima el Amrani',
  title: 'Straatfeest Mathenesserlaan',
  district: 'Delfshaven',
  activityDate: '9 mei 2026',
  requestedAmount: '€ 750,00',
  grantedAmount: '€ 750,00',
  motivation: 'Uw initiatief past bij het wijkakkoord.',
  conditions: 'U vermeldt de bijdrage van de gemeente.',
  objectionDeadline: '14 april 2026',
  reportDueDate: '4 juli 2026',
  applicationUrl: '{{applicationUrl}}',
};

describe('letter content', () => {
  it('lifts the template salutation, signature and objection paragraph into the letter structure', async () => {
    const grant = (await shippedTemplates()).grant!.nl;
    const content = buildLetterContent({
      kind: 'grant',
      language: 'nl',
      reference: 'BI-2026-000042',
      sentOn: '2026-03-02',
      objectionLastDay: '2026-04-14',
      recipient: {
        name: 'Fatima el Amrani',
        street: 'Mathenesserlaan 214',
        postcode: '3022 AB',
        city: 'Rotterdam',
      },
      subject: renderTemplate(grant.subject, variables),
      body: renderTemplate(grant.body, variables),
      variables,
    });
    expect(content.salutation).toBe('Beste Fatima el Amrani,');
    expect(content.paragraphs.join(' ')).not.toMatch(/Beste|Met vriendelijke groet|bezwaar/);
    expect(content.signature.closing).toBe('Met vriendelijke groet,');
    expect(content.signature.role).toBe('team Bewonersinitiatieven');
    expect(content.objection?.lastDay).toBe('2026-04-14');
    expect(content.objection?.paragraphs).toHaveLength(1);
    expect(content.objection?.paragraphs[0]).toContain('14 april 2026');
    expect(content.recipient.addressLines).toEqual(['Mathenesserlaan 214', '3022 AB  ROTTERDAM']);
    // As PostNL asks, however it was typed.
    expect(
      addressLinesOf({ street: ' Korte Hoogstraat 31 ', postcode: '3011gk', city: 'rotterdam' }),
    ).toEqual(['Korte Hoogstraat 31', '3011 GK  ROTTERDAM']);
  });

  it('adds the standard objection clause to a decision whose text lacks it, and none to other letters', () => {
    const decision = buildLetterContent({
      kind: 'rejection',
      language: 'en',
      reference: 'BI-2026-000043',
      sentOn: '2026-03-02',
      objectionLastDay: '2026-04-14',
      recipient: { name: 'Jan de Vries', street: null, postcode: null, city: null },
      subject: 'Decision',
      body: 'We cannot award a grant: the budget ceiling has been reached (Awb 4:25).',
      variables: {},
    });
    expect(decision.objection?.heading).toBe('Objection');
    expect(decision.objection?.paragraphs.join(' ')).toContain('14 April 2026');
    expect(decision.signature.role).toBe('The district manager (wijkmanager)');
    expect(decision.signature.onBehalfOf).toContain('Municipal Executive');

    const acknowledgement = buildLetterContent({
      ...{ kind: 'acknowledgement' as const, language: 'nl' as const },
      reference: 'BI-2026-000043',
      sentOn: '2026-03-02',
      objectionLastDay: '2026-04-14',
      recipient: { name: 'Jan de Vries', street: null, postcode: null, city: null },
      subject: 'Ontvangstbevestiging',
      body: 'Wij hebben uw aanvraag ontvangen.',
      variables: {},
    });
    expect(acknowledgement.objection).toBeNull();
  });

  it('takes the objection paragraph, not an earlier one that names the same day (the activity)', async () => {
    const grant = (await shippedTemplates()).grant!.nl;
    // The activity falls on the last day for objection: both paragraphs name 14 april 2026.
    const same = { ...variables, activityDate: '14 april 2026' };
    const content = buildLetterContent({
      kind: 'grant',
      language: 'nl',
      reference: 'BI-2026-000042',
      sentOn: '2026-03-02',
      objectionLastDay: '2026-04-14',
      recipient: { name: 'Fatima el Amrani', street: null, postcode: null, city: null },
      subject: renderTemplate(grant.subject, same),
      body: renderTemplate(grant.body, same),
      variables: same,
    });
    expect(content.objection?.paragraphs).toHaveLength(1);
    expect(content.objection?.paragraphs[0]).toMatch(/^Bent u het niet eens/);
    expect(content.paragraphs[0]).toContain('Wij hebben besloten');
    expect(content.paragraphs.join(' ')).not.toMatch(/bezwaar/);
  });
});

describe('letter PDF', () => {
  it('renders a municipal letter whose text carries the reference, the amount and the objection date', async () => {
    const pdf = await renderLetterPdf(sampleLetter());
    expect(Buffer.from(pdf.subarray(0, 5)).toString()).toBe('%PDF-');
    const text = await pdfText(pdf);
    expect(text).toContain('Gemeente Rotterdam');
    expect(text).toContain('BI-2027-000123');
    expect(text).toContain('€ 1.250,00');
    expect(text).toContain('25 februari 2027');
    expect(text).toContain('14 januari 2027');
    expect(text).toContain('De wijkmanager');
    expect(text).toMatch(/Pagina 1 van 1/);
  });

  it('numbers pages of a long letter and keeps the objection clause at the end', async () => {
    const text = await pdfText(
      await renderLetterPdf(sampleLetter({ paragraphs: 14, language: 'en' })),
    );
    expect(text).toMatch(/Page 1 of 2/);
    expect(text).toMatch(/Page 2 of 2/);
    expect(text.lastIndexOf('25 February 2027')).toBeGreaterThan(
      text.lastIndexOf('Aanvullende toelichting 14'),
    );
  });

  it('renders in worker threads, one render at a time per thread', async () => {
    const pool = createRenderPool({ size: 2 });
    try {
      const pdfs = await Promise.all([1, 2, 3].map(() => pool.render(sampleLetter())));
      for (const pdf of pdfs) expect(await pdfText(pdf)).toContain('BI-2027-000123');
    } finally {
      await pool.close();
    }
  }, 60_000);

  it('starts its threads with the first letter and ends them after a quiet spell', async () => {
    const pool = createRenderPool({ size: 2, idleMs: 300 });
    try {
      expect(pool.threads).toBe(0);
      expect(await pdfText(await pool.render(sampleLetter()))).toContain('BI-2027-000123');
      expect(pool.threads).toBe(2);
      await new Promise((resolve) => setTimeout(resolve, 800));
      expect(pool.threads).toBe(0);
      // Ending them was no crash: the next letter starts them again.
      expect(await pdfText(await pool.render(sampleLetter()))).toContain('BI-2027-000123');
      expect(pool.threads).toBe(2);
    } finally {
      await pool.close();
    }
  }, 60_000);

  it('answers each request with its own letter when a thread holds several', async () => {
    // One thread, five requests at once: the thread holds two at a time and renders them in
    // turn; every caller must get the letter it asked for.
    const pool = createRenderPool({ size: 1 });
    try {
      const references = [1, 2, 3, 4, 5].map((n) => `BI-2027-00010${n}`);
      const pdfs = await Promise.all(
        references.map((reference) => pool.render({ ...sampleLetter(), reference })),
      );
      for (const [i, pdf] of pdfs.entries()) {
        const text = await pdfText(pdf);
        expect(text).toContain(references[i]);
        for (const other of references.filter((r) => r !== references[i])) {
          expect(text).not.toContain(other);
        }
      }
    } finally {
      await pool.close();
    }
  }, 60_000);
});

describe('every kind of letter', () => {
  it('renders each shipped letter template; decisions end with the objection clause, others carry none', async () => {
    const templates = await shippedTemplates();
    const kinds: Record<string, LetterKind> = {
      acknowledgement: 'acknowledgement',
      supplement_request: 'supplement_request',
      not_considered: 'not_considered',
      grant: 'grant',
      grant_direct: 'grant',
      rejection: 'rejection',
      settlement: 'settlement',
      extension: 'extension',
    };
    const vars = {
      ...variables,
      supplementDueDate: '16 maart 2026',
      periodDays: '14',
      settledAmount: '€ 700,00',
      advanceAmount: '€ 500,00',
      paymentAmount: '€ 200,00',
      reclaimAmount: '€ 0,00',
      decisionDueDate: '11 mei 2026',
      today: '2 maart 2026',
      message: 'Stuur ons de begroting.',
    };
    for (const [key, kind] of Object.entries(kinds)) {
      for (const language of ['nl', 'en'] as const) {
        const template = templates[key]![language];
        const content = buildLetterContent({
          kind,
          language,
          reference: 'BI-2026-000042',
          sentOn: '2026-03-02',
          objectionLastDay: '2026-04-14',
          recipient: {
            name: 'Fatima el Amrani',
            street: 'Mathenesserlaan 214',
            postcode: '3022 AB',
            city: 'Rotterdam',
          },
          subject: renderTemplate(template.subject, vars),
          body: renderTemplate(template.body, vars),
          variables: vars,
        });
        const text = await pdfText(await renderLetterPdf(content));
        expect(text, `${key} ${language}`).toContain('BI-2026-000042');
        expect(text, `${key} ${language}`).toMatch(
          language === 'nl' ? /Pagina 1 van/ : /Page 1 of/,
        );
        const lastDay = language === 'nl' ? '14 april 2026' : '14 April 2026';
        if (DECISION_KINDS.has(kind)) {
          expect(content.objection, `${key} ${language}`).not.toBeNull();
          expect(text.replace(/\s+/g, ' '), `${key} ${language}`).toContain(lastDay);
        } else {
          expect(content.objection, `${key} ${language}`).toBeNull();
        }
      }
    }
  }, 120_000);
});

describe('letter HTML', () => {
  it('is a semantic, self-contained page with the same content', () => {
    const html = renderLetterHtml(sampleLetter(), {
      documentId: '00000000-0000-4000-8000-000000000001',
      applicationId: '00000000-0000-4000-8000-000000000002',
      publicUrl: 'http://localhost:3000',
    });
    expect(html).toMatch(/^<!doctype html>\n<html lang="nl">/);
    expect(html).toContain('<main>');
    expect(html).toContain('<h1 id="letter-subject"');
    expect(html).toContain('<time datetime="2027-01-14">14 januari 2027</time>');
    expect(html).toContain('<h2 id="objection-heading">Bezwaar maken</h2>');
    expect(html).toContain('<strong><time datetime="2027-02-25">25 februari 2027</time></strong>');
    expect(html).toContain('BI-2027-000123');
    expect(html).not.toMatch(/<script|https?:\/\/[^"]*\.(css|js)/);
    // A way back to the application, for a resident who came from the link in her mail.
    expect(html).toContain(
      '<nav class="back" aria-label="Terug"><a href="http://localhost:3000/aanvragen/00000000-0000-4000-8000-000000000002">← Naar de aanvraag <span class="nowrap">BI-2027-000123</span></a></nav>',
    );
  });

  it('keeps the euro sign on the line of its amount', () => {
    const letter = sampleLetter();
    letter.paragraphs = ['U vraagt € 1.684,56 aan; wij verlenen € 1.500,00.'];
    const html = renderLetterHtml(letter, {
      documentId: '00000000-0000-4000-8000-000000000001',
      applicationId: '00000000-0000-4000-8000-000000000002',
      publicUrl: 'http://localhost:3000',
    });
    expect(html).toContain('<p>U vraagt €\u00a01.684,56 aan; wij verlenen €\u00a01.500,00.</p>');
  });
});
