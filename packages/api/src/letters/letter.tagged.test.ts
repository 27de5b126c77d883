/**
 * The letters are tagged PDFs (letter.pdf.tsx, our patch of @react-pdf/render): a screen reader
 * gets the heading, the details table, the paragraphs and the objection section in reading
 * order, in the letter's language, and skips the letterhead and the page footers (artifacts).
 * Read back with PDF.js (the structure tree of each page and the marked content it points to)
 * and, where installed, poppler's pdfinfo (the document's whole tree).
 */
import { execFileSync } from 'node:child_process';
import { renderTemplate, type WorkflowDefinition } from '@initiatief/engine';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { newestShipped, readShippedDefinitions } from '../definitions/definitions.repository';
import { templateOf } from '../messaging/messaging.texts';
import { buildLetterContent } from './letter.content';
import { sampleLetter } from './letter.fixture';
import { renderLetterPdf } from './letter.pdf';
import type { LetterContent } from './letter.types';
import { letterheadOf } from './letterhead';
import { pdfText } from './pdf-text';
import { popplerOrSkip } from './poppler';

const poppler = popplerOrSkip();
const flat = (text: string) => text.replace(/\s+/g, ' ').trim();

interface Element {
  role: string;
  text: string;
  children: Element[];
  /** Annotations (links) the element holds. */
  annotations: number;
}

interface PageStructure {
  /** The page's structure elements below the root, in tree order. */
  tree: Element[];
  /** The text inside Artifact marked content, in content order. */
  artifacts: string;
  /** Text in no marked content at all: neither tagged nor an artifact. */
  unmarked: string;
}

type Node = { role?: string; type?: string; id?: string; children?: Node[] };

/** The structure of each page as PDF.js reads it, with each element's text. */
async function structureOf(pdf: Uint8Array): Promise<{ marked: boolean; pages: PageStructure[] }> {
  const doc = await getDocument({ data: new Uint8Array(pdf), verbosity: 0 }).promise;
  try {
    const marked = (await doc.getMarkInfo())?.Marked === true;
    const pages: PageStructure[] = [];
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      const content = await page.getTextContent({ includeMarkedContent: true });
      const byId = new Map<string, string>();
      const open: { tag: string; id: string | null }[] = [];
      let artifacts = '';
      let unmarked = '';
      for (const item of content.items) {
        if ('type' in item) {
          if (item.type === 'endMarkedContent') open.pop();
          else {
            // PDF.js gives the tag too, though its types leave it out.
            const { tag, id } = item as { tag?: string; id?: string };
            open.push({ tag: tag ?? '', id: id ?? null });
          }
          continue;
        }
        const inner = open.at(-1);
        if (!inner) unmarked += item.str;
        else if (open.some((m) => m.tag === 'Artifact')) artifacts += `${item.str} `;
        else if (inner.id) byId.set(inner.id, `${byId.get(inner.id) ?? ''}${item.str} `);
      }
      const toElement = (node: Node): Element => {
        const elements: Element[] = [];
        // Marked content and child elements, in their order.
        const parts = (node.children ?? []).map((child) => {
          if (child.role) {
            const element = toElement(child);
            elements.push(element);
            return element.text;
          }
          return child.type === 'content' ? (byId.get(child.id!) ?? '') : '';
        });
        return {
          role: node.role!,
          text: flat(parts.join(' ')),
          children: elements,
          annotations: (node.children ?? []).filter(
            (c) => c.type === 'object' || c.type === 'annotation',
          ).length,
        };
      };
      const root = (await page.getStructTree()) as Node | null;
      pages.push({
        tree: (root?.children ?? []).map(toElement),
        artifacts: flat(artifacts),
        unmarked: flat(unmarked),
      });
    }
    return { marked, pages };
  } finally {
    await doc.destroy();
  }
}

/** Every element of a tree, depth first (reading order). */
const all = (elements: Element[]): Element[] => elements.flatMap((e) => [e, ...all(e.children)]);

/** The catalog's entries that pdfkit writes uncompressed. */
function catalogOf(pdf: Uint8Array) {
  const raw = Buffer.from(pdf).toString('latin1');
  return {
    lang: raw.match(/\/Lang \(([^)]*)\)/)?.[1],
    displayTitle: /\/DisplayDocTitle true/.test(raw),
  };
}

/** The letter's texts a reader must get, in order: salutation, paragraphs, sign-off, objection. */
function readingOrder(content: LetterContent): string[] {
  return [
    content.subject,
    content.salutation,
    ...content.paragraphs,
    content.signature.closing,
    content.signature.role,
    ...(content.objection ? [content.objection.heading, ...content.objection.paragraphs] : []),
  ].map(flat);
}

