/** @jsxRuntime automatic @jsxImportSource react */
import { Document, Page, renderToBuffer, StyleSheet, Text, View } from '@react-pdf/renderer';
import type { LetterContent } from './letter.types';

// Only the PDF standard fonts (Helvetica): nothing is fetched and nothing has to be shipped.
const styles = StyleSheet.create({
  page: {
    fontFamily: 'Helvetica',
    fontSize: 10.5,
    // No lineHeight here: inherited by the page-number Text it blanks its render() output.
    color: '#1a1a1a',
    paddingTop: 42,
    paddingBottom: 70,
    paddingHorizontal: 64,
  },
  letterhead: {
    flexDirection: 'row',
    justifyContent: 'space-between',
    borderBottomWidth: 2,
    borderBottomColor: '#00811f',
    paddingBottom: 10,
    marginBottom: 26,
  },
  organisation: { fontFamily: 'Helvetica-Bold', fontSize: 17, color: '#00811f' },
  department: { fontSize: 9, color: '#444444', marginTop: 2 },
  senderBlock: { fontSize: 8.5, color: '#444444', textAlign: 'right' },
  addressBlock: { minHeight: 80, marginBottom: 18 },
  addressName: { fontFamily: 'Helvetica-Bold' },
  meta: { marginBottom: 22 },
  metaRow: { flexDirection: 'row', marginBottom: 3 },
  metaLabel: { width: 96, color: '#555555', fontSize: 9.5 },
  metaValue: { flex: 1 },
  subject: { fontFamily: 'Helvetica-Bold', fontSize: 12.5, marginBottom: 14 },
  paragraph: { marginBottom: 8, fontSize: 10.5, lineHeight: 1.4 },
  objection: {
    marginTop: 10,
    paddingTop: 8,
    borderTopWidth: 0.75,
    borderTopColor: '#bbbbbb',
  },
  objectionHeading: { fontFamily: 'Helvetica-Bold', marginBottom: 4 },
  signature: { marginTop: 14 },
  signatureRole: { fontFamily: 'Helvetica-Bold', marginTop: 28 },
  footerLeft: {
    position: 'absolute',
    bottom: 30,
    left: 64,
    fontSize: 8,
    color: '#555555',
  },
  footerRight: {
    position: 'absolute',
    bottom: 30,
    right: 64,
    width: 200,
    textAlign: 'right',
    fontSize: 8,
    color: '#555555',
  },
});

function pageLabel(template: string, page: number, pages: number): string {
  return template.replace('{page}', String(page)).replace('{pages}', String(pages));
}

/** The municipal letter as a react-pdf document; a pure function of the stored content. */
export function LetterDocument({ content }: { content: LetterContent }) {
  const { sender, labels } = content;
  return (
    <Document
      title={`${content.subject} (${content.reference})`}
      author={sender.organisation}
      subject={content.subject}
      creator={sender.organisation}
      producer="initiatief"
      language={content.language === 'en' ? 'en-GB' : 'nl-NL'}
      creationDate={new Date(`${content.date}T12:00:00Z`)}
      modificationDate={new Date(`${content.date}T12:00:00Z`)}
    >
      <Page size="A4" style={styles.page}>
        <View style={styles.letterhead} fixed>
          <View>
            <Text style={styles.organisation}>{sender.organisation}</Text>
            <Text style={styles.department}>{sender.department}</Text>
          </View>
          <View style={styles.senderBlock}>
            {sender.addressLines.map((line) => (
              <Text key={line}>{line}</Text>
            ))}
            <Text>
              {labels.contact}: {sender.phone} · {sender.website}
            </Text>
          </View>
        </View>

        <View style={styles.addressBlock}>
          <Text style={styles.addressName}>{content.recipient.name}</Text>
          {content.recipient.addressLines.map((line) => (
            <Text key={line}>{line}</Text>
          ))}
        </View>

        <View style={styles.meta}>
          <View style={styles.metaRow}>
            <Text style={styles.metaLabel}>{labels.date}</Text>
            <Text style={styles.metaValue}>{content.dateText}</Text>
          </View>
          <View style={styles.metaRow}>
            <Text style={styles.metaLabel}>{labels.reference}</Text>
            <Text style={styles.metaValue}>{content.reference}</Text>
          </View>
          <View style={styles.metaRow}>
            <Text style={styles.metaLabel}>{labels.subject}</Text>
            <Text style={styles.metaValue}>{content.subject}</Text>
          </View>
        </View>

        <Text style={styles.subject}>{content.subject}</Text>
        <Text style={styles.paragraph}>{content.salutation}</Text>
        {content.paragraphs.map((paragraph, index) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: paragraphs are static text in order
          <Text key={index} style={styles.paragraph}>
            {paragraph}
          </Text>
        ))}

        <View style={styles.signature} wrap={false}>
          <Text>{content.signature.closing}</Text>
          {content.signature.onBehalfOf ? <Text>{content.signature.onBehalfOf}</Text> : null}
          <Text style={styles.signatureRole}>{content.signature.role}</Text>
          <Text>{content.signature.organisation}</Text>
        </View>

        {content.objection ? (
          <View style={styles.objection} wrap={false}>
            <Text style={styles.objectionHeading}>{content.objection.heading}</Text>
            {content.objection.paragraphs.map((paragraph) => (
              <Text key={paragraph} style={styles.paragraph}>
                {paragraph}
              </Text>
            ))}
          </View>
        ) : null}

        <Text style={styles.footerLeft} fixed>
          {labels.reference} {content.reference}
        </Text>
        <Text
          style={styles.footerRight}
          fixed
          render={({ pageNumber, totalPages }) => pageLabel(labels.page, pageNumber, totalPages)}
        />
      </Page>
    </Document>
  );
}

/** Renders a letter to PDF bytes in this thread (use the render pool off the request path). */
export async function renderLetterPdf(content: LetterContent): Promise<Buffer> {
  return renderToBuffer(<LetterDocument content={content} />);
}
