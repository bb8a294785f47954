import { sql, type RawBuilder } from 'kysely';
import type { TUnitType } from '@pcmd/contracts';
import type { Db } from '../../db/database.js';

export interface NewUnit {
  code: string;
  name: string;
  type: TUnitType;
  level: number;
  parentId: number | null;
  validFrom: string;
  validTo?: string | null;
}

export interface NewLink {
  predecessorId: number;
  successorId: number;
  kind: 'merge' | 'split' | 'rename';
  share: 'full' | 'partial';
  effectiveDate: string;
}

const unitColumns = ['u.id', 'u.code', 'u.name', 'u.type', 'u.level', 'u.parent_id', 'u.valid_from', 'u.valid_to'] as const;

/** A unit is current at a date when that date lies in [valid_from, valid_to). */
const currentAt = (at: string) => sql<boolean>`u.valid_from <= ${at}::date and (u.valid_to is null or u.valid_to > ${at}::date)`;

const childCount = (at: string | null) =>
  sql<number>`(select count(*)::int from units k where k.parent_id = u.id ${
    at ? sql`and k.valid_from <= ${at}::date and (k.valid_to is null or k.valid_to > ${at}::date)` : sql``
  })`.as('child_count');

export async function isInSubtree(db: Db, ancestorId: number, unitId: number): Promise<boolean> {
  const row = await db
    .selectFrom('unit_closure')
    .select('depth')
    .where('ancestor_id', '=', ancestorId)
    .where('descendant_id', '=', unitId)
    .executeTakeFirst();
  return row !== undefined;
}

export async function isVisibleFrom(db: Db, scopeUnitId: number, unitId: number): Promise<boolean> {
  const row = await db
    .selectFrom('unit_lineage as l')
    .innerJoin('unit_closure as c', 'c.descendant_id', 'l.successor_id')
    .select('l.depth')
    .where('c.ancestor_id', '=', scopeUnitId)
    .where('l.predecessor_id', '=', unitId)
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}

export async function findUnit(db: Db, id: number, at: string | null = null) {
  return db
    .selectFrom('units as u')
    .select([...unitColumns, childCount(at)])
    .where('u.id', '=', id)
    .executeTakeFirst();
}

export async function findUnitsByIds(db: Db, ids: number[]) {
  if (ids.length === 0) return [];
  return db.selectFrom('units as u').select(unitColumns).where('u.id', 'in', ids).execute();
}

export async function listChildren(db: Db, parentId: number, at: string | null) {
  let q = db.selectFrom('units as u').select([...unitColumns, childCount(at)]).where('u.parent_id', '=', parentId);
  if (at) q = q.where(currentAt(at));
  return q.orderBy('u.code').execute();
}

export async function listAncestors(db: Db, id: number) {
  return db
    .selectFrom('unit_closure as c')
    .innerJoin('units as u', 'u.id', 'c.ancestor_id')
    .select(['u.id', 'u.code', 'u.name', 'u.type'])
    .where('c.descendant_id', '=', id)
    .where('c.depth', '>', 0)
    .orderBy('c.depth', 'desc')
    .execute();
}

/** Diacritic-insensitive search inside a subtree ("tan hung" finds "Tân Hưng"), best matches first. */
export async function searchUnits(db: Db, scopeUnitId: number, text: string, at: string | null, limit = 50) {
  const pattern = `%${text.replace(/[\\%_]/g, (m) => `\\${m}`)}%`;
  let q = db
    .selectFrom('units as u')
    .innerJoin('unit_closure as c', 'c.descendant_id', 'u.id')
    .select([...unitColumns, childCount(at)])
    .where('c.ancestor_id', '=', scopeUnitId)
    .where((eb) => eb.or([sql<boolean>`u.name_folded like pcmd_fold(${pattern})`, eb('u.code', '=', text)]));
  if (at) q = q.where(currentAt(at));
  return q
    .orderBy(sql`similarity(u.name_folded, pcmd_fold(${text}))`, 'desc')
    .orderBy('u.level')
    .orderBy('u.code')
    .limit(limit)
    .execute();
}

/** Links in and out of a unit, with the unit at the other end. */
export async function listLinks(db: Db, id: number) {
  const linked = (here: 'predecessor_id' | 'successor_id', there: 'predecessor_id' | 'successor_id') =>
    db
      .selectFrom('unit_links as l')
      .innerJoin('units as u', 'u.id', `l.${there}`)
      .select(['u.id', 'u.code', 'u.name', 'u.type', 'l.kind', 'l.share', 'l.effective_date'])
      .where(`l.${here}`, '=', id)
      .orderBy('u.code')
      .execute();
  const [predecessors, successors] = await Promise.all([linked('successor_id', 'predecessor_id'), linked('predecessor_id', 'successor_id')]);
  return { predecessors, successors };
}

