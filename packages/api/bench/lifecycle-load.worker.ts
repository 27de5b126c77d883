// The lifecycle benchmark's HTTP clients in their own thread, so the load generator (requests,
// JSON parsing) does not take time from the server's event loop: pgbench's clients run apart
// from the server too. One thread serves every phase of a run (a LoadInput message in, a
// LoadOutput message back), so its client code is compiled in the warm-up, not in each measured
// phase.
import { Agent, request as httpRequest } from 'node:http';
import { parentPort } from 'node:worker_threads';

/**
 * How the clients send: 'http' (default) with node:http and a keep-alive agent, 'fetch' with
 * Node's fetch (undici). The clients share the machine's two cores with the server and
 * PostgreSQL, and their own pauses count in every latency they measure; fetch cost more CPU per
 * request and paused its thread for a full collection every two seconds (docs/benchmarks.md).
 */
const CLIENT = process.env.BENCH_HTTP_CLIENT === 'fetch' ? 'fetch' : 'http';
const agent = new Agent({ keepAlive: true, keepAliveMsecs: 60_000 });

/** One request; the answer's status and body text. Headers as a browser's fetch would send. */
async function send(
  url: string,
  method: string,
  headers: Record<string, string>,
  body: string,
): Promise<{ status: number; text: string }> {
  const sent = {
    accept: '*/*',
    'accept-encoding': 'gzip, deflate, br',
    'content-type': 'application/json',
    ...headers,
  };
  if (CLIENT === 'fetch') {
    const res = await fetch(url, { method, headers: sent, body });
    return { status: res.status, text: await res.text() };
  }
  const target = new URL(url);
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      {
        agent,
        host: target.hostname,
        port: target.port,
        path: target.pathname + target.search,
        method,
        headers: { ...sent, 'content-length': String(Buffer.byteLength(body)) },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }),
        );
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

export interface LoadInput {
  /** 'transitions' (default): the lifecycle through the API; 'floor': POSTs to floorUrl. */
  mode?: 'transitions' | 'floor';
  floorUrl?: string;
  base: string;
  origin: string;
  clients: number;
  seconds: number;
  regulationId: string;
  data: unknown;
  residentCookies: string[];
  assessorCookie: string;
  approverCookie: string;
}

export interface LoadOutput {
  latencies: number[];
  /** The same latencies by request: create, and each event by its type (transitions only). */
  byRequest: Record<string, number[]>;
  errors: number;
  elapsedSeconds: number;
}

async function request(
  input: LoadInput,
  cookie: string,
  method: string,
  path: string,
  body: unknown,
) {
  const t0 = performance.now();
  try {
    const res = await send(
      input.base + path,
      method,
      { cookie, origin: input.origin },
      JSON.stringify(body),
    );
    const json = JSON.parse(res.text) as { id?: string };
    return { status: res.status, ms: performance.now() - t0, json };
  } catch {
    return { status: 0, ms: performance.now() - t0, json: {} as { id?: string } };
  }
}

/** One phase: `clients` loops until `seconds` have passed, every request's latency kept. */
async function run(input: LoadInput): Promise<LoadOutput> {
  const latencies: number[] = [];
  const byRequest: Record<string, number[]> = {};
  const keep = (request: string, ms: number) => {
    latencies.push(ms);
    const kept = byRequest[request] ?? [];
    kept.push(ms);
    byRequest[request] = kept;
  };
  let errors = 0;
  const stopAt = performance.now() + input.seconds * 1000;
  const t0 = performance.now();

  async function floorClient() {
    while (performance.now() < stopAt) {
      const t = performance.now();
      try {
        const res = await send(
          input.floorUrl!,
          'POST',
          {},
          JSON.stringify({ delta: 1 + Math.floor(Math.random() * 5000) }),
        );
        JSON.parse(res.text);
        if (res.status !== 200) errors++;
      } catch {
        errors++;
      }
      latencies.push(performance.now() - t);
    }
  }

  async function lifecycleClient(c: number) {
    const cookie = input.residentCookies[c]!;
    while (performance.now() < stopAt) {
      const created = await request(input, cookie, 'POST', '/api/applications', {
        regulationId: input.regulationId,
        data: input.data,
      });
      keep('create', created.ms);
      if (created.status !== 201 || !created.json.id) {
        errors++;
        continue;
      }
      const path = `/api/applications/${created.json.id}/events`;
      const steps: [string, unknown][] = [
        [cookie, { type: 'SUBMIT' }],
        [
          input.assessorCookie,
          { type: 'ASSESS', payload: { recommendation: 'grant', motivation: 'Goed plan.' } },
        ],
        [input.approverCookie, { type: 'GRANT', payload: {} }],
      ];
      for (const [who, body] of steps) {
        const r = await request(input, who, 'POST', path, body);
        keep((body as { type: string }).type, r.ms);
        if (r.status !== 200) errors++;
      }
    }
  }

  const client = input.mode === 'floor' ? floorClient : lifecycleClient;
  await Promise.all(Array.from({ length: input.clients }, (_, c) => client(c)));
  return { latencies, byRequest, errors, elapsedSeconds: (performance.now() - t0) / 1000 };
}

parentPort?.on('message', (input: LoadInput) => {
  void run(input).then((output) => parentPort?.postMessage(output));
});
