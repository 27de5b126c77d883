/** @jsxRuntime automatic @jsxImportSource react */
import { Document, Link, Page, renderToBuffer, StyleSheet, Text, View } from '@react-pdf/renderer';
import { contactLine } from './letter.content';
import {
  LETTER_FONT_FEATURES,
  LETTER_FONT_STACK,
  letterTextWidth,
  registerLetterFonts,
} from './letter.fonts';
import { printable } from './letter.glyphs';
import type { LetterContent } from './letter.types';
import {
  adjoining,
  keepTogether,
  NO_BREAK_BETWEEN_RUNS,
  pdfTitle,
  segmentsOf,
  type UrlLine,
  urlFontSize,
} from './letter.typography';

registerLetterFonts();

/** Millimetres in PDF points. */
const mm = (value: number) => (value * 72) / 25.4;

/**
 * Where the address sits: in the window of a standard Dutch window envelope (C5/6 and DL,
 * window at the left, about 20 mm from the left edge and 50 mm from the top), so a folded
 * letter needs no separate address label.
 */
export const ADDRESS_WINDOW = { left: mm(22), top: mm(50), width: mm(85), height: mm(35) };

const PAGE_TOP = 42;
const LETTERHEAD_HEIGHT = 62;
const LETTERHEAD_GAP = 26;
const PAGE_MARGIN = 64;
const META_LABEL_WIDTH = 96;
/** The width of the text column: A4 less the page's margins. */
const COLUMN = 595.28 - 2 * PAGE_MARGIN;

/** Where running text is set: its font size and the width of its lines (urlFontSize). */
const LINES = {
  paragraph: { size: 10.5, width: COLUMN },
  metaValue: { size: 10.5, width: COLUMN - META_LABEL_WIDTH },
  subject: { size: 12.5, width: COLUMN, bold: true },
  accessible: { size: 9, width: COLUMN },
} satisfies Record<string, UrlLine>;

// Noto Sans from the installed font package, embedded as a subset (letter.fonts.ts).
const styles = StyleSheet.create({
  page: {
    fontFamily: LETTER_FONT_STACK,
    // Noto's 'ccmp' splits a precomposed letter such as ị into i + a combining dot, and fontkit
    // gives the mark no Unicode value: the PDF then extracts "ThiF" for "Thị" (and may map
    // every later i to ị). Without it each letter is its one precomposed glyph and extracts as
    // written; the text is NFC-normalised first (renderLetterPdf) so that glyph exists.
    // Still needed with patches/fontkit@2.0.4.patch: that mends the glyph cache (getGlyph), but
    // this is fontkit's shaping. A multiple substitution (GSUB type 2) gives the first glyph the
    // letter's code points and each glyph it adds none, whatever the cache does. Tried without
    // it: "Nguyễn Thị Ánh" reads "Nguyễn Thi Ánh" in pdftotext and "Thi1" in PDF.js
    // (letter.typography.test.ts fails, Vietnamese and decomposed input).
    fontFeatureSettings: LETTER_FONT_FEATURES,
    fontSize: LINES.paragraph.size,
    // No lineHeight here: inherited by the page-number Text it blanks its render() output.
    color: '#1a1a1a',
    paddingTop: PAGE_TOP,
    paddingBottom: 70,
    paddingHorizontal: PAGE_MARGIN,
  },
  letterhead: {
    flexDirection: 'row',
    justifyContent: 'space-between',
    borderBottomWidth: 2,
    borderBottomColor: '#00811f',
    height: LETTERHEAD_HEIGHT,
    paddingBottom: 10,
    marginBottom: LETTERHEAD_GAP,
  },
  organisation: { fontWeight: 700, fontSize: 17, color: '#00811f' },
  department: { fontSize: 9, color: '#444444', marginTop: 2 },
  senderBlock: { fontSize: 8.5, color: '#444444', textAlign: 'right' },
  addressBlock: {
    position: 'absolute',
    left: ADDRESS_WINDOW.left,
    top: ADDRESS_WINDOW.top,
    width: ADDRESS_WINDOW.width,
    height: ADDRESS_WINDOW.height,
    justifyContent: 'center',
  },
  // The flow keeps the window free: the letter details start below it.
  addressSpace: {
    height:
      ADDRESS_WINDOW.top +
      ADDRESS_WINDOW.height +
      12 -
      PAGE_TOP -
      LETTERHEAD_HEIGHT -
      LETTERHEAD_GAP,
  },
  addressName: { fontWeight: 700 },
  meta: { marginBottom: 22 },
  metaRow: { flexDirection: 'row', marginBottom: 3 },
  metaLabel: { width: META_LABEL_WIDTH, color: '#555555', fontSize: 9.5 },
  metaValue: { flex: 1 },
  subject: { fontWeight: 700, fontSize: LINES.subject.size, marginBottom: 14 },
  paragraph: { marginBottom: 8, fontSize: LINES.paragraph.size, lineHeight: 1.4 },
  lines: { marginBottom: 8 },
  line: { fontSize: LINES.paragraph.size, lineHeight: 1.4 },
  objection: {
    marginTop: 10,
    paddingTop: 8,
    borderTopWidth: 0.75,
    borderTopColor: '#bbbbbb',
  },
  objectionHeading: { fontWeight: 700, marginBottom: 4 },
  signature: { marginTop: 14 },
  signatureRole: { fontWeight: 700, marginTop: 28 },
  footerLeft: {
    position: 'absolute',
    bottom: 30,
    left: PAGE_MARGIN,
    fontSize: 8,
    color: '#555555',
  },
  link: { color: '#00689e', textDecoration: 'underline' },
  accessible: { marginTop: 14, fontSize: LINES.accessible.size, color: '#444444' },
  footerRight: {
    position: 'absolute',
    bottom: 30,
    right: PAGE_MARGIN,
    width: 200,
    textAlign: 'right',
    fontSize: 8,
    color: '#555555',
  },
});