/** Units with a code whose validity overlaps [from, to). */
export async function findOverlappingCode(db: Db, code: string, from: string, to: string | null, exceptId?: number) {
  let q = db
    .selectFrom('units as u')
    .select(['u.id'])
    .where('u.code', '=', code)
    .where(sql<boolean>`(u.valid_to is null or u.valid_to > ${from}::date)`)
    .where(to ? sql<boolean>`u.valid_from < ${to}::date` : sql<boolean>`true`);
  if (exceptId) q = q.where('u.id', '<>', exceptId);
  return q.executeTakeFirst();
}

/** All units with these codes, for resolving parent codes of an import. */
export async function findUnitsByCodes(db: Db, codes: string[]) {
  if (codes.length === 0) return [];
  // One array parameter, however many codes: the wire protocol counts parameters in 16 bits (PGlite reads it signed).
  return db.selectFrom('units as u').select(unitColumns).where('u.code', '=', sql<string>`any(${codes}::text[])`).execute();
}

/**
 * Inserts units whose parents already exist or come earlier in the list, with their closure and lineage self rows.
 * Bulk paths pass thousands of rows: one statement per chunk, one closure statement per level.
 */
export async function insertUnits(db: Db, units: (NewUnit & { parentIndex?: number })[]): Promise<number[]> {
  const ids: number[] = new Array(units.length);
  const byLevel = new Map<number, number[]>();
  units.forEach((u, i) => byLevel.set(u.level, [...(byLevel.get(u.level) ?? []), i]));
  for (const level of [...byLevel.keys()].sort((a, b) => a - b)) {
    const indexes = byLevel.get(level)!;
    for (let start = 0; start < indexes.length; start += 1000) {
      const chunk = indexes.slice(start, start + 1000);
      const inserted = await db
        .insertInto('units')
        .values(
          chunk.map((i) => {
            const u = units[i];
            const parentId = u.parentIndex !== undefined ? ids[u.parentIndex] : u.parentId;
            return { code: u.code, name: u.name, type: u.type, level: u.level, parent_id: parentId, valid_from: u.validFrom, valid_to: u.validTo ?? null };
          }),
        )
        .returning('id')
        .execute();
      chunk.forEach((unitIndex, k) => (ids[unitIndex] = inserted[k].id));
      const chunkIds = chunk.map((i) => ids[i]);
      await sql`
        insert into unit_closure (ancestor_id, descendant_id, depth)
        select c.ancestor_id, u.id, c.depth + 1
          from units u join unit_closure c on c.descendant_id = u.parent_id
         where u.id = any(${chunkIds}::int[])
        union all
        select id, id, 0 from units where id = any(${chunkIds}::int[])`.execute(db);
      await sql`insert into unit_lineage (successor_id, predecessor_id, depth, partial)
                select id, id, 0, false from units where id = any(${chunkIds}::int[])`.execute(db);
    }
  }
  return ids;
}

export async function updateUnitRow(
  db: Db,
  id: number,
  patch: Partial<{ code: string; name: string; type: string; level: number; valid_from: string; valid_to: string | null }>,
) {
  await db
    .updateTable('units')
    .set({ ...patch, updated_at: sql`now()` })
    .where('id', '=', id)
    .execute();
}

/** Moves a unit and its whole subtree under a new parent, keeping the closure table exact. */
export async function moveUnit(db: Db, id: number, newParentId: number): Promise<void> {
  await sql`
    delete from unit_closure
     where descendant_id in (select descendant_id from unit_closure where ancestor_id = ${id})
       and ancestor_id in (select ancestor_id from unit_closure where descendant_id = ${id} and ancestor_id <> ${id})`.execute(db);
  await sql`
    insert into unit_closure (ancestor_id, descendant_id, depth)
    select a.ancestor_id, d.descendant_id, a.depth + d.depth + 1
      from unit_closure a, unit_closure d
     where a.descendant_id = ${newParentId} and d.ancestor_id = ${id}`.execute(db);
  await db.updateTable('units').set({ parent_id: newParentId, updated_at: sql`now()` }).where('id', '=', id).execute();
}

/** Records links and extends the lineage closure: every successor of the successor inherits every predecessor of the predecessor. */
export async function insertLinks(db: Db, links: NewLink[]): Promise<void> {
  for (let start = 0; start < links.length; start += 1000) {
    const chunk = links.slice(start, start + 1000);
    await db
      .insertInto('unit_links')
      .values(chunk.map((l) => ({ predecessor_id: l.predecessorId, successor_id: l.successorId, kind: l.kind, share: l.share, effective_date: l.effectiveDate })))
      .execute();
  }
  for (const link of links) {
    await sql`
      insert into unit_lineage (successor_id, predecessor_id, depth, partial)
      select s.successor_id, p.predecessor_id, s.depth + p.depth + 1, s.partial or p.partial or ${link.share === 'partial'}
        from unit_lineage s, unit_lineage p
       where s.predecessor_id = ${link.successorId} and p.successor_id = ${link.predecessorId}
      on conflict (successor_id, predecessor_id) do update
        set depth = least(unit_lineage.depth, excluded.depth),
            partial = unit_lineage.partial and excluded.partial`.execute(db);
  }
}

