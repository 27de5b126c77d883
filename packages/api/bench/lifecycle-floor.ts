/**
 * The floor of this stack: pgbench -N's own transaction (BEGIN; UPDATE pgbench_accounts;
 * SELECT abalance; INSERT INTO pgbench_history; END), served over HTTP by a bare node:http
 * server with a pg pool — no framework, no validation, no session, no engine. What it reaches on
 * a machine is what any Node HTTP service doing one small transaction per request can reach there;
 * the lifecycle benchmark reports the transitions beside it as well as beside pgbench itself.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import pg from 'pg';
import { poolLifetime } from '../src/db/database';

const ACCOUNTS = 1_000_000; // pgbench -i -s 10

export interface FloorServer {
  url: string;
  close(): Promise<void>;
}

export async function startFloorServer(databaseUrl: string, poolSize = 40): Promise<FloorServer> {
  // Connections live as long as the application's own (the same pool policy on both sides).
  const pool = new pg.Pool({
    connectionString: databaseUrl,
    max: poolSize,
    ...poolLifetime(poolSize),
  });
  const server: Server = createServer((req, res) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => {
      body += chunk;
    });
    req.on('end', async () => {
      const client = await pool.connect();
      try {
        const { delta } = JSON.parse(body) as { delta: number };
        const aid = 1 + Math.floor(Math.random() * ACCOUNTS);
        const tid = 1 + Math.floor(Math.random() * 100);
        const bid = 1 + Math.floor(Math.random() * 10);
        await client.query('BEGIN');
        await client.query('UPDATE pgbench_accounts SET abalance = abalance + $1 WHERE aid = $2', [
          delta,
          aid,
        ]);
        const { rows } = await client.query(
          'SELECT abalance FROM pgbench_accounts WHERE aid = $1',
          [aid],
        );
        await client.query(
          'INSERT INTO pgbench_history (tid, bid, aid, delta, mtime) VALUES ($1, $2, $3, $4, CURRENT_TIMESTAMP)',
          [tid, bid, aid, delta],
        );
        await client.query('END');
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ aid, abalance: rows[0]?.abalance ?? null }));
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        res.writeHead(500, { 'content-type': 'text/plain' });
        res.end(String(error));
      } finally {
        client.release();
      }
    });
  });
  server.keepAliveTimeout = 120_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    async close() {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await pool.end();
    },
  };
}
