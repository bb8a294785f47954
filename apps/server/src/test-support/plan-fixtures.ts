import assert from 'node:assert/strict';
import { ZCreateCourseRequest, ZCreateEstablishmentRequest, ZCreateOutreachActivityRequest, ZCreateOutreachSeriesRequest, ZCreatePeerGroupRequest, ZCreatePlanRequest, ZCreateRosterPersonRequest, ZInspectionPlanRequest, ZInspectionRequest, ZOnlinePostRequest, ZStaffTipRequest, type TCreatePlanRequest } from '@pcmd/contracts';
import { receiveTip } from '../modules/tips/tips.service.js';
import { logOnlinePost } from '../modules/tips/online-posts.service.js';
import { createInspectionPlan, recordInspection } from '../modules/inspections/inspections.service.js';
import { createEstablishment } from '../modules/establishments/establishments.service.js';
import type { TestClient } from './http.js';
import type { Db } from '../db/database.js';
import { ensureCountryRoot, systemContext } from '../demo/demo-data.js';
import { createPlan } from '../modules/plans/plans.service.js';
import { reportTaskProgress } from '../modules/tasks/tasks.service.js';
import { defineManualMeasure } from '../modules/indicators/indicators.service.js';
import { createActivity, createPeerGroup, createSeries } from '../modules/outreach/outreach.service.js';
import { addPerson, createCourse, setAttendance } from '../modules/training/training.service.js';

/** A plan built through the service (as the API would), with sensible defaults for what the test does not care about. */
export async function createTestPlan(db: Db, input: Partial<TCreatePlanRequest> & { unitId: number }) {
  const ctx = systemContext(db, await ensureCountryRoot(db));
  return createPlan(
    ctx,
    ZCreatePlanRequest.parse({
      placeName: 'Mẫu',
      subject: 'Phòng, chống mại dâm năm 2026',
      periodFromYear: 2026,
      periodToYear: 2026,
      sections: [{ heading: 'I. MỤC TIÊU', body: 'Phòng ngừa là chính.' }],
      indicators: [
        { name: '100% nhiệm vụ hoàn thành đúng hạn', shape: 'task_completion', numerator: { measure: 'tasks.done_on_time' }, denominator: { measure: 'tasks.due' }, comparator: 'gte', unitLevel: 3, targets: [{ periodKey: '2026', target: 100 }] },
      ],
      tasks: [{ title: 'Ban hành kế hoạch', leadAgency: 'Văn hóa - Xã hội', deadline: '2026-03-01', sectionPosition: 0 }],
      ...input,
    }),
  );
}

/** An evidence file attached to a task, through the service. */
export async function attachTestEvidence(db: Db, taskId: number) {
  const ctx = systemContext(db, await ensureCountryRoot(db));
  const pdf = new File([new TextEncoder().encode('%PDF-1.4\n% minh chứng thử\n')], 'minh-chung.pdf', { type: 'application/pdf' });
  const task = await reportTaskProgress(ctx, taskId, { status: 'in_progress', note: 'Đang làm' }, pdf);
  return task.updates.at(-1)!.file!.id;
}

export async function createTestManualMeasure(db: Db, key: string, unitId: number) {
  const ctx = systemContext(db, await ensureCountryRoot(db));
  return defineManualMeasure(ctx, { key, name: `Số liệu ${key}`, unitId });
}

/** An establishment in a unit, through the service. */
export async function createTestEstablishment(db: Db, unitId: number, name: string) {
  const ctx = systemContext(db, await ensureCountryRoot(db));
  return createEstablishment(ctx, ZCreateEstablishmentRequest.parse({ unitId, name, typeCode: 'karaoke', address: `${name}, số 1`, openedOn: '2025-01-01' }));
}

/** An inspection plan and a visit with a violation and a sanction at an establishment, through the services. */
export async function createTestInspection(db: Db, unitId: number, establishmentId: number) {
  const ctx = systemContext(db, await ensureCountryRoot(db));
  const plan = await createInspectionPlan(
    ctx,
    ZInspectionPlanRequest.parse({ unitId, kind: 'periodic', title: 'Kiểm tra định kỳ', team: [{ name: 'Tổ trưởng', agency: 'Công an' }], startsOn: '2026-09-01', endsOn: '2026-09-30', establishmentIds: [establishmentId] }),
  );
  const inspection = await recordInspection(
    ctx,
    ZInspectionRequest.parse({
      establishmentId, inspectionPlanId: plan.id, kind: 'periodic', inspectedOn: '2026-09-10', peoplePresent: 2,
      violations: [{ code: 'late_hours' }], sanction: { decisionNo: '12/QĐ-XPHC', decisionDate: '2026-09-12', issuer: 'Chủ tịch UBND', fineAmount: 5_000_000 },
    }),
  );
  return { planId: plan.id, inspectionId: inspection.id, sanctionId: inspection.sanctions[0].id };
}

