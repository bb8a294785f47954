import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import { sql } from 'kysely';
import sharp from 'sharp';
import exifr from 'exifr';
import { ProofOfWork } from '../../lib/public-guard.js';
import { describeEachDatabase } from '../../test-support/databases.js';
import { createTestApp, TestClient } from '../../test-support/http.js';
import { createTestUser, seedDemoFixture } from '../../test-support/fixtures.js';

const CITIZEN_IP = '203.0.113.77';

/** A citizen's browser: no account, one address, solving the proof of work as the page does. */
class Citizen extends TestClient {
  constructor(app: ConstructorParameters<typeof TestClient>[0], readonly address: string) {
    super(app);
  }
  override request<T = any>(method: string, path: string, body?: unknown, rawBody?: string | FormData) {
    const original = this.app.request.bind(this.app);
    this.app.request = ((input: string, init?: RequestInit) =>
      original(input, { ...init, headers: { ...(init?.headers as Record<string, string>), 'x-forwarded-for': this.address } })) as typeof this.app.request;
    try {
      return super.request<T>(method, path, body, rawBody);
    } finally {
      this.app.request = original;
    }
  }
  async submit(body: Record<string, unknown>) {
    const { challenge, difficulty } = (await this.get('/api/public/challenge')).body;
    return this.post('/api/public/tips', { ...body, proof: { challenge, nonce: ProofOfWork.solve(challenge, difficulty) } });
  }
}

