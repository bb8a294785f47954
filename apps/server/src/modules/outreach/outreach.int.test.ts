import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { before, test } from 'node:test';
import { describeEachDatabase } from '../../test-support/databases.js';
import { createTestApp, TestClient } from '../../test-support/http.js';
import { createTestUser, seedDemoFixture } from '../../test-support/fixtures.js';
import { binhLuPlan, tanHungPlan } from '../../demo/seed-plans.js';

type Value = { numerator: number; denominator: number | null; value: number | null; status: string };
type Row = { name: string; current: Value; children: (Value & { unitId: number })[] };

const vnToday = () => new Date().toLocaleDateString('sv-SE', { timeZone: 'Asia/Ho_Chi_Minh' });
const shiftDays = (iso: string, days: number) => new Date(Date.parse(`${iso}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

describeEachDatabase(
  'outreach: activities, series, peer groups, coverage and their indicators',
  async (handle) => ({ fx: await seedDemoFixture(handle.db), app: createTestApp(handle.db) }),
  (get) => {
    let focal: TestClient;
    let focalB: TestClient;
    let admin: TestClient;
    let groups: { id: number; name: string }[];
    before(async () => {
      focal = await new TestClient(get().app).login('daumoi');
      focalB = await new TestClient(get().app).login('daumoi.bm');
      admin = await new TestClient(get().app).login('quantri');
      groups = (await focal.get(`/api/units/children?parentId=${get().fx.communeA}`)).body.items;
    });

    const record = async (client: TestClient, body: Record<string, unknown>) => {
      const res = await client.post('/api/outreach/activities', { agency: 'Hội Liên hiệp Phụ nữ', topic: 'Phòng, chống mại dâm', channel: 'community_meeting', ...body });
      assert.equal(res.status, 201, JSON.stringify(res.body));
      return res.body;
    };
    /** A plan of one commune whose indicators read the measures under test; the board's values for a period. */
    const measure = async (unitId: number, refs: { measure: string; params?: Record<string, string | number> }[], periodKey = '2026') => {
      const plan = await admin.post('/api/plans', {
        unitId, placeName: 'Mẫu', subject: `Thử chỉ số đo ${randomUUID()}`, periodFromYear: 2026, periodToYear: 2026,
        indicators: refs.map((numerator, i) => ({ name: `Chỉ số ${i}`, shape: 'manual', numerator, comparator: 'gte', unitLevel: 3, targets: [] })),
      });
      assert.equal(plan.status, 201, JSON.stringify(plan.body));
      const board = await admin.get(`/api/plans/${plan.body.id}/board?periodKey=${periodKey}`);
      return (board.body.rows as Row[]).map((r) => r.current.numerator);
    };

    test('“≥60% of workers in industrial zones reached” computes exactly, in the commune and summed over the province', async () => {
      const { fx } = get();
      // Tân An: 250 + 200 workers reached in 2026 sessions; students and sessions outside the period do not count.
      await record(focal, { unitId: fx.communeA, heldOn: '2026-03-12', channel: 'industrial_zone_session', reach: [{ group: 'industrial_workers', reached: 250 }] });
      await record(focal, { unitId: groups[0].id, heldOn: '2026-09-03', channel: 'industrial_zone_session', reach: [{ group: 'industrial_workers', reached: 200 }, { group: 'migrant_workers', reached: 80 }] });
      await record(focal, { unitId: fx.communeA, heldOn: '2026-04-02', channel: 'school_session', reach: [{ group: 'students', reached: 500 }] });
      await record(focal, { unitId: fx.communeA, heldOn: '2025-12-14', channel: 'industrial_zone_session', reach: [{ group: 'industrial_workers', reached: 999 }] });
      // Bình Minh: 100 of 250.
      await record(focalB, { unitId: fx.communeB, heldOn: '2026-05-05', channel: 'industrial_zone_session', reach: [{ group: 'industrial_workers', reached: 100 }] });
      for (const [unitId, value] of [[fx.communeA, 750], [fx.communeB, 250]])
        assert.equal((await admin.put('/api/denominators', { groupKey: 'industrial_workers', unitId, year: 2026, value })).status, 200);
      const provincePlan = (await admin.get('/api/plans')).body.items.find((p: { numberSymbol: string }) => p.numberSymbol === '10/KH-UBND');
      const board = await admin.get(`/api/plans/${provincePlan.id}/board?periodKey=2026`);
      assert.equal(board.status, 200, JSON.stringify(board.body));
      const row = (board.body.rows as Row[]).find((r) => r.name.includes('khu công nghiệp'))!;
      assert.deepEqual([row.current.numerator, row.current.denominator, row.current.value, row.current.status], [550, 1000, 55, 'behind'], 'the province adds numerators and denominators');
      const tanAn = row.children.find((c) => c.unitId === fx.communeA)!;
      assert.deepEqual([tanAn.numerator, tanAn.denominator, tanAn.value, tanAn.status], [450, 750, 60, 'met']);
      const binhMinh = row.children.find((c) => c.unitId === fx.communeB)!;
      assert.deepEqual([binhMinh.numerator, binhMinh.denominator, binhMinh.value, binhMinh.status], [100, 250, 40, 'behind']);
    });

    test('“100% of residential groups hold outreach” and “published at least once a month” count a group with none and a month with none', async () => {
      const { fx } = get();
      const village = await new TestClient(get().app).login('totruong');
      const own = (await village.get('/api/auth/me')).body.unit.id as number;
      // Groups covered in 2026 so far: groups[0] (test above) and the village head's own; the others had nothing.
      await record(village, { unitId: own, heldOn: '2026-02-20' });
      const covered = new Set([groups[0].id, own]).size;
      const plan = await admin.post('/api/plans', { ...tanHungPlan(fx.communeA), numberSymbol: null });
      assert.equal(plan.status, 201, JSON.stringify(plan.body));
      const rows = (await admin.get(`/api/plans/${plan.body.id}/board?periodKey=2026`)).body.rows as Row[];
      assert.deepEqual([rows[0].current.numerator, rows[0].current.denominator, rows[0].current.value, rows[0].current.status], [covered, 6, Math.round((10_000 * covered) / 6) / 100, 'behind']);
      // Bình Minh published in May only (previous test) and, from now on, every month but one through a monthly series.
      const series = await focalB.post('/api/outreach/series', { unitId: fx.communeB, agency: 'Văn hóa - Xã hội', channel: 'social_media', topic: 'Bản tin phòng, chống mại dâm', frequency: 'monthly', startsOn: '2025-12-20', endsOn: '2026-03-20' });
      assert.equal(series.status, 201, JSON.stringify(series.body));
      await record(focalB, { unitId: fx.communeB, heldOn: '2026-07-01', channel: 'website' });
      await record(focalB, { unitId: fx.communeB, heldOn: '2026-08-01', channel: 'loudspeaker' });
      const months = await admin.post('/api/plans', binhLuPlan(fx.communeB));
      assert.equal(months.status, 201, JSON.stringify(months.body));
      const frequency = ((await admin.get(`/api/plans/${months.body.id}/board?periodKey=2026`)).body.rows as Row[])[1];
      // Months [15th, 15th): Dec, Jan, Feb, Mar (series), Apr–May (the 05/05 session), Jun–Jul (01/07), Jul–Aug (01/08).
      assert.deepEqual([frequency.current.numerator, frequency.current.denominator, frequency.current.value], [7, 12, 58.33]);
      const [web, posts] = await measure(fx.communeB, [
        { measure: 'outreach.publication_months', params: { level: 3, channel: 'website,social_media' } },
        { measure: 'outreach.activities', params: { channel: 'social_media' } },
      ]);
      assert.deepEqual([web, posts], [5, 4], 'four monthly posts and one website post; the loudspeaker month is not a publication');
    });

    test('a draft re-sent with its clientId after a lost connection is stored once; someone else’s clientId is a conflict', async () => {
      const { fx } = get();
      const draft = { unitId: groups[1].id, heldOn: '2026-10-10', agency: 'Tổ dân phố', channel: 'community_meeting', topic: 'Họp tổ dân phố', reach: [{ group: 'residents', reached: 35 }], clientId: randomUUID() };
      const first = await focal.post('/api/outreach/activities', draft);
      assert.equal(first.status, 201, JSON.stringify(first.body));
      const again = await focal.post('/api/outreach/activities', draft);
      assert.equal(again.status, 200, JSON.stringify(again.body));
      assert.equal(again.body.id, first.body.id);
      assert.deepEqual(again.body, first.body);
      const listed = await focal.get(`/api/outreach/activities?unitId=${groups[1].id}&from=2026-10-10&to=2026-10-11`);
      assert.equal(listed.body.total, 1, 'stored exactly once');
      const other = await new TestClient(get().app).login('doanthe');
      const stolen = await other.post('/api/outreach/activities', { ...draft, topic: 'Khác' });
      assert.equal(stolen.status, 409, JSON.stringify(stolen.body));
      assert.equal(stolen.body.error.fields[0].path, 'clientId');
      const audits = await admin.get(`/api/audit?entity=outreach_activity&unitId=${fx.communeA}&pageSize=200`);
      assert.equal(audits.body.items.filter((a: { entityId: string; action: string }) => a.entityId === String(first.body.id) && a.action === 'create').length, 1);
    });

    test('series expand to their occurrences: weekly, monthly by calendar month, open-ended up to today, shortened when ended', async () => {
      const { fx } = get();
      const create = async (body: Record<string, unknown>) => {
        const res = await focal.post('/api/outreach/series', { unitId: groups[2].id, agency: 'Trung tâm Dịch vụ Sự nghiệp công', channel: 'loudspeaker', topic: 'Phát thanh phòng, chống mại dâm', ...body });
        assert.equal(res.status, 201, JSON.stringify(res.body));
        return res.body;
      };
      // Mondays 05/01 … 23/02; the end, Sunday 01/03, is not a Monday: eight.
      const weekly = await create({ frequency: 'weekly', startsOn: '2026-01-05', endsOn: '2026-03-01', reach: [{ group: 'residents', reached: 100 }] });
      assert.equal(weekly.occurrencesSoFar, 8);
      const fortnightly = await create({ frequency: 'weekly', interval: 2, startsOn: '2026-01-05', endsOn: '2026-03-01' });
      assert.equal(fortnightly.occurrencesSoFar, 4, '05/01, 19/01, 02/02, 16/02');
      // 31/01, 28/02, 31/03, 30/04: each month's end, not a drift to the 28th.
      const monthly = await create({ frequency: 'monthly', startsOn: '2026-01-31', endsOn: '2026-04-30', channel: 'website' });
      assert.equal(monthly.occurrencesSoFar, 4);
      const open = await create({ frequency: 'daily', startsOn: shiftDays(vnToday(), -3), channel: 'radio_tv' });
      assert.equal(open.occurrencesSoFar, 4, 'three days ago up to today; nothing from the future');
      const [loudspeaker, reached, website] = await measure(fx.communeA, [
        { measure: 'outreach.activities', params: { channel: 'loudspeaker' } },
        { measure: 'outreach.reached', params: { targetGroup: 'residents', channel: 'loudspeaker' } },
        { measure: 'outreach.activities', params: { channel: 'website' } },
      ]);
      assert.deepEqual([loudspeaker, reached, website], [12, 800, 4], 'people reached are counted at every occurrence');
      const ended = await focal.patch(`/api/outreach/series/${weekly.id}`, { endsOn: '2026-01-31' });
      assert.equal(ended.status, 200, JSON.stringify(ended.body));
      assert.equal(ended.body.occurrencesSoFar, 4);
      assert.equal((await focal.patch(`/api/outreach/series/${weekly.id}`, { endsOn: '2025-12-01' })).status, 400);
      const [afterEnd] = await measure(fx.communeA, [{ measure: 'outreach.activities', params: { channel: 'loudspeaker' } }]);
      assert.equal(afterEnd, 8);
      assert.ok((await focal.get('/api/outreach/series')).body.items.some((s: { id: number }) => s.id === open.id));
    });

    test('the coverage view lists the groups without activity in a period, paged, with their last activity', async () => {
      const { fx } = get();
      const first = await focal.get('/api/outreach/coverage?from=2026-01-01&to=2026-07-01&pageSize=2');
      assert.equal(first.status, 200, JSON.stringify(first.body));
      // In the first half of 2026: groups[0] had no activity yet (its sessions were in September), the village head's group had one,
      // groups[2] had its series; the ward's own activities cover no group.
      const own = (await (await new TestClient(get().app).login('totruong')).get('/api/auth/me')).body.unit.id as number;
      const coveredIds = new Set([own, groups[2].id]);
      assert.equal(first.body.unitsTotal, 6);
      assert.equal(first.body.unitsCovered, coveredIds.size);
      assert.equal(first.body.total, 6 - coveredIds.size);
      const second = await focal.get('/api/outreach/coverage?from=2026-01-01&to=2026-07-01&pageSize=2&page=2');
      const third = await focal.get('/api/outreach/coverage?from=2026-01-01&to=2026-07-01&pageSize=2&page=3');
      const listed = [...first.body.items, ...second.body.items, ...third.body.items];
      assert.deepEqual(listed.map((i: { unitId: number }) => i.unitId).sort(), groups.map((g) => g.id).filter((id) => !coveredIds.has(id)).sort());
      const g0 = listed.find((i: { unitId: number }) => i.unitId === groups[0].id);
      assert.equal(g0.lastActivityOn, null, 'its September sessions come after the period');
      assert.equal(first.body.items[0].parentName, 'Phường Tân An');
      const later = await focal.get(`/api/outreach/coverage?from=2026-01-01&to=2026-12-01&unitId=${fx.communeA}`);
      assert.ok(!later.body.items.some((i: { unitId: number }) => i.unitId === groups[0].id));
      assert.equal((await focal.get('/api/outreach/coverage?from=2026-07-01&to=2026-01-01')).status, 400);
      assert.equal((await focal.get(`/api/outreach/coverage?from=2026-01-01&to=2026-07-01&unitId=${fx.communeB}`)).status, 403);
    });

    test('a village head records in their own group only, starting from their last values; roles without outreach are refused', async () => {
      const { fx } = get();
      const village = await new TestClient(get().app).login('totruong');
      const defaults = await village.get('/api/outreach/activities/defaults');
      assert.equal(defaults.status, 200, JSON.stringify(defaults.body));
      assert.equal(defaults.body.lastHeldOn, '2026-02-20');
      assert.equal(defaults.body.agency, 'Hội Liên hiệp Phụ nữ');
      const own = defaults.body.unit.id as number;
      const fresh = await createTestUser(get().handle.db, 'mass_org', fx.communeA);
      const newcomer = await new TestClient(get().app).login(fresh.username);
      const preset = (await newcomer.get('/api/outreach/activities/defaults')).body;
      assert.deepEqual([preset.unit.id, preset.channel, preset.lastHeldOn], [fx.communeA, null, null], 'before a first activity: the user’s own unit');
      // The activity carries out a task of the ward's plan; a task of another commune's plan cannot be named.
      const wardPlan = await admin.post('/api/plans', { unitId: fx.communeA, placeName: 'Tân An', subject: 'Kế hoạch truyền thông', periodFromYear: 2026, periodToYear: 2026, tasks: [{ title: 'Tuyên truyền tại các tổ dân phố', leadAgency: 'Tổ dân phố', deadline: '2026-12-31' }] });
      const otherPlan = await admin.post('/api/plans', { unitId: fx.communeB, placeName: 'Bình Minh', subject: 'Kế hoạch truyền thông', periodFromYear: 2026, periodToYear: 2026, tasks: [{ title: 'Tuyên truyền tại các thôn', leadAgency: 'Thôn', deadline: '2026-12-31' }] });
      const linked = await village.post('/api/outreach/activities', { unitId: own, heldOn: '2026-10-02', agency: 'Tổ dân phố', channel: 'community_meeting', topic: 'Họp tổ', materials: 'Tờ rơi của phường', taskId: wardPlan.body.tasks[0].id });
      assert.equal(linked.status, 201, JSON.stringify(linked.body));
      assert.deepEqual([linked.body.taskId, linked.body.materials], [wardPlan.body.tasks[0].id, 'Tờ rơi của phường']);
      const wrongTask = await village.post('/api/outreach/activities', { unitId: own, heldOn: '2026-10-02', agency: 'Tổ dân phố', channel: 'community_meeting', topic: 'Họp tổ', taskId: otherPlan.body.tasks[0].id });
      assert.equal(wrongTask.status, 400);
      assert.equal(wrongTask.body.error.fields[0].path, 'taskId');
      const elsewhere = groups.find((g) => g.id !== own)!;
      const refused = await village.post('/api/outreach/activities', { unitId: elsewhere.id, heldOn: '2026-10-01', agency: 'Tổ dân phố', channel: 'community_meeting', topic: 'Họp' });
      assert.equal(refused.status, 403);
      assert.equal(refused.body.error.code, 'OUT_OF_SCOPE');
      const future = await village.post('/api/outreach/activities', { unitId: own, heldOn: shiftDays(vnToday(), 2), agency: 'Tổ dân phố', channel: 'community_meeting', topic: 'Họp' });
      assert.equal(future.status, 400);
      assert.equal(future.body.error.fields[0].path, 'heldOn');
      const duplicateGroup = await village.post('/api/outreach/activities', { unitId: own, heldOn: '2026-10-01', agency: 'Tổ', channel: 'community_meeting', topic: 'Họp', reach: [{ group: 'residents', reached: 1 }, { group: 'residents', reached: 2 }] });
      assert.equal(duplicateGroup.status, 400);
      assert.equal(duplicateGroup.body.error.fields[0].path, 'reach');
      for (const username of ['kiemtra', 'ketoan']) {
        const client = await new TestClient(get().app).login(username);
        assert.equal((await client.get('/api/outreach/activities')).status, 403, username);
      }
      const leader = await new TestClient(get().app).login('lanhdao');
      assert.equal((await leader.get('/api/outreach/activities')).status, 200);
      assert.equal((await leader.post('/api/outreach/activities', { unitId: fx.communeA, heldOn: '2026-10-01', agency: 'UBND', channel: 'community_meeting', topic: 'Họp' })).status, 403, 'leaders read, they do not record');
      assert.equal((await focalB.get(`/api/outreach/activities?unitId=${fx.communeA}`)).status, 403);
    });

    test('a peer group counts its members without names and lists the activities it held; photos are read under outreach’s rules', async () => {
      const { fx } = get();
      const group = await focal.post('/api/outreach/peer-groups', { unitId: fx.communeA, name: 'Nhóm tự lực Ánh Dương', kind: 'self_help_group', hostAgency: 'Hội Liên hiệp Phụ nữ phường', membersCount: 14, foundedOn: '2025-10-01' });
      assert.equal(group.status, 201, JSON.stringify(group.body));
      const held = await record(focal, { unitId: groups[3].id, heldOn: '2026-10-15', channel: 'peer_group_activity', peerGroupId: group.body.id, reach: [{ group: 'high_risk', reached: 9 }] });
      const read = await focal.get(`/api/outreach/peer-groups/${group.body.id}`);
      assert.deepEqual([read.body.activitiesCount, read.body.lastActivityOn, read.body.membersCount], [1, '2026-10-15', 14]);
      const updated = await focal.patch(`/api/outreach/peer-groups/${group.body.id}`, { membersCount: 16 });
      assert.equal(updated.body.membersCount, 16);
      assert.equal((await focal.patch(`/api/outreach/peer-groups/${group.body.id}`, { dissolvedOn: '2025-01-01' })).status, 400);
      const foreign = await focalB.post('/api/outreach/activities', { unitId: fx.communeB, heldOn: '2026-10-15', agency: 'Xã', channel: 'peer_group_activity', topic: 'Sinh hoạt', peerGroupId: group.body.id });
      assert.equal(foreign.status, 403, 'a group of another commune cannot be named');
      const photo = new FormData();
      photo.append('file', new Blob([new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3])]), 'sinh-hoat-nhom.jpg');
      const attached = await focal.request('POST', `/api/outreach/activities/${held.id}/files`, undefined, photo);
      assert.equal(attached.status, 200, JSON.stringify(attached.body));
      const fileId = attached.body.files[0].id;
      const renamed = new FormData();
      renamed.append('file', new Blob([new TextEncoder().encode('not a picture')]), 'anh.jpg');
      assert.equal((await focal.request('POST', `/api/outreach/activities/${held.id}/files`, undefined, renamed)).status, 415);
      const health = await new TestClient(get().app).login('yte');
      assert.equal((await health.get(`/api/files/${fileId}`)).status, 200);
      const team = await new TestClient(get().app).login('kiemtra');
      assert.equal((await team.get(`/api/files/${fileId}`)).status, 403, 'the inspection team has no outreach module');
    });

    test('an indicator naming an unknown channel or target group is refused when it is defined', async () => {
      const { fx } = get();
      const res = await admin.post('/api/plans', {
        unitId: fx.communeA, placeName: 'Tân An', subject: 'Thử tham số', periodFromYear: 2026, periodToYear: 2026,
        indicators: [{ name: 'Sai', shape: 'share_of_people_reached', numerator: { measure: 'outreach.reached', params: { targetGroup: 'cong_nhan' } }, denominator: { measure: 'denominator.industrial_workers' }, comparator: 'gte', unitLevel: 3, targets: [] }],
      });
      assert.equal(res.status, 400);
      assert.equal(res.body.error.fields[0].path, 'indicators.0.numerator.params');
      assert.match(res.body.error.fields[0].message, /targetGroup: cong_nhan/);
    });
  },
);
