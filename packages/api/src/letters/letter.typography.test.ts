import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { describe, expect, it } from 'vitest';
import { sampleLetter } from './letter.fixture';
import { ADDRESS_WINDOW, renderLetterPdf } from './letter.pdf';
import type { LetterContent } from './letter.types';
import { keepTogether, pdfTitle, segmentsOf } from './letter.typography';
import { pdfText } from './pdf-text';
import { pdffonts, pdftotext, popplerOrSkip } from './poppler';

const NAME = 'Ayşe Yıldız-Çelik Ğ';
const poppler = popplerOrSkip();

function letterFor(name: string, extra: string[] = []): LetterContent {
  const letter = sampleLetter();
  return {
    ...letter,
    recipient: { ...letter.recipient, name },
    salutation: `Beste ${name},`,
    paragraphs: [...letter.paragraphs, ...extra],
  };
}

async function pdfInfo(pdf: Uint8Array) {
  const doc = await getDocument({ data: new Uint8Array(pdf), verbosity: 0 }).promise;
  try {
    const { info } = (await doc.getMetadata()) as { info: { Title?: string } };
    const page = await doc.getPage(1);
    const [, , , height] = page.view as [number, number, number, number];
    const annotations = (await page.getAnnotations()) as { subtype: string; url?: string }[];
    const items = (await page.getTextContent()).items.flatMap((item) =>
      'str' in item
        ? [{ str: item.str, x: item.transform[4], top: height - item.transform[5] }]
        : [],
    );
    return { title: info.Title, annotations, items };
  } finally {
    await doc.destroy();
  }
}

describe('every name spelled right', () => {
  it('extracts a Turkish name exactly with PDF.js and with pdftotext, from embedded subset fonts', async () => {
    const pdf = await renderLetterPdf(letterFor(NAME));
    const lines = (await pdfText(pdf)).split('\n');
    expect(lines).toContain(NAME);
    expect(lines).toContain(`Beste ${NAME},`);
    if (!poppler) return;
    const text = pdftotext(pdf).split('\n');
    expect(text).toContain(NAME);
    expect(text).toContain(`Beste ${NAME},`);
    const fonts = pdffonts(pdf);
    expect(fonts.map((f) => f.name.replace(/^[A-Z]{6}\+/, '')).sort()).toEqual([
      'NotoSans-Bold',
      'NotoSans-Regular',
    ]);
    for (const font of fonts) {
      expect(font, font.name).toMatchObject({ embedded: true, subset: true, unicode: true });
      expect(font.name).toMatch(/^[A-Z]{6}\+/);
    }
  });

  it('embeds every font it names, also with lines broken inside a paragraph and the signature', async () => {
    // A decision signed "namens dezen" on its own line, and a settlement's amounts a line each:
    // a line break inside one Text made react-pdf name Helvetica, which is never embedded.
    const base = letterFor(NAME, [
      'Verleend bedrag: € 1.250,00\nVastgesteld bedrag: € 1.100,00\nTerug te betalen door u: € 150,00',
    ]);
    const letter: LetterContent = {
      ...base,
      signature: {
        ...base.signature,
        onBehalfOf: 'Het college van burgemeester en wethouders,\nnamens dezen,',
      },
    };
    const pdf = await renderLetterPdf(letter);
    const lines = (await pdfText(pdf)).split('\n');
    expect(lines).toContain('Vastgesteld bedrag: € 1.100,00');
    expect(lines).toContain('namens dezen,');
    if (!poppler) return;
    const fonts = pdffonts(pdf);
    expect(fonts.map((f) => f.name.replace(/^[A-Z]{6}\+/, '')).sort()).toEqual([
      'NotoSans-Bold',
      'NotoSans-Regular',
    ]);
    for (const font of fonts) expect(font, font.name).toMatchObject({ embedded: true });
  });

  it.each([
    ['Polish', 'Łukasz Żółć-Wiśniewski'],
    ['Vietnamese', 'Nguyễn Thị Ánh Dương'],
    ['Turkish capitals', 'İSMAİL ÖZTÜRK ŞAHİN'],
    ['decomposed input', 'Nguye\u0302\u0303n Thi\u0323 Ánh'],
  ])('extracts a %s name exactly (and keeps every other i an i)', async (_, name) => {
    const pdf = await renderLetterPdf(letterFor(name));
    const expected = name.normalize('NFC');
    const text = await pdfText(pdf);
    expect(text.split('\n')).toContain(expected);
    // A glyph's first use fixes its Unicode value in the PDF: later words must stay intact.
    expect(text).toContain('Team Bewonersinitiatieven');
    expect(text).toContain('Voorwaarden: de activiteit is openbaar toegankelijk');
    if (!poppler) return;
    const popplerText = pdftotext(pdf);
    expect(popplerText.split('\n')).toContain(expected);
    expect(popplerText).toContain('Voorwaarden: de activiteit is openbaar toegankelijk');
  });

  it('keeps a letter far below the Berichtenbox limit of 500 kB with its fonts embedded', async () => {
    const short = await renderLetterPdf(letterFor(NAME));
    const long = await renderLetterPdf({ ...sampleLetter({ paragraphs: 30 }) });
    expect(short.byteLength).toBeLessThan(40_000);
    expect(long.byteLength).toBeLessThan(60_000);
  });
});

