import { z } from '@hono/zod-openapi';
import type { WorkflowDefinition } from '@initiatief/engine';
import { type Kysely, sql, type Transaction } from 'kysely';
import type { DB } from '../db/schema';
import { loadDefinition } from '../definitions/definitions.repository';

type Db = Kysely<DB> | Transaction<DB>;
export type ExportLocale = 'nl' | 'en';

/** `?year=` and `?lang=` (the UI's language; else the user's own). */
export const ExportQuery = z.object({
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  lang: z.enum(['nl', 'en']).optional(),
});

/** The download's file name in the reader's language: "aanvragen-2026". */
export function exportName(what: 'applications' | 'ledger', locale: ExportLocale, year?: number) {
  const base = {
    applications: { nl: 'aanvragen', en: 'applications' },
    ledger: { nl: 'budgetmutaties', en: 'budget-ledger' },
  }[what][locale];
  return year ? `${base}-${year}` : base;
}
type Kind = 'text' | 'int' | 'money' | 'date' | 'datetime';

/** A table for a spreadsheet user: typed columns with headers in the reader's language. */
export interface ExportTable {
  sheet: string;
  columns: { header: string; kind: Kind }[];
  /** Money in cents, dates as 'YYYY-MM-DD', moments as Date; null for empty. */
  rows: (string | number | Date | null)[][];
}

const H = (nl: string, en: string) => ({ nl, en });
const APPLICATION_COLUMNS: { h: { nl: string; en: string }; kind: Kind }[] = [
  { h: H('Kenmerk', 'Reference'), kind: 'text' },
  { h: H('Regeling', 'Scheme'), kind: 'text' },
  { h: H('Jaar', 'Year'), kind: 'int' },
  { h: H('Wijk', 'District'), kind: 'text' },
  { h: H('Naam van het initiatief', 'Name of the initiative'), kind: 'text' },
  { h: H('Status', 'Status'), kind: 'text' },
  { h: H('Werkproces', 'Workflow'), kind: 'text' },
  { h: H('Versie', 'Version'), kind: 'int' },
  { h: H('Aangevraagd (euro)', 'Requested (euro)'), kind: 'money' },
  { h: H('Verleend (euro)', 'Granted (euro)'), kind: 'money' },
  { h: H('Ontvangen op', 'Received on'), kind: 'date' },
  { h: H('Uiterste beslisdatum', 'Decision deadline'), kind: 'date' },
  { h: H('Besloten op', 'Decided on'), kind: 'date' },
  { h: H('Ingediend (Nederlandse tijd)', 'Submitted (Dutch time)'), kind: 'datetime' },
  { h: H('Aangemaakt (Nederlandse tijd)', 'Created (Dutch time)'), kind: 'datetime' },
];

const LEDGER_KINDS: Record<string, { nl: string; en: string }> = {
  reserve: H('reservering', 'reservation'),
  release: H('vrijgave', 'release'),
  commit: H('vastlegging', 'commitment'),
};

/** Definitions by key@version, loaded once per export. */
async function labels(db: Db, rows: { key: string; version: number }[]) {
  const defs = new Map<string, WorkflowDefinition | null>();
  for (const { key, version } of rows) {
    const id = `${key}@${version}`;
    if (!defs.has(id)) defs.set(id, await loadDefinition(db, key, version).catch(() => null));
  }
  return {
    state: (key: string, version: number, state: string, locale: ExportLocale) =>
      defs.get(`${key}@${version}`)?.states[state]?.meta?.label?.[locale] ?? state,
    workflow: (key: string, version: number, locale: ExportLocale) =>
      defs.get(`${key}@${version}`)?.title[locale] ?? key,
  };
}

const decidedOn = sql<string | null>`(a.snapshot->'context'->'decision'->>'sentOn')`;

/** Every application (of a year), with state and workflow by their labels. */
export async function applicationsTable(
  db: Db,
  locale: ExportLocale,
  year?: number,
): Promise<ExportTable> {
  let q = db
    .selectFrom('applications as a')
    .innerJoin('regulations as r', 'r.id', 'a.regulation_id')
    .select([
      'a.reference',
      'r.title as regulation',
      'r.year',
      'a.district',
      'a.title',
      'a.state',
      'a.definition_key',
      'a.definition_version',
      'a.requested_cents',
      'a.granted_cents',
      sql<string | null>`a.received_on::text`.as('received_on'),
      sql<string | null>`a.decision_due_on::text`.as('decision_due_on'),
      decidedOn.as('decided_on'),
      'a.submitted_at',
      'a.created_at',
    ])
    .orderBy('a.created_at')
    .orderBy('a.reference');
  if (year !== undefined) q = q.where('r.year', '=', year);
  const rows = await q.execute();
  const l = await labels(
    db,
    rows.map((r) => ({ key: r.definition_key, version: r.definition_version })),
  );
  return {
    sheet: locale === 'nl' ? 'Aanvragen' : 'Applications',
    columns: APPLICATION_COLUMNS.map((c) => ({ header: c.h[locale], kind: c.kind })),
    rows: rows.map((r) => [
      r.reference,
      r.regulation,
      r.year,
      r.district,
      r.title,
      l.state(r.definition_key, r.definition_version, r.state, locale),
      l.workflow(r.definition_key, r.definition_version, locale),
      r.definition_version,
      r.requested_cents === null ? null : Number(r.requested_cents),
      r.granted_cents === null ? null : Number(r.granted_cents),
      r.received_on,
      r.decision_due_on,
      r.decided_on,
      r.submitted_at ? new Date(r.submitted_at) : null,
      new Date(r.created_at),
    ]),
  };
}

