import { inTransaction } from '../db/database.js';
import { sql } from 'kysely';
import type { TRole, TUnitType } from '@pcmd/contracts';
import { unitLevel } from '@pcmd/contracts';
import type { Db } from '../db/database.js';
import type { Actor, RequestContext } from '../lib/context.js';
import { hashPassword } from '../modules/auth/password.js';
import { insertUnits } from '../modules/units/units.repository.js';
import { createUnit, mergeUnits } from '../modules/units/units.service.js';
import { insertUser } from '../modules/users/users.repository.js';
import { recordAudit } from '../modules/audit/audit.service.js';
import { ZCreatePlanRequest } from '@pcmd/contracts';
import { createPlan, updatePlan } from '../modules/plans/plans.service.js';
import { defineManualMeasure, enterManualValue, setDenominator } from '../modules/indicators/indicators.service.js';
import { provincePlan, SEED_MANUAL_MEASURES } from './seed-plans.js';
import { ZCreateEstablishmentRequest, ZInspectionRequest } from '@pcmd/contracts';
import { seedDemoTips } from './demo-tips.js';
import { createEstablishment } from '../modules/establishments/establishments.service.js';
import { recordInspection } from '../modules/inspections/inspections.service.js';
import { ZCreateCourseRequest, ZCreateOutreachActivityRequest, ZCreateOutreachSeriesRequest, ZCreatePeerGroupRequest, ZCreateRosterPersonRequest } from '@pcmd/contracts';
import { createActivity, createPeerGroup, createSeries } from '../modules/outreach/outreach.service.js';
import { addPerson, createCourse, setAttendance } from '../modules/training/training.service.js';

/** The password of every demo account; printed at start, never used outside the demo. */
export const DEMO_PASSWORD = 'pcmd-demo-2026';

export interface DemoLogin {
  username: string;
  role: TRole;
  unitName: string;
}

interface DemoUnits {
  country: number;
  province: number;
  district: number;
  wardTanAn: number;
  communeBinhMinh: number;
  wardHoaBinh: number;
}

/** Creates the country root if absent; every other unit hangs under it. */
export async function ensureCountryRoot(db: Db): Promise<number> {
  const existing = await db.selectFrom('units').select('id').where('level', '=', 0).where('code', '=', 'VN').executeTakeFirst();
  if (existing) return existing.id;
  const [id] = await insertUnits(db, [{ code: 'VN', name: 'Việt Nam', type: 'quoc_gia', level: 0, parentId: null, validFrom: '1945-09-02' }]);
  return id;
}

/** A built-in actor for start-up work (demo data, command-line imports), audited like anyone else. */
export function systemContext(db: Db, unitId: number): RequestContext {
  const actor: Actor = { userId: 0, username: 'system', role: 'admin', unitId };
  return { db, actor, requestId: 'system', locale: 'vi' };
}

const unit = async (ctx: RequestContext, code: string, name: string, type: TUnitType, parentId: number, validFrom = '2019-01-01', validTo?: string) => {
  const [id] = await insertUnits(ctx.db, [{ code, name, type, level: unitLevel(type), parentId, validFrom, validTo }]);
  await recordAudit(ctx.db, ctx, { action: 'create', entity: 'unit', entityId: id, unitId: id, after: { code, name, type, parentId, validFrom } });
  return id;
};

/**
 * A fictional province: one former district, three communes/wards (Phường Tân An formed on 01/07/2025 by merging
 * two older communes), villages or residential groups in each, and one demo user per role. Nothing here is real.
 */
