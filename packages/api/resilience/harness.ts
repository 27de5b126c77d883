/**
 * The fault suite's machinery: a private PostgreSQL cluster (never the shared one on 5432), the
 * real API and worker processes as children, and an SMTP sink that counts by Message-ID and can
 * be stopped and started again on the same port. Everything listens on 127.0.0.1 only, and
 * `cleanup()` kills every child this file started.
 */
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createWriteStream, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SMTPServer } from 'smtp-server';
import { buildServer } from '../../../scripts/build-server.mjs';
import { MESSAGE_ID_DOMAIN } from '../src/messaging/messaging.service';
import { listenSink } from '../src/messaging/smtp-sink';

export const REPO = resolve(fileURLToPath(new URL('.', import.meta.url)), '../../..');
const PG_BIN = process.env.PG_BIN ?? '/usr/lib/postgresql/15/bin';

/** The origin every process believes it is served at; requests send it as Origin. */
export const PUBLIC_ORIGIN = 'http://initiatief.test';

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolvePort(port));
    });
  });
}

/** Polls `fn` until it returns a truthy value or the deadline passes. */
export async function waitUntil<T>(
  what: string,
  fn: () => Promise<T | null | undefined | false>,
  timeoutMs = 120_000,
  everyMs = 500,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  while (Date.now() < deadline) {
    try {
      const v = await fn();
      if (v) return v;
    } catch (error) {
      last = error;
    }
    await sleep(everyMs);
  }
  throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}${last ? `: ${last}` : ''}`);
}

const cleanups: (() => Promise<void> | void)[] = [];

/** Stops everything started here, newest first. */
export async function cleanup(): Promise<void> {
  for (const fn of cleanups.splice(0).reverse()) {
    try {
      await fn();
    } catch {
      // Best effort: the rest must still be stopped.
    }
  }
}

// ---------------------------------------------------------------------------------------------
// PostgreSQL: a private cluster in a temporary directory, run as the postgres user.

export interface PrivatePostgres {
  port: number;
  adminUrl: string;
  /** A new empty database on this cluster; returns its URL. */
  createDatabase(name?: string): Promise<string>;
  stop(): void;
  start(): void;
  destroy(): void;
}

function asPostgres(cmd: string, args: string[]): string {
  const asRoot = process.getuid?.() === 0;
  return execFileSync(
    asRoot ? 'runuser' : cmd,
    asRoot ? ['-u', 'postgres', '--', cmd, ...args] : args,
    {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
}

export async function startPrivatePostgres(): Promise<PrivatePostgres> {
  const dir = mkdtempSync(join(tmpdir(), 'initiatief-pg-'));
  // initdb refuses to run as root: as root, hand the directory to the postgres user.
  if (process.getuid?.() === 0) execFileSync('chown', ['postgres:postgres', dir]);
  const data = join(dir, 'data');
  asPostgres(`${PG_BIN}/initdb`, ['-D', data, '-U', 'postgres', '--auth=trust', '-E', 'UTF8']);
  const port = await freePort();
  const log = join(dir, 'postgres.log');
  const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c max_connections=200`;
  const start = () => {
    asPostgres(`${PG_BIN}/pg_ctl`, [
      '-D',
      data,
      '-o',
      options,
      '-l',
      log,
      '-w',
      '-t',
      '120',
      'start',
    ]);
  };
  const stop = () => {
    asPostgres(`${PG_BIN}/pg_ctl`, ['-D', data, '-m', 'fast', '-w', '-t', '120', 'stop']);
  };
  start();
  let running = true;
  const adminUrl = `postgres://postgres@127.0.0.1:${port}/postgres`;
  const pg = {
    port,
    adminUrl,
    async createDatabase(name = `resilience_${randomBytes(4).toString('hex')}`) {
      const { default: pgModule } = await import('pg');
      const client = new pgModule.Client({ connectionString: adminUrl });
      await client.connect();
      try {
        await client.query(`create database "${name}"`);
      } finally {
        await client.end();
      }
      return `postgres://postgres@127.0.0.1:${port}/${name}`;
    },
    stop() {
      stop();
      running = false;
    },
    start() {
      start();
      running = true;
    },
    destroy() {
      if (running) {
        try {
          asPostgres(`${PG_BIN}/pg_ctl`, ['-D', data, '-m', 'immediate', '-w', 'stop']);
        } catch {
          // Already stopped.
        }
      }
      running = false;
      rmSync(dir, { recursive: true, force: true });
    },
  };
  cleanups.push(() => pg.destroy());
  return pg;
}

// ---------------------------------------------------------------------------------------------
// SMTP sink that counts deliveries per Message-ID.

export interface CountingSink {
  port: number;
  /** Deliveries per Message-ID as the outbox stores it (angle brackets included). */
  deliveries: Map<string, number>;
  total(): number;
  stop(): Promise<void>;
  start(): Promise<void>;
  readonly running: boolean;
}

