import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import { describeEachDatabase } from '../../test-support/databases.js';
import { readDocx, type Docx, type Para } from '../../test-support/docx.js';
import { createTestApp, TestClient, type ApiResponse } from '../../test-support/http.js';
import { seedDemoFixture } from '../../test-support/fixtures.js';
import { tanHungPlan } from '../../demo/seed-plans.js';

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** Each text is a paragraph of its own, found after the previous one. */
function assertInOrder(paragraphs: Para[], texts: string[]) {
  let from = 0;
  for (const text of texts) {
    const at = paragraphs.findIndex((p, i) => i >= from && p.text === text);
    assert.ok(at >= 0, `«${text}» is missing or out of order; after «${paragraphs[from - 1]?.text ?? ''}» come: ${paragraphs.slice(from, from + 5).map((p) => `«${p.text}»`).join(' ')}`);
    from = at + 1;
  }
}

const paragraphOf = (doc: Docx, text: string) => {
  const at = doc.paragraphs.findIndex((p) => p.text === text);
  assert.ok(at >= 0, `no paragraph «${text}»`);
  return { ...doc.paragraphs[at], next: doc.paragraphs[at + 1] };
};
const attr = (xml: string, tag: string, name: string) => {
  const m = new RegExp(`<w:${tag}\\b[^>]*\\bw:${name}="([^"]*)"`).exec(xml);
  return m ? m[1] : undefined;
};
const num = (xml: string, tag: string, name: string) => Number(attr(xml, tag, name));
const twipsOfMm = (mm: number) => (mm * 1440) / 25.4;
const isBold = (p: Para) => /<w:r>(?:(?!<\/w:r>)[\s\S])*<w:b\/>/.test(p.xml);
const isItalic = (p: Para) => /<w:r>(?:(?!<\/w:r>)[\s\S])*<w:i\/>/.test(p.xml);
const hasRule = (p: Para | undefined) => Boolean(p && p.text === '' && /<w:pBdr>[\s\S]*<w:top w:val="single"/.test(p.xml));

