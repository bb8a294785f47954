import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import fc from 'fast-check';
import { sql } from 'kysely';
import { ROUTE_TABLE, type RouteTableEntry } from '../lib/routes.js';
import { ROLES, type TRole } from '@pcmd/contracts';
import type { Db } from '../db/database.js';
import { describeEachDatabase } from '../test-support/databases.js';
import { createTestApp, TestClient } from '../test-support/http.js';
import { createTestUser, seedDemoFixture } from '../test-support/fixtures.js';
import { ROUTE_SAMPLES, type SampleFixture } from './route-samples.js';
import { createTestEstablishment, createTestInspection, createTestManualMeasure, createTestOnlinePost, createTestOutreach, createTestPlan, createTestTip, createTestTraining } from '../test-support/plan-fixtures.js';
import { createTestReport } from '../test-support/report-fixtures.js';

const jsonWriteRoutes = ROUTE_TABLE.filter((r) => r.writes && r.hasJsonBody);
const keyOf = (r: RouteTableEntry) => `${r.method} ${r.path}`;

/** A fingerprint of every table a write could touch; equal fingerprints mean nothing was written. */
async function fingerprint(db: Db): Promise<string> {
  const { rows } = await sql<{ f: string }>`
    select concat_ws('|',
      (select md5(coalesce(string_agg(u::text, ',' order by id), '')) from units u),
      (select md5(coalesce(string_agg(u::text, ',' order by id), '')) from users u),
      (select count(*) from unit_links), (select count(*) from unit_closure), (select count(*) from unit_lineage),
      (select md5(coalesce(string_agg(p::text, ',' order by id), '')) from plans p),
      (select md5(coalesce(string_agg(i::text, ',' order by id), '')) from plan_indicators i),
      (select md5(coalesce(string_agg(t::text, ',' order by indicator_id, period_key), '')) from indicator_targets t),
      (select md5(coalesce(string_agg(t::text, ',' order by id), '')) from plan_tasks t),
      (select count(*) from plan_sections), (select count(*) from manual_measures), (select count(*) from manual_values),
      (select count(*) from denominators), (select count(*) from closed_periods), (select count(*) from stored_files),
      (select count(*) from sessions), (select count(*) from audit_log where action <> 'login_failed'),
      (select md5(coalesce(string_agg(a::text, ',' order by id), '')) from outreach_activities a),
      (select count(*) from outreach_activity_reach), (select md5(coalesce(string_agg(s::text, ',' order by id), '')) from outreach_series s),
      (select md5(coalesce(string_agg(g::text, ',' order by id), '')) from peer_groups g),
      (select md5(coalesce(string_agg(p::text, ',' order by id), '')) from training_people p),
      (select count(*) from training_courses), (select md5(coalesce(string_agg(t::text, ',' order by course_id, person_id), '')) from training_attendance t)) as f`.execute(db);
  return rows[0].f;
}

/** Bodies a careless or hostile client might send: random JSON, known field names with wrong values, huge strings. */
function arbitraryBody(knownKeys: string[]) {
  const wrongValue = fc.oneof(
    fc.integer(),
    fc.double(),
    fc.boolean(),
    fc.constant(null),
    fc.string({ maxLength: 5 }),
    fc.string({ minLength: 201, maxLength: 400 }),
    fc.array(fc.anything(), { maxLength: 3 }),
    fc.dictionary(fc.string({ maxLength: 5 }), fc.anything(), { maxKeys: 3 }),
  );
  const keyed = fc.dictionary(fc.constantFrom(...(knownKeys.length ? knownKeys : ['x'])), wrongValue, { maxKeys: knownKeys.length + 1 });
  const withUnknown = fc.tuple(keyed, fc.string({ minLength: 1, maxLength: 8 }), fc.anything()).map(([o, k, v]) => ({ ...o, [`zz_${k}`]: v }));
  return fc.oneof(
    { arbitrary: fc.anything(), weight: 2 },
    { arbitrary: keyed, weight: 4 },
    { arbitrary: withUnknown, weight: 2 },
    { arbitrary: fc.string().map((s) => ({ __raw: `{${s}` })), weight: 1 },
  );
}

/** Random bodies per write route: enough to hit every field with every wrong type, within CI's time (≈90 routes × 2 databases). */
const RANDOM_BODIES = 400;

