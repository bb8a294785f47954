import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import ExcelJS from 'exceljs';
import { sql } from 'kysely';
import { ensureCountryRoot, systemContext } from '../../demo/demo-data.js';
import { describeEachDatabase } from '../../test-support/databases.js';
import { readDocx } from '../../test-support/docx.js';
import { createTestUser, seedDemoFixture } from '../../test-support/fixtures.js';
import { createTestApp, TestClient } from '../../test-support/http.js';
import { createTestEstablishment, createTestManualMeasure, createTestPlan, receiveTestTips } from '../../test-support/plan-fixtures.js';
import { enterManualValue, setDenominator } from '../indicators/indicators.service.js';

const SUPPORT = 'manual.sex_workers_supported_fixture';
const PERIOD = '2026H1';

/** Three indicators: establishments inspected, tips handled in time, and people supported (a small, sensitive count). */
const provinceIndicators = [
  { name: '100% cơ sở được kiểm tra', shape: 'share_of_registry', numerator: { measure: 'establishments.inspected' }, denominator: { measure: 'establishments.active' }, comparator: 'gte', unitLevel: 3, targets: [{ periodKey: '2026', target: 100 }] },
  { name: '100% tin được xử lý kịp thời', shape: 'share_of_records', numerator: { measure: 'tips.handled_on_time' }, denominator: { measure: 'tips.received' }, comparator: 'gte', unitLevel: 3, targets: [{ periodKey: '2026', target: 100 }] },
  { name: 'Trên 70% người bán dâm có nhu cầu được hỗ trợ', shape: 'share_served', numerator: { measure: SUPPORT }, denominator: { measure: 'denominator.sex_workers_with_needs' }, comparator: 'gt', unitLevel: 3, targets: [{ periodKey: '2026', target: 70 }] },
] as const;

/** Registry records of one commune in the first half of 2026: `inspected` of `establishments` visited, `handled` of `tips` settled on time. */
async function commune(police: TestClient, db: Parameters<typeof createTestEstablishment>[0], groupId: number, counts: { establishments: number; inspected: number; tips: number; handled: number }) {
  const establishments = [];
  for (let i = 0; i < counts.establishments; i++) establishments.push((await createTestEstablishment(db, groupId, `Nhà nghỉ Thử ${groupId}-${i}`)).id);
  for (const id of establishments.slice(0, counts.inspected))
    assert.equal((await police.post('/api/inspections', { establishmentId: id, kind: 'periodic', inspectedOn: '2026-03-10', peoplePresent: 1 })).status, 201);
  await receiveTestTips(police, groupId, { received: counts.tips, handledOnTime: counts.handled });
  return establishments;
}