describeEachDatabase(
  'tips: the legal clock, the public portal, the reporter’s identity',
  async (handle) => ({ fx: await seedDemoFixture(handle.db), app: createTestApp(handle.db) }),
  (get) => {
    let police: TestClient;
    before(async () => {
      police = await new TestClient(get().app).login('congan');
    });

    const act = (id: number, body: Record<string, unknown>) => police.post(`/api/tips/${id}/actions`, body);
    const intake = async (receivedAt: string, extra: Record<string, unknown> = {}) => {
      const res = await police.post('/api/tips', { unitId: get().fx.groupA, category: 'brokering', channel: 'hotline', description: 'Có người môi giới tại khu trọ.', receivedAt, ...extra });
      assert.equal(res.status, 201, JSON.stringify(res.body));
      return res.body.id as number;
    };
    /** Through every step to "handled" on a day; crime reports have 20 days, extendable by 60. */
    const handle = async (id: number, handledOn: string, extend = false) => {
      assert.equal((await act(id, { action: 'verify' })).status, 200);
      assert.equal((await act(id, { action: 'classify', category: 'brokering', kind: 'crime_report', priority: 'normal' })).status, 200);
      assert.equal((await act(id, { action: 'assign', agency: 'Công an phường' })).status, 200);
      if (extend) assert.equal((await act(id, { action: 'extend', reason: 'Vụ việc phức tạp, cần xác minh thêm' })).status, 200);
      const res = await act(id, { action: 'handle', result: 'confirmed_acted', handledOn, note: 'Đã kiểm tra, lập biên bản' });
      assert.equal(res.status, 200, JSON.stringify(res.body));
      return res.body;
    };

    test('the indicator “100% of tips handled in time” counts on-time, late, extended and open tips by the period they were received in', async () => {
      const { fx, app } = get();
      const onTime = await handle(await intake('2026-03-01T09:00:00+07:00'), '2026-03-15');
      assert.equal(onTime.deadline, '2026-03-21');
      const late = await handle(await intake('2026-03-01T10:00:00+07:00'), '2026-04-10');
      assert.equal(late.overdue, true);
      const extended = await handle(await intake('2026-02-01T08:00:00+07:00'), '2026-03-20', true);
      assert.equal(extended.deadline, '2026-04-22');
      assert.equal(extended.extensions, 1);
      const open = await intake('2026-06-01T08:00:00+07:00');
      assert.equal((await police.get(`/api/tips/${open}`)).body.overdue, true, 'still open long after the provisional deadline');
      await handle(await intake('2025-12-16T08:00:00+07:00'), '2026-01-02');
      await handle(await intake('2025-12-10T08:00:00+07:00'), '2025-12-20');

      const admin = await new TestClient(app).login('quantri');
      const plan = await admin.post('/api/plans', {
        unitId: fx.communeA, placeName: 'Tân An', subject: 'Thử chỉ tiêu tin báo', periodFromYear: 2025, periodToYear: 2026,
        indicators: [
          { name: '100% tin tố giác, tin báo được xử lý kịp thời', shape: 'share_of_records', numerator: { measure: 'tips.handled_on_time' }, denominator: { measure: 'tips.received' }, comparator: 'gte', unitLevel: 3, targets: [{ periodKey: '2026', target: 100 }, { periodKey: '2025', target: 100 }] },
          { name: 'Tin quá hạn', shape: 'manual', numerator: { measure: 'tips.overdue' }, comparator: 'lte', unitLevel: 3, targets: [{ periodKey: '2026', target: 0 }] },
          { name: 'Tin tố giác tội phạm', shape: 'manual', numerator: { measure: 'tips.received', params: { kind: 'crime_report' } }, comparator: 'gte', unitLevel: 3, targets: [] },
        ],
      });
      assert.equal(plan.status, 201, JSON.stringify(plan.body));
      const y2026 = (await admin.get(`/api/plans/${plan.body.id}/board?periodKey=2026`)).body.rows;
      // Received in the 2026 period (from 15/12/2025): 01/02, 01/03 ×2, 01/06, 16/12/2025. On time: 15/03, the extended one, 02/01.
      assert.deepEqual([y2026[0].current.numerator, y2026[0].current.denominator, y2026[0].current.value, y2026[0].current.status], [3, 5, 60, 'behind']);
      assert.equal(y2026[1].current.value, 2, 'the late one and the open one past its deadline');
      assert.equal(y2026[2].current.value, 4, 'four of them were classified as crime reports');
      const y2025 = (await admin.get(`/api/plans/${plan.body.id}/board?periodKey=2025`)).body.rows;
      assert.deepEqual([y2025[0].current.numerator, y2025[0].current.denominator, y2025[0].current.status], [1, 1, 'met']);
    });

    test('a tip about an establishment raises it in the inspection priority', async () => {
      const created = await police.post('/api/establishments', { unitId: get().fx.groupA, name: 'Massage Tin Báo', typeCode: 'massage', address: 'Số 3, Tổ 1', openedOn: '2025-01-01' });
      const factorsOf = async () =>
        (await police.get('/api/inspection-priority?limit=500')).body.items.find((i: { establishmentId: number }) => i.establishmentId === created.body.id).factors as { factor: string; points: number }[];
      assert.ok(!(await factorsOf()).some((f) => f.factor === 'linkedTips'));
      await intake('2026-11-10T08:00:00+07:00', { establishmentId: created.body.id });
      assert.deepEqual((await factorsOf()).find((f) => f.factor === 'linkedTips'), { factor: 'linkedTips', label: '1 tin tố giác liên quan', points: 8 });
    });

    test('each step is timed and in order; an extension beyond the rule is refused', async () => {
      const id = await intake('2026-10-01T08:00:00+07:00');
      assert.equal((await act(id, { action: 'handle', result: 'not_confirmed', note: 'x' })).status, 409, 'cannot handle before it is assigned');
      await act(id, { action: 'classify', category: 'other', kind: 'denunciation', priority: 'high' });
      await act(id, { action: 'assign', agency: 'Công an phường' });
      assert.equal((await act(id, { action: 'extend', reason: 'Cần thêm thời gian xác minh' })).status, 200);
      const again = await act(id, { action: 'extend', reason: 'Cần thêm thời gian xác minh' });
      assert.equal(again.status, 400);
      assert.match(again.body.error.fields[0].message, /hết số lần gia hạn/);
      const tip = (await police.get(`/api/tips/${id}`)).body;
      assert.deepEqual(tip.events.map((e: { event: string }) => e.event), ['received', 'classify', 'assign', 'extend']);
      assert.equal(tip.deadline, '2026-11-30', '30 days for a denunciation, plus one 30-day extension');
      const inbox = await police.get('/api/tips?status=open');
      const deadlines = inbox.body.items.map((t: { deadline: string }) => t.deadline);
      assert.deepEqual(deadlines, [...deadlines].sort(), 'the inbox is sorted by time left');
    });

    test('the reporter’s identity is seen only by the assigned handler and leaders, and every read is audited', async () => {
      const { fx, app, handle: db } = get();
      const handler = await createTestUser(db.db, 'police', fx.communeA);
      const id = await intake('2026-11-01T08:00:00+07:00', { reporter: { name: 'Nguyễn Thị Báo', contact: '0912 000 111' } });
      const { rows } = await sql<{ r: string }>`select reporter_encrypted as r from tips where id = ${id}`.execute(db.db);
      assert.ok(!rows[0].r.includes('Nguyễn'), 'stored encrypted');
      await act(id, { action: 'classify', category: 'brokering', kind: 'crime_report', priority: 'normal' });
      await act(id, { action: 'assign', agency: 'Công an phường', userId: handler.id });
      assert.equal((await police.get(`/api/tips/${id}/reporter`)).status, 403, 'another police officer');
      const handlerClient = await new TestClient(app).login(handler.username, handler.password);
      const seen = await handlerClient.get(`/api/tips/${id}/reporter`);
      assert.deepEqual(seen.body.reporter, { name: 'Nguyễn Thị Báo', contact: '0912 000 111' });
      const leader = await new TestClient(app).login('lanhdao');
      assert.equal((await leader.get(`/api/tips/${id}/reporter`)).status, 200);
      assert.ok(!JSON.stringify((await leader.get(`/api/tips/${id}`)).body).includes('Nguyễn Thị Báo'), 'the tip itself never carries the identity');
      const log = await (await new TestClient(app).login('quantri')).get('/api/audit?action=read_sensitive');
      const reads = log.body.items.filter((e: { entityId: string }) => e.entityId === String(id)).map((e: { actorUsername: string }) => e.actorUsername);
      assert.deepEqual(reads.sort(), [handler.username, 'lanhdao'].sort());
    });

    test('the public form: anonymous tip, follow-up with code and secret, a photo stripped of GPS, nothing given away, no IP kept', async () => {
      const { fx, app, handle: db } = get();
      const citizen = new Citizen(app, CITIZEN_IP);
      const places = await citizen.get('/api/public/units?q=tan%20an');
      assert.deepEqual(places.body.items.map((u: { name: string }) => u.name), ['Phường Tân An']);
      const sent = await citizen.submit({ unitId: fx.communeA, category: 'child_victim', description: 'Thấy trẻ vị thành niên bị dẫn vào nhà nghỉ lúc khuya.', occurredAt: '22h ngày 20/11' });
      assert.equal(sent.status, 201, JSON.stringify(sent.body));
      const { referenceCode, secret } = sent.body;
      assert.match(referenceCode, /^TG-[2-9A-HJKMNP-Z]{8}$/);
      const status = await citizen.post('/api/public/tips/status', { referenceCode, secret });
      assert.equal(status.body.statusLabel, 'Đã tiếp nhận');
      const wrongSecret = await citizen.post('/api/public/tips/status', { referenceCode, secret: 'khong-dung' });
      const unknownCode = await citizen.post('/api/public/tips/status', { referenceCode: 'TG-ZZZZZZZZ', secret });
      assert.equal(wrongSecret.status, 404);
      assert.deepEqual({ ...wrongSecret.body.error, requestId: '' }, { ...unknownCode.body.error, requestId: '' }, 'a wrong secret and an unknown code look the same');

      const withGps = await sharp({ create: { width: 16, height: 16, channels: 3, background: '#c33' } })
        .jpeg()
        .withExif({ IFD0: { Make: 'PhoneMaker' }, IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '21/1 1/1 30/1', GPSLongitudeRef: 'E', GPSLongitude: '105/1 50/1 10/1' } })
        .toBuffer();
      assert.ok((await exifr.gps(withGps))?.latitude, 'the test photo carries a position');
      const form = new FormData();
      form.append('referenceCode', referenceCode);
      form.append('secret', secret);
      form.append('text', 'Bổ sung: có ảnh chụp biển số xe.');
      form.append('photo', new Blob([new Uint8Array(withGps)]), 'anh.jpg');
      const added = await citizen.request('POST', '/api/public/tips/information', undefined, form);
      assert.equal(added.status, 200, JSON.stringify(added.body));

      const tip = (await police.get('/api/tips?status=open')).body.items.find((t: { referenceCode: string }) => t.referenceCode === referenceCode);
      assert.equal(tip.priority, 'urgent', 'children first');
      assert.equal(tip.anonymous, true);
      const detail = (await police.get(`/api/tips/${tip.id}`)).body;
      assert.ok(detail.events.some((e: { event: string; note: string }) => e.event === 'citizen_info' && e.note.includes('biển số')));
      const photo = await police.get(`/api/files/${detail.files[0].id}`);
      assert.equal(photo.headers.get('content-type'), 'image/jpeg');
      assert.equal(await exifr.gps(photo.body as Buffer), undefined, 'no GPS in the stored photo');
      assert.equal((await sharp(photo.body as Buffer).metadata()).exif, undefined, 'no EXIF at all');
      const healthWorker = await createTestUser(db.db, 'health_social', get().fx.communeA);
      const refused = await (await new TestClient(get().app).login(healthWorker.username)).get(`/api/files/${detail.files[0].id}`);
      assert.equal(refused.status, 403, 'a role without the tips module cannot open a tip’s photo, even in its own commune');

      const { rows } = await sql<{ hit: string }>`
        select table_name || '.' || column_name as hit from information_schema.columns
         where table_schema = 'public' and data_type in ('text', 'jsonb', 'character varying')`.execute(db.db);
      for (const { hit } of rows) {
        const [table, column] = hit.split('.');
        const found = await sql<{ n: number }>`select count(*)::int as n from ${sql.table(table)} where ${sql.ref(column)}::text like ${`%${CITIZEN_IP}%`}`.execute(db.db);
        assert.equal(found.rows[0].n, 0, `the citizen's address is stored in ${hit}`);
      }
    });

    test('the agency’s own inbox lists the open tips assigned to the user or to the user’s agency', async () => {
      const ours = await intake('2026-11-02T08:00:00+07:00');
      const theirs = await intake('2026-11-02T09:00:00+07:00');
      for (const [id, agency] of [[ours, 'Công an phường'], [theirs, 'Trạm Y tế']] as const) {
        await act(id, { action: 'classify', category: 'brokering', kind: 'denunciation', priority: 'normal' });
        assert.equal((await act(id, { action: 'assign', agency })).status, 200);
      }
      const mine = (await police.get('/api/tips?status=open&assigned=me&pageSize=200')).body.items.map((t: { id: number }) => t.id);
      assert.ok(mine.includes(ours), 'assigned to the police’s agency');
      assert.ok(!mine.includes(theirs), 'assigned to another agency');
    });

    test('200 rapid submissions from one address are refused past the limit while another address still gets through', async () => {
      const { fx, app } = get();
      const flooder = new Citizen(app, '198.51.100.9');
      const statuses: number[] = [];
      for (let i = 0; i < 200; i++) {
        const res = await flooder.post('/api/public/tips', { unitId: fx.communeA, category: 'other', description: `Tin rác số ${i} gửi liên tục.`, proof: { challenge: 'x', nonce: '0' } });
        statuses.push(res.status);
      }
      assert.ok(statuses.filter((s) => s === 429).length >= 190, `refused: ${statuses.filter((s) => s === 429).length}`);
      assert.equal(statuses.filter((s) => s === 201).length, 0, 'and none without a solved proof of work got in');
      const neighbour = new Citizen(app, '198.51.100.10');
      const ok = await neighbour.submit({ unitId: fx.communeA, category: 'other', description: 'Một phản ánh bình thường từ người khác.' });
      assert.equal(ok.status, 201);
      const replay = await neighbour.post('/api/public/tips', { unitId: fx.communeA, category: 'other', description: 'Gửi lại cùng lời giải cũ.', proof: { challenge: 'x.y.z', nonce: '1' } });
      assert.equal(replay.status, 400);
      assert.equal(replay.body.error.code, 'PROOF_FAILED');
    });
  },
);
