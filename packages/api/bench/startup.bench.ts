/**
 * Start-up time and idle memory of `pnpm start`, as a person runs it:
 *  1. the first start on the embedded database with a web app and a server that were never
 *     built (a fresh clone after `pnpm install`): seconds until /readyz answers (goal < 20 s);
 *  2. a restart on the same data with both built: seconds until /readyz (goal < 3 s);
 *  3. memory after start, idle (IDLE_SECONDS after ready, past the render threads' idle end):
 *     the resident memory of every process `pnpm start` runs, embedded (goal <= 600 MB) and,
 *     with DATABASE_URL, the same plus the PostgreSQL backends serving it (goal <= 250 MB).
 * Writes bench/results/startup.json and prints a table.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { ROOT, type Run, start, stop } from './pnpm-start';

const RESULTS = join(dirname(fileURLToPath(import.meta.url)), 'results', 'startup.json');
const ADMIN_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const IDLE_SECONDS = Number(process.env.BENCH_IDLE_SECONDS ?? 75);
const PAGE = 4096;

/** Resident set of a process and all its descendants, in MB, from /proc. */
function treeRssMb(rootPid: number): {
  total: number;
  processes: { pid: number; cmd: string; mb: number }[];
} {
  const children = new Map<number, number[]>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      children.set(ppid, [...(children.get(ppid) ?? []), Number(entry)]);
    } catch {
      // gone meanwhile
    }
  }
  const processes: { pid: number; cmd: string; mb: number }[] = [];
  const visit = (pid: number) => {
    try {
      const pages = Number(readFileSync(`/proc/${pid}/statm`, 'utf8').split(' ')[1]);
      const cmd = readFileSync(`/proc/${pid}/cmdline`, 'utf8').replaceAll('\0', ' ').trim();
      processes.push({ pid, cmd: cmd.slice(0, 80), mb: (pages * PAGE) / 2 ** 20 });
    } catch {
      return;
    }
    for (const child of children.get(pid) ?? []) visit(child);
  };
  visit(rootPid);
  return { total: processes.reduce((sum, p) => sum + p.mb, 0), processes };
}

/** Resident memory of the PostgreSQL backends connected to one database, in MB. */
async function backendsRssMb(database: string): Promise<number> {
  const client = new pg.Client({ connectionString: ADMIN_URL });
  await client.connect();
  try {
    const { rows } = await client.query<{ pid: number }>(
      'select pid from pg_stat_activity where datname = $1 and pid <> pg_backend_pid()',
      [database],
    );
    let total = 0;
    for (const { pid } of rows) {
      try {
        // Shared buffers are counted once by the postmaster, not per backend: RssAnon only.
        const status = readFileSync(`/proc/${pid}/status`, 'utf8');
        total += Number(/RssAnon:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024;
      } catch {
        // not readable (another user) or gone
      }
    }
    return total;
  } finally {
    await client.end();
  }
}

async function idleMemory(run: Run, database?: string) {
  await new Promise((resolve) => setTimeout(resolve, IDLE_SECONDS * 1000));
  const tree = treeRssMb(run.child.pid!);
  const postgres = database ? await backendsRssMb(database) : 0;
  return { ...tree, postgres, total: tree.total + postgres };
}

const round = (n: number) => Math.round(n * 10) / 10;

async function main() {
  const dataDir = mkdtempSync(join(tmpdir(), 'initiatief-startup-data-'));
  const webDist = mkdtempSync(join(tmpdir(), 'initiatief-startup-web-'));
  const base = { DATA_DIR: dataDir, WEB_DIST: webDist, SEED_DEMO: 'true' };
  const clean = { ...base } as Record<string, string>;
  delete process.env.DATABASE_URL;
  // The compiled server, as a fresh clone has none (scripts/build-server.mjs rebuilds it).
  rmSync(join(ROOT, 'packages/api/dist'), { recursive: true, force: true });
  try {
    // 1. First start: unbuilt web and server, empty embedded database (migrations, demo seed).
    const first = await start(clean);
    console.log(`first start: ready in ${first.readySeconds.toFixed(1)} s`);
    const embeddedFirst = await idleMemory(first);
    await stop(first.child);

    // 2. Restart on the same data and build.
    const again = await start(clean);
    console.log(`restart: ready in ${again.readySeconds.toFixed(1)} s`);
    const embedded = await idleMemory(again);
    await stop(again.child);
    console.log(`embedded, idle: ${round(embedded.total)} MB`);

    // 3. The same on PostgreSQL.
    const database = `initiatief_startup_${process.pid}`;
    const admin = new pg.Client({ connectionString: ADMIN_URL });
    await admin.connect();
    await admin.query(`create database ${database}`);
    await admin.end();
    const dbUrl = new URL(ADMIN_URL);
    dbUrl.pathname = `/${database}`;
    let postgres: Awaited<ReturnType<typeof idleMemory>> | null = null;
    let postgresReady = 0;
    try {
      const run = await start({ ...base, DATABASE_URL: dbUrl.toString() });
      postgresReady = run.readySeconds;
      postgres = await idleMemory(run, database);
      await stop(run.child);
    } finally {
      const drop = new pg.Client({ connectionString: ADMIN_URL });
      await drop.connect();
      await drop.query(`drop database if exists ${database} with (force)`);
      await drop.end();
    }
    console.log(`postgres, idle: ${round(postgres?.total ?? 0)} MB`);

    const results = {
      measuredAt: new Date().toISOString(),
      machine: { cores: Number(execFileSync('nproc').toString().trim()), node: process.version },
      idleSeconds: IDLE_SECONDS,
      firstStartSeconds: round(first.readySeconds),
      restartSeconds: round(again.readySeconds),
      postgresStartSeconds: round(postgresReady),
      embeddedAfterFirstStartMb: round(embeddedFirst.total),
      embeddedIdleMb: round(embedded.total),
      embeddedProcesses: embedded.processes.map((p) => ({ ...p, mb: round(p.mb) })),
      postgresIdleMb: round(postgres?.total ?? 0),
      postgresBackendsMb: round(postgres?.postgres ?? 0),
      goals: {
        firstStart: {
          goal: '< 20 s',
          value: round(first.readySeconds),
          met: first.readySeconds < 20,
        },
        restart: { goal: '< 3 s', value: round(again.readySeconds), met: again.readySeconds < 3 },
        embeddedMemory: {
          goal: '<= 600 MB',
          value: round(embedded.total),
          met: embedded.total <= 600,
        },
        postgresMemory: {
          goal: '<= 250 MB',
          value: round(postgres?.total ?? 0),
          met: (postgres?.total ?? Number.POSITIVE_INFINITY) <= 250,
        },
      },
    };
    mkdirSync(dirname(RESULTS), { recursive: true });
    writeFileSync(RESULTS, `${JSON.stringify(results, null, 2)}\n`);
    console.log('Goals:', JSON.stringify(results.goals));
    console.log(`Written to ${RESULTS}`);
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
    rmSync(webDist, { recursive: true, force: true });
  }
}

await main();
