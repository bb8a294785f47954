import { randomUUID } from 'node:crypto';
import type { DemoFixture } from '../test-support/fixtures.js';

export interface Sample {
  path: string;
  body?: unknown;
  /** A multipart form instead of JSON. */
  form?: Record<string, string>;
}

export interface RouteSamples {
  /** A request a permitted user of commune A may make about commune A. */
  inScope: (fx: SampleFixture) => Sample;
  /** The same request aimed at commune B; null when the route has nothing to aim (own account, login). */
  outOfScope: ((fx: SampleFixture) => Sample) | null;
  /** Routes that end or change the caller's own session are checked in the auth tests instead. */
  skipSuccessCheck?: boolean;
  /** The route ends the session it is called with, so the matrix calls it on a session of its own. */
  endsSession?: boolean;
}

export interface SampleFixture extends DemoFixture {
  userInA: number;
  userInB: number;
  unitsOfB: number[];
  /** Hands out fresh residential groups of commune A (merges and splits end the units they touch). */
  unitsOfA: (count: number) => number[];
  provincePlan: number;
  planA: number;
  planB: number;
  indicatorA: number;
  indicatorB: number;
  taskA: number;
  taskB: number;
  fileA: number;
  fileB: number;
  establishmentA: number;
  establishmentB: number;
  inspectionPlanA: number;
  inspectionPlanB: number;
  inspectionA: number;
  inspectionB: number;
  sanctionA: number;
  sanctionB: number;
  tipA: number;
  tipB: number;
  /** Hands out a tip of commune A that has just been received (each step can be taken once). */
  freshTipA: () => number;
  onlinePostA: number;
  onlinePostB: number;
  activityA: number;
  activityB: number;
  seriesA: number;
  seriesB: number;
  peerGroupA: number;
  peerGroupB: number;
  personA: number;
  personB: number;
  courseA: number;
  courseB: number;
  reportA: number;
  reportB: number;
  /** A submitted report of commune A: its numbers are frozen. */
  frozenReportA: number;
  freshDraftReportA: () => number;
  freshSubmittedReportA: () => number;
  /** A period no report of plan A covers yet. */
  newReportPeriod: () => string;
}

let seq = 0;
const next = () => ++seq;

/**
 * One sample request per route. The access matrix test fails for a route that has no sample here,
 * so every new route must say how it is reached in and out of scope.
 */
