import type { PGlite } from '@electric-sql/pglite';
import pg from 'pg';

/**
 * PostgreSQL's LISTEN/NOTIFY, for waking workers the moment a command commits work for them
 * (the outbox's insert trigger notifies `outbox`). A notification is only a hint: every worker
 * still polls, so a lost notification or a lost listening connection delays work, never loses it.
 */
export interface Notifications {
  /** Calls `onNotify` on every notification on `channel`; resolves to an unsubscribe function. */
  listen(channel: string, onNotify: () => void): Promise<() => Promise<void>>;
  close(): Promise<void>;
}

const CHANNEL = /^[a-z_][a-z0-9_]{0,62}$/;

function checkChannel(channel: string): void {
  if (!CHANNEL.test(channel)) throw new Error(`bad notification channel ${channel}`);
}

/**
 * One dedicated connection per process (not from the pool: a pooled client is handed to other
 * queries), opened on the first listen. When it drops (a PostgreSQL restart), it reconnects with
 * backoff and listens again; the workers' polling covers the gap.
 */
export function postgresNotifications(
  connectionString: string,
  options: { onError?: (error: unknown) => void; maxBackoffMs?: number } = {},
): Notifications {
  const handlers = new Map<string, Set<() => void>>();
  const maxBackoffMs = options.maxBackoffMs ?? 30_000;
  let client: pg.Client | null = null;
  let connecting: Promise<pg.Client | null> | null = null;
  let closed = false;
  let retry: NodeJS.Timeout | null = null;
  let failures = 0;
  let connectedBefore = false;

  function scheduleReconnect(): void {
    if (closed || retry) return;
    const delay = Math.min(maxBackoffMs, 250 * 2 ** Math.min(failures, 10));
    failures++;
    retry = setTimeout(() => {
      retry = null;
      void connect();
    }, delay);
    retry.unref();
  }

  function connect(): Promise<pg.Client | null> {
    if (client) return Promise.resolve(client);
    if (connecting) return connecting;
    connecting = (async () => {
      const c = new pg.Client({ connectionString });
      c.on('notification', (message) => {
        for (const handler of handlers.get(message.channel) ?? []) handler();
      });
      const lost = (error?: unknown) => {
        if (client !== c) return;
        client = null;
        if (error) options.onError?.(error);
        void c.end().catch(() => undefined);
        scheduleReconnect();
      };
      c.on('error', lost);
      c.on('end', () => lost());
      try {
        await c.connect();
        for (const channel of handlers.keys()) await c.query(`LISTEN ${channel}`);
        if (closed) {
          await c.end();
          return null;
        }
        client = c;
        failures = 0;
        // Back after a loss: work may have been committed while no one listened.
        if (connectedBefore)
          for (const set of handlers.values()) for (const handler of set) handler();
        connectedBefore = true;
        return c;
      } catch (error) {
        options.onError?.(error);
        void c.end().catch(() => undefined);
        scheduleReconnect();
        return null;
      } finally {
        connecting = null;
      }
    })();
    return connecting;
  }

  return {
    async listen(channel, onNotify) {
      checkChannel(channel);
      const set = handlers.get(channel) ?? new Set();
      const isNew = !handlers.has(channel);
      set.add(onNotify);
      handlers.set(channel, set);
      const c = await connect();
      if (c && isNew) await c.query(`LISTEN ${channel}`).catch(() => undefined);
      return async () => {
        set.delete(onNotify);
        if (set.size === 0) {
          handlers.delete(channel);
          await client?.query(`UNLISTEN ${channel}`).catch(() => undefined);
        }
      };
    },
    async close() {
      closed = true;
      if (retry) clearTimeout(retry);
      handlers.clear();
      const c = client ?? (await connecting);
      client = null;
      await c?.end().catch(() => undefined);
    },
  };
}

/** The embedded database's notifications (one process, so no reconnecting). */
export function pgliteNotifications(pglite: PGlite): Notifications {
  return {
    async listen(channel, onNotify) {
      checkChannel(channel);
      const unlisten = await pglite.listen(channel, () => onNotify());
      return async () => {
        await unlisten();
      };
    },
    async close() {},
  };
}
