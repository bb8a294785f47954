import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { DEMO_PASSWORD } from '../demo/demo-data.js';

const dataDir = mkdtempSync(join(tmpdir(), 'pcmd-persist-'));
after(() => rmSync(dataDir, { recursive: true, force: true }));

interface Started {
  child: ChildProcess;
  url: string;
  output: () => string;
}

/** Starts `main.ts` as `npm start` would, on the shared data folder, and waits for it to serve. */
function startServer(): Promise<Started> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'apps/server/src/main.ts'], {
    env: { ...process.env, DATABASE_URL: '', PCMD_DATA_DIR: dataDir, PORT: '0', PCMD_WEB_DIST: join(dataDir, 'no-web') },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  return new Promise((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      out += chunk.toString();
      const url = /is running: (http:\/\/[^\s]+)/.exec(out)?.[1];
      if (url && out.includes('READY')) resolve({ child, url: url.replace(/\/$/, ''), output: () => out });
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.on('exit', (code) => reject(Object.assign(new Error(`server exited ${code}: ${out}`), { code, out })));
  });
}

function exited(child: ChildProcess): Promise<number | null> {
  return new Promise((resolve) => (child.exitCode !== null || child.signalCode ? resolve(child.exitCode) : child.on('exit', (code) => resolve(code))));
}

async function login(url: string) {
  const res = await fetch(`${url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'quantri', password: DEMO_PASSWORD }) });
  assert.equal(res.status, 200);
  return res.headers.get('set-cookie')!.split(';')[0];
}

async function findUnit(url: string, cookie: string, code: string) {
  const res = await fetch(`${url}/api/units/search?q=${code}`, { headers: { cookie } });
  return ((await res.json()) as { items: { code: string }[] }).items.filter((u) => u.code === code);
}

test('the embedded database keeps data across restarts and a SIGKILL, and refuses a second process', { timeout: 120_000 }, async () => {
  const first = await startServer();
  assert.match(first.output(), /quantri/, 'the first start prints the demo logins');
  const cookie = await login(first.url);
  const [ward] = (await (await fetch(`${first.url}/api/units/search?q=MAU-TA`, { headers: { cookie } })).json()).items as { id: number }[];
  const created = await fetch(`${first.url}/api/units`, {
    method: 'POST',
    headers: { cookie, 'content-type': 'application/json' },
    body: JSON.stringify({ code: 'KILL-1', name: 'Tổ dân phố trước SIGKILL', type: 'to_dan_pho', parentId: ward.id, validFrom: '2026-01-01' }),
  });
  assert.equal(created.status, 201, await created.clone().text());
  first.child.kill('SIGKILL');
  await exited(first.child);

  const second = await startServer();
  const cookie2 = await login(second.url);
  assert.equal((await findUnit(second.url, cookie2, 'KILL-1')).length, 1, 'the write committed before SIGKILL survived');

  const third = await startServer().then(
    (s) => {
      s.child.kill('SIGKILL');
      throw new Error('a second process opened the same data folder');
    },
    (err: { code: number; out: string }) => err,
  );
  assert.equal(third.code, 1);
  assert.match(third.out, /đang được tiến trình \d+ sử dụng/);
  assert.equal((await findUnit(second.url, cookie2, 'KILL-1')).length, 1, 'the refused second process left the data intact');

  second.child.kill('SIGTERM');
  assert.equal(await exited(second.child), 0);
  const fourth = await startServer();
  const cookie4 = await login(fourth.url);
  assert.equal((await findUnit(fourth.url, cookie4, 'KILL-1')).length, 1, 'a restart keeps the data');
  const users = (await (await fetch(`${fourth.url}/api/users?pageSize=200`, { headers: { cookie: cookie4 } })).json()) as { total: number };
  assert.equal(users.total, 11, 'the demo is seeded once, not on every start');
  fourth.child.kill('SIGTERM');
  await exited(fourth.child);
});

test('a bad environment variable stops the start with its name', async () => {
  const child = spawn(process.execPath, ['--import', 'tsx', 'apps/server/src/main.ts'], {
    env: { ...process.env, PORT: 'not-a-port', PCMD_DATA_DIR: dataDir },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stderr!.on('data', (c: Buffer) => (out += c.toString()));
  assert.equal(await exited(child), 1);
  assert.match(out, /PORT/);
});
