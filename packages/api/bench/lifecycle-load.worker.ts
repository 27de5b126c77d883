// The lifecycle benchmark's HTTP clients in their own thread, so the load generator (fetch,
// JSON parsing) does not take time from the server's event loop: pgbench's clients run apart
// from the server too. One thread serves every phase of a run (a LoadInput message in, a
// LoadOutput message back), so its fetch code is compiled in the warm-up, not in each measured
// phase.
import { parentPort } from 'node:worker_threads';

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
    const res = await fetch(input.base + path, {
      method,
      headers: { cookie, origin: input.origin, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    const json = (await res.json()) as { id?: string };
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
        const res = await fetch(input.floorUrl!, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ delta: 1 + Math.floor(Math.random() * 5000) }),
        });
        await res.json();
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
