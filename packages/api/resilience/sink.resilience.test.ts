/**
 * The fault suite's SMTP sink must outlive its senders: the suite SIGKILLs the API while a mail
 * may be half sent, and the sink then sees its connection reset. A run on 2026-12-02 died of
 * that reset as an uncaught exception, after every test had passed.
 */
import { connect, type Socket } from 'node:net';
import { afterAll, describe, expect, it } from 'vitest';
import { MESSAGE_ID_DOMAIN } from '../src/messaging/messaging.service';
import { cleanup, startCountingSink } from './harness';

afterAll(async () => {
  await cleanup();
});

/** Opens an SMTP conversation and resolves once the sink's greeting has arrived. */
function greeted(port: number): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('error', reject);
    socket.once('data', () => resolve(socket));
  });
}

/** Writes `text` and waits until the sink's answers contain `until`. */
function say(socket: Socket, text: string, until: RegExp): Promise<void> {
  return new Promise((resolve) => {
    let heard = '';
    const listen = (chunk: Buffer) => {
      heard += chunk.toString('latin1');
      if (!until.test(heard)) return;
      socket.off('data', listen);
      resolve();
    };
    socket.on('data', listen);
    socket.write(text);
  });
}

describe('the SMTP sink', () => {
  it('keeps counting after a sender resets its connection in the middle of a mail', async () => {
    const sink = await startCountingSink();
    const envelope =
      'EHLO test\r\nMAIL FROM:<a@example.org>\r\nRCPT TO:<b@example.org>\r\nDATA\r\n';
    for (let i = 0; i < 3; i++) {
      const killed = await greeted(sink.port);
      await say(killed, envelope, /^354/m);
      killed.write('Subject: half a mail\r\n\r\nand then the sender was killed');
      // Let the sink read the half mail and wait for the rest, as it does when a sender dies.
      await new Promise((r) => setTimeout(r, 50));
      killed.resetAndDestroy();
    }
    const id = `<after-reset@${MESSAGE_ID_DOMAIN}>`;
    const sender = await greeted(sink.port);
    await say(sender, envelope, /^354/m);
    await say(sender, `Message-ID: ${id}\r\nSubject: whole\r\n\r\nA whole mail.\r\n.\r\n`, /^250/m);
    sender.end('QUIT\r\n');
    expect(sink.running).toBe(true);
    expect(sink.deliveries.get(id)).toBe(1);
    expect(sink.total()).toBe(1);
  });
});
