import { FIELD_LABELS } from '@pcmd/contracts';

/**
 * Labels of the planning module's API fields, for the validation messages zod writes in the browser ("«Trích yếu» là
 * bắt buộc") and for form labels through `field()`. Contracts does not list them yet; an entry it adds later wins.
 */
const PLAN_FIELD_LABELS: Record<string, { vi: string; en: string }> = {
  numberSymbol: { vi: 'Số, ký hiệu', en: 'Number and symbol' },
  issueDate: { vi: 'Ngày ban hành', en: 'Date of issue' },
  placeName: { vi: 'Địa danh', en: 'Place name' },
  subject: { vi: 'Trích yếu', en: 'Subject' },
  periodFromYear: { vi: 'Từ năm', en: 'From year' },
  periodToYear: { vi: 'Đến năm', en: 'To year' },
  preamble: { vi: 'Căn cứ', en: 'Grounds' },
  purposes: { vi: 'Mục đích', en: 'Purposes' },
  requirements: { vi: 'Yêu cầu', en: 'Requirements' },
  generalObjective: { vi: 'Mục tiêu tổng quát', en: 'General objective' },
  budget: { vi: 'Kinh phí', en: 'Budget' },
  signerName: { vi: 'Họ tên người ký', en: 'Signer’s name' },
  signingMode: { vi: 'Hình thức ký', en: 'Signing mode' },
  signerTitle: { vi: 'Chức vụ người ký', en: 'Signer’s title' },
  recipients: { vi: 'Nơi nhận', en: 'Recipients' },
  reportingCalendar: { vi: 'Lịch báo cáo', en: 'Reporting calendar' },
  yearStart: { vi: 'Ngày bắt đầu kỳ báo cáo năm', en: 'Start of the reporting year' },
  sixMonthEnd: { vi: 'Ngày kết thúc kỳ 6 tháng', en: 'End of the six-month period' },
  yearEnd: { vi: 'Ngày kết thúc kỳ báo cáo năm', en: 'End of the reporting year' },
  sixMonthDue: { vi: 'Hạn gửi báo cáo 6 tháng', en: 'Six-month report due' },
  annualDue: { vi: 'Hạn gửi báo cáo năm', en: 'Annual report due' },
  status: { vi: 'Trạng thái', en: 'Status' },
  parentPlanId: { vi: 'Kế hoạch cấp trên', en: 'Parent plan' },
  sections: { vi: 'Các mục', en: 'Sections' },
  heading: { vi: 'Tiêu đề mục', en: 'Section heading' },
  body: { vi: 'Nội dung', en: 'Text' },
  indicators: { vi: 'Chỉ tiêu', en: 'Indicators' },
  shape: { vi: 'Dạng chỉ tiêu', en: 'Indicator shape' },
  numerator: { vi: 'Tử số', en: 'Numerator' },
  denominator: { vi: 'Mẫu số', en: 'Denominator' },
  measure: { vi: 'Chỉ số đo', en: 'Measure' },
  params: { vi: 'Tham số', en: 'Parameters' },
  comparator: { vi: 'Cách so sánh', en: 'Comparison' },
  unitLevel: { vi: 'Theo dõi đến cấp', en: 'Tracked down to level' },
  targets: { vi: 'Chỉ tiêu theo kỳ', en: 'Targets by period' },
  periodKey: { vi: 'Kỳ', en: 'Period' },
  target: { vi: 'Chỉ tiêu', en: 'Target' },
  tasks: { vi: 'Nhiệm vụ', en: 'Tasks' },
  sectionPosition: { vi: 'Thuộc mục', en: 'Section' },
  title: { vi: 'Nội dung nhiệm vụ', en: 'Task' },
  leadAgency: { vi: 'Cơ quan chủ trì', en: 'Lead agency' },
  cooperatingAgencies: { vi: 'Cơ quan phối hợp', en: 'Cooperating agencies' },
  deadline: { vi: 'Thời hạn', en: 'Deadline' },
  note: { vi: 'Ghi chú', en: 'Note' },
  doneAt: { vi: 'Ngày hoàn thành', en: 'Date done' },
  file: { vi: 'Tệp', en: 'File' },
  measureKey: { vi: 'Bộ số liệu', en: 'Data set' },
  key: { vi: 'Mã', en: 'Key' },
  periodStart: { vi: 'Từ ngày', en: 'From' },
  periodEnd: { vi: 'Đến hết ngày', en: 'To (inclusive)' },
  value: { vi: 'Giá trị', en: 'Value' },
  groupKey: { vi: 'Nhóm đối tượng', en: 'Target group' },
  year: { vi: 'Năm', en: 'Year' },
};

for (const [key, label] of Object.entries(PLAN_FIELD_LABELS)) FIELD_LABELS[key] ??= label;

/** Fields of the establishments and inspections module that contracts does not label yet (an entry it adds wins). */
const ESTABLISHMENT_FIELD_LABELS: Record<string, { vi: string; en: string }> = {
  checklist: { vi: 'Nội dung kiểm tra', en: 'Checklist' },
  item: { vi: 'Nội dung', en: 'Item' },
  additionalMeasures: { vi: 'Hình thức xử phạt bổ sung, biện pháp khắc phục', en: 'Additional penalties and remedial measures' },
  followUp: { vi: 'Tình hình thi hành', en: 'Enforcement' },
  followUpDoneOn: { vi: 'Ngày chấp hành xong', en: 'Date complied' },
  notADuplicate: { vi: 'Xác nhận không trùng', en: 'Not a duplicate' },
  mapping: { vi: 'Ghép cột', en: 'Column mapping' },
  unitCode: { vi: 'Mã đơn vị', en: 'Unit code' },
  unclassified: { vi: 'Chưa rà soát, phân loại', en: 'Not classified' },
  neverInspected: { vi: 'Chưa từng được kiểm tra', en: 'Never inspected' },
  perMonthSinceInspection: { vi: 'Mỗi tháng chưa kiểm tra', en: 'Per month without inspection' },
  monthsCap: { vi: 'Tính tối đa (tháng)', en: 'Counted up to (months)' },
  perPastViolation: { vi: 'Mỗi lần vi phạm trước đây', en: 'Per past violation' },
  perLinkedTip: { vi: 'Mỗi tin báo liên quan', en: 'Per linked tip' },
  noCommitment: { vi: 'Chưa ký cam kết', en: 'No commitment signed' },
};

for (const [key, label] of Object.entries(ESTABLISHMENT_FIELD_LABELS)) FIELD_LABELS[key] ??= label;