describe('typography of a real letter', () => {
  it('names the reference once in the document title', async () => {
    const letter = sampleLetter();
    const own = { ...letter, subject: `Besluit op uw aanvraag (${letter.reference})` };
    expect((await pdfInfo(await renderLetterPdf(own))).title).toBe(own.subject);
    expect((await pdfInfo(await renderLetterPdf(letter))).title).toBe(
      `${letter.subject} (${letter.reference})`,
    );
    expect(pdfTitle('Besluit (BI-1)', 'BI-1')).toBe('Besluit (BI-1)');
  });

  it('prints a URL on one line as a link, and never splits an amount or hyphenates a word', async () => {
    const url =
      'http://localhost:3000/aanvragen/00000000-0000-4000-8000-000000000002/brieven/verleningsbesluit';
    // The amount and the URL at every position of a line: without the no-break space and with
    // hyphenation on, some of these break inside "€ 6.000,00" or inside the URL.
    const paragraphs = Array.from({ length: 24 }, (_, i) => {
      const lead = 'Wij verlenen'.padEnd(12 + i * 3, ' x').trim();
      return `${lead} € 6.000,00 aan bewonersvereniging Oude Noorden-Zuid voor ${NAME}, zie ${url} voor de onderbouwing van dit subsidiebesluit.`;
    });
    const letter = letterFor(NAME, paragraphs);
    const pdf = await renderLetterPdf(letter);
    const { annotations } = await pdfInfo(pdf);
    expect(annotations.filter((a) => a.subtype === 'Link').map((a) => a.url)).toContain(url);

    const texts = [await pdfText(pdf)];
    if (poppler) texts.push(pdftotext(pdf));
    for (const text of texts) {
      const lines = text.split('\n').map((line) => line.trim().replaceAll('\u00a0', ' '));
      expect(lines.filter((line) => line.includes(url)).length).toBeGreaterThanOrEqual(24);
      expect(lines.filter((line) => line.endsWith('€'))).toEqual([]);
      // Every line ends with a whole word of the source: react-pdf's hyphenation would add "-".
      const words = new Set(
        [...paragraphs, ...letter.paragraphs].flatMap((p) =>
          p.replaceAll('\u00a0', ' ').split(' '),
        ),
      );
      const hyphenated = lines.filter((line) => {
        const last = line.split(' ').at(-1) ?? '';
        return last.endsWith('-') && !words.has(last);
      });
      expect(hyphenated).toEqual([]);
    }
  });

  it('places the address in the window of a Dutch window envelope', async () => {
    const { items } = await pdfInfo(await renderLetterPdf(letterFor(NAME)));
    const name = items.find((item) => item.str === NAME);
    const mm = (points: number) => (points * 25.4) / 72;
    expect(name).toBeDefined();
    expect(mm(name!.x)).toBeCloseTo(mm(ADDRESS_WINDOW.left), 0);
    expect(mm(name!.top)).toBeGreaterThan(52);
    expect(mm(name!.top)).toBeLessThan(80);
  });

  it('binds the euro sign to its amount and cuts URLs from running text', () => {
    expect(keepTogether('van € 6.000,00 en € -5,00')).toBe('van €\u00a06.000,00 en €\u00a0-5,00');
    expect(segmentsOf('Zie https://x.nl/a/b. Klaar')).toEqual([
      { kind: 'text', text: 'Zie ' },
      { kind: 'url', text: 'https://x.nl/a/b' },
      { kind: 'text', text: '. Klaar' },
    ]);
  });
});
