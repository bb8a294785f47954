import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import { ROLES, type TRole } from '@pcmd/contracts';
import { ROUTE_TABLE, type RouteTableEntry } from '../lib/routes.js';
import { describeEachDatabase } from '../test-support/databases.js';
import { createTestApp, TestClient } from '../test-support/http.js';
import { createTestUser, seedDemoFixture } from '../test-support/fixtures.js';
import { insertUnits } from '../modules/units/units.repository.js';
import { ROUTE_SAMPLES, type Sample, type SampleFixture } from './route-samples.js';
import { attachTestEvidence, createTestEstablishment, createTestInspection, createTestManualMeasure, createTestOnlinePost, createTestOutreach, createTestPlan, createTestTip, createTestTraining } from '../test-support/plan-fixtures.js';
import type { Db } from '../db/database.js';
import { reportFixture } from '../test-support/report-fixtures.js';

const keyOf = (r: { method: string; path: string }) => `${r.method} ${r.path}`;

/** Sends a sample as the web app would: JSON, or a multipart form for uploads. */
function send(client: TestClient, route: RouteTableEntry, sample: Sample) {
  if (sample.form) {
    const form = new FormData();
    for (const [k, v] of Object.entries(sample.form)) form.append(k, v);
    return client.request(route.method, sample.path, undefined, form);
  }
  return client.request(route.method, sample.path, sample.body ?? (route.writes ? {} : undefined));
}
const allowedRoles = (r: RouteTableEntry): readonly TRole[] =>
  r.permission.access === 'roles' ? r.permission.roles : r.permission.access === 'authenticated' ? ROLES : [];

test('every route of the app has a permission entry, and every entry a sample for the access matrix', () => {
  const app = createTestApp({} as never);
  const table = new Set(ROUTE_TABLE.map(keyOf));
  const served = app.routes
    .filter((r) => r.path.startsWith('/api/') && r.method !== 'ALL' && r.path !== '/api/openapi.json')
    .map((r) => `${r.method} ${r.path.replace(/:(\w+)/g, '{$1}')}`);
  for (const route of new Set(served)) assert.ok(table.has(route), `${route} has no entry in the permission table (use defineRoute)`);
  for (const entry of ROUTE_TABLE) if (entry.permission.access !== 'public') assert.ok(ROUTE_SAMPLES[keyOf(entry)], `${keyOf(entry)} has no sample in route-samples.ts`);
});

/** An establishment with an inspection plan, a visit and a sanction in a commune, keyed for one side of the matrix. */
async function inspectionFixture(db: Db, communeId: number, groupId: number, side: 'A' | 'B') {
  const establishment = (await createTestEstablishment(db, groupId, `Karaoke Phía ${side}`)).id;
  const { planId, inspectionId, sanctionId } = await createTestInspection(db, communeId, establishment);
  return { [`establishment${side}`]: establishment, [`inspectionPlan${side}`]: planId, [`inspection${side}`]: inspectionId, [`sanction${side}`]: sanctionId };
}

/** Outreach and training records in a village, keyed for one side of the matrix. */
async function outreachFixture(db: Db, groupId: number, side: 'A' | 'B') {
  const { activityId, seriesId, peerGroupId } = await createTestOutreach(db, groupId);
  const { personId, courseId } = await createTestTraining(db, groupId);
  return { [`activity${side}`]: activityId, [`series${side}`]: seriesId, [`peerGroup${side}`]: peerGroupId, [`person${side}`]: personId, [`course${side}`]: courseId };
}