export async function seedDemoData(db: Db, options: { sampleFigures?: boolean } = {}): Promise<DemoLogin[]> {
  const country = await ensureCountryRoot(db);
  const ctx = systemContext(db, country);
  const province = await unit(ctx, 'MAU', 'Tỉnh Mẫu', 'tinh', country);
  const district = await unit(ctx, 'MAU-MS', 'Huyện Mẫu Sơn', 'huyen', province, '2019-01-01', '2025-07-01');
  const tanLap = await unit(ctx, 'MAU-TL', 'Xã Tân Lập', 'xa', district, '2019-01-01');
  const anHoa = await unit(ctx, 'MAU-AH', 'Xã An Hòa', 'xa', district, '2019-01-01');
  for (let i = 1; i <= 3; i++) await unit(ctx, `MAU-TL-${i}`, `Tổ dân phố ${i}`, 'to_dan_pho', tanLap);
  for (let i = 4; i <= 6; i++) await unit(ctx, `MAU-AH-${i}`, `Tổ dân phố ${i}`, 'to_dan_pho', anHoa);
  const merged = await mergeUnits(ctx, {
    predecessorIds: [tanLap, anHoa],
    effectiveDate: '2025-07-01',
    successor: { code: 'MAU-TA', name: 'Phường Tân An', type: 'phuong', parentId: province },
  });
  const communeBinhMinh = (await createUnit(ctx, { code: 'MAU-BM', name: 'Xã Bình Minh', type: 'xa', parentId: province, validFrom: '2025-07-01' })).id;
  for (const [i, name] of ['Thôn Đông', 'Thôn Tây', 'Thôn Nam', 'Thôn Bắc', 'Thôn Trung'].entries())
    await unit(ctx, `MAU-BM-${i + 1}`, name, 'thon', communeBinhMinh, '2025-07-01');
  const wardHoaBinh = (await createUnit(ctx, { code: 'MAU-HB', name: 'Phường Hòa Bình', type: 'phuong', parentId: province, validFrom: '2025-07-01' })).id;
  for (let i = 1; i <= 4; i++) await unit(ctx, `MAU-HB-${i}`, `Khu phố ${i}`, 'khu_pho', wardHoaBinh, '2025-07-01');
  const units: DemoUnits = { country, province, district, wardTanAn: merged.id, communeBinhMinh, wardHoaBinh };
  const logins = await seedDemoUsers(ctx, units);
  await seedDemoPlan(ctx, units, options.sampleFigures ?? false);
  return logins;
}

/** A few fictional establishments with reviews and inspections, so that the registry, the map and the board show something. */
async function seedDemoEstablishments(ctx: RequestContext) {
  const groupOf = async (code: string) => (await ctx.db.selectFrom('units').select('id').where('code', '=', code).executeTakeFirstOrThrow()).id;
  const places: [string, string, string, number, number, string | null, string | null][] = [
    ['Nhà nghỉ Mẫu Đơn', 'guest_house', 'MAU-TL-1', 21.0312, 105.8421, 'medium', '2026-01-20'],
    ['Karaoke Thử Nghiệm', 'karaoke', 'MAU-TL-2', 21.0335, 105.8452, 'high', '2026-03-12'],
    ['Massage Hoa Giả', 'massage', 'MAU-AH-4', 21.0291, 105.8477, 'high', null],
    ['Khách sạn Mẫu Tâm', 'hotel', 'MAU-AH-5', 21.0276, 105.8402, 'low', '2026-02-02'],
    ['Nhà trọ Dãy A', 'rental_rooms', 'MAU-HB-1', 21.0401, 105.8512, null, null],
    ['Quán bia Hư Cấu', 'pub', 'MAU-BM-2', 21.0188, 105.8301, 'low', '2026-04-18'],
  ];
  for (const [name, typeCode, unitCode, latitude, longitude, riskLevel, inspectedOn] of places) {
    const e = await createEstablishment(ctx, ZCreateEstablishmentRequest.parse({
      unitId: await groupOf(unitCode), name, typeCode, address: `Số ${name.length}, ${unitCode}`, latitude, longitude, openedOn: '2024-05-01',
      riskLevel, classifiedOn: riskLevel ? '2026-01-10' : null, commitmentSignedOn: riskLevel === 'low' ? '2026-01-15' : null,
    }));
    if (inspectedOn)
      await recordInspection(ctx, ZInspectionRequest.parse({
        establishmentId: e.id, kind: 'periodic', inspectedOn, peoplePresent: 2,
        violations: riskLevel === 'high' ? [{ code: 'late_hours' }] : [],
      }));
  }
}

/** A date some days before today (Vietnam), so that the demo's activities have always taken place. */
const daysAgo = (days: number) => new Date(Date.now() + 7 * 3_600_000 - days * 86_400_000).toISOString().slice(0, 10);

