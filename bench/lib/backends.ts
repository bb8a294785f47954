import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openPglite, openPostgres, type DatabaseHandle } from '../../apps/server/src/db/database.js';
import { createScratchDatabase } from './postgres.js';

/** Where a benchmark runs: PGlite in a fresh folder (as the server uses it), or a scratch database on the server. */
export interface Backend {
  name: 'PGlite' | 'PostgreSQL';
  open(): Promise<DatabaseHandle>;
  cleanup(): Promise<void>;
}

export function pgliteBackend(folderPrefix: string): Backend {
  const dir = mkdtempSync(join(tmpdir(), `pcmd-bench-${folderPrefix}-`));
  return { name: 'PGlite', open: () => openPglite(dir), cleanup: async () => rmSync(dir, { recursive: true, force: true }) };
}

export async function postgresBackend(): Promise<Backend> {
  const scratch = await createScratchDatabase();
  return { name: 'PostgreSQL', open: () => openPostgres(scratch.url), cleanup: () => scratch.drop() };
}
