import { z } from 'zod';
import { ZIdParam, ZIsoDate } from './validation.js';

export const AUDIT_ACTIONS = ['create', 'update', 'delete', 'login', 'login_failed', 'logout', 'access_denied', 'import', 'merge', 'split', 'read_sensitive'] as const;

export const ZAuditQuery = z.object({
  userId: ZIdParam.optional(),
  unitId: ZIdParam.optional(),
  entity: z.string().max(50).optional(),
  action: z.enum(AUDIT_ACTIONS).optional(),
  from: ZIsoDate.optional(),
  to: ZIsoDate.optional(),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});
export type TAuditQuery = z.infer<typeof ZAuditQuery>;

export const ZAuditEntry = z.object({
  id: z.number().int(),
  at: z.string(),
  actorId: z.number().int().nullable(),
  actorUsername: z.string().nullable(),
  action: z.string(),
  entity: z.string(),
  entityId: z.string().nullable(),
  unitId: z.number().int().nullable(),
  before: z.unknown().nullable(),
  after: z.unknown().nullable(),
  detail: z.unknown().nullable(),
});
export type TAuditEntry = z.infer<typeof ZAuditEntry>;