describeEachDatabase(
  'reports: build, freeze, sign, send up and consolidate',
  async (handle) => {
    const db = handle.db;
    const fx = await seedDemoFixture(db);
    const ctx = systemContext(db, await ensureCountryRoot(db));
    await createTestManualMeasure(db, SUPPORT, fx.provinceId);
    const province = await createTestPlan(db, { unitId: fx.provinceId, numberSymbol: '15/KH-UBND', subject: 'Phòng, chống mại dâm năm 2026', indicators: [...provinceIndicators] as never, tasks: [] });
    await enterManualValue(ctx, { measureKey: SUPPORT, unitId: fx.communeA, periodStart: '2026-01-01', periodEnd: '2026-02-01', value: 3 });
    await setDenominator(ctx, { groupKey: 'sex_workers_with_needs', unitId: fx.communeA, year: 2026, value: 4 });
    const leaderB = await createTestUser(db, 'leader', fx.communeB);
    const policeB = await createTestUser(db, 'police', fx.communeB);
    return { fx, province, leaderB, policeB, app: createTestApp(db) };
  },
  (get) => {
    let focalA: TestClient, leaderA: TestClient, policeA: TestClient, health: TestClient;
    let planA: number, planB: number, reportA: number, establishmentsA: number[];
    before(async () => {
      const { app, fx, province, leaderB, policeB } = get();
      [focalA, leaderA, policeA, health] = await Promise.all(['daumoi', 'lanhdao', 'congan', 'soyte'].map((u) => new TestClient(app).login(u)));
      planA = (await focalA.post(`/api/plans/${province.id}/derive`, { unitId: fx.communeA, placeName: 'Tân An' })).body.id;
      assert.equal((await focalA.patch(`/api/plans/${planA}`, { numberSymbol: '20/KH-UBND' })).status, 200);
      const focalB = await new TestClient(app).login('daumoi.bm');
      planB = (await focalB.post(`/api/plans/${province.id}/derive`, { unitId: fx.communeB, placeName: 'Bình Minh' })).body.id;
      establishmentsA = await commune(policeA, get().handle.db, fx.groupA, { establishments: 2, inspected: 1, tips: 2, handled: 1 });
      await commune(await new TestClient(app).login(policeB.username), get().handle.db, fx.groupB, { establishments: 1, inspected: 1, tips: 1, handled: 1 });
      // Commune B sent its report in June, before the province's due date of 20/06.
      const reportB = (await focalB.post('/api/reports', { planId: planB, periodKey: PERIOD })).body.id;
      assert.equal((await focalB.post(`/api/reports/${reportB}/submit`)).status, 200);
      const signerB = await new TestClient(app).login(leaderB.username);
      assert.equal((await signerB.post(`/api/reports/${reportB}/approve`, { signerName: 'Lê Văn Bình', signerTitle: 'CHỦ TỊCH' })).status, 200);
      await sql`update reports set sent_at = '2026-06-18T09:00:00+07:00' where id = ${reportB}`.execute(get().handle.db);
    });

    test('a commune’s 6-month report is built from live data, with a narrative drafted from its numbers', async () => {
      const created = await focalA.post('/api/reports', { planId: planA, periodKey: PERIOD });
      assert.equal(created.status, 201, JSON.stringify(created.body));
      reportA = created.body.id;
      const values = created.body.content.indicators.map((r: { numerator: number; denominator: number; value: number; status: string }) => [r.numerator, r.denominator, r.value, r.status]);
      assert.deepEqual(values, [[1, 2, 50, 'behind'], [1, 2, 50, 'behind'], [3, 4, 75, 'met']]);
      assert.equal(created.body.smallCountsHidden, false, 'the commune sees its own exact figures');
      assert.equal(created.body.dueOn, '2026-06-20');
      assert.match(created.body.narrative.results, /đạt 1\/3 chỉ tiêu/);
      assert.match(created.body.narrative.limits, /100% cơ sở được kiểm tra/);
      const tipsReceived = created.body.content.statistics.find((s: { key: string }) => s.key === 'tips.received');
      assert.equal(tipsReceived.value, 2);
      assert.equal((await focalA.post('/api/reports', { planId: planA, periodKey: PERIOD })).body.error.code, 'REPORT_EXISTS');
      assert.equal((await policeA.post('/api/reports', { planId: planA, periodKey: '2026' })).status, 403, 'police do not write reports');
    });

    test('submitted, signed by the leader, then later edits to records move the board but not the report', async () => {
      const narrative = { results: 'Kết quả: đã kiểm tra cơ sở trọng điểm.', limits: 'Còn một cơ sở chưa kiểm tra.', proposals: 'Đề nghị tập huấn thêm.' };
      assert.equal((await focalA.patch(`/api/reports/${reportA}`, { narrative, numberSymbol: '45/BC-UBND' })).status, 200);
      assert.equal((await leaderA.post(`/api/reports/${reportA}/approve`, { signerName: 'Nguyễn Văn An', signerTitle: 'CHỦ TỊCH' })).body.error.code, 'REPORT_INVALID_STEP', 'a draft is not signed');
      const submitted = await focalA.post(`/api/reports/${reportA}/submit`);
      assert.equal(submitted.body.status, 'submitted');
      assert.equal(submitted.body.frozen, true);
      assert.equal((await focalA.patch(`/api/reports/${reportA}`, { numberSymbol: '46/BC-UBND' })).body.error.code, 'REPORT_INVALID_STEP');
      const approved = await leaderA.post(`/api/reports/${reportA}/approve`, { signerName: 'Nguyễn Văn An', signerTitle: 'PHÓ CHỦ TỊCH', signingMode: 'KT' });
      assert.equal(approved.status, 200, JSON.stringify(approved.body));
      assert.equal(approved.body.status, 'approved');
      assert.ok(approved.body.sentAt);

      assert.equal((await policeA.post('/api/inspections', { establishmentId: establishmentsA[1], kind: 'surprise', inspectedOn: '2026-04-02', peoplePresent: 0 })).status, 201);
      const board = await focalA.get(`/api/plans/${planA}/board?periodKey=${PERIOD}`);
      assert.equal(board.body.rows[0].current.value, 100, 'the live board counts the new inspection');
      const report = await focalA.get(`/api/reports/${reportA}`);
      assert.equal(report.body.content.indicators[0].value, 50, 'the sent report keeps the numbers it was submitted with');

      const audit = await get().handle.db.selectFrom('audit_log').select(['action', 'after']).where('entity', '=', 'report').where('entity_id', '=', String(reportA)).orderBy('id').execute();
      assert.deepEqual(audit.map((a) => (a.after as { status?: string }).status ?? a.action), ['create', 'update', 'submitted', 'approved']);
    });

    test('the Word report reads back with its title, indicator table and signature; the spreadsheet has the same numbers', async () => {
      const docx = await readDocx(await focalA.request<Buffer>('GET', `/api/reports/${reportA}/document`));
      const texts = docx.paragraphs.map((p) => p.text);
      for (const line of ['BÁO CÁO', 'Kết quả thực hiện Kế hoạch số 20/KH-UBND 6 tháng đầu năm 2026', 'Số: 45/BC-UBND', 'KT. CHỦ TỊCH', 'PHÓ CHỦ TỊCH', 'Nguyễn Văn An', 'Kết quả: đã kiểm tra cơ sở trọng điểm.'])
        assert.ok(texts.includes(line), `${line} is in the document`);
      const indicatorRows = docx.rows.filter((r) => r.length === 7);
      assert.deepEqual(indicatorRows[0], ['TT', 'Chỉ tiêu', 'Chỉ tiêu giao', 'Tử số', 'Mẫu số', 'Kết quả', 'Đánh giá']);
      assert.deepEqual(indicatorRows[1], ['1', '100% cơ sở được kiểm tra', '100%', '1', '2', '50%', 'Chưa đạt']);
      assert.deepEqual(indicatorRows[3].slice(3), ['<5', '<5', '<5', 'Đạt'], 'the document goes above the commune: small support counts are hidden');

      const xlsx = await focalA.request<Buffer>('GET', `/api/reports/${reportA}/annex`);
      assert.equal(xlsx.status, 200);
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(xlsx.body as never);
      const sheet = workbook.getWorksheet('Chỉ tiêu')!;
      assert.deepEqual((sheet.getRow(3).values as unknown[]).slice(1), ['TT', 'Chỉ tiêu', 'Chỉ tiêu giao', 'Tử số', 'Mẫu số', 'Kết quả', 'Đánh giá']);
      assert.deepEqual((sheet.getRow(4).values as unknown[]).slice(1), [1, '100% cơ sở được kiểm tra', 100, 1, 2, 50, 'Chưa đạt']);
      assert.deepEqual((sheet.getRow(5).values as unknown[]).slice(4, 7), [1, 2, 50]);
      const stats = workbook.getWorksheet('Số liệu')!;
      const received = stats.getSheetValues().find((row) => Array.isArray(row) && row[2] === 'Tin tố giác, tin báo tiếp nhận') as unknown[];
      assert.equal(received[3], 2);
    });

    test('the province sees one commune on time, one late, one not started, and consolidates the sent snapshots', async () => {
      const { province, fx } = get();
      // Commune A's report was sent today, after the due date of 20/06/2026.
      const overview = await health.get(`/api/report-overview?planId=${province.id}&periodKey=${PERIOD}`);
      assert.equal(overview.status, 200, JSON.stringify(overview.body));
      const byName = Object.fromEntries(overview.body.units.map((u: { unitName: string; timeliness: string }) => [u.unitName, u.timeliness]));
      assert.deepEqual(byName, { 'Phường Hòa Bình': 'not_started', 'Phường Tân An': 'late', 'Xã Bình Minh': 'on_time' });

      const fromA = await health.get(`/api/reports/${reportA}`);
      assert.equal(fromA.body.smallCountsHidden, true);
      assert.deepEqual([fromA.body.content.indicators[2].numerator, fromA.body.content.indicators[2].value], [null, null], 'the province sees "<5", not 3 people');

      const consolidated = await health.post('/api/reports', { planId: province.id, periodKey: PERIOD, kind: 'consolidated' });
      assert.equal(consolidated.status, 201, JSON.stringify(consolidated.body));
      const [inspected, tips] = consolidated.body.content.indicators;
      assert.deepEqual([inspected.numerator, inspected.denominator, inspected.value], [2, 3, 66.67], 'A’s frozen 1 of 2 plus B’s 1 of 1, not A’s live 2');
      assert.deepEqual([tips.numerator, tips.denominator, tips.value], [2, 3, 66.67]);
      assert.deepEqual(consolidated.body.content.sources.map((s: { unitId: number }) => s.unitId).sort(), [fx.communeA, fx.communeB].sort());
      const docx = await readDocx(await health.request<Buffer>('GET', `/api/reports/${consolidated.body.id}/document`));
      assert.ok(docx.paragraphs.some((p) => p.text === 'Tổng hợp kết quả thực hiện Kế hoạch số 15/KH-UBND 6 tháng đầu năm 2026'));
      assert.deepEqual(docx.rows.find((r) => r[1] === '100% cơ sở được kiểm tra')?.slice(3, 6), ['2', '3', '66,67%']);
    });

    test('the province exports the indicator values to DHIS2 and returns a report with comments', async () => {
      const { fx } = get();
      const report = (await health.get(`/api/reports/${reportA}`)).body;
      const mapping = { indicators: report.content.indicators.slice(0, 2).map((r: { indicatorId: number }, i: number) => ({ indicatorId: r.indicatorId, dataElement: `PCMD_IND_${i + 1}` })), units: [{ unitId: fx.communeA, orgUnit: 'OU_TANAN' }] };
      assert.equal((await health.put('/api/dhis2-mapping', mapping)).status, 200);
      const set = await health.get(`/api/reports/${reportA}/dhis2`);
      assert.deepEqual(set.body.dataValues, [
        { dataElement: 'PCMD_IND_1', period: '2026S1', orgUnit: 'OU_TANAN', value: '50' },
        { dataElement: 'PCMD_IND_2', period: '2026S1', orgUnit: 'OU_TANAN', value: '50' },
      ]);
      assert.deepEqual(set.body.unmapped, ['Trên 70% người bán dâm có nhu cầu được hỗ trợ']);

      assert.equal((await leaderA.post(`/api/reports/${reportA}/receive`)).status, 403, 'a unit does not receive its own report');
      assert.equal((await health.post(`/api/reports/${reportA}/receive`)).body.status, 'received');
      const returned = await health.post(`/api/reports/${reportA}/return`, { comment: 'Bổ sung số liệu kiểm tra quý II.' });
      assert.equal(returned.body.status, 'returned');
      assert.equal(returned.body.frozen, false);
      const live = await focalA.get(`/api/reports/${reportA}`);
      assert.equal(live.body.returnComment, 'Bổ sung số liệu kiểm tra quý II.');
      assert.equal(live.body.content.indicators[0].value, 100, 'a returned report is live again until it is submitted anew');
    });
  },
);
