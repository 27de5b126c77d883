// The benchmark's SMTP sink in its own thread, so the receiving side does not take CPU time
// from the outbox worker's event loop (a real SMTP server runs elsewhere too).
import { parentPort } from 'node:worker_threads';
import { startSmtpSink } from '../src/messaging/smtp-sink';

const sink = await startSmtpSink();
parentPort?.postMessage({ type: 'ready', port: sink.port });
parentPort?.on('message', async (message: { type: 'count' } | { type: 'close' }) => {
  if (message.type === 'count') parentPort?.postMessage({ type: 'count', count: sink.count() });
  if (message.type === 'close') {
    await sink.close();
    parentPort?.postMessage({ type: 'closed' });
  }
});
