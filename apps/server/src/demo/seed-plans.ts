/**
 * The three plans of ../shared/seeds encoded as API requests: their indicators with the shapes of DOMAIN.md §4,
 * their sections and a sample of their tasks. Establishments, inspections, tips, outreach and training count from their
 * registries; support, whose module does not exist yet, is stood in for by manual data sets named after what they
 * count. Units are the fictional demo ones.
 */
export const SEED_MANUAL_MEASURES = [
  ['manual.sex_workers_served', 'Người bán dâm được hỗ trợ can thiệp giảm hại'],
  ['manual.documents_issued', 'Văn bản chỉ đạo được ban hành'],
] as const;

type MeasureRef = { measure: string; params?: Record<string, string | number> };
const ref = (m: string | MeasureRef): MeasureRef => (typeof m === 'string' ? { measure: m } : m);

const ind = (
  name: string,
  shape: string,
  numerator: string | MeasureRef,
  denominator: string | MeasureRef | null,
  comparator: 'gte' | 'gt',
  unitLevel: number,
  targets: Record<string, number>,
) => ({
  name,
  shape,
  numerator: ref(numerator),
  denominator: denominator === null ? null : ref(denominator),
  comparator,
  unitLevel,
  targets: Object.entries(targets).map(([periodKey, target]) => ({ periodKey, target })),
});

/** Residential groups (level 4) with at least one outreach activity, against all of them. */
const GROUPS_WITH_OUTREACH = { measure: 'outreach.units_covered', params: { level: 4 } };
/** Months with at least one outreach activity in each commune, against the months elapsed. */
const MONTHS_WITH_OUTREACH = { measure: 'outreach.publication_months', params: { level: 3 } };

/** The demo province's own 2026–2030 plan, which the communes derive theirs from. */
export const provincePlan = (unitId: number) => ({
  ...tanHungPlan(unitId),
  numberSymbol: '10/KH-UBND',
  issueDate: '2026-05-20',
  placeName: 'Mẫu',
  subject: 'Thực hiện Chương trình phòng, chống mại dâm giai đoạn 2026-2030 trên địa bàn tỉnh Mẫu',
  preamble: 'Thực hiện Chương trình phòng, chống mại dâm giai đoạn 2026-2030;',
  signerName: 'Trần Văn Tỉnh',
  recipients: ['Bộ Y tế (b/c)', 'TT Tỉnh ủy, TT HĐND tỉnh (b/c)', 'Các sở, ban, ngành', 'UBND các xã, phường', 'Lưu: VT, VX.'],
  indicators: [
    ...tanHungPlan(unitId).indicators,
    // DOMAIN.md §4's example of a share of people reached, against the population entered per commune and year.
    ind(
      'Trên 60% người lao động tại các khu công nghiệp được tiếp cận thông tin về phòng, chống mại dâm',
      'share_of_people_reached',
      { measure: 'outreach.reached', params: { targetGroup: 'industrial_workers' } },
      'denominator.industrial_workers',
      'gte',
      3,
      { 2026: 60 },
    ),
  ],
  tasks: [
    { title: 'Ban hành kế hoạch thực hiện năm 2026 của các xã, phường', leadAgency: 'Sở Y tế', deadline: '2026-06-30', sectionPosition: 1 },
    { title: 'Kiểm tra liên ngành các cơ sở kinh doanh dịch vụ dịp cuối năm', leadAgency: 'Công an tỉnh', cooperatingAgencies: ['Sở Văn hóa, Thể thao và Du lịch'], deadline: '2026-12-31', sectionPosition: 1 },
  ],
});

