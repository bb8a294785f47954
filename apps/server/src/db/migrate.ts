import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { DatabaseHandle } from './database.js';

const MIGRATIONS_DIR = join(dirname(fileURLToPath(import.meta.url)), 'migrations');
/** Any constant: it keeps two servers starting at once from migrating together. */
const MIGRATION_LOCK_KEY = 727_001;

/** Applies the versioned SQL files of db/migrations in name order, each once, each in its own transaction. */
export async function migrate(handle: DatabaseHandle): Promise<string[]> {
  const files = readdirSync(MIGRATIONS_DIR).filter((f) => f.endsWith('.sql')).sort();
  await handle.runScript(`create table if not exists schema_migrations (name text primary key, applied_at timestamptz not null default now())`);
  const applied: string[] = [];
  for (const file of files) {
    const escaped = file.replace(/'/g, "''");
    const body = readFileSync(join(MIGRATIONS_DIR, file), 'utf8');
    // One script: lock, skip if applied, apply, record; a failure rolls the whole file back.
    const script = `begin;
select pg_advisory_xact_lock(${MIGRATION_LOCK_KEY});
do $migration$ begin
  if exists (select 1 from schema_migrations where name = '${escaped}') then
    raise exception using errcode = 'PCMD0', message = 'already applied';
  end if;
end $migration$;
${body}
;
insert into schema_migrations (name) values ('${escaped}');
commit;`;
    try {
      await handle.runScript(script);
      applied.push(file);
    } catch (err) {
      if ((err as { code?: string }).code === 'PCMD0') continue;
      throw new Error(`Migration ${file} failed: ${(err as Error).message}`, { cause: err });
    }
  }
  // PGlite has no autovacuum to gather statistics; without them the planner guesses (4× slower scoped lists).
  if (handle.kind === 'pglite') await handle.runScript('analyze');
  return applied;
}