/**
 * The letter is a tagged PDF (<Document tagged>; the `tag` prop comes from our patch of
 * @react-pdf/render, patches/@react-pdf__render@4.7.0.patch): each part is a structure element in
 * reading order, so a screen reader announces the heading, paragraphs and the details table.
 * `role` makes a fresh tag object for each element: react-pdf copies props when it breaks a
 * node over pages, and the same object keeps both parts one element (a shared constant would
 * merge every node that uses it).
 */
const role = (type: 'P' | 'H1' | 'H2' | 'Div' | 'Sect' | 'L' | 'LI' | 'Table' | 'TR' | 'TD') => ({
  type,
});
const rowHeader = () => ({ type: 'TH' as const, scope: 'Row' as const });
/** What a reader skips: the letterhead and the running footers repeat on every page. */
const artifact = (attached: 'Top' | 'Bottom') => ({
  type: 'Artifact' as const,
  artifact: 'Pagination' as const,
  attached: [attached],
});

/** A list line: the lines of a paragraph that all start with a bullet are read as a list. */
const BULLET = /^\s*[•\-–*]\s/;

/**
 * Running text with its amounts kept together and every URL as one clickable link, whole on one
 * line: at the text's size, or smaller when it would not fit on a line of its own (urlFontSize).
 * Every Text holding it takes `NO_BREAK_BETWEEN_RUNS`.
 */
function Running({ text, line }: { text: string; line: UrlLine }) {
  const segments = segmentsOf(keepTogether(text));
  return segments.map((segment, index) => {
    if (segment.kind === 'text') return segment.text;
    const fontSize = urlFontSize(segment.text, adjoining(segments, index), line, letterTextWidth);
    return (
      <Link
        // biome-ignore lint/suspicious/noArrayIndexKey: segments of one static text, in order
        key={index}
        src={segment.text}
        style={fontSize < line.size ? [styles.link, { fontSize }] : styles.link}
      >
        {segment.text}
      </Link>
    );
  });
}

/**
 * A paragraph, one Text a line: a line break inside a Text leaves an empty run in react-pdf's
 * default font (Helvetica, not embedded, no ToUnicode map) in the PDF.
 */
function Paragraph({ text }: { text: string }) {
  const lines = text.split('\n');
  if (lines.length === 1) {
    return (
      <Text style={styles.paragraph} tag={role('P')} hyphenationPenalty={NO_BREAK_BETWEEN_RUNS}>
        <Running text={text} line={LINES.paragraph} />
      </Text>
    );
  }
  // One P of several lines, or a list of one LI a line.
  const list = lines.every((line) => BULLET.test(line));
  return (
    <View style={styles.lines} tag={role(list ? 'L' : 'P')}>
      {lines.map((line, index) => (
        <Text
          // biome-ignore lint/suspicious/noArrayIndexKey: lines of one static text, in order
          key={index}
          style={styles.line}
          tag={list ? role('LI') : undefined}
          hyphenationPenalty={NO_BREAK_BETWEEN_RUNS}
        >
          <Running text={line} line={LINES.paragraph} />
        </Text>
      ))}
    </View>
  );
}

function pageLabel(template: string, page: number, pages: number): string {
  return template.replace('{page}', String(page)).replace('{pages}', String(pages));
}

/**
 * Points from the PDF to the letter's accessible web page: the PDF is tagged, but a web page
 * still reads better on a phone and with a screen reader (messaging/README.md).
 */
const ACCESSIBLE = {
  nl: 'Deze brief is ook te lezen als toegankelijke webpagina:',
  en: 'This letter can also be read as an accessible web page:',
} as const;

/** The municipal letter as a react-pdf document; a pure function of the stored content. */
export function LetterDocument({
  content,
  fontFamily = LETTER_FONT_STACK,
}: {
  content: LetterContent;
  /** Only the letters benchmark sets this ('Helvetica'), to measure what the embedded font costs. */
  fontFamily?: string | string[];
}) {
  const { sender } = content;
  return (
    <Document
      title={pdfTitle(content.subject, content.reference)}
      author={sender.organisation}
      subject={content.subject}
      creator={sender.organisation}
      producer="initiatief"
      language={content.language === 'en' ? 'en-GB' : 'nl-NL'}
      tagged
      creationDate={new Date(`${content.date}T12:00:00Z`)}
      modificationDate={new Date(`${content.date}T12:00:00Z`)}
    >
      <LetterPage content={content} fontFamily={fontFamily} />
    </Document>
  );
}

