import { OpenAPIHono, z } from '@hono/zod-openapi';
import {
  MODULE_ROLES,
  REPORT_DRAFTERS,
  REPORT_RECEIVERS,
  REPORT_SIGNERS,
  ZApproveReportRequest,
  ZCreateReportRequest,
  ZDhis2DataValueSet,
  ZDhis2Mapping,
  ZIdParam,
  ZPeriodKey,
  ZReport,
  ZReportOverview,
  ZReportReminder,
  ZReportSummary,
  ZReturnReportRequest,
  ZUpdateReportRequest,
} from '@pcmd/contracts';
import type { Context } from 'hono';
import type { AppEnv } from '../../lib/app-env.js';
import { requestContext } from '../../lib/app-env.js';
import { defineRoute, IdParams, jsonBody, jsonContent, type Permission } from '../../lib/routes.js';
import * as service from './reports.service.js';

const readers: Permission = { access: 'roles', roles: MODULE_ROLES.reports };
const drafters: Permission = { access: 'roles', roles: REPORT_DRAFTERS };
const signers: Permission = { access: 'roles', roles: REPORT_SIGNERS };
const receivers: Permission = { access: 'roles', roles: REPORT_RECEIVERS };
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const settings = (c: Context<AppEnv>): service.ReportSettings => ({ smallCountThreshold: c.get('env').PCMD_SMALL_COUNT_THRESHOLD });
const attachment = (fileName: string) => `attachment; filename="${fileName}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;

export const reportRoutes = new OpenAPIHono<AppEnv>();

reportRoutes.openapi(
  defineRoute({ method: 'get', path: '/api/reports', summary: 'Báo cáo của địa bàn, kỳ mới nhất trước', permission: readers, scope: { list: true }, responses: { 200: jsonContent(z.object({ items: z.array(ZReportSummary) })) } }),
  async (c) => c.json({ items: await service.listReports(requestContext(c)) }, 200),
);

reportRoutes.openapi(
  defineRoute({ method: 'post', path: '/api/reports', summary: 'Lập báo cáo của một kế hoạch cho một kỳ (số liệu lấy trực tiếp, phần nhận định được soạn sẵn)', permission: drafters, request: jsonBody(ZCreateReportRequest), responses: { 201: jsonContent(ZReport, 'Đã lập') } }),
  async (c) => c.json(await service.createReport(requestContext(c), settings(c), c.req.valid('json')), 201),
);

reportRoutes.openapi(
  defineRoute({ method: 'get', path: '/api/reports/{id}', summary: 'Báo cáo: chỉ tiêu, số liệu theo lĩnh vực, nhiệm vụ, nhận định', permission: readers, scope: { param: 'id' }, request: { params: IdParams }, responses: { 200: jsonContent(ZReport) } }),
  async (c) => c.json(await service.getReport(requestContext(c), settings(c), c.req.valid('param').id), 200),
);

reportRoutes.openapi(
  defineRoute({ method: 'patch', path: '/api/reports/{id}', summary: 'Sửa số, ký hiệu, nơi nhận, phần nhận định (khi còn dự thảo hoặc bị trả lại)', permission: drafters, scope: { param: 'id' }, request: { params: IdParams, ...jsonBody(ZUpdateReportRequest) }, responses: { 200: jsonContent(ZReport) } }),
  async (c) => c.json(await service.updateReport(requestContext(c), settings(c), c.req.valid('param').id, c.req.valid('json')), 200),
);

reportRoutes.openapi(
  defineRoute({ method: 'post', path: '/api/reports/{id}/submit', summary: 'Trình lãnh đạo ký: số liệu được chốt tại thời điểm này', permission: drafters, scope: { param: 'id' }, request: { params: IdParams }, responses: { 200: jsonContent(ZReport) } }),
  async (c) => c.json(await service.submitReport(requestContext(c), settings(c), c.req.valid('param').id), 200),
);

reportRoutes.openapi(
  defineRoute({ method: 'post', path: '/api/reports/{id}/approve', summary: 'Lãnh đạo ký duyệt: báo cáo được gửi lên cấp trên', permission: signers, scope: { param: 'id' }, request: { params: IdParams, ...jsonBody(ZApproveReportRequest) }, responses: { 200: jsonContent(ZReport) } }),
  async (c) => c.json(await service.approveReport(requestContext(c), settings(c), c.req.valid('param').id, c.req.valid('json')), 200),
);

reportRoutes.openapi(
  defineRoute({ method: 'post', path: '/api/reports/{id}/receive', summary: 'Cấp trên xác nhận đã nhận báo cáo', permission: receivers, scope: { param: 'id' }, request: { params: IdParams }, responses: { 200: jsonContent(ZReport) } }),
  async (c) => c.json(await service.receiveReport(requestContext(c), settings(c), c.req.valid('param').id), 200),
);

reportRoutes.openapi(
  defineRoute({ method: 'post', path: '/api/reports/{id}/return', summary: 'Cấp trên trả lại báo cáo kèm ý kiến', permission: receivers, scope: { param: 'id' }, request: { params: IdParams, ...jsonBody(ZReturnReportRequest) }, responses: { 200: jsonContent(ZReport) } }),
  async (c) => c.json(await service.returnReport(requestContext(c), settings(c), c.req.valid('param').id, c.req.valid('json').comment), 200),
);

reportRoutes.openapi(
  defineRoute({ method: 'get', path: '/api/reports/{id}/document', summary: 'Báo cáo dạng Word theo Nghị định 30/2020/NĐ-CP', permission: readers, scope: { param: 'id' }, request: { params: IdParams }, responses: { 200: { description: 'Tệp .docx', content: { [DOCX]: { schema: z.string() } } } } }),
  async (c) => {
    const { report, placeName } = await service.getReportForDocument(requestContext(c), settings(c), c.req.valid('param').id);
    // The Word writer loads only when a document is asked for, keeping it off the server's start-up.
    const { renderReportDocument, reportFileName } = await import('./reports.document.js');
    return c.body(new Uint8Array(await renderReportDocument(report, placeName)), 200, { 'content-type': DOCX, 'content-disposition': attachment(reportFileName(report, 'docx')) });
  },
);

reportRoutes.openapi(
  defineRoute({ method: 'get', path: '/api/reports/{id}/annex', summary: 'Phụ lục số liệu của báo cáo (.xlsx)', permission: readers, scope: { param: 'id' }, request: { params: IdParams }, responses: { 200: { description: 'Tệp .xlsx', content: { [XLSX]: { schema: z.string() } } } } }),
  async (c) => {
    const { report } = await service.getReportForDocument(requestContext(c), settings(c), c.req.valid('param').id);
    const { renderReportAnnex, reportFileName } = await import('./reports.document.js');
    return c.body(new Uint8Array(await renderReportAnnex(report)), 200, { 'content-type': XLSX, 'content-disposition': attachment(reportFileName(report, 'xlsx')) });
  },
);

reportRoutes.openapi(
  defineRoute({ method: 'get', path: '/api/reports/{id}/dhis2', summary: 'Giá trị chỉ tiêu của báo cáo đã chốt, dạng dataValueSets của DHIS2', permission: readers, scope: { param: 'id' }, request: { params: IdParams }, responses: { 200: jsonContent(ZDhis2DataValueSet) } }),
  async (c) => c.json(await service.dhis2DataValues(requestContext(c), settings(c), c.req.valid('param').id), 200),
);

reportRoutes.openapi(
  defineRoute({ method: 'get', path: '/api/report-overview', summary: 'Cấp trên: tình hình gửi báo cáo của các đơn vị trong một kỳ', permission: readers, request: { query: z.object({ planId: ZIdParam, periodKey: ZPeriodKey }) }, responses: { 200: jsonContent(ZReportOverview) } }),
  async (c) => {
    const { planId, periodKey } = c.req.valid('query');
    return c.json(await service.reportOverview(requestContext(c), planId, periodKey), 200);
  },
);

reportRoutes.openapi(
  defineRoute({ method: 'get', path: '/api/report-reminders', summary: 'Báo cáo của đơn vị sắp đến hạn hoặc quá hạn mà chưa gửi', permission: readers, responses: { 200: jsonContent(z.object({ items: z.array(ZReportReminder) })) } }),
  async (c) => c.json({ items: await service.reportReminders(requestContext(c)) }, 200),
);

reportRoutes.openapi(
  defineRoute({ method: 'put', path: '/api/dhis2-mapping', summary: 'Mã phần tử dữ liệu và mã đơn vị DHIS2 của chỉ tiêu và đơn vị', permission: { access: 'roles', roles: ['provincial_health', 'admin'] }, request: jsonBody(ZDhis2Mapping), responses: { 200: jsonContent(z.object({ indicators: z.number().int(), units: z.number().int() })) } }),
  async (c) => c.json(await service.setDhis2Mapping(requestContext(c), c.req.valid('json')), 200),
);