export const ROUTE_SAMPLES: Record<string, RouteSamples> = {
  'POST /api/auth/logout': { inScope: () => ({ path: '/api/auth/logout' }), outOfScope: null, endsSession: true },
  'GET /api/auth/me': { inScope: () => ({ path: '/api/auth/me' }), outOfScope: null },
  'POST /api/auth/password': {
    inScope: () => ({ path: '/api/auth/password', body: { currentPassword: 'wrong-password', newPassword: 'a-new-password-123' } }),
    outOfScope: null,
    skipSuccessCheck: true,
  },
  'POST /api/auth/totp/setup': { inScope: () => ({ path: '/api/auth/totp/setup' }), outOfScope: null },
  'POST /api/auth/totp/enable': { inScope: () => ({ path: '/api/auth/totp/enable', body: { totpCode: '000000' } }), outOfScope: null, skipSuccessCheck: true },
  'POST /api/auth/totp/disable': { inScope: () => ({ path: '/api/auth/totp/disable', body: { password: 'wrong' } }), outOfScope: null, skipSuccessCheck: true },
  'PUT /api/auth/locale': { inScope: () => ({ path: '/api/auth/locale', body: { locale: 'vi' } }), outOfScope: null },
  'GET /api/units/children': {
    inScope: () => ({ path: '/api/units/children' }),
    outOfScope: (fx) => ({ path: `/api/units/children?parentId=${fx.communeB}` }),
  },
  'GET /api/units/search': {
    inScope: () => ({ path: '/api/units/search?q=a' }),
    outOfScope: null,
  },
  'GET /api/units/export': {
    inScope: (fx) => ({ path: `/api/units/export?unitId=${fx.communeA}` }),
    outOfScope: (fx) => ({ path: `/api/units/export?unitId=${fx.communeB}` }),
  },
  'GET /api/units/{id}': { inScope: (fx) => ({ path: `/api/units/${fx.groupA}` }), outOfScope: (fx) => ({ path: `/api/units/${fx.groupB}` }) },
  'GET /api/units/{id}/lineage': {
    inScope: (fx) => ({ path: `/api/units/${fx.communeA}/lineage` }),
    outOfScope: (fx) => ({ path: `/api/units/${fx.communeB}/lineage` }),
  },
  'POST /api/units': {
    inScope: (fx) => ({ path: '/api/units', body: { code: `T-A-${next()}`, name: 'Tổ dân phố thử', type: 'to_dan_pho', parentId: fx.communeA, validFrom: '2026-01-01' } }),
    outOfScope: (fx) => ({ path: '/api/units', body: { code: `T-B-${next()}`, name: 'Thôn thử', type: 'thon', parentId: fx.communeB, validFrom: '2026-01-01' } }),
  },
  'PATCH /api/units/{id}': {
    inScope: (fx) => ({ path: `/api/units/${fx.groupA}`, body: { name: `Tổ dân phố 1 (sửa ${next()})` } }),
    outOfScope: (fx) => ({ path: `/api/units/${fx.groupB}`, body: { name: 'Thôn bị sửa trái phép' } }),
  },
  'POST /api/units/merge': {
    inScope: (fx) => ({
      path: '/api/units/merge',
      body: { predecessorIds: fx.unitsOfA(2), effectiveDate: '2026-06-01', successor: { code: `T-M-${next()}`, name: 'Tổ dân phố gộp', type: 'to_dan_pho', parentId: fx.communeA } },
    }),
    outOfScope: (fx) => ({
      path: '/api/units/merge',
      body: { predecessorIds: fx.unitsOfB.slice(0, 2), effectiveDate: '2026-06-01', successor: { code: `T-MB-${next()}`, name: 'Thôn gộp', type: 'thon', parentId: fx.communeB } },
    }),
  },
  'POST /api/units/{id}/split': {
    inScope: (fx) => ({
      path: `/api/units/${fx.unitsOfA(1)[0]}/split`,
      body: {
        effectiveDate: '2026-06-01',
        successors: [
          { code: `T-S1-${next()}`, name: 'Tổ tách 1', type: 'to_dan_pho', parentId: fx.communeA, childIds: [] },
          { code: `T-S2-${next()}`, name: 'Tổ tách 2', type: 'to_dan_pho', parentId: fx.communeA, childIds: [] },
        ],
      },
    }),
    outOfScope: (fx) => ({
      path: `/api/units/${fx.unitsOfB[0]}/split`,
      body: {
        effectiveDate: '2026-06-01',
        successors: [
          { code: `T-SB1-${next()}`, name: 'Thôn tách 1', type: 'thon', parentId: fx.communeB, childIds: [] },
          { code: `T-SB2-${next()}`, name: 'Thôn tách 2', type: 'thon', parentId: fx.communeB, childIds: [] },
        ],
      },
    }),
  },
  'POST /api/units/import': {
    inScope: () => ({ path: '/api/units/import' }),
    outOfScope: null,
    skipSuccessCheck: true,
  },
  'GET /api/users': {
    inScope: () => ({ path: '/api/users?pageSize=200' }),
    outOfScope: (fx) => ({ path: `/api/users?unitId=${fx.communeB}` }),
  },
  'POST /api/users': {
    inScope: (fx) => ({ path: '/api/users', body: { username: `nguoi.a${next()}`, fullName: 'Người A', role: 'mass_org', unitId: fx.communeA, password: 'mat-khau-rat-dai-1' } }),
    outOfScope: (fx) => ({ path: '/api/users', body: { username: `nguoi.b${next()}`, fullName: 'Người B', role: 'mass_org', unitId: fx.communeB, password: 'mat-khau-rat-dai-1' } }),
  },
  'GET /api/users/{id}': { inScope: (fx) => ({ path: `/api/users/${fx.userInA}` }), outOfScope: (fx) => ({ path: `/api/users/${fx.userInB}` }) },
  'PATCH /api/users/{id}': {
    inScope: (fx) => ({ path: `/api/users/${fx.userInA}`, body: { agency: `Cơ quan ${next()}` } }),
    outOfScope: (fx) => ({ path: `/api/users/${fx.userInB}`, body: { agency: 'Sửa trái phép' } }),
  },
  'POST /api/users/{id}/reset-password': {
    inScope: (fx) => ({ path: `/api/users/${fx.userInA}/reset-password`, body: { newPassword: 'mat-khau-tam-thoi-1' } }),
    outOfScope: (fx) => ({ path: `/api/users/${fx.userInB}/reset-password`, body: { newPassword: 'mat-khau-tam-thoi-1' } }),
  },
  'GET /api/audit': {
    inScope: () => ({ path: '/api/audit?pageSize=200' }),
    outOfScope: (fx) => ({ path: `/api/audit?unitId=${fx.communeB}` }),
  },
  'GET /api/plans': { inScope: () => ({ path: '/api/plans' }), outOfScope: null },
  'POST /api/plans': {
    inScope: (fx) => ({ path: '/api/plans', body: { unitId: fx.communeA, placeName: 'Tân An', subject: 'Kế hoạch thử', periodFromYear: 2026, periodToYear: 2026 } }),
    outOfScope: (fx) => ({ path: '/api/plans', body: { unitId: fx.communeB, placeName: 'Bình Minh', subject: 'Kế hoạch thử', periodFromYear: 2026, periodToYear: 2026 } }),
  },
  'GET /api/plans/{id}': { inScope: (fx) => ({ path: `/api/plans/${fx.planA}` }), outOfScope: (fx) => ({ path: `/api/plans/${fx.planB}` }) },
  'PATCH /api/plans/{id}': {
    inScope: (fx) => ({ path: `/api/plans/${fx.planA}`, body: { subject: `Kế hoạch sửa ${next()}` } }),
    outOfScope: (fx) => ({ path: `/api/plans/${fx.planB}`, body: { subject: 'Sửa trái phép' } }),
  },
  'PUT /api/plans/{id}/sections': {
    inScope: (fx) => ({ path: `/api/plans/${fx.planA}/sections`, body: { sections: [{ heading: 'I. MỤC TIÊU', body: `Nội dung ${next()}` }] } }),
    outOfScope: (fx) => ({ path: `/api/plans/${fx.planB}/sections`, body: { sections: [] } }),
  },
  'POST /api/plans/{id}/indicators': {
    inScope: (fx) => ({ path: `/api/plans/${fx.planA}/indicators`, body: taskIndicator() }),
    outOfScope: (fx) => ({ path: `/api/plans/${fx.planB}/indicators`, body: taskIndicator() }),
  },
  'PUT /api/indicators/{id}/targets': {
    inScope: (fx) => ({ path: `/api/indicators/${fx.indicatorA}/targets`, body: { targets: [{ periodKey: '2026', target: 90 + (next() % 10) }] } }),
    outOfScope: (fx) => ({ path: `/api/indicators/${fx.indicatorB}/targets`, body: { targets: [{ periodKey: '2026', target: 1 }] } }),
  },
  'POST /api/plans/{id}/tasks': {
    inScope: (fx) => ({ path: `/api/plans/${fx.planA}/tasks`, body: { title: `Nhiệm vụ ${next()}`, leadAgency: 'Công an phường', deadline: '2026-10-01' } }),
    outOfScope: (fx) => ({ path: `/api/plans/${fx.planB}/tasks`, body: { title: 'Nhiệm vụ trái phép', leadAgency: 'Công an xã' } }),
  },
  'POST /api/plans/{id}/derive': {
    inScope: (fx) => ({ path: `/api/plans/${fx.provincePlan}/derive`, body: { unitId: fx.communeA, placeName: 'Tân An' } }),
    outOfScope: (fx) => ({ path: `/api/plans/${fx.provincePlan}/derive`, body: { unitId: fx.communeB, placeName: 'Bình Minh' } }),
  },
  'GET /api/plans/{id}/board': {
    inScope: (fx) => ({ path: `/api/plans/${fx.planA}/board?periodKey=2026` }),
    outOfScope: (fx) => ({ path: `/api/plans/${fx.planB}/board?periodKey=2026` }),
  },
  'GET /api/measures': { inScope: () => ({ path: '/api/measures' }), outOfScope: null },
  'POST /api/manual-measures': {
    inScope: (fx) => ({ path: '/api/manual-measures', body: { key: `manual.a_${next()}`, name: 'Số liệu A', unitId: fx.communeA } }),
    outOfScope: (fx) => ({ path: '/api/manual-measures', body: { key: `manual.b_${next()}`, name: 'Số liệu B', unitId: fx.communeB } }),
  },
  'PUT /api/manual-values': {
    inScope: (fx) => ({ path: '/api/manual-values', body: { measureKey: 'manual.fixture', unitId: fx.communeA, periodStart: '2026-01-01', periodEnd: '2026-02-01', value: next() } }),
    outOfScope: (fx) => ({ path: '/api/manual-values', body: { measureKey: 'manual.fixture', unitId: fx.communeB, periodStart: '2026-01-01', periodEnd: '2026-02-01', value: 1 } }),
  },
  'GET /api/manual-values': { inScope: () => ({ path: '/api/manual-values?measureKey=manual.fixture' }), outOfScope: null },
  'PUT /api/denominators': {
    inScope: (fx) => ({ path: '/api/denominators', body: { groupKey: 'students', unitId: fx.communeA, year: 2026, value: 100 + next() } }),
    outOfScope: (fx) => ({ path: '/api/denominators', body: { groupKey: 'students', unitId: fx.communeB, year: 2026, value: 1 } }),
  },
  'GET /api/denominators': { inScope: () => ({ path: '/api/denominators' }), outOfScope: null },
  'POST /api/denominators/import': {
    inScope: () => ({ path: '/api/denominators/import', form: {} }),
    outOfScope: null,
    // Needs a file; the import itself is tested in indicators.int.test.ts.
    skipSuccessCheck: true,
  },
  'POST /api/closed-periods': {
    inScope: (fx) => ({ path: '/api/closed-periods', body: { unitId: fx.communeA, periodStart: '2020-01-01', periodEnd: '2020-02-01' } }),
    outOfScope: (fx) => ({ path: '/api/closed-periods', body: { unitId: fx.communeB, periodStart: '2020-01-01', periodEnd: '2020-02-01' } }),
  },
  'GET /api/tasks': { inScope: () => ({ path: '/api/tasks' }), outOfScope: null },
  'GET /api/tasks/{id}': { inScope: (fx) => ({ path: `/api/tasks/${fx.taskA}` }), outOfScope: (fx) => ({ path: `/api/tasks/${fx.taskB}` }) },
  'POST /api/tasks/{id}/progress': {
    inScope: (fx) => ({ path: `/api/tasks/${fx.taskA}/progress`, form: { status: 'in_progress', note: 'Đang thực hiện' } }),
    outOfScope: (fx) => ({ path: `/api/tasks/${fx.taskB}/progress`, form: { status: 'done', doneAt: '2026-01-01' } }),
    // Roles outside coordination may update only their own agency's tasks: checked in tasks.int.test.ts.
    skipSuccessCheck: true,
  },
  'GET /api/establishment-types': { inScope: () => ({ path: '/api/establishment-types' }), outOfScope: null },
  'GET /api/establishments': {
    inScope: () => ({ path: '/api/establishments' }),
    outOfScope: (fx) => ({ path: `/api/establishments?unitId=${fx.communeB}` }),
  },
  'POST /api/establishments': {
    inScope: (fx) => ({ path: '/api/establishments', body: { unitId: fx.groupA, name: `Nhà nghỉ Thử ${next()}`, typeCode: 'guest_house', address: `${next()} Đường Một`, openedOn: '2025-01-01' } }),
    outOfScope: (fx) => ({ path: '/api/establishments', body: { unitId: fx.communeB, name: `Karaoke Thử ${next()}`, typeCode: 'karaoke', address: 'Thôn Đông', openedOn: '2025-01-01' } }),
  },
  'GET /api/establishments/{id}': {
    inScope: (fx) => ({ path: `/api/establishments/${fx.establishmentA}` }),
    outOfScope: (fx) => ({ path: `/api/establishments/${fx.establishmentB}` }),
  },
  'PATCH /api/establishments/{id}': {
    inScope: (fx) => ({ path: `/api/establishments/${fx.establishmentA}`, body: { staffCount: next() % 50 } }),
    outOfScope: (fx) => ({ path: `/api/establishments/${fx.establishmentB}`, body: { staffCount: 1 } }),
  },
  'GET /api/establishments/{id}/history': {
    inScope: (fx) => ({ path: `/api/establishments/${fx.establishmentA}/history` }),
    outOfScope: (fx) => ({ path: `/api/establishments/${fx.establishmentB}/history` }),
  },
  'GET /api/establishments/export': {
    inScope: () => ({ path: '/api/establishments/export?riskLevel=high' }),
    outOfScope: (fx) => ({ path: `/api/establishments/export?unitId=${fx.communeB}` }),
  },
  'POST /api/establishments/import/preview': {
    inScope: () => ({ path: '/api/establishments/import/preview', form: {} }),
    outOfScope: null,
    // Needs a file; the preview, its row errors and the user's scope are tested in establishments.import.int.test.ts.
    skipSuccessCheck: true,
  },
  'POST /api/establishments/import': {
    inScope: () => ({ path: '/api/establishments/import', form: {} }),
    outOfScope: null,
    // Needs a file; rows of units outside the user's area are refused in establishments.import.int.test.ts.
    skipSuccessCheck: true,
  },
  'GET /api/app-config': { inScope: () => ({ path: '/api/app-config' }), outOfScope: null },
  'GET /api/violation-types': { inScope: () => ({ path: '/api/violation-types' }), outOfScope: null },
  'PUT /api/violation-types': {
    inScope: () => ({ path: '/api/violation-types', body: { code: `test_${next()}`, name: 'Hành vi thử', category: 'other' } }),
    outOfScope: null,
  },
  'GET /api/inspection-plans': { inScope: () => ({ path: '/api/inspection-plans' }), outOfScope: null },
  'POST /api/inspection-plans': {
    inScope: (fx) => ({ path: '/api/inspection-plans', body: inspectionPlan(fx.communeA, [fx.establishmentA]) }),
    outOfScope: (fx) => ({ path: '/api/inspection-plans', body: inspectionPlan(fx.communeB, [fx.establishmentB]) }),
  },
  'GET /api/inspection-plans/{id}': {
    inScope: (fx) => ({ path: `/api/inspection-plans/${fx.inspectionPlanA}` }),
    outOfScope: (fx) => ({ path: `/api/inspection-plans/${fx.inspectionPlanB}` }),
  },
  'POST /api/inspections': {
    inScope: (fx) => ({ path: '/api/inspections', body: { establishmentId: fx.establishmentA, kind: 'surprise', inspectedOn: '2026-10-01', peoplePresent: 3 } }),
    outOfScope: (fx) => ({ path: '/api/inspections', body: { establishmentId: fx.establishmentB, kind: 'surprise', inspectedOn: '2026-10-01' } }),
  },
  'POST /api/inspections/{id}/files': {
    inScope: (fx) => ({ path: `/api/inspections/${fx.inspectionA}/files`, form: {} }),
    outOfScope: (fx) => ({ path: `/api/inspections/${fx.inspectionB}/files`, form: {} }),
    // A form without a file is refused with 400 after the scope check; the upload itself is tested in inspections.int.test.ts.
    skipSuccessCheck: true,
  },
  'GET /api/inspections/{id}': { inScope: (fx) => ({ path: `/api/inspections/${fx.inspectionA}` }), outOfScope: (fx) => ({ path: `/api/inspections/${fx.inspectionB}` }) },
  'GET /api/establishments/{id}/inspections': {
    inScope: (fx) => ({ path: `/api/establishments/${fx.establishmentA}/inspections` }),
    outOfScope: (fx) => ({ path: `/api/establishments/${fx.establishmentB}/inspections` }),
  },
  'PATCH /api/sanctions/{id}': {
    inScope: (fx) => ({ path: `/api/sanctions/${fx.sanctionA}`, body: { followUp: `Đã nộp phạt ${next()}`, followUpDoneOn: '2026-10-20' } }),
    outOfScope: (fx) => ({ path: `/api/sanctions/${fx.sanctionB}`, body: { followUp: 'Sửa trái phép', followUpDoneOn: null } }),
  },
  'GET /api/inspection-priority': {
    inScope: () => ({ path: '/api/inspection-priority' }),
    outOfScope: (fx) => ({ path: `/api/inspection-priority?unitId=${fx.communeB}` }),
  },
  'GET /api/risk-weights': { inScope: () => ({ path: '/api/risk-weights' }), outOfScope: null },
  'PUT /api/risk-weights': { inScope: () => ({ path: '/api/risk-weights', body: riskWeights() }), outOfScope: null },
  'GET /api/tips': { inScope: () => ({ path: '/api/tips?status=open' }), outOfScope: (fx) => ({ path: `/api/tips?unitId=${fx.communeB}` }) },
  'POST /api/tips': {
    inScope: (fx) => ({ path: '/api/tips', body: staffTip(fx.groupA) }),
    outOfScope: (fx) => ({ path: '/api/tips', body: staffTip(fx.groupB) }),
  },
  'GET /api/tips/{id}': { inScope: (fx) => ({ path: `/api/tips/${fx.tipA}` }), outOfScope: (fx) => ({ path: `/api/tips/${fx.tipB}` }) },
  'POST /api/tips/{id}/actions': {
    inScope: (fx) => ({ path: `/api/tips/${fx.freshTipA()}/actions`, body: { action: 'verify', note: 'Đã gọi lại' } }),
    outOfScope: (fx) => ({ path: `/api/tips/${fx.tipB}/actions`, body: { action: 'verify', note: '' } }),
  },
  'GET /api/tips/{id}/reporter': {
    inScope: (fx) => ({ path: `/api/tips/${fx.tipA}/reporter` }),
    outOfScope: (fx) => ({ path: `/api/tips/${fx.tipB}/reporter` }),
    // Only leaders and the assigned handler read identities: checked in tips.int.test.ts.
    skipSuccessCheck: true,
  },
  'GET /api/tip-deadline-rules': { inScope: () => ({ path: '/api/tip-deadline-rules' }), outOfScope: null },
  'PUT /api/tip-deadline-rules': {
    inScope: () => ({ path: '/api/tip-deadline-rules', body: { kind: 'information', days: 15, extensionDays: 15, maxExtensions: 1, legalBasis: 'Quy chế' } }),
    outOfScope: null,
  },
  'GET /api/online-posts': { inScope: () => ({ path: '/api/online-posts' }), outOfScope: null },
  'POST /api/online-posts': {
    inScope: (fx) => ({ path: '/api/online-posts', form: { data: JSON.stringify({ unitId: fx.communeA, platform: 'Zalo', url: `https://example.vn/p/${next()}`, foundOn: '2026-10-01' }) } }),
    outOfScope: (fx) => ({ path: '/api/online-posts', form: { data: JSON.stringify({ unitId: fx.communeB, platform: 'Zalo', url: 'https://example.vn/p/b', foundOn: '2026-10-01' }) } }),
  },
  'PATCH /api/online-posts/{id}': {
    inScope: (fx) => ({ path: `/api/online-posts/${fx.onlinePostA}`, body: { takedownSentOn: '2026-10-02', takedownSentTo: 'Nền tảng', takedownResult: 'pending' } }),
    outOfScope: (fx) => ({ path: `/api/online-posts/${fx.onlinePostB}`, body: { takedownResult: 'pending' } }),
  },
  'POST /api/public/tips': {
    inScope: (fx) => ({ path: '/api/public/tips', body: { unitId: fx.communeA, category: 'prostitution_activity', description: 'Có dấu hiệu môi giới tại quán.', proof: { challenge: 'x', nonce: '0' } } }),
    outOfScope: null,
  },
  'POST /api/public/tips/status': { inScope: () => ({ path: '/api/public/tips/status', body: { referenceCode: 'TG-AAAAAAAA', secret: 'sai' } }), outOfScope: null },
  'GET /api/files/{id}': { inScope: (fx) => ({ path: `/api/files/${fx.fileA}` }), outOfScope: (fx) => ({ path: `/api/files/${fx.fileB}` }) },
  'GET /api/plans/{id}/document.docx': {
    inScope: (fx) => ({ path: `/api/plans/${fx.planA}/document.docx` }),
    outOfScope: (fx) => ({ path: `/api/plans/${fx.planB}/document.docx` }),
  },
  'GET /api/outreach/activities': {
    inScope: () => ({ path: '/api/outreach/activities' }),
    outOfScope: (fx) => ({ path: `/api/outreach/activities?unitId=${fx.communeB}` }),
  },
  'POST /api/outreach/activities': {
    inScope: (fx) => ({ path: '/api/outreach/activities', body: outreachActivity(fx.groupA) }),
    outOfScope: (fx) => ({ path: '/api/outreach/activities', body: outreachActivity(fx.groupB) }),
  },
  'GET /api/outreach/activities/defaults': { inScope: () => ({ path: '/api/outreach/activities/defaults' }), outOfScope: null },
  'GET /api/outreach/activities/{id}': {
    inScope: (fx) => ({ path: `/api/outreach/activities/${fx.activityA}` }),
    outOfScope: (fx) => ({ path: `/api/outreach/activities/${fx.activityB}` }),
  },
  'PATCH /api/outreach/activities/{id}': {
    inScope: (fx) => ({ path: `/api/outreach/activities/${fx.activityA}`, body: { topic: `Phòng, chống mua bán người, buổi ${next()}` } }),
    outOfScope: (fx) => ({ path: `/api/outreach/activities/${fx.activityB}`, body: { topic: 'Sửa trái phép' } }),
  },
  'POST /api/outreach/activities/{id}/files': {
    inScope: (fx) => ({ path: `/api/outreach/activities/${fx.activityA}/files`, form: {} }),
    outOfScope: (fx) => ({ path: `/api/outreach/activities/${fx.activityB}/files`, form: {} }),
    // A form without a file is refused with 400 after the scope check; the upload itself is tested in outreach.int.test.ts.
    skipSuccessCheck: true,
  },
  'GET /api/outreach/series': { inScope: () => ({ path: '/api/outreach/series' }), outOfScope: null },
  'POST /api/outreach/series': {
    inScope: (fx) => ({ path: '/api/outreach/series', body: outreachSeries(fx.communeA) }),
    outOfScope: (fx) => ({ path: '/api/outreach/series', body: outreachSeries(fx.communeB) }),
  },
  'PATCH /api/outreach/series/{id}': {
    inScope: (fx) => ({ path: `/api/outreach/series/${fx.seriesA}`, body: { topic: `Tác hại của tệ nạn mại dâm, phần ${next()}` } }),
    outOfScope: (fx) => ({ path: `/api/outreach/series/${fx.seriesB}`, body: { endsOn: '2026-02-01' } }),
  },
  'GET /api/outreach/peer-groups': { inScope: () => ({ path: '/api/outreach/peer-groups' }), outOfScope: null },
  'POST /api/outreach/peer-groups': {
    inScope: (fx) => ({ path: '/api/outreach/peer-groups', body: peerGroup(fx.communeA) }),
    outOfScope: (fx) => ({ path: '/api/outreach/peer-groups', body: peerGroup(fx.communeB) }),
  },
  'GET /api/outreach/peer-groups/{id}': {
    inScope: (fx) => ({ path: `/api/outreach/peer-groups/${fx.peerGroupA}` }),
    outOfScope: (fx) => ({ path: `/api/outreach/peer-groups/${fx.peerGroupB}` }),
  },
  'PATCH /api/outreach/peer-groups/{id}': {
    inScope: (fx) => ({ path: `/api/outreach/peer-groups/${fx.peerGroupA}`, body: { membersCount: 10 + (next() % 20) } }),
    outOfScope: (fx) => ({ path: `/api/outreach/peer-groups/${fx.peerGroupB}`, body: { membersCount: 1 } }),
  },
  'GET /api/outreach/coverage': {
    inScope: () => ({ path: '/api/outreach/coverage?from=2026-01-01&to=2026-07-01' }),
    outOfScope: (fx) => ({ path: `/api/outreach/coverage?from=2026-01-01&to=2026-07-01&unitId=${fx.communeB}` }),
  },
  'GET /api/training/people': {
    inScope: () => ({ path: '/api/training/people' }),
    outOfScope: (fx) => ({ path: `/api/training/people?unitId=${fx.communeB}` }),
  },
  'POST /api/training/people': {
    inScope: (fx) => ({ path: '/api/training/people', body: rosterPerson(fx.groupA) }),
    outOfScope: (fx) => ({ path: '/api/training/people', body: rosterPerson(fx.communeB) }),
  },
  'PATCH /api/training/people/{id}': {
    inScope: (fx) => ({ path: `/api/training/people/${fx.personA}`, body: { position: `Công chức văn hóa - xã hội ${next()}` } }),
    outOfScope: (fx) => ({ path: `/api/training/people/${fx.personB}`, body: { leftOn: '2026-10-01' } }),
  },
  'GET /api/training/courses': {
    inScope: () => ({ path: '/api/training/courses' }),
    outOfScope: (fx) => ({ path: `/api/training/courses?unitId=${fx.communeB}` }),
  },
  'POST /api/training/courses': {
    inScope: (fx) => ({ path: '/api/training/courses', body: course(fx.communeA) }),
    outOfScope: (fx) => ({ path: '/api/training/courses', body: course(fx.communeB) }),
  },
  'GET /api/training/courses/{id}': {
    inScope: (fx) => ({ path: `/api/training/courses/${fx.courseA}` }),
    outOfScope: (fx) => ({ path: `/api/training/courses/${fx.courseB}` }),
  },
  'PUT /api/training/courses/{id}/attendance': {
    inScope: (fx) => ({ path: `/api/training/courses/${fx.courseA}/attendance`, body: { attendees: [{ personId: fx.personA, completed: true }] } }),
    outOfScope: (fx) => ({ path: `/api/training/courses/${fx.courseB}/attendance`, body: { attendees: [{ personId: fx.personB, completed: true }] } }),
  },
  'POST /api/training/courses/{id}/certificates': {
    inScope: (fx) => ({ path: `/api/training/courses/${fx.courseA}/certificates`, form: { personId: String(fx.personA) } }),
    outOfScope: (fx) => ({ path: `/api/training/courses/${fx.courseB}/certificates`, form: { personId: String(fx.personB) } }),
    // A form without a file is refused with 400 after the scope check; certificates are tested in training.int.test.ts.
    skipSuccessCheck: true,
  },
  'GET /api/reports': { inScope: () => ({ path: '/api/reports' }), outOfScope: null },
  'POST /api/reports': {
    inScope: (fx) => ({ path: '/api/reports', body: { planId: fx.planA, periodKey: fx.newReportPeriod() } }),
    outOfScope: (fx) => ({ path: '/api/reports', body: { planId: fx.planB, periodKey: '2027' } }),
  },
  'GET /api/reports/{id}': { inScope: (fx) => ({ path: `/api/reports/${fx.reportA}` }), outOfScope: (fx) => ({ path: `/api/reports/${fx.reportB}` }) },
  'PATCH /api/reports/{id}': {
    inScope: (fx) => ({ path: `/api/reports/${fx.reportA}`, body: { narrative: { results: 'Đã kiểm tra các cơ sở.', limits: '', proposals: '' } } }),
    outOfScope: (fx) => ({ path: `/api/reports/${fx.reportB}`, body: { numberSymbol: '1/BC-UBND' } }),
  },
  'POST /api/reports/{id}/submit': { inScope: (fx) => ({ path: `/api/reports/${fx.freshDraftReportA()}/submit` }), outOfScope: (fx) => ({ path: `/api/reports/${fx.reportB}/submit` }) },
  'POST /api/reports/{id}/approve': {
    inScope: (fx) => ({ path: `/api/reports/${fx.freshSubmittedReportA()}/approve`, body: { signerName: 'Nguyễn Văn Ký', signerTitle: 'CHỦ TỊCH' } }),
    outOfScope: (fx) => ({ path: `/api/reports/${fx.reportB}/approve`, body: { signerName: 'Nguyễn Văn Ký', signerTitle: 'CHỦ TỊCH' } }),
  },
  // Only the level above receives or returns a report; a user of commune A is never above it: see reports.int.test.ts.
  'POST /api/reports/{id}/receive': { inScope: (fx) => ({ path: `/api/reports/${fx.reportA}/receive` }), outOfScope: (fx) => ({ path: `/api/reports/${fx.reportB}/receive` }), skipSuccessCheck: true },
  'POST /api/reports/{id}/return': {
    inScope: (fx) => ({ path: `/api/reports/${fx.reportA}/return`, body: { comment: 'Bổ sung số liệu.' } }),
    outOfScope: (fx) => ({ path: `/api/reports/${fx.reportB}/return`, body: { comment: 'Bổ sung số liệu.' } }),
    skipSuccessCheck: true,
  },
  'GET /api/reports/{id}/document': { inScope: (fx) => ({ path: `/api/reports/${fx.reportA}/document` }), outOfScope: (fx) => ({ path: `/api/reports/${fx.reportB}/document` }) },
  'GET /api/reports/{id}/annex': { inScope: (fx) => ({ path: `/api/reports/${fx.reportA}/annex` }), outOfScope: (fx) => ({ path: `/api/reports/${fx.reportB}/annex` }) },
  'GET /api/reports/{id}/dhis2': { inScope: (fx) => ({ path: `/api/reports/${fx.frozenReportA}/dhis2` }), outOfScope: (fx) => ({ path: `/api/reports/${fx.reportB}/dhis2` }) },
  'GET /api/report-overview': {
    inScope: (fx) => ({ path: `/api/report-overview?planId=${fx.planA}&periodKey=2026H1` }),
    outOfScope: (fx) => ({ path: `/api/report-overview?planId=${fx.planB}&periodKey=2026H1` }),
  },
  'GET /api/report-reminders': { inScope: () => ({ path: '/api/report-reminders' }), outOfScope: null },
  'PUT /api/dhis2-mapping': {
    inScope: (fx) => ({ path: '/api/dhis2-mapping', body: { indicators: [{ indicatorId: fx.indicatorA, dataElement: 'PCMD_A' }], units: [{ unitId: fx.communeA, orgUnit: 'OU_A' }] } }),
    outOfScope: (fx) => ({ path: '/api/dhis2-mapping', body: { indicators: [{ indicatorId: fx.indicatorB, dataElement: 'PCMD_B' }], units: [{ unitId: fx.communeB, orgUnit: 'OU_B' }] } }),
  },
};

