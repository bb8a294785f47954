import { z } from 'zod';
import { ZFieldError } from './validation.js';
import type { TLocale } from './i18n.js';

/** Every error the API can answer, with its HTTP status and its message in both locales. */
export const ERRORS = {
  VALIDATION_FAILED: { status: 400, vi: 'Dữ liệu không hợp lệ.', en: 'The data is not valid.' },
  MALFORMED_JSON: { status: 400, vi: 'Nội dung gửi lên không phải JSON hợp lệ.', en: 'The request body is not valid JSON.' },
  IMPORT_REJECTED: { status: 400, vi: 'Tệp có dòng lỗi; không dòng nào được nhập.', en: 'The file has rows with errors; nothing was imported.' },
  UNAUTHENTICATED: { status: 401, vi: 'Bạn cần đăng nhập.', en: 'Please log in.' },
  BAD_CREDENTIALS: { status: 401, vi: 'Tên đăng nhập hoặc mật khẩu không đúng.', en: 'Wrong username or password.' },
  TOTP_REQUIRED: { status: 401, vi: 'Cần nhập mã xác thực hai lớp.', en: 'A two-factor code is required.' },
  TOTP_INVALID: { status: 401, vi: 'Mã xác thực hai lớp không đúng.', en: 'The two-factor code is wrong.' },
  ACCOUNT_LOCKED: { status: 423, vi: 'Tài khoản tạm khóa do đăng nhập sai nhiều lần. Thử lại sau.', en: 'Account locked after repeated failures. Try again later.' },
  ACCOUNT_DISABLED: { status: 403, vi: 'Tài khoản đã bị vô hiệu hóa.', en: 'This account is disabled.' },
  FORBIDDEN: { status: 403, vi: 'Bạn không có quyền thực hiện thao tác này.', en: 'You are not allowed to do this.' },
  OUT_OF_SCOPE: { status: 403, vi: 'Dữ liệu này nằm ngoài địa bàn bạn phụ trách.', en: 'This record is outside your area.' },
  NOT_FOUND: { status: 404, vi: 'Không tìm thấy dữ liệu.', en: 'Not found.' },
  CONFLICT: { status: 409, vi: 'Dữ liệu bị trùng hoặc mâu thuẫn.', en: 'The data conflicts with existing records.' },
  PAYLOAD_TOO_LARGE: { status: 413, vi: 'Tệp hoặc nội dung gửi lên quá lớn.', en: 'The upload is too large.' },
  RATE_LIMITED: { status: 429, vi: 'Bạn gửi quá nhiều lần trong thời gian ngắn. Vui lòng thử lại sau ít phút.', en: 'Too many requests. Please try again in a few minutes.' },
  PROOF_FAILED: { status: 400, vi: 'Không xác nhận được lần gửi này. Vui lòng tải lại trang và gửi lại.', en: 'This submission could not be verified. Reload the page and try again.' },
  TIP_NOT_FOUND: { status: 404, vi: 'Mã tra cứu hoặc mã bí mật không đúng.', en: 'Wrong reference code or secret.' },
  INVALID_TRANSITION: { status: 409, vi: 'Tin không ở bước cho phép thao tác này.', en: 'The tip is not at a step that allows this.' },
  REPORT_INVALID_STEP: { status: 409, vi: 'Báo cáo không ở bước cho phép thao tác này.', en: 'The report is not at a step that allows this.' },
  REPORT_EXISTS: { status: 409, vi: 'Đã có báo cáo của kế hoạch này cho kỳ này.', en: 'A report of this plan for this period already exists.' },
  UNSUPPORTED_FILE: { status: 415, vi: 'Loại tệp không được hỗ trợ.', en: 'This file type is not supported.' },
  INTERNAL: { status: 500, vi: 'Lỗi hệ thống. Vui lòng báo quản trị viên kèm mã yêu cầu.', en: 'System error. Please report the request id to the administrator.' },
} as const satisfies Record<string, { status: number; vi: string; en: string }>;

export type TErrorCode = keyof typeof ERRORS;

export function errorMessage(code: TErrorCode, locale: TLocale): string {
  return ERRORS[code][locale];
}

/** The one error shape of the API; `fields` lets a form put each message next to its field. */
export const ZErrorResponse = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    fields: z.array(ZFieldError).optional(),
    rows: z.array(z.object({ row: z.number().int(), messages: z.array(z.string()) })).optional(),
    requestId: z.string(),
  }),
});
export type TErrorResponse = z.infer<typeof ZErrorResponse>;
