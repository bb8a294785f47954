import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import ExcelJS from 'exceljs';
import { ESTABLISHMENT_IMPORT_COLUMNS, ESTABLISHMENT_IMPORT_FIELDS } from '@pcmd/contracts';
import { describeEachDatabase } from '../../test-support/databases.js';
import { createTestApp, TestClient } from '../../test-support/http.js';
import { seedDemoFixture } from '../../test-support/fixtures.js';

type Cell = string | number | Date | undefined;

const HEADERS = [
  'STT', 'Tên cơ sở', 'Loại hình', 'Địa chỉ', 'Mã đơn vị', 'Số ĐKKD', 'Người đại diện', 'Số CCCD', 'Điện thoại',
  'Số nhân viên', 'Tình trạng', 'Ngày hoạt động', 'Mức độ nguy cơ', 'Ngày rà soát', 'Ngày ký cam kết',
];
/** Phường Tân An and its groups, as officials of Tân An would list them. */
const UNIT_CODES = ['MAU-TA', 'MAU-TL-1', 'MAU-TL-2', 'MAU-TL-3', 'MAU-AH-4', 'MAU-AH-5', 'MAU-AH-6'];
const TYPES = ['Nhà nghỉ', 'Karaoke', 'Xoa bóp (massage)', 'hotel', 'Quán bar'];

/** A registry of 1,000 establishments as an official would type it: Excel dates and text dates, names of types and codes. */
function registry(): Cell[][] {
  return Array.from({ length: 1000 }, (_, i) => {
    const n = String(i + 1).padStart(4, '0');
    return [
      i + 1, `Nhà nghỉ Hướng Dương ${n}`, TYPES[i % TYPES.length], `Số ${i + 1}, đường Lê Lợi`, UNIT_CODES[i % UNIT_CODES.length], `TA-${n}`,
      'Nguyễn Văn Bình', '001090001234', '0912 345 678', i % 12, 'Đang hoạt động',
      i % 2 ? new Date(Date.UTC(2024, i % 12, 1 + (i % 28))) : `${String(1 + (i % 28)).padStart(2, '0')}/03/2023`,
      i % 3 ? 'Trung bình' : undefined, i % 3 ? '15/01/2026' : undefined, i % 4 ? '20/01/2026' : undefined,
    ];
  });
}