/**
 * One letter as one react-pdf Page (it breaks over as many sheets as it needs). Page numbers
 * count within the letter, so a print batch of many letters numbers each letter on its own.
 */
export function LetterPage({
  content,
  fontFamily = LETTER_FONT_STACK,
}: {
  content: LetterContent;
  fontFamily?: string | string[];
}) {
  const { sender, labels } = content;
  // Under a letter finished for its reader (links resolved: letter.links.ts), as the web line.
  const contact = content.links ? contactLine(content) : null;
  return (
    <Page size="A4" style={[styles.page, { fontFamily }]}>
      <View style={styles.letterhead} fixed tag={artifact('Top')}>
        <View>
          <Text style={styles.organisation}>{sender.organisation}</Text>
          <Text style={styles.department}>{sender.department}</Text>
        </View>
        <View style={styles.senderBlock}>
          {sender.addressLines.map((line) => (
            <Text key={line}>{line}</Text>
          ))}
          {/* The phone number is not here: the letter names it once, in a sentence (contactLine). */}
          <Text>{sender.website}</Text>
        </View>
      </View>

      <View style={styles.addressSpace} />
      <View style={styles.addressBlock} tag={role('P')}>
        <Text style={styles.addressName}>{content.recipient.name}</Text>
        {content.recipient.addressLines.map((line) => (
          <Text key={line}>{line}</Text>
        ))}
      </View>

      <View style={styles.meta} tag={role('Table')}>
        <View style={styles.metaRow} tag={role('TR')}>
          <Text style={styles.metaLabel} tag={rowHeader()}>
            {labels.date}
          </Text>
          <Text style={styles.metaValue} tag={role('TD')}>
            {content.dateText}
          </Text>
        </View>
        <View style={styles.metaRow} tag={role('TR')}>
          <Text style={styles.metaLabel} tag={rowHeader()}>
            {labels.reference}
          </Text>
          <Text style={styles.metaValue} tag={role('TD')}>
            {content.reference}
          </Text>
        </View>
        <View style={styles.metaRow} tag={role('TR')}>
          <Text style={styles.metaLabel} tag={rowHeader()}>
            {labels.subject}
          </Text>
          <Text
            style={styles.metaValue}
            tag={role('TD')}
            hyphenationPenalty={NO_BREAK_BETWEEN_RUNS}
          >
            <Running text={content.subject} line={LINES.metaValue} />
          </Text>
        </View>
      </View>

      <Text style={styles.subject} tag={role('H1')} hyphenationPenalty={NO_BREAK_BETWEEN_RUNS}>
        <Running text={content.subject} line={LINES.subject} />
      </Text>
      <Text style={styles.paragraph} tag={role('P')}>
        {content.salutation}
      </Text>
      {content.paragraphs.map((paragraph, index) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: paragraphs are static text in order
        <Paragraph key={index} text={paragraph} />
      ))}

      <View style={styles.signature} wrap={false} tag={role('P')}>
        <Text>{content.signature.closing}</Text>
        {/* One Text a line, as in Paragraph. */}
        {(content.signature.onBehalfOf?.split('\n') ?? []).map((line, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: the lines are fixed for this letter
          <Text key={i}>{line}</Text>
        ))}
        <Text style={styles.signatureRole}>{content.signature.role}</Text>
        <Text>{content.signature.organisation}</Text>
      </View>

      {content.objection ? (
        <View style={styles.objection} wrap={false} tag={role('Sect')}>
          <Text style={styles.objectionHeading} tag={role('H2')}>
            {content.objection.heading}
          </Text>
          {content.objection.paragraphs.map((paragraph) => (
            <Paragraph key={paragraph} text={paragraph} />
          ))}
        </View>
      ) : null}

      {content.links?.html ? (
        <Text style={styles.accessible} tag={role('P')} hyphenationPenalty={NO_BREAK_BETWEEN_RUNS}>
          {ACCESSIBLE[content.language]}{' '}
          <Running text={content.links.html} line={LINES.accessible} />
        </Text>
      ) : null}
      {/* Where to call, unless the text said it: a reader who cannot log in has only this. */}
      {contact ? (
        <Text style={styles.accessible} tag={role('P')}>
          {contact}
        </Text>
      ) : null}

      <Text style={styles.footerLeft} fixed tag={artifact('Bottom')}>
        {labels.reference} {content.reference}
      </Text>
      <Text
        style={styles.footerRight}
        fixed
        tag={artifact('Bottom')}
        render={({ subPageNumber, subPageTotalPages }) =>
          pageLabel(labels.page, subPageNumber, subPageTotalPages)
        }
      />
    </Page>
  );
}

/**
 * Renders a letter to PDF bytes in this thread (use the render pool off the request path). Every
 * text is first made printable in the letter font (composed, no glyph it lacks: letter.glyphs).
 */
export async function renderLetterPdf(content: LetterContent): Promise<Buffer> {
  return renderToBuffer(<LetterDocument content={await printable(content)} />);
}