/** A tip received by staff in a unit, through the service. */
export async function createTestTip(db: Db, unitId: number, reporter: { name: string; contact: string } | null = null) {
  const ctx = systemContext(db, await ensureCountryRoot(db));
  return (await receiveTip(ctx, ZStaffTipRequest.parse({ unitId, category: 'prostitution_activity', channel: 'hotline', description: 'Người dân báo có hoạt động đáng ngờ.', reporter }))).id;
}

/** An online post logged in a unit, through the service. */
export async function createTestOnlinePost(db: Db, unitId: number) {
  const ctx = systemContext(db, await ensureCountryRoot(db));
  return (await logOnlinePost(ctx, ZOnlinePostRequest.parse({ unitId, platform: 'Facebook', url: 'https://example.vn/bai-dang', foundOn: '2026-09-01' }), null)).id;
}

/** A peer group, an activity it held and a weekly loudspeaker series in a unit, through the services. */
export async function createTestOutreach(db: Db, unitId: number) {
  const ctx = systemContext(db, await ensureCountryRoot(db));
  const peerGroup = await createPeerGroup(ctx, ZCreatePeerGroupRequest.parse({ unitId, name: 'Nhóm đồng đẳng Hoa Sen', kind: 'peer_group', hostAgency: 'Hội Liên hiệp Phụ nữ', membersCount: 12, foundedOn: '2025-09-01' }));
  const { activity } = await createActivity(
    ctx,
    ZCreateOutreachActivityRequest.parse({
      unitId, heldOn: '2026-09-05', agency: 'Hội Liên hiệp Phụ nữ', channel: 'peer_group_activity', topic: 'Phòng, chống mua bán người',
      reach: [{ group: 'women', reached: 15 }], peerGroupId: peerGroup.id,
    }),
  );
  const series = await createSeries(
    ctx,
    ZCreateOutreachSeriesRequest.parse({ unitId, agency: 'Trung tâm Dịch vụ Sự nghiệp công', channel: 'loudspeaker', topic: 'Tác hại của tệ nạn mại dâm', frequency: 'weekly', startsOn: '2026-01-05' }),
  );
  return { activityId: activity.id, seriesId: series.id, peerGroupId: peerGroup.id };
}

/** A person on the roster of a unit and a course they attended, through the services. */
export async function createTestTraining(db: Db, unitId: number) {
  const ctx = systemContext(db, await ensureCountryRoot(db));
  const person = await addPerson(ctx, ZCreateRosterPersonRequest.parse({ unitId, fullName: 'Trần Văn Học', kind: 'official', agency: 'UBND', joinedOn: '2025-07-01' }));
  const course = await createCourse(
    ctx,
    ZCreateCourseRequest.parse({ unitId, title: 'Tập huấn nghiệp vụ phòng, chống mại dâm', organiser: 'Sở Y tế', level: 'province', startsOn: '2026-08-10', endsOn: '2026-08-11' }),
  );
  await setAttendance(ctx, course.id, { attendees: [{ personId: person.id, completed: true }] });
  return { personId: person.id, courseId: course.id };
}

/** Tips received by staff through the API on one day; the first `handledOnTime` go through every step and are handled in time. */
export async function receiveTestTips(client: TestClient, unitId: number, counts: { received: number; handledOnTime: number }, receivedAt = '2026-02-10T09:00:00+07:00', handledOn = '2026-02-20') {
  for (let i = 0; i < counts.received; i++) {
    const tip = await client.post('/api/tips', { unitId, category: 'brokering', channel: 'hotline', description: 'Có người môi giới mại dâm tại khu trọ.', receivedAt });
    assert.equal(tip.status, 201, JSON.stringify(tip.body));
    if (i >= counts.handledOnTime) continue;
    for (const step of [{ action: 'verify' }, { action: 'classify', category: 'brokering', kind: 'crime_report', priority: 'normal' }, { action: 'assign', agency: 'Công an' }, { action: 'handle', result: 'confirmed_acted', handledOn, note: 'Đã xử lý.' }])
      assert.equal((await client.post(`/api/tips/${tip.body.id}/actions`, step)).status, 200);
  }
}