describeEachDatabase(
  'plans: the official Word document (Decree 30/2020/NĐ-CP)',
  async (handle) => ({ fx: await seedDemoFixture(handle.db), app: createTestApp(handle.db) }),
  (get) => {
    let admin: TestClient;
    let planId: number;
    let file: ApiResponse<Buffer>;
    let doc: Docx;
    before(async () => {
      admin = await new TestClient(get().app).login('quantri');
      const created = await admin.post('/api/plans', tanHungPlan(get().fx.communeA));
      assert.equal(created.status, 201, JSON.stringify(created.body));
      planId = created.body.id;
      file = await admin.get<Buffer>(`/api/plans/${planId}/document.docx`);
      doc = await readDocx(file);
    });

    test('is served as a Word file named after the plan’s number and symbol', () => {
      assert.equal(file.headers.get('content-type'), DOCX);
      const disposition = file.headers.get('content-disposition') ?? '';
      assert.match(disposition, /^attachment;/);
      assert.ok(disposition.includes("filename*=UTF-8''ke-hoach-202-KH-UBND.docx"), disposition);
    });

    test('reads back the header, title, body, recipients and signature of the Tân Hưng plan, in order', () => {
      const seed = tanHungPlan(get().fx.communeA);
      assertInOrder(doc.paragraphs, [
        'ỦY BAN NHÂN DÂN',
        'PHƯỜNG TÂN AN',
        'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
        'Độc lập - Tự do - Hạnh phúc',
        'Số: 202/KH-UBND',
        'Tân An, ngày 29 tháng 5 năm 2026',
        'KẾ HOẠCH',
        seed.subject,
        seed.preamble,
        'I. MỤC TIÊU, CHỈ TIÊU',
        'Mục tiêu tổng quát và chỉ tiêu hằng năm, đến năm 2030.',
        // The sections do not quote the indicators, so they are listed after the first one.
        'CHỈ TIÊU',
        '- 100% Tổ dân phố tổ chức hoạt động truyền thông, tuyên truyền về phòng, chống mại dâm: 100% (năm 2026).',
        '- Trên 95% cơ sở kinh doanh dịch vụ dễ bị lợi dụng được rà soát, quản lý và kiểm tra: trên 95% (đến năm 2030).',
        'II. NHIỆM VỤ VÀ GIẢI PHÁP CHỦ YẾU',
        '1. Tăng cường lãnh đạo, chỉ đạo và tổ chức thực hiện.',
        '2. Nâng cao hiệu quả công tác truyền thông.',
        'Nhiệm vụ cụ thể:',
        '- Tham mưu ban hành kế hoạch triển khai năm 2026 (chủ trì: Phòng Văn hóa - Xã hội; thời hạn: 30/06/2026).',
        '- Rà soát, phân loại cơ sở kinh doanh dịch vụ dễ bị lợi dụng (chủ trì: Công an phường; phối hợp: Phòng Kinh tế - Hạ tầng và Đô thị; thời hạn: 31/07/2026).',
        '- Tổ chức tập huấn cho đội ngũ làm công tác phòng, chống mại dâm (chủ trì: Phòng Văn hóa - Xã hội; thời hạn: 30/09/2026).',
        'III. KINH PHÍ THỰC HIỆN',
        'IV. TỔ CHỨC THỰC HIỆN',
        'Nơi nhận:',
        '- UBND tỉnh (b/c);',
        '- Sở Y tế (b/c);',
        '- TT Đảng ủy, HĐND phường (b/c);',
        '- Chủ tịch, các PCT UBND phường;',
        '- Lưu: VT, VHXH.',
        'TM. ỦY BAN NHÂN DÂN',
        'KT. CHỦ TỊCH',
        'PHÓ CHỦ TỊCH',
        'Nguyễn Văn Mẫu',
      ]);
      const headings = doc.paragraphs.filter((p) => /^[IVX]+\. /.test(p.text)).map((p) => p.text.split('.')[0]);
      assert.deepEqual(headings, ['I', 'II', 'III', 'IV']);
      assert.equal(doc.paragraphs.filter((p) => p.text === 'CHỈ TIÊU').length, 1);
      const indicatorLines = doc.paragraphs.filter((p) => /\((năm|đến năm) \d{4}\)\.$/.test(p.text));
      assert.equal(indicatorLines.length, seed.indicators.length);
    });

    test('lays the page out as the decree asks: A4, its margins, Times New Roman 13–14 pt', () => {
      const sect = /<w:sectPr>[\s\S]*<\/w:sectPr>/.exec(doc.document)![0];
      assert.equal(num(sect, 'pgSz', 'w'), 11906);
      assert.equal(num(sect, 'pgSz', 'h'), 16838);
      const within = (name: string, mm: [number, number]) => {
        const v = num(sect, 'pgMar', name);
        assert.ok(v >= Math.floor(twipsOfMm(mm[0])) && v <= Math.ceil(twipsOfMm(mm[1])), `${name} margin ${v} twips is outside ${mm[0]}–${mm[1]} mm`);
      };
      within('top', [20, 25]);
      within('bottom', [20, 25]);
      within('left', [30, 35]);
      within('right', [15, 20]);
      assert.match(sect, /<w:titlePg\/>/, 'no page number on the first page');

      const defaults = /<w:docDefaults>[\s\S]*?<\/w:docDefaults>/.exec(doc.styles)![0];
      assert.equal(attr(defaults, 'rFonts', 'ascii'), 'Times New Roman');
      assert.equal(attr(defaults, 'rFonts', 'hAnsi'), 'Times New Roman');
      assert.ok(['26', '28'].includes(attr(defaults, 'sz', 'val')!), 'body text is 13 or 14 pt');
      assert.doesNotMatch(doc.document, /<w:rFonts/, 'no run switches to another font');

      const preamble = paragraphOf(doc, tanHungPlan(get().fx.communeA).preamble);
      assert.doesNotMatch(preamble.xml, /<w:sz /, 'body text keeps the default size');
      assert.equal(attr(preamble.xml, 'jc', 'val'), 'both', 'body text is justified');
      assert.ok(num(preamble.xml, 'ind', 'firstLine') >= 567 && num(preamble.xml, 'ind', 'firstLine') <= 720, 'first line indented 1–1.27 cm');
    });

    test('sets each element of the header, title and signature in its style', () => {
      const ward = paragraphOf(doc, 'PHƯỜNG TÂN AN');
      assert.ok(isBold(ward));
      assert.ok(hasRule(ward.next), 'a short line under the issuer');
      const motto = paragraphOf(doc, 'Độc lập - Tự do - Hạnh phúc');
      assert.ok(isBold(motto));
      assert.ok(hasRule(motto.next), 'a line under the motto');
      const place = paragraphOf(doc, 'Tân An, ngày 29 tháng 5 năm 2026');
      assert.ok(isItalic(place));
      for (const text of ['KẾ HOẠCH', tanHungPlan(get().fx.communeA).subject]) {
        const p = paragraphOf(doc, text);
        assert.ok(isBold(p), `${text} is bold`);
        assert.equal(attr(p.xml, 'jc', 'val'), 'center', `${text} is centred`);
      }
      const recipients = paragraphOf(doc, 'Nơi nhận:');
      assert.equal(attr(recipients.xml, 'sz', 'val'), '24', '«Nơi nhận:» in 12 pt');
      assert.ok(isBold(recipients) && isItalic(recipients));
      assert.equal(attr(paragraphOf(doc, '- Lưu: VT, VHXH.').xml, 'sz', 'val'), '22', 'the recipients in 11 pt');
      for (const text of ['TM. ỦY BAN NHÂN DÂN', 'KT. CHỦ TỊCH', 'PHÓ CHỦ TỊCH', 'Nguyễn Văn Mẫu']) assert.ok(isBold(paragraphOf(doc, text)), `${text} is bold`);
      const [closing] = doc.document.match(/<w:tbl>(?:(?!<w:tbl>)[\s\S])*?Nơi nhận:[\s\S]*?<\/w:tbl>/) ?? [];
      assert.ok(closing?.includes('Nguyễn Văn Mẫu'), 'recipients and signature side by side in one table');
    });

    test('a draft leaves number and date blank, a chairman signs for the committee, and quoted indicators are not repeated', async () => {
      const seed = tanHungPlan(get().fx.communeA);
      const created = await admin.post('/api/plans', {
        ...seed,
        numberSymbol: null,
        issueDate: null,
        signingMode: 'TM',
        signerTitle: 'CHỦ TỊCH',
        signerName: 'Trần Thị Chủ',
        sections: [{ heading: 'I. MỤC TIÊU, CHỈ TIÊU', body: seed.indicators.map((i) => `- ${i.name}.`).join('\n') }, ...seed.sections.slice(1)],
      });
      assert.equal(created.status, 201, JSON.stringify(created.body));
      const res = await admin.get<Buffer>(`/api/plans/${created.body.id}/document.docx`);
      assert.ok(res.headers.get('content-disposition')?.includes(`ke-hoach-du-thao-${created.body.id}.docx`));
      const draft = await readDocx(res);
      assert.ok(draft.paragraphs.some((p) => /^Số: +\/KH-UBND$/.test(p.text)), 'the number is left for the clerk');
      assert.ok(draft.paragraphs.some((p) => /^Tân An, ngày +tháng +năm +$/.test(p.text)), 'the date is left blank');
      assertInOrder(draft.paragraphs, ['TM. ỦY BAN NHÂN DÂN', 'CHỦ TỊCH', 'Trần Thị Chủ']);
      assert.ok(!draft.paragraphs.some((p) => p.text === 'KT. CHỦ TỊCH'));
      assert.ok(!draft.paragraphs.some((p) => p.text === 'CHỈ TIÊU'), 'the first section already quotes the indicators');
    });

    test('is readable in the plan’s own commune, and refused to a user of another commune', async () => {
      const focalOfTanAn = await new TestClient(get().app).login('daumoi');
      assert.equal((await focalOfTanAn.get(`/api/plans/${planId}/document.docx`)).status, 200);
      const focalOfBinhMinh = await new TestClient(get().app).login('daumoi.bm');
      const refused = await focalOfBinhMinh.get(`/api/plans/${planId}/document.docx`);
      assert.equal(refused.status, 403, JSON.stringify(refused.body));
      assert.equal(refused.body.error.code, 'OUT_OF_SCOPE');
    });
  },
);
