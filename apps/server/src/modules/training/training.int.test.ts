import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import { describeEachDatabase } from '../../test-support/databases.js';
import { createTestApp, TestClient } from '../../test-support/http.js';
import { seedDemoFixture } from '../../test-support/fixtures.js';
import { binhLuPlan, tanHungPlan } from '../../demo/seed-plans.js';

type Value = { numerator: number; denominator: number | null; value: number | null; status: string };

describeEachDatabase(
  'training: the roster, courses, attendance, certificates and the share of staff trained',
  async (handle) => ({ fx: await seedDemoFixture(handle.db), app: createTestApp(handle.db) }),
  (get) => {
    let focal: TestClient;
    let focalB: TestClient;
    let admin: TestClient;
    const team: number[] = [];
    let outsider: number;
    let groupMember: number;
    before(async () => {
      focal = await new TestClient(get().app).login('daumoi');
      focalB = await new TestClient(get().app).login('daumoi.bm');
      admin = await new TestClient(get().app).login('quantri');
    });

    const person = async (client: TestClient, body: Record<string, unknown>) => {
      const res = await client.post('/api/training/people', { agency: 'UBND phường', kind: 'official', joinedOn: '2025-07-01', ...body });
      assert.equal(res.status, 201, JSON.stringify(res.body));
      return res.body.id as number;
    };
    const course = async (client: TestClient, unitId: number, startsOn: string, endsOn: string, attendees: { personId: number; completed?: boolean }[]) => {
      const created = await client.post('/api/training/courses', { unitId, title: 'Tập huấn kỹ năng quản lý địa bàn', organiser: 'Phòng Văn hóa - Xã hội', level: 'commune', startsOn, endsOn, topics: ['Quản lý địa bàn', 'Hỗ trợ giảm hại'] });
      assert.equal(created.status, 201, JSON.stringify(created.body));
      const set = await client.put(`/api/training/courses/${created.body.id}/attendance`, { attendees });
      assert.equal(set.status, 200, JSON.stringify(set.body));
      return created.body.id as number;
    };

    test('“≥60% of the ward’s team trained” computes exactly: people on the roster today, trained in the period, each once', async () => {
      const { fx } = get();
      // Ten people on the ward's roster today, one of them in a residential group; one left in October; one starts next year.
      for (let i = 1; i <= 9; i++) team.push(await person(focal, { unitId: fx.communeA, fullName: `Cán bộ phường ${i}`, kind: i === 9 ? 'police' : 'official' }));
      groupMember = await person(focal, { unitId: fx.groupA, fullName: 'Cộng tác viên tổ 1', kind: 'collaborator', agency: 'Tổ dân phố 1' });
      team.push(groupMember);
      const left = await person(focal, { unitId: fx.communeA, fullName: 'Cán bộ đã chuyển công tác', leftOn: '2026-10-01' });
      await person(focal, { unitId: fx.communeA, fullName: 'Cán bộ sẽ nhận nhiệm vụ', joinedOn: '2027-01-15' });
      outsider = await person(focalB, { unitId: fx.communeB, fullName: 'Công chức xã Bình Minh' });
      // In the period (from 15/12/2025): team 0–3 and the one who left; then 3 again, 4, the group member; 5 did not complete.
      await course(focal, fx.communeA, '2026-03-09', '2026-03-10', [...[0, 1, 2, 3].map((i) => ({ personId: team[i] })), { personId: left }]);
      await course(focal, fx.communeA, '2026-09-21', '2026-09-22', [{ personId: team[3] }, { personId: team[4] }, { personId: groupMember }, { personId: team[5], completed: false }]);
      // Before the period: team 6 was trained in 2025 only.
      await course(focal, fx.communeA, '2025-11-03', '2025-11-04', [{ personId: team[6] }]);
      await course(focalB, fx.communeB, '2026-05-05', '2026-05-05', [{ personId: outsider }]);

      const plan = await admin.post('/api/plans', tanHungPlan(fx.communeA));
      assert.equal(plan.status, 201, JSON.stringify(plan.body));
      const rows = (await admin.get(`/api/plans/${plan.body.id}/board?periodKey=2026-2030`)).body.rows as { name: string; current: Value }[];
      const trained = rows[6];
      assert.match(trained.name, /60% đội ngũ/);
      assert.deepEqual([trained.current.numerator, trained.current.denominator, trained.current.value, trained.current.status], [6, 10, 60, 'met']);

      const measures = await admin.post('/api/plans', {
        unitId: fx.communeA, placeName: 'Tân An', subject: 'Thử chỉ số đo tập huấn', periodFromYear: 2026, periodToYear: 2026,
        indicators: [
          { name: 'Đã từng được tập huấn', shape: 'share_trained', numerator: { measure: 'training.trained_ever' }, denominator: { measure: 'training.roster' }, comparator: 'gte', unitLevel: 3, targets: [] },
          { name: 'Công chức được tập huấn trong năm', shape: 'share_trained', numerator: { measure: 'training.trained', params: { kind: 'official' } }, denominator: { measure: 'training.roster', params: { kind: 'official' } }, comparator: 'gte', unitLevel: 3, targets: [] },
        ],
      });
      assert.equal(measures.status, 201, JSON.stringify(measures.body));
      const [ever, officials] = (await admin.get(`/api/plans/${measures.body.id}/board?periodKey=2026`)).body.rows as { current: Value }[];
      assert.deepEqual([ever.current.numerator, ever.current.denominator], [7, 10], 'the 2025 course counts for “ever”');
      assert.deepEqual([officials.current.numerator, officials.current.denominator], [5, 8], 'officials only: not the police officer, not the collaborator');
    });

    test('the Bình Lư indicator “100% of commune officials trained” counts officials only', async () => {
      const { fx } = get();
      const plan = await admin.post('/api/plans', binhLuPlan(fx.communeB));
      assert.equal(plan.status, 201, JSON.stringify(plan.body));
      const row = ((await admin.get(`/api/plans/${plan.body.id}/board?periodKey=2026-2030`)).body.rows as { current: Value }[])[6];
      assert.deepEqual([row.current.numerator, row.current.denominator, row.current.value, row.current.status], [1, 1, 100, 'met']);
    });

    test('attendance of a person outside the user’s area is refused; a province course keeps each commune’s people apart', async () => {
      const { fx } = get();
      const own = await course(focal, fx.communeA, '2026-10-05', '2026-10-05', [{ personId: team[0] }]);
      const refused = await focal.put(`/api/training/courses/${own}/attendance`, { attendees: [{ personId: team[1] }, { personId: outsider }] });
      assert.equal(refused.status, 403, JSON.stringify(refused.body));
      assert.equal(refused.body.error.code, 'OUT_OF_SCOPE');
      assert.equal(refused.body.error.fields[0].path, 'attendees.1.personId');
      const unchanged = await focal.get(`/api/training/courses/${own}`);
      assert.deepEqual(unchanged.body.attendees.map((a: { personId: number }) => a.personId), [team[0]], 'nothing was written');
      const unknown = await focal.put(`/api/training/courses/${own}/attendance`, { attendees: [{ personId: 999_999 }] });
      assert.equal(unknown.status, 400);
      assert.equal(unknown.body.error.fields[0].path, 'attendees.0.personId');
      const twice = await focal.put(`/api/training/courses/${own}/attendance`, { attendees: [{ personId: team[0] }, { personId: team[0] }] });
      assert.equal(twice.status, 400);
      assert.equal((await focalB.put(`/api/training/courses/${own}/attendance`, { attendees: [{ personId: outsider }] })).status, 403, 'a course of another commune');

      // The province records a course attended by both communes; each commune sees and changes only its own people.
      const provincial = await new TestClient(get().app).login('soyte');
      const shared = await course(provincial, fx.provinceId, '2026-11-10', '2026-11-11', [{ personId: team[7] }, { personId: outsider }]);
      assert.equal((await focal.get(`/api/training/courses/${shared}`)).status, 403, 'the course belongs to the province');
      const asProvince = await provincial.get(`/api/training/courses/${shared}`);
      assert.deepEqual(asProvince.body.attendees.map((a: { personId: number }) => a.personId).sort(), [team[7], outsider].sort());
      assert.deepEqual([asProvince.body.attendeesCount, asProvince.body.completedCount], [2, 2]);
      const roster = await focal.get(`/api/training/people?unitId=${fx.communeA}&pageSize=200`);
      assert.equal(roster.body.items.find((p: { id: number }) => p.id === team[7]).lastTrainedOn, '2026-11-11');
      assert.ok(!roster.body.items.some((p: { id: number }) => p.id === outsider));
    });

    test('certificates are files of an attendee, read under the training module’s rules', async () => {
      const { fx } = get();
      const id = await course(focal, fx.communeA, '2026-10-20', '2026-10-21', [{ personId: team[2] }]);
      const upload = (personId: number, bytes: Uint8Array<ArrayBuffer>, name: string) => {
        const form = new FormData();
        form.append('personId', String(personId));
        form.append('file', new Blob([bytes]), name);
        return focal.request('POST', `/api/training/courses/${id}/certificates`, undefined, form);
      };
      const pdf = new TextEncoder().encode('%PDF-1.4\n% giấy chứng nhận\n');
      const ok = await upload(team[2], pdf, 'chung-nhan.pdf');
      assert.equal(ok.status, 200, JSON.stringify(ok.body));
      const certificate = ok.body.attendees.find((a: { personId: number }) => a.personId === team[2]).certificate;
      assert.equal(certificate.name, 'chung-nhan.pdf');
      assert.equal((await upload(team[3], pdf, 'chung-nhan.pdf')).status, 400, 'not an attendee of this course');
      assert.equal((await upload(team[2], new TextEncoder().encode('MZ'), 'chung-nhan.pdf')).status, 415);
      const police = await new TestClient(get().app).login('congan');
      assert.equal((await police.get(`/api/files/${certificate.fileId}`)).status, 200);
      const village = await new TestClient(get().app).login('totruong');
      assert.equal((await village.get(`/api/files/${certificate.fileId}`)).status, 403, 'village heads have no training module');
    });

    test('taking someone off the roster keeps their training; roles and areas are enforced', async () => {
      const { fx } = get();
      const moved = await focal.patch(`/api/training/people/${team[1]}`, { leftOn: '2026-11-30' });
      assert.equal(moved.status, 200, JSON.stringify(moved.body));
      assert.equal(moved.body.coursesCompleted, 1);
      const current = await focal.get(`/api/training/people?unitId=${fx.communeA}&pageSize=200`);
      assert.ok(!current.body.items.some((p: { id: number }) => p.id === team[1]), 'off the roster today');
      const all = await focal.get(`/api/training/people?unitId=${fx.communeA}&current=false&pageSize=200`);
      assert.ok(all.body.items.some((p: { id: number }) => p.id === team[1]));
      assert.equal((await focal.patch(`/api/training/people/${team[1]}`, { leftOn: '2025-01-01' })).status, 400, 'leaving before joining');
      const police = await new TestClient(get().app).login('congan');
      assert.equal((await police.get('/api/training/courses')).status, 200);
      assert.equal((await police.post('/api/training/people', { unitId: fx.communeA, fullName: 'Chiến sĩ', kind: 'police', agency: 'Công an phường', joinedOn: '2026-01-01' })).status, 403);
      const village = await new TestClient(get().app).login('totruong');
      assert.equal((await village.get('/api/training/people')).status, 403);
      assert.equal((await focal.get(`/api/training/people/${team[0]}`)).status, 404, 'no such route: a person is read from the list');
      assert.equal((await focal.patch(`/api/training/people/${outsider}`, { position: 'Sửa trái phép' })).status, 403);
      assert.equal((await focal.get(`/api/training/people?unitId=${fx.communeB}`)).status, 403);
      const audit = await admin.get(`/api/audit?entity=training_attendance&unitId=${fx.communeA}&pageSize=200`);
      assert.ok(audit.body.items.length >= 4, 'every attendance change is audited');
    });
  },
);
