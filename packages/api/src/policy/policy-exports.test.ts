import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { applicationIn, type Kit, setupKit } from '../applications/lifecycle.test-kit';
import { call } from '../test/test-app';
import { amsterdamDateTime } from './policy-exports.service';

let kit: Kit;
let reference = '';

beforeAll(async () => {
  kit = await setupKit();
  // One granted application: a requested and a granted amount, a reservation in the ledger.
  reference = String((await applicationIn(kit, 'granted', { amountsCents: [123_456] })).reference);
});
afterAll(() => kit.close());

const get = (path: string) => call(kit.app, 'GET', path, { cookie: kit.cookies.policy });

/** A `;`-separated CSV with quoted cells, as a spreadsheet reads it. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted && ch === '"' && text[i + 1] === '"') {
      cell += '"';
      i++;
    } else if (ch === '"') {
      quoted = !quoted;
    } else if (!quoted && ch === ';') {
      row.push(cell);
      cell = '';
    } else if (!quoted && ch === '\r' && text[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i++;
    } else {
      cell += ch;
    }
  }
  return rows;
}

describe('exports for a spreadsheet user', () => {
  test('CSV: BOM, ;, labels in Dutch, euros with a decimal comma, Amsterdam times', async () => {
    const res = await get('/api/policy/reports/applications.csv?lang=nl');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toContain('aanvragen.csv');
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
    const [header, ...rows] = parseCsv(text.slice(1));
    expect(header!.slice(0, 6)).toEqual([
      'Kenmerk',
      'Regeling',
      'Jaar',
      'Wijk',
      'Naam van het initiatief',
      'Status',
    ]);
    const row = rows.find((r) => r[0] === reference)!;
    const col = (name: string) => row[header!.indexOf(name)];
    expect(col('Status')).toBe('Verleend');
    expect(col('Aangevraagd (euro)')).toBe('1234,56');
    expect(col('Werkproces')).not.toMatch(/^bewonersinitiatief$/);
    expect(col('Ingediend (Nederlandse tijd)')).toBe(amsterdamDateTime(kit.clock()));
    expect(col('Ingediend (Nederlandse tijd)')).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d$/);
  });

  test('CSV in English for an English page', async () => {
    const res = await get('/api/policy/reports/budget-ledger.csv?lang=en');
    const text = (await res.text()).replace(/^\uFEFF/, '');
    const [header, ...rows] = parseCsv(text);
    expect(header).toContain('Amount (euro)');
    const reserve = rows.find((r) => r.includes('reservation'))!;
    expect(reserve[header!.indexOf('Amount (euro)')]).toBe('1234.56');
  });

  test('the .xlsx opens with the same library: numbers in euros, times in Amsterdam', async () => {
    const res = await get('/api/policy/reports/applications.xlsx?lang=nl');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe(
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await res.arrayBuffer());
    const sheet = workbook.getWorksheet('Aanvragen')!;
    const header = (sheet.getRow(1).values as unknown[]).slice(1);
    expect(header[0]).toBe('Kenmerk');
    let found = false;
    sheet.eachRow((row, n) => {
      if (n === 1 || row.getCell(1).value !== reference) return;
      found = true;
      const cell = (name: string) => row.getCell(header.indexOf(name) + 1);
      expect(cell('Aangevraagd (euro)').value).toBe(1234.56);
      expect(cell('Aangevraagd (euro)').numFmt).toBe('#,##0.00');
      expect(cell('Status').value).toBe('Verleend');
      const submitted = cell('Ingediend (Nederlandse tijd)').value as Date;
      expect(submitted.toISOString().slice(0, 16).replace('T', ' ')).toBe(
        amsterdamDateTime(kit.clock()),
      );
    });
    expect(found).toBe(true);
  });
});