export async function startCountingSink(port?: number): Promise<CountingSink> {
  const deliveries = new Map<string, number>();
  let server: SMTPServer | null = null;
  const sinkPort = port ?? (await freePort());
  const open = () =>
    new Promise<void>((resolveOpen, reject) => {
      const s = new SMTPServer({
        // smtp-server's built-in certificate has expired: no STARTTLS.
        disabledCommands: ['STARTTLS', 'AUTH'],
        authOptional: true,
        logger: false,
        closeTimeout: 200,
        size: 30 * 1024 * 1024,
        onData(stream, _session, callback) {
          const chunks: Buffer[] = [];
          stream.on('data', (c: Buffer) => chunks.push(c));
          stream.on('end', () => {
            const head =
              Buffer.concat(chunks)
                .toString('latin1')
                .split(/\r?\n\r?\n/)[0] ?? '';
            const sent = /^Message-ID:\s*(<[^>]+>)/im.exec(head)?.[1];
            // Mails go out with the Message-ID in the From address's domain; the outbox keeps
            // it in its own. Count under the stored form, which is what the checks look up.
            const id = sent
              ? sent.replace(/@[^>]*>$/, `@${MESSAGE_ID_DOMAIN}>`)
              : `(none-${Math.random()})`;
            deliveries.set(id, (deliveries.get(id) ?? 0) + 1);
            callback();
          });
        },
      });
      // The tests SIGKILL the API while a mail may be half sent: the sink lets such a sender go.
      listenSink(s, sinkPort).then(() => {
        server = s;
        resolveOpen();
      }, reject);
    });
  await open();
  const sink: CountingSink = {
    port: sinkPort,
    deliveries,
    total: () => [...deliveries.values()].reduce((a, b) => a + b, 0),
    async stop() {
      const s = server;
      server = null;
      if (!s) return;
      // Drop the clients' pooled connections too, as a crashed mail server would.
      for (const conn of (s as unknown as { connections: Set<{ close(): void }> }).connections ??
        [])
        conn.close();
      await new Promise<void>((r) => s.close(() => r()));
    },
    async start() {
      if (!server) await open();
    },
    get running() {
      return server !== null;
    },
  };
  cleanups.push(() => sink.stop());
  return sink;
}

// ---------------------------------------------------------------------------------------------
// The server processes.

export interface ServerProcess {
  name: string;
  url: string;
  child: ChildProcess;
  exited: Promise<number | null>;
  kill(signal?: NodeJS.Signals): Promise<void>;
}

export interface ServerEnv {
  databaseUrl: string;
  smtpPort: number;
  logDir: string;
  sessionSecret: string;
  extra?: Record<string, string>;
}

/** The environment both the children and the test's own connections use. */
export function serverEnvironment(env: ServerEnv, port: number): Record<string, string> {
  return {
    NODE_ENV: 'development',
    LOG_LEVEL: 'warn',
    HOST: '127.0.0.1',
    PORT: String(port),
    // One public origin for all processes, as behind a load balancer.
    PUBLIC_URL: PUBLIC_ORIGIN,
    DATABASE_URL: env.databaseUrl,
    DATABASE_POOL_SIZE: '5',
    SMTP_URL: `smtp://127.0.0.1:${env.smtpPort}`,
    MAIL_ATTACH_LETTERS: 'false',
    RENDER_THREADS: '1',
    SEED_DEMO: 'false',
    SESSION_SECRET: env.sessionSecret,
    RETENTION_DRAFT_DAYS: '0',
    DATA_DIR: join(env.logDir, 'data'),
    WEB_DIST: join(env.logDir, 'no-web'),
    ...env.extra,
  };
}

let compiled: Promise<string> | null = null;

/** The server as `pnpm start` runs it: compiled by scripts/build-server.mjs, once per suite. */
function compiledServer(): Promise<string> {
  compiled ??= buildServer().then((folder) => {
    if (!folder) throw new Error('the server did not compile (see the output above)');
    return folder;
  });
  return compiled;
}

async function spawnServer(
  name: string,
  entry: 'main.js' | 'worker-main.js',
  env: ServerEnv,
  port: number,
): Promise<ServerProcess> {
  const folder = await compiledServer();
  const log = createWriteStream(join(env.logDir, `${name}.log`), { flags: 'a' });
  const child = spawn(process.execPath, ['--enable-source-maps', join(folder, entry)], {
    cwd: join(REPO, 'packages/api'),
    env: {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? '/tmp',
      ...serverEnvironment(env, port),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
    // Its own process group, so a signal reaches the server and anything it started.
    detached: true,
  });
  child.stdout?.pipe(log, { end: false });
  child.stderr?.pipe(log, { end: false });
  const exited = new Promise<number | null>((r) => child.once('exit', (code) => r(code)));
  const proc: ServerProcess = {
    name,
    url: `http://127.0.0.1:${port}`,
    child,
    exited,
    async kill(signal = 'SIGKILL') {
      if (child.exitCode !== null || child.signalCode !== null) return;
      // The whole group, as a process manager stops a service.
      try {
        if (child.pid) process.kill(-child.pid, signal);
      } catch {
        child.kill(signal);
      }
      await Promise.race([exited, sleep(30_000)]);
    },
  };
  cleanups.push(() => proc.kill('SIGKILL'));
  return proc;
}

/** Starts the compiled `src/main.ts` (API + workers) and waits for /readyz. */
export async function startApi(
  name: string,
  env: ServerEnv,
  port?: number,
): Promise<ServerProcess> {
  const p = port ?? (await freePort());
  const proc = await spawnServer(name, 'main.js', env, p);
  await waitUntil(
    `${name} ready`,
    async () => {
      if (proc.child.exitCode !== null)
        throw new Error(`${name} exited with ${proc.child.exitCode}`);
      const res = await fetch(`${proc.url}/readyz`);
      return res.status === 200;
    },
    240_000,
  );
  return proc;
}

/** Starts the compiled `src/worker-main.ts` (timers, outbox, retention only). */
export async function startWorker(name: string, env: ServerEnv): Promise<ServerProcess> {
  const proc = await spawnServer(name, 'worker-main.js', env, 0);
  await sleep(500);
  return proc;
}

export function logDirectory(): string {
  const dir = mkdtempSync(join(tmpdir(), 'initiatief-resilience-'));
  cleanups.push(() => {
    if (!process.env.KEEP_RESILIENCE_LOGS) rmSync(dir, { recursive: true, force: true });
  });
  return dir;
}