describeEachDatabase(
  'access matrix: role × route × scope',
  async (handle) => {
    const db = handle.db;
    const fx = await seedDemoFixture(db);
    const usersByRole = new Map<TRole, { username: string; password: string }>();
    for (const role of ROLES) usersByRole.set(role, await createTestUser(db, role, fx.communeA));
    const pool = await insertUnits(
      db,
      Array.from({ length: 80 }, (_, i) => ({ code: `POOL-${i}`, name: `Tổ dân phố dự phòng ${i}`, type: 'to_dan_pho' as const, level: 4, parentId: fx.communeA, validFrom: '2026-01-01' })),
    );
    const unitsOfB = (await db.selectFrom('units').select('id').where('parent_id', '=', fx.communeB).orderBy('code').execute()).map((r) => r.id);
    const userInB = (await db.selectFrom('users').select('id').where('username', '=', 'daumoi.bm').executeTakeFirstOrThrow()).id;
    const userInA = (await createTestUser(db, 'mass_org', fx.groupA)).id;
    const subtreeOfB = new Set(
      (await db.selectFrom('unit_closure').select('descendant_id').where('ancestor_id', '=', fx.communeB).execute()).map((r) => r.descendant_id),
    );
    const provincePlan = (await createTestPlan(db, { unitId: fx.provinceId, numberSymbol: '10/KH-UBND', periodFromYear: 2026, periodToYear: 2030 })).id;
    const tipPool: number[] = [];
    for (let i = 0; i < 12; i++) tipPool.push(await createTestTip(db, fx.groupA));
    const planA = await createTestPlan(db, { unitId: fx.communeA });
    const planB = await createTestPlan(db, { unitId: fx.communeB });
    await createTestManualMeasure(db, 'manual.fixture', fx.provinceId);
    const sampleFx: SampleFixture = {
      ...fx, userInA, userInB, unitsOfB, unitsOfA: (n) => pool.splice(0, n),
      provincePlan, planA: planA.id, planB: planB.id, indicatorA: planA.indicators[0].id, indicatorB: planB.indicators[0].id,
      taskA: planA.tasks[0].id, taskB: planB.tasks[0].id,
      fileA: await attachTestEvidence(db, planA.tasks[0].id), fileB: await attachTestEvidence(db, planB.tasks[0].id),
      ...(await inspectionFixture(db, fx.communeA, fx.groupA, 'A')),
      ...(await inspectionFixture(db, fx.communeB, fx.groupB, 'B')),
      tipA: await createTestTip(db, fx.groupA, { name: 'Người báo tin', contact: '0900000000' }),
      tipB: await createTestTip(db, fx.groupB),
      freshTipA: () => tipPool.pop()!,
      onlinePostA: await createTestOnlinePost(db, fx.communeA),
      onlinePostB: await createTestOnlinePost(db, fx.communeB),
      ...(await outreachFixture(db, fx.groupA, 'A')),
      ...(await outreachFixture(db, fx.groupB, 'B')),
      ...(await reportFixture(db, planA.id, planB.id)),
    } as SampleFixture;
    return { fx: sampleFx, usersByRole, subtreeOfB, app: createTestApp(db) };
  },
  (get) => {
    const clients = new Map<TRole, TestClient>();
    before(async () => {
      const { app, usersByRole } = get();
      for (const role of ROLES) {
        const u = usersByRole.get(role)!;
        clients.set(role, await new TestClient(app).login(u.username, u.password));
      }
    });

    for (const route of ROUTE_TABLE.filter((r) => r.permission.access !== 'public')) {
      const key = keyOf(route);
      test(`${key}: anonymous is refused with 401`, async () => {
        const { app, fx } = get();
        const sample = ROUTE_SAMPLES[key].inScope(fx);
        const res = await send(new TestClient(app), route, sample);
        assert.equal(res.status, 401, JSON.stringify(res.body));
      });

      test(`${key}: each role gets exactly what the permission table grants`, async () => {
        const { fx } = get();
        const allowed = allowedRoles(route);
        for (const role of ROLES) {
          const sample = ROUTE_SAMPLES[key].inScope(fx);
          const u = get().usersByRole.get(role)!;
          const client = ROUTE_SAMPLES[key].endsSession ? await new TestClient(get().app).login(u.username, u.password) : clients.get(role)!;
          const res = await send(client, route, sample);
          if (!allowed.includes(role)) {
            assert.equal(res.status, 403, `${role} must be refused ${key}, got ${res.status}`);
            assert.equal(res.body.error.code, 'FORBIDDEN');
          } else if (!ROUTE_SAMPLES[key].skipSuccessCheck) {
            assert.ok(res.status >= 200 && res.status < 300, `${role} must be able to ${key} in scope, got ${res.status} ${JSON.stringify(res.body)}`);
          }
        }
      });

      const outOfScope = ROUTE_SAMPLES[key].outOfScope;
      if (outOfScope)
        test(`${key}: a user of commune A never reaches commune B`, async () => {
          const { fx } = get();
          for (const role of allowedRoles(route)) {
            const sample = outOfScope(fx);
            const res = await send(clients.get(role)!, route, sample);
            assert.ok([403, 404].includes(res.status), `${role} reached commune B through ${key}: ${res.status} ${JSON.stringify(res.body).slice(0, 300)}`);
          }
        });

      if (route.scope.list)
        test(`${key}: lists show nothing of commune B`, async () => {
          const { fx, subtreeOfB } = get();
          for (const role of allowedRoles(route)) {
            const res = await clients.get(role)!.request('GET', ROUTE_SAMPLES[key].inScope(fx).path);
            assert.equal(res.status, 200);
            for (const item of res.body.items as Record<string, any>[]) {
              const unitId = item.unit?.id ?? item.unitId ?? item.id;
              assert.ok(!subtreeOfB.has(unitId), `${role} sees ${JSON.stringify(item).slice(0, 200)} of commune B via ${key}`);
            }
          }
        });
    }
  },
);
