import { deflateSync } from 'node:zlib';
import { upsertRegulation } from '../../api/src/regulations/regulations.repository';
import type { TestServer } from './server';

/** A tiny valid PNG (a green square), made here so the tests need no binary files. */
export function pngBuffer(size = 8): Buffer {
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc = (buf: Buffer) => {
    let c = 0xffffffff;
    for (const b of buf) c = crcTable[(c ^ b) & 0xff]! ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const chunk = (type: string, data: Buffer) => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const td = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const c = Buffer.alloc(4);
    c.writeUInt32BE(crc(td));
    return Buffer.concat([len, td, c]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 2; // truecolour
  const row = Buffer.concat([Buffer.from([0]), Buffer.alloc(size * 3, Buffer.from([0, 129, 31]))]);
  const raw = Buffer.concat(Array.from({ length: size }, () => row));
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** YYYY-MM-DD plus n days. */
export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/**
 * A Delfshaven regulation for 2026 on one version of a workflow (its id): for tests of what a
 * later version changes, while the server's own regulation stays on the version it started on.
 */
export function delfshavenRegulationOn(
  db: TestServer['deps']['db'],
  code: string,
  workflow: { key: string; version: number },
): Promise<string> {
  return upsertRegulation(db, {
    code,
    title: 'Bewonersinitiatieven Delfshaven 2026',
    district: 'Delfshaven',
    year: 2026,
    ceilingCents: 25_000_000,
    maxAmountCents: 1_000_000,
    directSettlementThresholdCents: 0,
    decisionTermWeeks: 8,
    reportDueWeeks: 12,
    opensOn: '2026-01-01',
    closesOn: '2026-12-31',
    workflowKey: workflow.key,
    workflowVersion: workflow.version,
  });
}