/** Checks what every tagged letter must have, and returns its structure. */
async function expectTaggedLetter(content: LetterContent, pdf: Uint8Array) {
  const { marked, pages } = await structureOf(pdf);
  expect(marked).toBe(true);
  expect(catalogOf(pdf)).toEqual({
    lang: content.language === 'en' ? 'en-GB' : 'nl-NL',
    displayTitle: true,
  });

  for (const [index, page] of pages.entries()) {
    // Everything on the page is either in the tree or an artifact.
    expect(page.unmarked, `page ${index + 1}`).toBe('');
    expect(page.tree.map((e) => e.role)).toEqual(['Document']);
    // The letterhead and the footers are artifacts, on every page: not in the tree.
    // (Not the organisation: the English letterhead's first glyph extracts wrongly, with or
    // without tags; see the report of this change.)
    expect(page.artifacts).toContain(content.sender.department);
    expect(page.artifacts).toContain(flat(content.sender.addressLines.join(' ')));
    expect(page.artifacts).toContain(content.sender.website);
    const pageLabel = content.labels.page
      .replace('{page}', String(index + 1))
      .replace('{pages}', String(pages.length));
    expect(page.artifacts).toContain(flat(pageLabel));
    expect(page.artifacts).toContain(`${content.labels.reference} ${content.reference}`);
    const treeText = page.tree[0]!.text;
    expect(treeText).not.toContain(flat(pageLabel));
    expect(treeText).not.toContain(content.sender.website);
  }

  const elements = pages.flatMap((page) => all(page.tree[0]!.children));
  const headings = elements.filter((e) => /^H\d$/.test(e.role));
  expect(headings[0]).toMatchObject({ role: 'H1', text: flat(content.subject) });
  if (content.objection) {
    expect(headings[1]).toMatchObject({ role: 'H2', text: flat(content.objection.heading) });
  }

  // The details as a table of row headers and cells.
  const cells = elements.filter((e) => e.role === 'TH' || e.role === 'TD').map((e) => e.text);
  expect(cells).toEqual([
    content.labels.date,
    content.dateText,
    content.labels.reference,
    content.reference,
    content.labels.subject,
    flat(content.subject),
  ]);
  const address = elements.find((e) => e.role === 'P')!;
  expect(address.text).toBe(
    flat([content.recipient.name, ...content.recipient.addressLines].join(' ')),
  );

  // Every text of the letter, in order, in the headings and paragraphs of the tree (compared
  // without white space: where one marked content ends and the next begins is not a space).
  const squash = (text: string) => text.replace(/\s+/g, '');
  const read = squash(
    elements
      .filter((e) => ['H1', 'H2', 'P', 'L'].includes(e.role))
      .map((e) => e.text)
      .join(''),
  );
  let from = 0;
  for (const text of readingOrder(content).map(squash)) {
    const at = read.indexOf(text, from);
    expect(at, `in reading order: ${text.slice(0, 60)}`).toBeGreaterThanOrEqual(from);
    from = at + text.length;
  }
  return { pages, elements };
}

/** The document's whole tree as poppler prints it (one element across pages is one element). */
function popplerTree(pdf: Uint8Array): string {
  return execFileSync('/usr/bin/pdfinfo', ['-struct-text', '-'], { input: pdf, encoding: 'utf8' });
}

let definition: WorkflowDefinition;
beforeAll(async () => {
  definition = newestShipped(await readShippedDefinitions(), 'bewonersinitiatief')!;
});

const VARIABLES: Record<string, string> = {
  reference: 'BI-2027-000123',
  applicantName: 'Ayşe Yıldız-Çelik',
  title: 'Straatfeest Zwart Janstraat',
  district: 'Noord',
  activityDate: '14 maart 2027',
  requestedAmount: '€ 1.250,00',
  grantedAmount: '€ 1.250,00',
  advanceAmount: '€ 1.000,00',
  objectionDeadline: '25 februari 2027',
  reportDueDate: '9 mei 2027',
  motivation: 'Uw initiatief past bij het wijkakkoord.',
  conditions: 'U vermeldt de bijdrage van de gemeente.',
  accountIban: 'NL91 ABNA 0417 1643 00',
  accountHolder: 'Ayşe Yıldız-Çelik',
  applicationUrl: 'http://localhost:3000/aanvragen/1',
};