/** Fictional outreach (activities, a broadcast series, a peer group) and training (a roster, a course) for the live demo. */
async function seedDemoOutreachAndTraining(ctx: RequestContext, units: DemoUnits) {
  const idOf = async (code: string) => (await ctx.db.selectFrom('units').select('id').where('code', '=', code).executeTakeFirstOrThrow()).id;
  const peerGroup = await createPeerGroup(ctx, ZCreatePeerGroupRequest.parse({
    unitId: units.wardTanAn, name: 'Nhóm đồng đẳng Hướng Dương', kind: 'peer_group', hostAgency: 'Hội Liên hiệp Phụ nữ phường', membersCount: 11, foundedOn: daysAgo(400),
  }));
  const activities: [string, number, string, string, [string, number][]][] = [
    ['MAU-TL-1', 5, 'community_meeting', 'Họp tổ dân phố: phòng, chống mại dâm tại khu nhà trọ', [['residents', 42]]],
    ['MAU-TL-2', 20, 'community_meeting', 'Sinh hoạt cộng đồng: nhận diện hành vi môi giới trên mạng', [['residents', 35], ['youth', 12]]],
    ['MAU-AH-4', 33, 'school_session', 'Ngoại khóa kỹ năng sống cho học sinh', [['students', 180]]],
    ['MAU-TA', 47, 'industrial_zone_session', 'Truyền thông tại khu công nghiệp Mẫu Sơn', [['industrial_workers', 260], ['migrant_workers', 90]]],
    ['MAU-TA', 61, 'establishment_staff_session', 'Tuyên truyền cho nhân viên cơ sở lưu trú, karaoke', [['establishment_staff', 48], ['establishment_owners', 9]]],
    ['MAU-BM-1', 15, 'community_meeting', 'Họp thôn: phòng, chống mua bán người', [['residents', 51]]],
    ['MAU-BM', 75, 'social_media', 'Bài đăng trang Zalo của xã', [['residents', 0]]],
  ];
  for (const [code, ago, channel, topic, reach] of activities)
    await createActivity(ctx, ZCreateOutreachActivityRequest.parse({
      unitId: await idOf(code), heldOn: daysAgo(ago), agency: code.startsWith('MAU-BM') ? 'Văn hóa - Xã hội xã' : 'Hội Liên hiệp Phụ nữ phường', channel, topic,
      reach: reach.map(([group, reached]) => ({ group, reached })),
    }));
  await createActivity(ctx, ZCreateOutreachActivityRequest.parse({
    unitId: units.wardTanAn, heldOn: daysAgo(9), agency: 'Hội Liên hiệp Phụ nữ phường', channel: 'peer_group_activity', topic: 'Sinh hoạt nhóm: tiếp cận dịch vụ y tế', peerGroupId: peerGroup.id,
    reach: [{ group: 'high_risk', reached: 8 }],
  }));
  await createSeries(ctx, ZCreateOutreachSeriesRequest.parse({
    unitId: units.wardTanAn, agency: 'Trung tâm Dịch vụ Sự nghiệp công phường', channel: 'loudspeaker', topic: 'Chuyên mục phát thanh phòng, chống tệ nạn xã hội', frequency: 'weekly', startsOn: daysAgo(120),
    reach: [{ group: 'residents', reached: 0 }],
  }));
  await setDenominator(ctx, { groupKey: 'industrial_workers', unitId: units.wardTanAn, year: Number(daysAgo(0).slice(0, 4)), value: 420 });
  const roster: [string, string, string][] = [
    ['Phạm Thị Mối', 'official', 'Phòng Văn hóa - Xã hội'], ['Hoàng Văn An', 'police', 'Công an phường'], ['Vũ Thị Tế', 'health_worker', 'Trạm Y tế'],
    ['Bùi Thị Đoàn', 'volunteer', 'Hội Liên hiệp Phụ nữ'], ['Trịnh Văn Giảng', 'teacher', 'Trường THCS Tân An'], ['Mai Thị Cộng', 'collaborator', 'Tổ dân phố 1'],
  ];
  const people = [];
  for (const [fullName, kind, agency] of roster)
    people.push(await addPerson(ctx, ZCreateRosterPersonRequest.parse({ unitId: kind === 'collaborator' ? await idOf('MAU-TL-1') : units.wardTanAn, fullName, kind, agency, joinedOn: daysAgo(500) })));
  const course = await createCourse(ctx, ZCreateCourseRequest.parse({
    unitId: units.wardTanAn, title: 'Tập huấn nghiệp vụ phòng, chống mại dâm cho đội ngũ cơ sở', organiser: 'Sở Y tế tỉnh Mẫu', level: 'province',
    startsOn: daysAgo(40), endsOn: daysAgo(39), topics: ['Quản lý địa bàn', 'Hỗ trợ can thiệp giảm hại', 'Xử lý thông tin trên môi trường mạng'],
  }));
  await setAttendance(ctx, course.id, { attendees: people.slice(0, 4).map((p) => ({ personId: p.id, completed: true })) });
}

