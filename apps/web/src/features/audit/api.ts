import type { TAuditEntry, TAuditQuery } from '@pcmd/contracts';
import { api } from '../../lib/api-client';

export interface TAuditPage {
  items: TAuditEntry[];
  total: number;
  page: number;
  pageSize: number;
}

export const AUDIT_PAGE_SIZE = 50;

export const searchAudit = (query: Partial<TAuditQuery>, signal?: AbortSignal) =>
  api.get<TAuditPage>('/api/audit', { ...query, pageSize: AUDIT_PAGE_SIZE }, signal);