async function xlsx(headers: string[], rows: Cell[][]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Danh sách');
  sheet.addRow(headers);
  for (const row of rows) sheet.addRow(row);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

function upload(client: TestClient, path: string, name: string, content: Uint8Array, mapping?: Record<string, string | null>) {
  const form = new FormData();
  form.append('file', new Blob([new Uint8Array(content)]), name);
  if (mapping) form.append('mapping', JSON.stringify(mapping));
  return client.request('POST', path, undefined, form);
}

describeEachDatabase(
  'establishment import and export',
  async (handle) => ({ fx: await seedDemoFixture(handle.db), app: createTestApp(handle.db) }),
  (get) => {
    let police: TestClient;
    const count = async () => Number((await get().handle.db.selectFrom('establishments').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
    before(async () => {
      police = await new TestClient(get().app).login('congan');
    });

    test('a 1,000-row file with 3 bad rows imports nothing and names them; the preview shows the same; the corrected file imports all', async () => {
      const rows = registry();
      rows[99][2] = undefined; // line 101: no type
      rows[499][5] = 'ta - 0010'; // line 501: the number of line 11, spaced and in lower case
      rows[899][4] = 'MAU-BM-1'; // line 901: a village of Xã Bình Minh, outside the police of Tân An's area
      const bad = await xlsx(HEADERS, rows);
      const before = await count();

      const preview = await upload(police, '/api/establishments/import/preview', 'co-so.xlsx', bad);
      assert.equal(preview.status, 200, JSON.stringify(preview.body).slice(0, 500));
      const expected = Object.fromEntries(HEADERS.map((h) => [h, ESTABLISHMENT_IMPORT_FIELDS.find((f) => ESTABLISHMENT_IMPORT_COLUMNS[f].vi === h) ?? null]));
      assert.deepEqual(preview.body.mapping, expected);
      assert.equal(expected['Số ĐKKD'], 'registrationNo');
      assert.equal(expected.STT, null);
      assert.deepEqual(preview.body.headers, HEADERS);
      assert.equal(preview.body.totalRows, 1000);
      assert.equal(preview.body.rows.length, 20);
      assert.deepEqual(preview.body.rows[0], {
        row: 2,
        values: {
          name: 'Nhà nghỉ Hướng Dương 0001', typeCode: 'Nhà nghỉ', address: 'Số 1, đường Lê Lợi', unitCode: 'MAU-TA', registrationNo: 'TA-0001',
          representativeName: 'Nguyễn Văn Bình', representativeIdNo: '001090001234', representativePhone: '0912 345 678', staffCount: '0',
          status: 'Đang hoạt động', openedOn: '01/03/2023',
        },
      });
      assert.equal(preview.body.rows[1].values.openedOn, '2024-02-02', 'an Excel date cell is read as a date');
      assert.deepEqual(preview.body.errors.map((e: { row: number }) => e.row), [101, 501, 901]);
      assert.equal(await count(), before, 'the preview writes nothing');

      const refused = await upload(police, '/api/establishments/import', 'co-so.xlsx', bad, preview.body.mapping);
      assert.equal(refused.status, 400);
      assert.equal(refused.body.error.code, 'IMPORT_REJECTED');
      assert.deepEqual(refused.body.error.rows, [
        { row: 101, messages: ['«Loại hình» là bắt buộc'] },
        { row: 501, messages: ['Số ĐKKD ta - 0010 trùng với dòng 11'] },
        { row: 901, messages: ['Đơn vị MAU-BM-1 (Thôn Đông) nằm ngoài địa bàn bạn phụ trách'] },
      ]);
      assert.equal(await count(), before, 'nothing is imported');

      const fixed = registry();
      const started = performance.now();
      const good = await upload(police, '/api/establishments/import', 'co-so.xlsx', await xlsx(HEADERS, fixed), preview.body.mapping);
      const elapsed = performance.now() - started;
      assert.equal(good.status, 201, JSON.stringify(good.body).slice(0, 500));
      assert.deepEqual(good.body, { imported: 1000 });
      console.log(`[${get().kind}] importing 1,000 rows (upload, checks, inserts, audit) took ${Math.round(elapsed)} ms`);
      assert.equal(await count(), before + 1000);

      const found = await police.get('/api/establishments?q=nha%20nghi%20huong%20duong%200777');
      assert.equal(found.body.total, 1);
      const e = found.body.items[0];
      assert.deepEqual(
        [e.typeCode, e.address, e.unit.name, e.registrationNo, e.openedOn, e.riskLevel, e.classifiedOn, e.commitmentSignedOn, e.staffCount],
        ['karaoke', 'Số 777, đường Lê Lợi', 'Tổ dân phố 6', 'TA-0777', '2023-03-21', 'medium', '2026-01-15', null, 8],
      );
      const history = (await police.get(`/api/establishments/${e.id}/history`)).body.items;
      assert.deepEqual(history.map((h: { action: string; actorUsername: string }) => [h.action, h.actorUsername]), [['create', 'congan']]);
      assert.equal(history[0].after.name, 'Nhà nghỉ Hướng Dương 0777');

      const again = await upload(police, '/api/establishments/import', 'co-so.xlsx', await xlsx(HEADERS, fixed.slice(0, 3)));
      assert.equal(again.status, 400, 'a file imported once is refused the second time');
      assert.match(again.body.error.rows[0].messages[0], /^Số ĐKKD TA-0001 đã có ở cơ sở «Nhà nghỉ Hướng Dương 0001»/);
      assert.match(again.body.error.rows[0].messages[1], /^Trùng tên và địa chỉ với cơ sở «Nhà nghỉ Hướng Dương 0001»/);
    });

    test('headers of the official’s own wording import through an explicit mapping, and messages name his columns', async () => {
      const header = 'STT,Cơ sở kinh doanh,Phân nhóm,Nơi đặt,Địa bàn,Bắt đầu,Ghi chú';
      const csv = (lines: string[]) => new TextEncoder().encode(`\uFEFF${[header, ...lines].join('\r\n')}\r\n`);
      const lines = [
        '1,"Karaoke Ánh Trăng","karaoke","Số 3, Tổ dân phố 5",mau-ah-5,02/05/2024,Mở đến khuya',
        '2,"Massage Thư Giãn","Xoa bóp (massage)","Số 8, Tổ dân phố 6",MAU-AH-6,31/02/2024,',
        '3,"NHÀ NGHỈ HƯỚNG DƯƠNG 0005","Nhà nghỉ","so 5, duong le loi",MAU-AH-5,01/01/2024,',
      ];
      const mapping = { STT: null, 'Cơ sở kinh doanh': 'name', 'Phân nhóm': 'typeCode', 'Nơi đặt': 'address', 'Địa bàn': 'unitCode', 'Bắt đầu': 'openedOn', 'Ghi chú': null };

      const unmapped = await upload(police, '/api/establishments/import', 'rieng.csv', csv(lines));
      assert.equal(unmapped.status, 400);
      assert.deepEqual(unmapped.body.error.rows, [{ row: 1, messages: ['Chưa chọn cột cho: Tên cơ sở, Loại hình, Địa chỉ, Mã đơn vị, Ngày hoạt động'] }]);

      const preview = await upload(police, '/api/establishments/import/preview', 'rieng.csv', csv(lines), mapping);
      assert.deepEqual(preview.body.mapping, mapping);
      assert.equal(preview.body.rows[0].values.name, 'Karaoke Ánh Trăng');
      assert.deepEqual(preview.body.errors.map((e: { row: number }) => e.row), [3, 4]);
      assert.deepEqual(preview.body.errors[0].messages, ['«Bắt đầu» phải là ngày dạng dd/mm/yyyy']);
      assert.equal(preview.body.errors[1].messages.length, 1);
      assert.match(preview.body.errors[1].messages[0], /^Trùng tên và địa chỉ với cơ sở «Nhà nghỉ Hướng Dương 0005», Số 5, đường Lê Lợi \(mã \d+\) đã có$/);

      const before = await count();
      const good = await upload(police, '/api/establishments/import', 'rieng.csv', csv([lines[0], lines[1].replace('31/02/2024', '29/02/2024')]), mapping);
      assert.equal(good.status, 201, JSON.stringify(good.body));
      assert.equal(await count(), before + 2);
      const karaoke = (await police.get('/api/establishments?q=anh%20trang')).body.items[0];
      assert.deepEqual([karaoke.unit.name, karaoke.openedOn, karaoke.status], ['Tổ dân phố 5', '2024-05-02', 'operating']);

      const badMapping = await upload(police, '/api/establishments/import', 'rieng.csv', csv(lines), { 'Cơ sở kinh doanh': 'name', 'Nơi đặt': 'name' });
      assert.equal(badMapping.status, 400);
      assert.equal(badMapping.body.error.fields[0].path, 'mapping');

      const aliases = 'Tên cơ sở (*),LOẠI HÌNH KINH DOANH,Địa chỉ,Mã đơn vị,Số đăng ký kinh doanh,Số điện thoại,Trạng thái,Ngày bắt đầu hoạt động,Tên,Mức nguy cơ';
      const proposed = await upload(police, '/api/establishments/import/preview', 'khac.csv', new TextEncoder().encode(`${aliases}\n${'x,'.repeat(9)}x\n`));
      assert.deepEqual(Object.values(proposed.body.mapping), ['name', 'typeCode', 'address', 'unitCode', 'registrationNo', 'representativePhone', 'status', 'openedOn', null, 'riskLevel']);

      const huge = await upload(police, '/api/establishments/import', 'lon.csv', new TextEncoder().encode(`Tên cơ sở,Loại hình,Địa chỉ,Mã đơn vị,Ngày hoạt động\n${'a,b,c,d,e\n'.repeat(50_001)}`));
      assert.equal(huge.status, 400);
      assert.deepEqual(huge.body.error.rows, [{ row: 1, messages: ['Tệp có 50.001 dòng, quá giới hạn 50.000 dòng mỗi lần nhập; hãy chia thành nhiều tệp'] }]);
    });

    test('the export holds the filtered list under the import’s Vietnamese headers, and goes back in through the preview', async () => {
      const res = await police.get('/api/establishments/export?typeCode=karaoke&q=huong%20duong');
      assert.equal(res.status, 200);
      assert.match(res.headers.get('content-type') ?? '', /spreadsheetml/);
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(new Uint8Array(res.body as Buffer).buffer);
      const sheet = workbook.worksheets[0];
      const headers = (sheet.getRow(1).values as string[]).slice(1);
      assert.deepEqual(headers, ESTABLISHMENT_IMPORT_FIELDS.flatMap((f) => (f === 'unitCode' ? ['Mã đơn vị', 'Tên đơn vị'] : [ESTABLISHMENT_IMPORT_COLUMNS[f].vi])));
      const listed = await police.get('/api/establishments?typeCode=karaoke&q=huong%20duong&pageSize=1');
      assert.equal(listed.body.total, 200);
      assert.equal(sheet.rowCount - 1, 200, 'the filtered rows only');
      const col = (h: string) => headers.indexOf(h) + 1;
      const first = sheet.getRow(2);
      assert.equal(first.getCell(col('Tên cơ sở')).value, 'Nhà nghỉ Hướng Dương 0002');
      assert.equal(first.getCell(col('Loại hình')).value, 'Karaoke');
      assert.equal(first.getCell(col('Mã đơn vị')).value, 'MAU-TL-1');
      assert.equal(first.getCell(col('Ngày hoạt động')).value, '02/02/2024');
      assert.equal(first.getCell(col('Mức độ nguy cơ')).value, 'Trung bình');
      for (let r = 2; r <= sheet.rowCount; r++) assert.equal(sheet.getRow(r).getCell(col('Loại hình')).value, 'Karaoke');

      const back = await upload(police, '/api/establishments/import/preview', 'co-so.xlsx', new Uint8Array(res.body as Buffer));
      assert.equal(Object.values(back.body.mapping).filter((f) => f === null).length, 1, 'every column but the unit’s name is read back');
      assert.equal(back.body.totalRows, 200);
      assert.equal(back.body.errors.length, 200, 'every row is already registered');
      assert.ok(back.body.errors.every((e: { messages: string[] }) => e.messages.length === 2 && /đã có ở cơ sở/.test(e.messages[0])), JSON.stringify(back.body.errors[0]));

      assert.equal((await police.get(`/api/establishments/export?unitId=${get().fx.communeB}`)).status, 403);
    });
  },
);