/** The data sets the seed plans need until their registries exist, and the province plan; figures only for the live demo. */
async function seedDemoPlan(ctx: RequestContext, units: DemoUnits, sampleFigures: boolean) {
  for (const [key, name] of SEED_MANUAL_MEASURES) await defineManualMeasure(ctx, { key, name, unitId: units.province });
  const plan = await createPlan(ctx, ZCreatePlanRequest.parse(provincePlan(units.province)));
  await updatePlan(ctx, plan.id, { status: 'issued' });
  if (!sampleFigures) return;
  await seedDemoEstablishments(ctx);
  await seedDemoOutreachAndTraining(ctx, units);
  await seedDemoTips(ctx);
  const figures: [string, number, number][] = [
    ['manual.sex_workers_served', units.wardTanAn, 3],
  ];
  for (const [measureKey, unitId, value] of figures)
    await enterManualValue(ctx, { measureKey, unitId, periodStart: '2026-03-01', periodEnd: '2026-04-01', value });
  await setDenominator(ctx, { groupKey: 'sex_workers_with_needs', unitId: units.wardTanAn, year: 2026, value: 4 });
}

async function seedDemoUsers(ctx: RequestContext, units: DemoUnits): Promise<DemoLogin[]> {
  const firstGroup = await ctx.db.selectFrom('units').select('id').where('code', '=', 'MAU-TL-1').executeTakeFirstOrThrow();
  const people: { username: string; fullName: string; role: TRole; unitId: number; unitName: string; agency?: string }[] = [
    { username: 'quantri', fullName: 'Nguyễn Văn Quản', role: 'admin', unitId: units.province, unitName: 'Tỉnh Mẫu' },
    { username: 'soyte', fullName: 'Trần Thị Sở', role: 'provincial_health', unitId: units.province, unitName: 'Tỉnh Mẫu', agency: 'Sở Y tế' },
    { username: 'lanhdao', fullName: 'Lê Văn Lãnh', role: 'leader', unitId: units.wardTanAn, unitName: 'Phường Tân An', agency: 'UBND phường' },
    { username: 'daumoi', fullName: 'Phạm Thị Mối', role: 'focal_point', unitId: units.wardTanAn, unitName: 'Phường Tân An', agency: 'Phòng Văn hóa - Xã hội' },
    { username: 'congan', fullName: 'Hoàng Văn An', role: 'police', unitId: units.wardTanAn, unitName: 'Phường Tân An', agency: 'Công an phường' },
    { username: 'yte', fullName: 'Vũ Thị Tế', role: 'health_social', unitId: units.wardTanAn, unitName: 'Phường Tân An', agency: 'Trạm Y tế' },
    { username: 'kiemtra', fullName: 'Đỗ Văn Tra', role: 'inspection_team', unitId: units.wardTanAn, unitName: 'Phường Tân An', agency: 'Đoàn kiểm tra liên ngành' },
    { username: 'doanthe', fullName: 'Bùi Thị Đoàn', role: 'mass_org', unitId: units.wardTanAn, unitName: 'Phường Tân An', agency: 'Hội Liên hiệp Phụ nữ' },
    { username: 'totruong', fullName: 'Đặng Văn Tổ', role: 'village_head', unitId: firstGroup.id, unitName: 'Tổ dân phố 1, Phường Tân An' },
    { username: 'ketoan', fullName: 'Ngô Thị Toán', role: 'finance', unitId: units.wardTanAn, unitName: 'Phường Tân An', agency: 'Bộ phận Tài chính' },
    { username: 'daumoi.bm', fullName: 'Lý Văn Minh', role: 'focal_point', unitId: units.communeBinhMinh, unitName: 'Xã Bình Minh', agency: 'Văn hóa - Xã hội' },
  ];
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  for (const p of people) {
    const id = await insertUser(ctx.db, { ...p, passwordHash });
    await recordAudit(ctx.db, ctx, { action: 'create', entity: 'user', entityId: id, unitId: p.unitId, after: { username: p.username, role: p.role, unitId: p.unitId } });
  }
  return people.map(({ username, role, unitName }) => ({ username, role, unitName }));
}

/** Seeds the demo on an empty database only; returns the logins, or null when data already exists. */
export async function seedDemoIfEmpty(db: Db): Promise<DemoLogin[] | null> {
  const { rows } = await sql<{ n: number }>`select count(*)::int as n from users`.execute(db);
  if (rows[0].n > 0) return null;
  return inTransaction(db, (trx) => seedDemoData(trx, { sampleFigures: true }));
}

export async function listDemoLogins(db: Db): Promise<DemoLogin[]> {
  const rows = await db
    .selectFrom('users as u')
    .innerJoin('units as un', 'un.id', 'u.unit_id')
    .select(['u.username', 'u.role', 'un.name'])
    .where('un.code', 'like', 'MAU%')
    .orderBy('u.id')
    .execute();
  return rows.map((r) => ({ username: r.username, role: r.role as TRole, unitName: r.name }));
}