/** The shipped workflow's grant letter, as issued and finished for a reader who can log in. */
function shippedGrant(language: 'nl' | 'en'): LetterContent {
  const { text } = templateOf(definition, 'letters', 'grant', language);
  const conditions = { online: true, advance: true };
  const content = buildLetterContent({
    kind: 'grant',
    language,
    reference: VARIABLES.reference!,
    sentOn: '2027-01-14',
    objectionLastDay: '2027-02-25',
    recipient: {
      name: 'Ayşe Yıldız-Çelik',
      street: 'Zwart Janstraat 12a',
      postcode: '3035 AT',
      city: 'Rotterdam',
    },
    subject: renderTemplate(text.subject, VARIABLES, conditions),
    body: renderTemplate(text.body, VARIABLES, conditions),
    variables: VARIABLES,
    conditions,
    sender: letterheadOf(definition, language),
  });
  return { ...content, links: { html: 'http://localhost:3000/api/documents/1?format=html' } };
}

describe('a letter as a tagged PDF', () => {
  it('the English letter is in English', async () => {
    const content = shippedGrant('en');
    expect(content.salutation).toMatch(/^Dear/);
    await expectTaggedLetter(content, await renderLetterPdf(content));
  }, 60_000);

  it('the shipped grant letter: heading, details table, paragraphs in order, artifacts, Dutch', async () => {
    const content = shippedGrant('nl');
    const pdf = await renderLetterPdf(content);
    const { elements } = await expectTaggedLetter(content, pdf);
    // Names are in the tree and in the text as written.
    expect(elements.some((e) => e.text.includes('Beste Ayşe Yıldız-Çelik,'))).toBe(true);
    expect(flat(await pdfText(pdf))).toContain('Ayşe Yıldız-Çelik');
    // The line to the accessible page: a Link element holding the link annotation and its URL.
    const link = elements.filter((e) => e.role === 'Link').at(-1);
    expect(link).toMatchObject({ text: content.links!.html, annotations: 1 });
    if (poppler) {
      const tree = popplerTree(pdf);
      expect(tree).toMatch(/^Document\n/);
      expect(tree).toMatch(/ {2}H1 \(block\)\n {4}"Besluit/);
      expect(execFileSync('/usr/bin/pdfinfo', ['-'], { input: pdf, encoding: 'utf8' })).toMatch(
        /Tagged:\s+yes/,
      );
    }
  }, 60_000);

  it('a long letter: each paragraph one element, also across a page break', async () => {
    const content = sampleLetter({ paragraphs: 24 });
    // A multi-line paragraph and a list among them.
    content.paragraphs.splice(
      2,
      0,
      'Gemeente Rotterdam\nteam Bewonersinitiatieven',
      '• de activiteit is openbaar\n• u vermeldt de bijdrage van de gemeente',
    );
    // A paragraph longer than a page, so one certainly breaks over a page.
    content.paragraphs.splice(
      8,
      0,
      Array.from({ length: 40 }, (_, i) => `Zin ${i + 1} van een lange toelichting.`).join(' '),
    );
    const pdf = await renderLetterPdf(content);
    const { pages, elements } = await expectTaggedLetter(content, pdf);
    expect(pages.length).toBeGreaterThanOrEqual(3);
    // At least one paragraph breaks over a page: no page holds all of it.
    const squash = (text: string) => text.replace(/\s+/g, '');
    const broken = content.paragraphs.find(
      (paragraph) => !pages.some((page) => squash(page.tree[0]!.text).includes(squash(paragraph))),
    );
    expect(broken).toBeDefined();
    expect(
      elements.find((e) => e.text === 'Gemeente Rotterdam team Bewonersinitiatieven')?.role,
    ).toBe('P');
    const list = elements.find((e) => e.role === 'L')!;
    expect(list.children.map((e) => [e.role, e.text])).toEqual([
      ['LI', '• de activiteit is openbaar'],
      ['LI', '• u vermeldt de bijdrage van de gemeente'],
    ]);
    if (poppler) {
      // In the whole document's tree, each paragraph of the letter is one P, however it breaks.
      const tree = popplerTree(pdf);
      const paragraphs = tree.split(/\n {2}(?=\S)/).filter((block) => block.startsWith('P '));
      const texts = paragraphs.map((block) =>
        flat([...block.matchAll(/"(.*)"$/gm)].map((m) => m[1]).join('')),
      );
      for (const paragraph of content.paragraphs.filter((p) => !p.includes('\n'))) {
        expect(texts, paragraph.slice(0, 40)).toContain(flat(paragraph));
      }
    }
  }, 60_000);
});