/** Predecessors of a unit through every generation (the unit itself at depth 0). */
export async function listLineage(db: Db, id: number) {
  return db
    .selectFrom('unit_lineage as l')
    .innerJoin('units as u', 'u.id', 'l.predecessor_id')
    .select(['u.id', 'u.code', 'u.name', 'u.type', 'l.depth', 'l.partial'])
    .where('l.successor_id', '=', id)
    .orderBy('l.depth')
    .orderBy('u.code')
    .execute();
}

export async function countUnits(db: Db) {
  const rows = await db
    .selectFrom('units')
    .select(['level', sql<boolean>`valid_to is null`.as('current'), (eb) => eb.fn.countAll<number>().as('n')])
    .groupBy(['level', sql`valid_to is null`])
    .execute();
  return rows.map((r) => ({ level: r.level, current: r.current, n: Number(r.n) }));
}

/** The whole subtree of a unit with each parent's code, in tree order, for export. */
export async function listSubtreeForExport(db: Db, rootId: number) {
  return db
    .selectFrom('unit_closure as c')
    .innerJoin('units as u', 'u.id', 'c.descendant_id')
    .leftJoin('units as p', 'p.id', 'u.parent_id')
    .select(['u.code', 'u.name', 'u.type', 'u.level', 'u.valid_from', 'u.valid_to', 'p.code as parent_code'])
    .where('c.ancestor_id', '=', rootId)
    .orderBy('u.level')
    .orderBy('u.code')
    .execute();
}

/**
 * The units whose records count for a unit: its whole subtree and, through history, the whole subtrees of the
 * units it wholly succeeds (a merged commune's 2024 records count for its successor). Partial predecessors are left
 * out: their records cannot be told apart between the successors, and counting them in each would double count.
 * The unit may be a column of the outer query (`sql.ref('u.id')`) to ask it of each unit of a list.
 */
export function recordUnitIds(unitId: number | RawBuilder<number>) {
  return sql<{ id: number }>`(
    select c2.descendant_id from unit_closure c1
      join unit_lineage l on l.successor_id = c1.descendant_id and not l.partial
      join unit_closure c2 on c2.ancestor_id = l.predecessor_id
     where c1.ancestor_id = ${unitId})`;
}

/** Units at a level under a unit that are current on a date. */
export async function countUnitsAtLevel(db: Db, unitId: number, level: number, on: string): Promise<number> {
  const { rows } = await sql<{ n: number }>`
    select count(*)::int as n from unit_closure c join units u on u.id = c.descendant_id
     where c.ancestor_id = ${unitId} and u.level = ${level}
       and u.valid_from <= ${on}::date and (u.valid_to is null or u.valid_to > ${on}::date)`.execute(db);
  return rows[0].n;
}

/** Current children of a unit on a date, by name. */
export async function listCurrentChildren(db: Db, unitId: number, on: string) {
  return db
    .selectFrom('units as u')
    .select(['u.id', 'u.name', 'u.level'])
    .where('u.parent_id', '=', unitId)
    .where(currentAt(on))
    .orderBy('u.code')
    .execute();
}

/** Which of these units lie in a subtree: one indexed query for a whole list. */
export async function unitsInSubtree(db: Db, ancestorId: number, ids: number[]): Promise<number[]> {
  if (ids.length === 0) return [];
  const rows = await db.selectFrom('unit_closure').select('descendant_id').where('ancestor_id', '=', ancestorId).where('descendant_id', '=', sql<number>`any(${ids}::int[])`).execute();
  return rows.map((r) => r.descendant_id);
}

/** Current communes and wards matching a name (diacritics ignored), with their province, best matches first. */
export async function searchCurrentCommunes(db: Db, text: string, limit = 20) {
  const pattern = `%${text.replace(/[\\%_]/g, (m) => `\\${m}`)}%`;
  return db
    .selectFrom('units as u')
    .leftJoin('units as p', 'p.id', 'u.parent_id')
    .select(['u.id', 'u.name', 'p.name as parent_name'])
    .where('u.level', '=', 3)
    .where('u.valid_to', 'is', null)
    .where(sql<boolean>`u.name_folded like pcmd_fold(${pattern})`)
    .orderBy(sql`similarity(u.name_folded, pcmd_fold(${text}))`, 'desc')
    .limit(limit)
    .execute();
}
