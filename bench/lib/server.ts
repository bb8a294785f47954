import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url));
const MAIN = 'apps/server/src/main.ts';

/** How the server is started: `npx tsx` is what `npm start` runs; `node --import tsx` skips the tsx launcher process. */
export type Launcher = 'node --import tsx' | 'npx tsx';

function command(launcher: Launcher): [string, string[]] {
  return launcher === 'npx tsx' ? ['npx', ['tsx', MAIN]] : [process.execPath, ['--import', 'tsx', MAIN]];
}

/** The parent's environment without the server's own variables, so a DATABASE_URL in the shell cannot leak into a PGlite run. */
function serverEnv(env: Record<string, string>): NodeJS.ProcessEnv {
  const base: NodeJS.ProcessEnv = { ...process.env };
  for (const key of Object.keys(base)) if (key === 'DATABASE_URL' || key === 'PORT' || key === 'HOST' || key.startsWith('PCMD_')) delete base[key];
  // A throwaway key: the server refuses to run on PostgreSQL without one, and benchmarks keep nothing.
  return { ...base, HOST: '127.0.0.1', PCMD_DATA_KEY: Buffer.alloc(32, 9).toString('base64'), ...env };
}

export interface RunningServer {
  child: ChildProcess;
  /** Resolves on the "READY in N ms" line with the server's own figure and the port it printed. */
  ready: Promise<{ readyMs: number; port: number; atMs: number }>;
  /** Lines the server wrote to stderr (errors it logged, e.g. 500s). */
  stderr: string[];
  stop(): Promise<void>;
}

/** Starts the real server as a separate process, in its own process group so that nothing it spawns outlives the benchmark. */
export function startServer(env: Record<string, string>, launcher: Launcher = 'node --import tsx', timeoutMs = 60_000): RunningServer {
  const startedAt = performance.now();
  const [cmd, args] = command(launcher);
  const child = spawn(cmd, args, { cwd: REPO_ROOT, env: serverEnv(env), stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  const stderr: string[] = [];
  createInterface({ input: child.stderr! }).on('line', (line) => stderr.push(line));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));

  const ready = new Promise<{ readyMs: number; port: number; atMs: number }>((resolve, reject) => {
    let port = 0;
    const timer = setTimeout(() => reject(new Error(`server not READY after ${timeoutMs} ms\n${stderr.join('\n')}`)), timeoutMs);
    createInterface({ input: child.stdout! }).on('line', (line) => {
      const running = /is running: http:\/\/[^/]+:(\d+)\//.exec(line);
      if (running) port = Number(running[1]);
      const done = /READY in (\d+) ms/.exec(line);
      if (done) {
        clearTimeout(timer);
        resolve({ readyMs: Number(done[1]), port, atMs: performance.now() - startedAt });
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited (${code}) before READY\n${stderr.join('\n')}`));
    });
  });
  ready.catch(() => {}); // a caller that only stops the server must not see an unhandled rejection

  // Signals go to the whole group, as Ctrl-C in a terminal does: with the npx launcher the server is a grandchild,
  // and it must shut down itself (releasing the PGlite lock) rather than be orphaned or killed.
  const signalGroup = (signal: NodeJS.Signals) => {
    try {
      process.kill(-child.pid!, signal);
    } catch {
      /* group already gone */
    }
  };
  const stop = async () => {
    signalGroup('SIGTERM');
    if (!(await groupGone(child.pid!, 10_000))) {
      signalGroup('SIGKILL');
      await groupGone(child.pid!, 5_000);
    }
    await exited;
  };
  return { child, ready, stderr, stop };
}

/** A port free right now on 127.0.0.1, for when the caller must know it before the server says it (cold start). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
  });
}

/** True once no process of the group is left (zombies included, so the PGlite lock holder is really gone). */
async function groupGone(pgid: number, timeoutMs: number): Promise<boolean> {
  const deadline = performance.now() + timeoutMs;
  while (performance.now() < deadline) {
    try {
      process.kill(-pgid, 0);
    } catch {
      return true;
    }
    await sleep(20);
  }
  return false;
}

export const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));