/** Every reservation, release and commitment of budget (of a year). */
export async function ledgerTable(
  db: Db,
  locale: ExportLocale,
  year?: number,
): Promise<ExportTable> {
  let q = db
    .selectFrom('budget_ledger as l')
    .innerJoin('regulations as r', 'r.id', 'l.regulation_id')
    .innerJoin('applications as a', 'a.id', 'l.application_id')
    .select([
      'l.id',
      'l.at',
      'r.title as regulation',
      'r.year',
      'r.district',
      'a.reference',
      'l.kind',
      'l.amount_cents',
    ])
    .orderBy('l.id');
  if (year !== undefined) q = q.where('r.year', '=', year);
  const rows = await q.execute();
  const cols: [{ nl: string; en: string }, Kind][] = [
    [H('Nummer', 'Number'), 'int'],
    [H('Moment (Nederlandse tijd)', 'Moment (Dutch time)'), 'datetime'],
    [H('Regeling', 'Scheme'), 'text'],
    [H('Jaar', 'Year'), 'int'],
    [H('Wijk', 'District'), 'text'],
    [H('Kenmerk', 'Reference'), 'text'],
    [H('Soort', 'Kind'), 'text'],
    [H('Bedrag (euro)', 'Amount (euro)'), 'money'],
  ];
  return {
    sheet: locale === 'nl' ? 'Budget' : 'Budget',
    columns: cols.map(([h, kind]) => ({ header: h[locale], kind })),
    rows: rows.map((r) => [
      Number(r.id),
      new Date(r.at),
      r.regulation,
      r.year,
      r.district,
      r.reference,
      LEDGER_KINDS[r.kind]?.[locale] ?? r.kind,
      Number(r.amount_cents),
    ]),
  };
}

const wallClock = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/Amsterdam',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/** 'YYYY-MM-DD HH:mm' as a clock in Amsterdam shows it at that moment. */
export function amsterdamDateTime(at: Date): string {
  const p = Object.fromEntries(wallClock.formatToParts(at).map((x) => [x.type, x.value]));
  return `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}`;
}

/** Cents as euros with the reader's decimal mark and no grouping, so a spreadsheet reads a number. */
function euros(cents: number, locale: ExportLocale): string {
  const sign = cents < 0 ? '-' : '';
  const abs = Math.abs(cents);
  const text = `${Math.floor(abs / 100)}${locale === 'nl' ? ',' : '.'}${String(abs % 100).padStart(2, '0')}`;
  return sign + text;
}

/** One CSV cell (RFC 4180); a leading = + - @ in text is defused so spreadsheets do not run it. */
function cell(value: unknown, kind: Kind, locale: ExportLocale): string {
  if (value === null || value === undefined) return '';
  let s: string;
  if (kind === 'money' && typeof value === 'number') s = euros(value, locale);
  else if (value instanceof Date) s = amsterdamDateTime(value);
  else s = String(value);
  if (kind === 'text' && /^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[";\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
}

/**
 * CSV for a spreadsheet in the Netherlands: UTF-8 with a byte-order mark (else Excel reads
 * "cafÃ©"), `;` between cells (a Dutch Excel expects it, as `,` is its decimal mark), euros with
 * the reader's decimal mark and times in Europe/Amsterdam.
 */
export function tableToCsv(table: ExportTable, locale: ExportLocale): string {
  const lines = [
    table.columns.map((c) => cell(c.header, 'text', locale)).join(';'),
    ...table.rows.map((r) => r.map((v, i) => cell(v, table.columns[i]!.kind, locale)).join(';')),
  ];
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

/** The same table as an .xlsx workbook: real numbers in euros, dates and Amsterdam times. */
export async function tableToXlsx(table: ExportTable): Promise<Uint8Array> {
  // Loaded on the first export, not at start-up: exceljs takes a third of a second to import.
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Bewonersinitiatief';
  const sheet = workbook.addWorksheet(table.sheet, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = table.columns.map((c) => ({
    header: c.header,
    width: Math.max(12, c.header.length + 2),
    style:
      c.kind === 'money'
        ? { numFmt: '#,##0.00' }
        : c.kind === 'date'
          ? { numFmt: 'yyyy-mm-dd' }
          : c.kind === 'datetime'
            ? { numFmt: 'yyyy-mm-dd hh:mm' }
            : {},
  }));
  sheet.getRow(1).font = { bold: true };
  for (const row of table.rows) {
    sheet.addRow(
      row.map((v, i) => {
        const kind = table.columns[i]!.kind;
        if (v === null) return null;
        if (kind === 'money' && typeof v === 'number') return v / 100;
        // A spreadsheet has no time zones: write the wall-clock time in Amsterdam.
        if (kind === 'datetime' && v instanceof Date)
          return new Date(`${amsterdamDateTime(v).replace(' ', 'T')}:00Z`);
        if (kind === 'date' && typeof v === 'string') return new Date(`${v}T00:00:00Z`);
        return v;
      }),
    );
  }
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}