function outreachActivity(unitId: number) {
  return {
    unitId, heldOn: '2026-10-01', agency: 'Hội Liên hiệp Phụ nữ', channel: 'community_meeting', topic: `Sinh hoạt tổ dân phố lần ${next()}`,
    reach: [{ group: 'residents', reached: 40 }], clientId: randomUUID(),
  };
}

function outreachSeries(unitId: number) {
  return { unitId, agency: 'Trung tâm Dịch vụ Sự nghiệp công', channel: 'loudspeaker', topic: `Phát thanh chuyên mục ${next()}`, frequency: 'weekly', startsOn: '2026-03-02' };
}

function peerGroup(unitId: number) {
  return { unitId, name: `Câu lạc bộ Thử ${next()}`, kind: 'club', hostAgency: 'Đoàn Thanh niên', membersCount: 20, foundedOn: '2026-01-01' };
}

function rosterPerson(unitId: number) {
  return { unitId, fullName: `Nguyễn Thị Thử ${next()}`, kind: 'collaborator', agency: 'Hội Liên hiệp Phụ nữ', joinedOn: '2026-01-01' };
}

function course(unitId: number) {
  return { unitId, title: `Tập huấn kỹ năng truyền thông ${next()}`, organiser: 'Phòng Văn hóa - Xã hội', level: 'commune', startsOn: '2026-09-01', endsOn: '2026-09-02' };
}

function taskIndicator() {
  return { name: `Chỉ tiêu ${next()}`, shape: 'task_completion', numerator: { measure: 'tasks.done_on_time' }, denominator: { measure: 'tasks.due' }, comparator: 'gte', unitLevel: 3, targets: [{ periodKey: '2026', target: 100 }] };
}

function inspectionPlan(unitId: number, establishmentIds: number[]) {
  return { unitId, kind: 'thematic', title: `Kiểm tra trước Tết ${next()}`, team: [{ name: 'Nguyễn Văn Tổ', agency: 'Công an' }], startsOn: '2027-01-10', endsOn: '2027-01-25', establishmentIds };
}

function riskWeights() {
  return {
    type: { karaoke: 20, massage: 25 }, riskLevel: { low: 0, medium: 15, high: 35 }, unclassified: 10, perMonthSinceInspection: 2,
    neverInspected: 30, monthsCap: 24, perPastViolation: 10, perLinkedTip: 8, noCommitment: 15,
  };
}

function staffTip(unitId: number) {
  return { unitId, category: 'prostitution_activity', channel: 'hotline', description: `Người dân báo có hoạt động đáng ngờ, lần ${next()}.` };
}
