/**
 * Cold start on an existing PGlite data folder: wall time from spawning the server until the first HTTP
 * response of GET /api/auth/me (401 is expected), and the server's own "READY in N ms".
 * Calls main.ts directly, never `npm start`, so that the web build is not triggered.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, sleep, startServer, type Launcher } from '../lib/server.js';
import { formatTable, median } from '../lib/table.js';

const RUNS = 5;
const TARGET_MS = 3000;
const LAUNCHERS: Launcher[] = ['npx tsx', 'node --import tsx'];

interface Sample {
  firstResponseMs: number;
  readyLineMs: number;
  serverReadyMs: number;
}

/** Polls until the server answers at all; a refused connection just means "not yet". */
async function firstResponse(url: string, startedAt: number, deadlineMs: number): Promise<{ ms: number; status: number }> {
  while (performance.now() - startedAt < deadlineMs) {
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(2000) });
      await res.arrayBuffer();
      return { ms: performance.now() - startedAt, status: res.status };
    } catch {
      await sleep(10);
    }
  }
  throw new Error(`no response from ${url} within ${deadlineMs} ms`);
}

async function coldStart(dataDir: string, launcher: Launcher): Promise<Sample> {
  const port = await freePort();
  const startedAt = performance.now();
  const server = startServer({ PCMD_DATA_DIR: dataDir, PORT: String(port) }, launcher);
  try {
    const [first, ready] = await Promise.all([firstResponse(`http://127.0.0.1:${port}/api/auth/me`, startedAt, 60_000), server.ready]);
    if (first.status !== 401 && first.status !== 200) throw new Error(`GET /api/auth/me answered ${first.status}`);
    return { firstResponseMs: first.ms, readyLineMs: ready.atMs, serverReadyMs: ready.readyMs };
  } finally {
    await server.stop();
  }
}

async function main() {
  const dataDir = mkdtempSync(join(tmpdir(), 'pcmd-cold-'));
  try {
    // First start: creates the database, migrates and seeds the demo; not what is measured.
    const t = performance.now();
    const first = startServer({ PCMD_DATA_DIR: dataDir, PORT: '0' });
    const firstReady = await first.ready.finally(() => first.stop());
    console.log(`first start (create + migrate + demo seed): ${Math.round(performance.now() - t)} ms wall, "READY in ${firstReady.readyMs} ms"`);

    const rows: (string | number)[][] = [['launcher', 'measure', 'min ms', 'median ms', 'max ms', `runs < ${TARGET_MS} ms (target)`]];
    for (const launcher of LAUNCHERS) {
      const samples: Sample[] = [];
      for (let i = 0; i < RUNS; i++) {
        const s = await coldStart(dataDir, launcher);
        samples.push(s);
        console.log(
          `${launcher} run ${i + 1}: first response ${Math.round(s.firstResponseMs)} ms, READY line at ${Math.round(s.readyLineMs)} ms, "READY in ${s.serverReadyMs} ms"`,
        );
      }
      const add = (measure: string, xs: number[], target: boolean) =>
        rows.push([launcher, measure, Math.round(Math.min(...xs)), Math.round(median(xs)), Math.round(Math.max(...xs)), target ? `${xs.filter((x) => x < TARGET_MS).length}/${xs.length}` : '']);
      add('spawn → first HTTP response', samples.map((s) => s.firstResponseMs), true);
      add('spawn → READY line', samples.map((s) => s.readyLineMs), false);
      add('"READY in N ms" (in process)', samples.map((s) => s.serverReadyMs), false);
      add('READY line → first response', samples.map((s) => s.firstResponseMs - s.readyLineMs), false);
    }
    console.log('\n' + formatTable(rows));
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
