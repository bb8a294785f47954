import type {
  TCreateEstablishmentRequest,
  TEstablishment,
  TEstablishmentExportQuery,
  TEstablishmentImportMapping,
  TEstablishmentImportPreview,
  TInspection,
  TInspectionPlanRequest,
  TInspectionRequest,
  TRiskWeights,
  TUpdateEstablishmentRequest,
  TViolationType,
  ZInspectionPlan,
  ZPriorityItem,
} from '@pcmd/contracts';
import type { z } from 'zod';
import { api, apiUrl } from '../../lib/api-client';

export type TInspectionPlan = z.infer<typeof ZInspectionPlan>;
export type TPriorityItem = z.infer<typeof ZPriorityItem>;
export interface TInspectionPlanSummary {
  id: number;
  unitId: number;
  kind: TInspectionPlan['kind'];
  title: string;
  startsOn: string;
  endsOn: string;
}
export interface TEstablishmentType {
  code: string;
  name: string;
}
export interface THistoryEntry {
  at: string;
  actorUsername: string | null;
  action: string;
  before: unknown;
  after: unknown;
}
export interface TAppConfig {
  mapTileUrl: string;
  mapAttribution: string;
}
export interface TPage<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

/** The list's filters as the URL and the API name them. */
export interface EstablishmentFilters {
  q?: string;
  unitId?: number;
  typeCode?: string;
  status?: TEstablishment['status'];
  riskLevel?: NonNullable<TEstablishment['riskLevel']>;
}

export const fetchTypes = (signal?: AbortSignal) => api.get<{ items: TEstablishmentType[] }>('/api/establishment-types', undefined, signal);
export const listEstablishments = (filters: EstablishmentFilters & { page?: number; pageSize?: number }, signal?: AbortSignal) =>
  api.get<TPage<TEstablishment>>('/api/establishments', { ...filters }, signal);
export const fetchEstablishment = (id: number, signal?: AbortSignal) => api.get<TEstablishment>(`/api/establishments/${id}`, undefined, signal);
export const createEstablishment = (input: TCreateEstablishmentRequest) => api.post<TEstablishment>('/api/establishments', input);
export const updateEstablishment = (id: number, patch: TUpdateEstablishmentRequest) => api.patch<TEstablishment>(`/api/establishments/${id}`, patch);
export const fetchHistory = (id: number, signal?: AbortSignal) => api.get<{ items: THistoryEntry[] }>(`/api/establishments/${id}/history`, undefined, signal);
export const fetchInspectionsOf = (id: number, signal?: AbortSignal) => api.get<{ items: TInspection[] }>(`/api/establishments/${id}/inspections`, undefined, signal);

/** A plain link: the browser downloads the .xlsx of the filtered list with the session cookie. */
export const exportUrl = (filters: TEstablishmentExportQuery) => apiUrl('/api/establishments/export', { ...filters });

function importForm(file: File, mapping?: TEstablishmentImportMapping) {
  const form = new FormData();
  form.set('file', file);
  if (mapping) form.set('mapping', JSON.stringify(mapping));
  return form;
}
export const previewImport = (file: File, mapping?: TEstablishmentImportMapping) =>
  api.upload<TEstablishmentImportPreview>('/api/establishments/import/preview', importForm(file, mapping));
export const commitImport = (file: File, mapping: TEstablishmentImportMapping) => api.upload<{ imported: number }>('/api/establishments/import', importForm(file, mapping));

export const fetchViolationTypes = (signal?: AbortSignal) => api.get<{ items: TViolationType[] }>('/api/violation-types', undefined, signal);
export const recordInspection = (input: TInspectionRequest) => api.post<TInspection>('/api/inspections', input);
export const followUpSanction = (id: number, input: { followUp: string; followUpDoneOn: string | null }) => api.patch<TInspection>(`/api/sanctions/${id}`, input);

export const fetchInspectionPlans = (signal?: AbortSignal) => api.get<{ items: TInspectionPlanSummary[] }>('/api/inspection-plans', undefined, signal);
export const fetchInspectionPlan = (id: number, signal?: AbortSignal) => api.get<TInspectionPlan>(`/api/inspection-plans/${id}`, undefined, signal);
export const createInspectionPlan = (input: TInspectionPlanRequest) => api.post<TInspectionPlan>('/api/inspection-plans', input);

export const fetchPriority = (query: { unitId?: number; limit?: number }, signal?: AbortSignal) =>
  api.get<{ items: TPriorityItem[] }>('/api/inspection-priority', { ...query }, signal);
export const fetchRiskWeights = (signal?: AbortSignal) => api.get<TRiskWeights>('/api/risk-weights', undefined, signal);
export const saveRiskWeights = (weights: TRiskWeights) => api.put<TRiskWeights>('/api/risk-weights', weights);

export const fetchAppConfig = (signal?: AbortSignal) => api.get<TAppConfig>('/api/app-config', undefined, signal);

/** The most the priority list returns at once (ZPriorityQuery's limit). */
const PRIORITY_MAX = 500;

/**
 * The date of each establishment's last inspection (null: never inspected), by id. The establishment list does not
 * carry it, so it is read from the priority list, which has it for every establishment that is not closed (up to 500).
 */
export async function fetchLastInspections(unitId: number | undefined, signal?: AbortSignal): Promise<Map<number, string | null>> {
  const { items } = await fetchPriority({ unitId, limit: PRIORITY_MAX }, signal);
  return new Map(items.map((i) => [i.establishmentId, i.lastInspectedOn]));
}

const MAP_PAGE_SIZE = 200;
const MAP_MAX_PAGES = 25;

/** Every establishment of the area that has coordinates, for the map (the API pages by 200 at most). */
export async function fetchMappable(signal?: AbortSignal): Promise<{ items: TEstablishment[]; total: number }> {
  const items: TEstablishment[] = [];
  let total = 0;
  for (let page = 1; page <= MAP_MAX_PAGES; page++) {
    const res = await listEstablishments({ page, pageSize: MAP_PAGE_SIZE }, signal);
    total = res.total;
    items.push(...res.items.filter((e) => e.latitude !== null && e.longitude !== null));
    if (page * MAP_PAGE_SIZE >= res.total) break;
  }
  return { items, total };
}
