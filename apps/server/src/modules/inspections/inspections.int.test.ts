import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import { describeEachDatabase } from '../../test-support/databases.js';
import { createTestApp, TestClient } from '../../test-support/http.js';
import { seedDemoFixture } from '../../test-support/fixtures.js';

describeEachDatabase(
  'inspections, violations, sanctions and the inspection priority',
  async (handle) => ({ fx: await seedDemoFixture(handle.db), app: createTestApp(handle.db) }),
  (get) => {
    let team: TestClient;
    const ids: Record<string, number> = {};
    before(async () => {
      team = await new TestClient(get().app).login('kiemtra');
      const add = async (name: string, extra: Record<string, unknown>) => {
        const res = await team.post('/api/establishments', { unitId: get().fx.groupA, address: `${name}, Tổ 1`, name, openedOn: '2024-01-01', ...extra });
        assert.equal(res.status, 201, JSON.stringify(res.body));
        ids[name] = res.body.id;
      };
      await add('Massage Hồng Nhung', { typeCode: 'massage', riskLevel: 'high', riskReason: 'Phòng kín', classifiedOn: '2026-01-05' });
      await add('Khách sạn Bình An', { typeCode: 'hotel', riskLevel: 'low', classifiedOn: '2026-01-05', commitmentSignedOn: '2026-01-10' });
      await add('Karaoke Mới Mở', { typeCode: 'karaoke' });
      await add('Nhà nghỉ Đã Đóng', { typeCode: 'guest_house', status: 'closed', closedOn: '2025-06-01' });
    });

    test('a thematic plan lists its establishments; a visit records counted people, violations and the sanction', async () => {
      const { fx } = get();
      const plan = await team.post('/api/inspection-plans', {
        unitId: fx.communeA, kind: 'thematic', title: 'Kiểm tra trước Tết Nguyên đán', startsOn: '2026-01-15', endsOn: '2026-02-10',
        team: [{ name: 'Đỗ Văn Tra', agency: 'Công an phường' }, { name: 'Vũ Thị Tế', agency: 'Trạm Y tế' }],
        establishmentIds: [ids['Massage Hồng Nhung'], ids['Khách sạn Bình An']],
      });
      assert.equal(plan.status, 201, JSON.stringify(plan.body));
      const visit = await team.post('/api/inspections', {
        establishmentId: ids['Massage Hồng Nhung'], inspectionPlanId: plan.body.id, kind: 'thematic', inspectedOn: '2026-01-20',
        checklist: [{ item: 'Giấy phép còn hạn', ok: true }, { item: 'Phòng có cửa kính nhìn từ ngoài', ok: false }],
        findings: 'Phòng xoa bóp khóa trong', peoplePresent: 4,
        violations: [{ code: 'closed_rooms', note: '3 phòng' }],
        sanction: { decisionNo: '05/QĐ-XPHC', decisionDate: '2026-01-25', issuer: 'Chủ tịch UBND phường', fineAmount: 15_000_000, additionalMeasures: 'Đình chỉ 1 tháng' },
      });
      assert.equal(visit.status, 201, JSON.stringify(visit.body));
      assert.equal(visit.body.peoplePresent, 4);
      assert.deepEqual(visit.body.violations.map((v: { code: string }) => v.code), ['closed_rooms']);
      assert.equal(visit.body.sanctions[0].fineAmount, 15_000_000);
      const progress = await team.get(`/api/inspection-plans/${plan.body.id}`);
      assert.deepEqual(progress.body.establishments.map((e: { name: string; inspected: boolean }) => `${e.name}:${e.inspected}`).sort(), ['Khách sạn Bình An:false', 'Massage Hồng Nhung:true']);
      const photo = new FormData();
      photo.append('file', new Blob([new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3])]), 'hien-truong.png');
      const attached = await team.request('POST', `/api/inspections/${visit.body.id}/files`, undefined, photo);
      assert.equal(attached.status, 200, JSON.stringify(attached.body));
      assert.deepEqual(attached.body.files.map((f: { name: string }) => f.name), ['hien-truong.png']);
      const followed = await team.patch(`/api/sanctions/${visit.body.sanctions[0].id}`, { followUp: 'Đã nộp phạt', followUpDoneOn: '2026-02-05' });
      assert.equal(followed.body.sanctions[0].followUpDoneOn, '2026-02-05');
    });

    test('violations come from the catalogue, which the administrator edits; a sanction needs a violation', async () => {
      const unknown = await team.post('/api/inspections', { establishmentId: ids['Khách sạn Bình An'], kind: 'periodic', inspectedOn: '2026-03-01', violations: [{ code: 'khong_co' }] });
      assert.equal(unknown.status, 400);
      assert.equal(unknown.body.error.fields[0].path, 'violations.0.code');
      const admin = await new TestClient(get().app).login('quantri');
      assert.equal((await admin.request('PUT', '/api/violation-types', { code: 'fake_id_check', name: 'Không kiểm tra giấy tờ tùy thân của khách', category: 'business_conditions', legalBasis: 'Nghị định 282/2025/NĐ-CP' })).status, 200);
      assert.equal((await team.request('PUT', '/api/violation-types', { code: 'x', name: 'x', category: 'other' })).status, 403);
      const ok = await team.post('/api/inspections', { establishmentId: ids['Khách sạn Bình An'], kind: 'periodic', inspectedOn: '2026-03-01', violations: [{ code: 'fake_id_check' }] });
      assert.equal(ok.status, 201);
      const sanctionAlone = await team.post('/api/inspections', {
        establishmentId: ids['Khách sạn Bình An'], kind: 'surprise', inspectedOn: '2026-04-01',
        sanction: { decisionNo: '1', decisionDate: '2026-04-01', issuer: 'UBND', fineAmount: 1 },
      });
      assert.equal(sanctionAlone.status, 400);
    });

    test('the measures count inspected, violating and sanctioned establishments; the seed indicator computes from them', async () => {
      const { fx, app } = get();
      const admin = await new TestClient(app).login('quantri');
      const plan = await admin.post('/api/plans', {
        unitId: fx.communeA, placeName: 'Tân An', subject: 'Thử chỉ tiêu kiểm tra', periodFromYear: 2026, periodToYear: 2026,
        indicators: [
          { name: '≥95% cơ sở được rà soát, phân loại và kiểm tra ít nhất một lần', shape: 'share_of_registry', numerator: { measure: 'establishments.inspected' }, denominator: { measure: 'establishments.active' }, comparator: 'gte', unitLevel: 3, targets: [{ periodKey: '2026', target: 95 }] },
          { name: 'Cơ sở vi phạm', shape: 'manual', numerator: { measure: 'establishments.with_violations' }, comparator: 'lte', unitLevel: 3, targets: [] },
          { name: 'Cơ sở bị xử phạt', shape: 'manual', numerator: { measure: 'establishments.sanctioned' }, comparator: 'lte', unitLevel: 3, targets: [] },
        ],
      });
      assert.equal(plan.status, 201, JSON.stringify(plan.body));
      const rows = (await admin.get(`/api/plans/${plan.body.id}/board?periodKey=2026`)).body.rows;
      // Three establishments are open in 2026 (the guest house closed in 2025); two were inspected; both had violations; one was sanctioned.
      assert.deepEqual([rows[0].current.numerator, rows[0].current.denominator, rows[0].current.value, rows[0].current.status], [2, 3, 66.67, 'behind']);
      assert.equal(rows[1].current.value, 2);
      assert.equal(rows[2].current.value, 1);
    });

    test('the priority list ranks by a readable score whose weights are configuration', async () => {
      const list = await team.get('/api/inspection-priority');
      assert.equal(list.status, 200);
      const names = list.body.items.map((i: { name: string }) => i.name);
      assert.ok(!names.includes('Nhà nghỉ Đã Đóng'), 'closed establishments are not inspected');
      const newKaraoke = list.body.items.find((i: { name: string }) => i.name === 'Karaoke Mới Mở');
      const factors = Object.fromEntries(newKaraoke.factors.map((f: { factor: string; points: number }) => [f.factor, f.points]));
      assert.deepEqual(factors, { type: 20, unclassified: 10, neverInspected: 30, noCommitment: 15 });
      assert.equal(newKaraoke.score, 75);
      for (const item of list.body.items)
        assert.equal(item.score, Math.round(item.factors.reduce((sum: number, f: { points: number }) => sum + f.points, 0) * 10) / 10, 'the score is the sum of its factors');
      const scores = list.body.items.map((i: { score: number }) => i.score);
      assert.deepEqual(scores, [...scores].sort((a, b) => b - a), 'highest score first');
      const massage = list.body.items.find((i: { name: string }) => i.name === 'Massage Hồng Nhung');
      assert.ok(massage.factors.some((f: { factor: string }) => f.factor === 'sinceInspection'));
      assert.equal(massage.lastInspectedOn, '2026-01-20');
      const admin = await new TestClient(get().app).login('quantri');
      const weights = (await admin.get('/api/risk-weights')).body;
      assert.equal((await admin.request('PUT', '/api/risk-weights', { ...weights, neverInspected: 0, unclassified: 0, noCommitment: 0, perPastViolation: 100 })).status, 200);
      const reranked = await team.get('/api/inspection-priority');
      assert.equal(reranked.body.items[0].name, 'Massage Hồng Nhung', 'past violations now weigh most');
      assert.ok(reranked.body.items[0].factors.some((f: { factor: string; label: string }) => f.factor === 'pastViolations' && f.label === '1 lần vi phạm trước đây'));
    });
  },
);