describeEachDatabase(
  'bad input on every write route',
  async (handle) => {
    const fx = await seedDemoFixture(handle.db);
    const users = new Map<TRole, { username: string; password: string }>();
    for (const role of ROLES) users.set(role, await createTestUser(handle.db, role, fx.communeA));
    const userInA = (await createTestUser(handle.db, 'mass_org', fx.groupA)).id;
    const planA = await createTestPlan(handle.db, { unitId: fx.communeA });
    const provincePlan = (await createTestPlan(handle.db, { unitId: fx.provinceId })).id;
    await createTestManualMeasure(handle.db, 'manual.fixture', fx.provinceId);
    const establishmentA = (await createTestEstablishment(handle.db, fx.groupA, 'Karaoke Ánh Dương')).id;
    const { sanctionId } = await createTestInspection(handle.db, fx.communeA, establishmentA);
    const tipA = await createTestTip(handle.db, fx.groupA);
    const outreach = await createTestOutreach(handle.db, fx.groupA);
    const training = await createTestTraining(handle.db, fx.groupA);
    const reportA = await createTestReport(handle.db, planA.id, '2026H1');
    const sampleFx: SampleFixture = {
      ...fx, userInA, userInB: 0, unitsOfB: [], unitsOfA: () => [fx.groupA, fx.groupA], provincePlan, planA: planA.id, planB: 0,
      indicatorA: planA.indicators[0].id, indicatorB: 0, taskA: planA.tasks[0].id, taskB: 0, fileA: 0, fileB: 0,
      establishmentA, establishmentB: 0, inspectionPlanA: 0, inspectionPlanB: 0, inspectionA: 0, inspectionB: 0, sanctionA: sanctionId, sanctionB: 0,
      tipA, tipB: 0, freshTipA: () => tipA, onlinePostA: await createTestOnlinePost(handle.db, fx.communeA), onlinePostB: 0,
      activityA: outreach.activityId, activityB: 0, seriesA: outreach.seriesId, seriesB: 0, peerGroupA: outreach.peerGroupId, peerGroupB: 0,
      personA: training.personId, personB: 0, courseA: training.courseId, courseB: 0,
      reportA, reportB: 0, frozenReportA: reportA, freshDraftReportA: () => reportA, freshSubmittedReportA: () => reportA, newReportPeriod: () => '2031',
    };
    return { users, sampleFx, app: createTestApp(handle.db, { PCMD_PUBLIC_SUBMISSIONS_PER_10_MIN: '10000' }) };
  },
  (get) => {
    const clients = new Map<TRole, TestClient>();
    before(async () => {
      for (const [role, user] of get().users) clients.set(role, await new TestClient(get().app).login(user.username, user.password));
    });
    /** A user the route lets in, so that what is tested is the body, not the permission. */
    const clientFor = (route: RouteTableEntry) =>
      clients.get(route.permission.access === 'roles' ? (route.permission.roles.includes('admin') ? 'admin' : route.permission.roles[0]) : 'admin')!;

    for (const route of jsonWriteRoutes) {
      const key = keyOf(route);
      const path = () => ROUTE_SAMPLES[key]?.inScope(get().sampleFx).path ?? route.path;
      const validBody = () => (ROUTE_SAMPLES[key]?.inScope(get().sampleFx).body ?? {}) as Record<string, unknown>;

      test(`${key}: malformed JSON, wrong types, oversize, unknown and missing fields get a 400 naming the field in Vietnamese`, async () => {
        const body = validBody();
        const fields = Object.keys(body);
        const malformed = await clientFor(route).request(route.method, path(), undefined, '{"oops": ');
        assert.equal(malformed.status, 400);
        assert.equal(malformed.body.error.code, 'MALFORMED_JSON');
        assert.match(malformed.body.error.message, /JSON/);
        const unknown = await clientFor(route).request(route.method, path(), { ...body, hackerField: 1 });
        assert.equal(unknown.status, 400);
        assert.ok(unknown.body.error.fields.some((f: { message: string }) => f.message.includes('không được phép: hackerField')), JSON.stringify(unknown.body));
        for (const field of fields) {
          const wrongType = await clientFor(route).request(route.method, path(), { ...body, [field]: { nested: true } });
          assert.equal(wrongType.status, 400, `${field} wrong type`);
          const issue = wrongType.body.error.fields.find((f: { path: string }) => f.path === field || f.path.startsWith(`${field}.`));
          assert.ok(issue, `no message for ${field}: ${JSON.stringify(wrongType.body)}`);
          assert.match(issue.message, /^«[^»]+» /);
          assert.match(issue.message, /phải|không|bắt buộc/);
          if (typeof body[field] === 'string') {
            // Longer than any text field allows (the longest, a plan section, takes 50,000 characters).
            const oversize = await clientFor(route).request(route.method, path(), { ...body, [field]: 'x'.repeat(60_000) });
            assert.equal(oversize.status, 400, `${field} oversize`);
            assert.ok(oversize.body.error.fields.some((f: { path: string }) => f.path === field));
          }
          const { [field]: _dropped, ...missing } = body;
          const withoutField = await clientFor(route).request(route.method, path(), missing);
          if (withoutField.status === 400 && !key.startsWith('PATCH'))
            assert.ok(withoutField.body.error.fields.some((f: { path: string; message: string }) => f.path === field && f.message.includes('bắt buộc')), JSON.stringify(withoutField.body));
        }
      });

      test(`${key}: ${RANDOM_BODIES} random bad bodies give no 5xx, a 4xx with a message, and write nothing`, async () => {
        const { handle } = get();
        const knownKeys = Object.keys(validBody());
        // Judge a body as the server receives it: JSON drops undefined values, a raw string may not parse at all.
        const onTheWire = (body: unknown) =>
          body && typeof body === 'object' && '__raw' in body ? String((body as { __raw: string }).__raw) : (JSON.stringify(body) ?? 'null');
        const isBad = (body: unknown) => {
          try {
            return !route.bodySchema?.safeParse(JSON.parse(onTheWire(body))).success;
          } catch {
            return true;
          }
        };
        const before = await fingerprint(handle.db);
        await fc.assert(
          fc.asyncProperty(arbitraryBody(knownKeys).filter(isBad), async (body) => {
            const res = await clientFor(route).request(route.method, path(), undefined, onTheWire(body));
            assert.ok(res.status >= 400 && res.status < 500, `${res.status} for ${onTheWire(body)}: ${JSON.stringify(res.body)}`);
            assert.ok(res.body?.error?.message, 'an error answer carries a message');
          }),
          { numRuns: RANDOM_BODIES },
        );
        assert.equal(await fingerprint(handle.db), before, 'a refused request wrote to the database');
      });
    }
  },
);
