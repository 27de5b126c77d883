import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { formatDate, objectionDeadline, toAmsterdamDate } from '@initiatief/engine';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applicationIn, type Kit, readJson, setupKit } from '../applications/lifecycle.test-kit';
import { pdfText } from '../letters/pdf-text';
import { call } from '../test/test-app';
import { startOutboxWorker } from './outbox.worker';

// The real command path: the lifecycle's commands enqueue, the outbox worker renders and sends.
let kit: Kit;
const mailDir = mkdtempSync(join(tmpdir(), 'mail-command-'));

beforeAll(async () => {
  kit = await setupKit();
});
afterAll(() => kit?.close());

describe('letters and mails from the lifecycle commands', () => {
  it('a granted application has its acknowledgement and grant letters, and both notices', async () => {
    const application = await applicationIn(kit, 'granted');
    const worker = startOutboxWorker(
      { ...kit.app.deps, config: { ...kit.app.deps.config, mailDir, smtpUrl: undefined } },
      { loop: false },
    );
    try {
      await worker.drain();
    } finally {
      await worker.stop();
    }

    const res = await call(kit.app, 'GET', `/api/applications/${application.id}/documents`, {
      cookie: kit.cookies.resident,
    });
    expect(res.status).toBe(200);
    const { items } = await readJson(res);
    expect(items.map((d: { kind: string }) => d.kind)).toEqual(['acknowledgement', 'grant']);
    expect(items.every((d: { rendered: boolean }) => d.rendered)).toBe(true);

    const sentOn = toAmsterdamDate(kit.clock());
    const lastDay = objectionDeadline(sentOn).date;
    const grant = items[1];
    expect(grant.objectionDeadline).toBe(lastDay);
    const pdf = await call(kit.app, 'GET', `${grant.links.pdf}`, { cookie: kit.cookies.resident });
    const text = await pdfText(new Uint8Array(await pdf.arrayBuffer()));
    expect(text).toContain(application.reference);
    expect(text).toContain('€ 750,00');
    expect(text).toContain(formatDate(lastDay, 'nl'));
    expect(text).toContain('Past bij het wijkakkoord.');

    const acknowledgement = await pdfText(
      new Uint8Array(
        await (
          await call(kit.app, 'GET', items[0].links.pdf, { cookie: kit.cookies.resident })
        ).arrayBuffer(),
      ),
    );
    expect(acknowledgement).toContain(application.reference);
    expect(acknowledgement).not.toContain('Bezwaar maken');

    const mails = readdirSync(mailDir).map((name) => readFileSync(join(mailDir, name), 'utf8'));
    const toResident = mails.filter((raw) => raw.includes(kit.users.resident.email!));
    // Acknowledgement and decision, each with its letter attached.
    expect(toResident).toHaveLength(2);
    for (const raw of toResident) expect(raw).toContain('Content-Type: application/pdf');
  });
});
