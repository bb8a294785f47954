import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import { describeEachDatabase } from '../../test-support/databases.js';
import { createTestApp, TestClient } from '../../test-support/http.js';
import { seedDemoFixture } from '../../test-support/fixtures.js';

const daysFromToday = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

describeEachDatabase(
  'tasks: agencies report progress with evidence; overdue tasks are flagged',
  async (handle) => ({ fx: await seedDemoFixture(handle.db), app: createTestApp(handle.db) }),
  (get) => {
    let focal: TestClient;
    let police: TestClient;
    let plan: { id: number; tasks: { id: number; title: string }[] };
    before(async () => {
      focal = await new TestClient(get().app).login('daumoi');
      police = await new TestClient(get().app).login('congan');
      const created = await focal.post('/api/plans', {
        unitId: get().fx.communeA,
        placeName: 'Tân An',
        subject: 'Phòng, chống mại dâm năm 2026',
        periodFromYear: 2026,
        periodToYear: 2030,
        tasks: [
          // Two deadlines still to come whatever day the test runs, two long past.
          { title: 'Báo cáo sơ kết', leadAgency: 'Phòng Văn hóa - Xã hội', deadline: daysFromToday(60) },
          { title: 'Kiểm tra cơ sở lưu trú', leadAgency: 'Công an phường', deadline: daysFromToday(30) },
          { title: 'Rà soát nhà trọ', leadAgency: 'Phòng Văn hóa - Xã hội', cooperatingAgencies: ['Công an phường'], deadline: '2026-02-01' },
          { title: 'Tuyên truyền tại trường học', leadAgency: 'Các trường học', deadline: '2026-03-01' },
        ],
      });
      assert.equal(created.status, 201, JSON.stringify(created.body));
      plan = created.body;
    });

    const progress = (client: TestClient, taskId: number, fields: Record<string, string>, file?: { name: string; bytes: Uint8Array }) => {
      const form = new FormData();
      for (const [k, v] of Object.entries(fields)) form.append(k, v);
      if (file) form.append('file', new Blob([new Uint8Array(file.bytes)]), file.name);
      return client.request('POST', `/api/tasks/${taskId}/progress`, undefined, form);
    };

    test('an agency user sees its own agency’s tasks first, and overdue ones are flagged', async () => {
      const board = await police.get('/api/tasks');
      assert.equal(board.status, 200);
      const titles = board.body.items.map((t: { title: string }) => t.title);
      assert.deepEqual(titles.slice(0, 2).sort(), ['Kiểm tra cơ sở lưu trú', 'Rà soát nhà trọ'], 'Công an phường leads one and cooperates on one');
      const overdue = await focal.get('/api/tasks?overdue=true');
      assert.deepEqual(overdue.body.items.map((t: { title: string }) => t.title).sort(), ['Rà soát nhà trọ', 'Tuyên truyền tại trường học']);
      assert.ok(overdue.body.items.every((t: { overdue: boolean }) => t.overdue));
    });

    test('the agency reports progress with a PDF; the file comes back as it was, with its hash in the audit', async () => {
      const pdf = new TextEncoder().encode('%PDF-1.4\nbiên bản kiểm tra\n');
      const res = await progress(police, plan.tasks[1].id, { status: 'done', doneAt: '2026-11-20', note: 'Đã kiểm tra 5 cơ sở' }, { name: 'biên bản.pdf', bytes: pdf });
      assert.equal(res.status, 200, JSON.stringify(res.body));
      assert.equal(res.body.status, 'done');
      assert.equal(res.body.overdue, false);
      const update = res.body.updates.at(-1);
      assert.equal(update.note, 'Đã kiểm tra 5 cơ sở');
      assert.equal(update.username, 'congan');
      const download = await focal.get(`/api/files/${update.file.id}`);
      assert.equal(download.status, 200);
      assert.equal(download.headers.get('content-type'), 'application/pdf');
      assert.deepEqual(new Uint8Array(download.body as Buffer), pdf);
      const outsider = await new TestClient(get().app).login('daumoi.bm');
      assert.equal((await outsider.get(`/api/files/${update.file.id}`)).status, 403);
    });

    test('a file that is not what its name says, or too large, is refused and nothing is recorded', async () => {
      const fake = await progress(police, plan.tasks[2].id, { status: 'in_progress' }, { name: 'anh.jpg', bytes: new TextEncoder().encode('<script>alert(1)</script>') });
      assert.equal(fake.status, 415);
      assert.equal(fake.body.error.message, 'Loại tệp không được hỗ trợ.');
      const big = new Uint8Array(10 * 1024 * 1024 + 10);
      big.set([0x25, 0x50, 0x44, 0x46]);
      const tooBig = await progress(police, plan.tasks[2].id, { status: 'in_progress' }, { name: 'lon.pdf', bytes: big });
      assert.equal(tooBig.status, 413);
      const task = await focal.get(`/api/tasks/${plan.tasks[2].id}`);
      assert.equal(task.body.status, 'not_started');
      assert.equal(task.body.updates.length, 0);
    });

    test('an agency cannot report on another agency’s task; done needs its date', async () => {
      const notMine = await progress(police, plan.tasks[3].id, { status: 'done', doneAt: '2026-02-20' });
      assert.equal(notMine.status, 403);
      const noDate = await progress(focal, plan.tasks[3].id, { status: 'done' });
      assert.equal(noDate.status, 400);
      assert.equal(noDate.body.error.fields[0].path, 'doneAt');
    });
  },
);