/** Kế hoạch 202/KH-UBND phường Tân Hưng, 2026–2030 (on the demo Phường Tân An). */
export const tanHungPlan = (unitId: number) => ({
  unitId,
  numberSymbol: '202/KH-UBND',
  issueDate: '2026-05-29',
  placeName: 'Tân An',
  subject: 'Triển khai thực hiện Chương trình phòng, chống mại dâm giai đoạn 2026-2030 trên địa bàn phường Tân An',
  periodFromYear: 2026,
  periodToYear: 2030,
  preamble: 'Thực hiện Kế hoạch số 185/KH-UBND ngày 20/5/2026 của Ủy ban nhân dân tỉnh về việc triển khai thực hiện Chương trình phòng, chống mại dâm giai đoạn 2026-2030;',
  generalObjective: 'Công tác phòng, chống mại dâm lấy công tác phòng ngừa là trọng tâm; gắn với việc thực hiện các chính sách an sinh xã hội.',
  signerName: 'Nguyễn Văn Mẫu',
  signingMode: 'KT',
  signerTitle: 'PHÓ CHỦ TỊCH',
  recipients: ['UBND tỉnh (b/c)', 'Sở Y tế (b/c)', 'TT Đảng ủy, HĐND phường (b/c)', 'Chủ tịch, các PCT UBND phường', 'Lưu: VT, VHXH.'],
  reportingCalendar: { sixMonthDue: '06-20', annualDue: '12-05' },
  sections: [
    { heading: 'I. MỤC TIÊU, CHỈ TIÊU', body: 'Mục tiêu tổng quát và chỉ tiêu hằng năm, đến năm 2030.' },
    { heading: 'II. NHIỆM VỤ VÀ GIẢI PHÁP CHỦ YẾU', body: '1. Tăng cường lãnh đạo, chỉ đạo và tổ chức thực hiện.\n2. Nâng cao hiệu quả công tác truyền thông.' },
    { heading: 'III. KINH PHÍ THỰC HIỆN', body: 'Ngân sách nhà nước cấp theo quy định; nguồn xã hội hóa và các nguồn hợp pháp khác.' },
    { heading: 'IV. TỔ CHỨC THỰC HIỆN', body: 'Phòng Văn hóa - Xã hội chủ trì, phối hợp các cơ quan, đơn vị liên quan.' },
  ],
  indicators: [
    ind('100% Tổ dân phố tổ chức hoạt động truyền thông, tuyên truyền về phòng, chống mại dâm', 'share_of_child_units', GROUPS_WITH_OUTREACH, { measure: 'units.count', params: { level: 4 } }, 'gte', 4, { 2026: 100 }),
    ind('100% cơ sở kinh doanh dịch vụ dễ bị lợi dụng được rà soát, phân loại, ký cam kết và kiểm tra định kỳ', 'share_of_registry', 'establishments.inspected', 'establishments.active', 'gte', 3, { 2026: 100 }),
    ind('Phấn đấu 80% người bán dâm có nhu cầu được hỗ trợ can thiệp giảm hại và hòa nhập cộng đồng', 'share_served', 'manual.sex_workers_served', 'denominator.sex_workers_with_needs', 'gte', 3, { 2026: 80 }),
    ind('100% tin tố giác, tin báo được tiếp nhận, xác minh và xử lý kịp thời', 'share_of_records', 'tips.handled_on_time', 'tips.received', 'gte', 3, { 2026: 100 }),
    ind('100% văn bản chỉ đạo, triển khai được ban hành kịp thời', 'task_completion', 'tasks.done_on_time', 'tasks.due', 'gte', 3, { '2026-2030': 100 }),
    ind('Trên 95% cơ sở kinh doanh dịch vụ dễ bị lợi dụng được rà soát, quản lý và kiểm tra', 'share_of_registry', 'establishments.inspected', 'establishments.active', 'gt', 3, { '2026-2030': 95 }),
    ind('Phấn đấu 60% đội ngũ thực hiện nhiệm vụ cấp phường được tập huấn', 'share_trained', 'training.trained', 'training.roster', 'gte', 3, { '2026-2030': 60 }),
  ],
  tasks: [
    { title: 'Tham mưu ban hành kế hoạch triển khai năm 2026', leadAgency: 'Phòng Văn hóa - Xã hội', deadline: '2026-06-30', sectionPosition: 1 },
    { title: 'Rà soát, phân loại cơ sở kinh doanh dịch vụ dễ bị lợi dụng', leadAgency: 'Công an phường', cooperatingAgencies: ['Phòng Kinh tế - Hạ tầng và Đô thị'], deadline: '2026-07-31', sectionPosition: 1 },
    { title: 'Tổ chức tập huấn cho đội ngũ làm công tác phòng, chống mại dâm', leadAgency: 'Phòng Văn hóa - Xã hội', deadline: '2026-09-30', sectionPosition: 1 },
  ],
});

/** Kế hoạch xã Bình Lư 2026–2030 (on the demo Xã Bình Minh). */
export const binhLuPlan = (unitId: number) => ({
  unitId,
  numberSymbol: '45/KH-UBND',
  issueDate: '2026-06-10',
  placeName: 'Bình Minh',
  subject: 'Phòng, chống mại dâm giai đoạn 2026-2030 trên địa bàn xã Bình Minh',
  periodFromYear: 2026,
  periodToYear: 2030,
  signingMode: 'KT',
  signerTitle: 'PHÓ CHỦ TỊCH',
  recipients: ['UBND tỉnh (b/c)', 'Lưu: VT.'],
  sections: [
    { heading: 'I. MỤC TIÊU, CHỈ TIÊU', body: 'Lấy phòng ngừa làm trọng tâm.' },
    { heading: 'II. NHIỆM VỤ VÀ GIẢI PHÁP CHỦ YẾU', body: 'Hoàn thiện thể chế, tăng cường lãnh đạo, chỉ đạo.' },
  ],
  indicators: [
    ind('Tham mưu, ban hành kế hoạch, triển khai thực hiện', 'task_completion', 'tasks.done_on_time', 'tasks.due', 'gte', 3, { 2026: 100 }),
    ind('Hoạt động truyền thông, tuyên truyền được duy trì thường xuyên (hằng tháng)', 'frequency', MONTHS_WITH_OUTREACH, { measure: 'calendar.unit_months', params: { level: 3 } }, 'gte', 3, { 2026: 100 }),
    ind('Ít nhất 70% người bán dâm có nhu cầu được tiếp cận can thiệp giảm hại', 'share_served', 'manual.sex_workers_served', 'denominator.sex_workers_with_needs', 'gte', 3, { 2026: 70 }),
    ind('100% tin tố giác, tin báo, khiếu nại được tiếp nhận, xác minh, phân loại, xử lý kịp thời', 'share_of_records', 'tips.handled_on_time', 'tips.received', 'gte', 3, { 2026: 100 }),
    ind('Tham mưu ban hành văn bản bảo đảm triển khai hiệu quả (số văn bản)', 'manual', 'manual.documents_issued', null, 'gte', 3, { '2026-2030': 1 }),
    ind('95% cơ sở kinh doanh dịch vụ dễ bị lợi dụng được kiểm tra ít nhất một lần', 'share_of_registry', 'establishments.inspected', 'establishments.active', 'gte', 3, { '2026-2030': 95 }),
    ind('100% công chức xã được tập huấn, bồi dưỡng', 'share_trained', { measure: 'training.trained', params: { kind: 'official' } }, { measure: 'training.roster', params: { kind: 'official' } }, 'gte', 3, { '2026-2030': 100 }),
  ],
  tasks: [
    { title: 'Ban hành kế hoạch năm 2026', leadAgency: 'Phòng Văn hóa - Xã hội', deadline: '2026-03-31', sectionPosition: 1 },
    { title: 'Kiện toàn Ban chỉ đạo', leadAgency: 'Văn phòng HĐND và UBND xã', deadline: '2026-04-30', sectionPosition: 1 },
  ],
});

/** Kế hoạch phường Hưng Bình năm 2025 (on the demo Phường Hòa Bình): its targets are its tasks. */
export const hungBinhPlan = (unitId: number) => ({
  unitId,
  placeName: 'Hòa Bình',
  subject: 'Thực hiện phòng, chống mại dâm trên địa bàn phường Hòa Bình năm 2025',
  periodFromYear: 2025,
  periodToYear: 2025,
  purposes: 'Tăng cường các hoạt động phòng ngừa tệ nạn mại dâm dưới mọi hình thức.',
  requirements: 'Phát huy tính chủ động, tích cực và tăng cường sự phối hợp chặt chẽ giữa các ngành.',
  sections: [
    { heading: 'I. MỤC ĐÍCH YÊU CẦU', body: '' },
    { heading: 'II. NỘI DUNG, BIỆN PHÁP THỰC HIỆN', body: '1. Công tác chỉ đạo, điều hành.' },
    { heading: 'III. PHÂN CÔNG NHIỆM VỤ', body: '' },
  ],
  indicators: [
    ind('Các nhiệm vụ được phân công hoàn thành đúng hạn', 'task_completion', 'tasks.done_on_time', 'tasks.due', 'gte', 3, { 2025: 100 }),
    ind('Tuyên truyền tại các khu phố mỗi tháng', 'frequency', MONTHS_WITH_OUTREACH, { measure: 'calendar.unit_months', params: { level: 3 } }, 'gte', 3, { 2025: 100 }),
  ],
  tasks: [
    { title: 'Rà soát, ban hành văn bản chỉ đạo', leadAgency: 'Công chức Văn hóa - Xã hội', deadline: '2025-03-31', sectionPosition: 2 },
    { title: 'Kiểm tra các cơ sở kinh doanh dịch vụ', leadAgency: 'Công an phường', deadline: '2025-06-30', sectionPosition: 2 },
    { title: 'Tuyên truyền tại trường học', leadAgency: 'Các trường học', deadline: '2025-10-31', sectionPosition: 2 },
    { title: 'Tổng kết năm', leadAgency: 'Công chức Văn hóa - Xã hội', deadline: '2025-12-10', sectionPosition: 2 },
  ],
});
