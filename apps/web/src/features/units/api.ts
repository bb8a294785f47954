import type { TMergeUnitsRequest, TSplitUnitRequest, TUnit, TUnitDetail, TUnitType, TUpdateUnitRequest } from '@pcmd/contracts';
import { api, apiUrl } from '../../lib/api-client';

export interface TLineageItem {
  id: number;
  code: string;
  name: string;
  type: TUnitType;
  depth: number;
  partial: boolean;
}

/** Children of a unit (the user's own unit when parentId is left out), current today unless expired ones are asked for. */
export const fetchChildren = (parentId: number | undefined, includeExpired: boolean, signal?: AbortSignal) =>
  api.get<{ parent: TUnit; items: TUnit[] }>('/api/units/children', { parentId, includeExpired: includeExpired || undefined }, signal);

export const searchUnits = (q: string, includeExpired: boolean, signal?: AbortSignal) =>
  api.get<{ items: TUnit[] }>('/api/units/search', { q, includeExpired: includeExpired || undefined }, signal);

export const fetchUnit = (id: number, signal?: AbortSignal) => api.get<TUnitDetail>(`/api/units/${id}`, undefined, signal);
export const fetchLineage = (id: number, signal?: AbortSignal) => api.get<{ items: TLineageItem[] }>(`/api/units/${id}/lineage`, undefined, signal);
export const updateUnit = (id: number, input: TUpdateUnitRequest) => api.patch<TUnit>(`/api/units/${id}`, input);
export const mergeUnits = (input: TMergeUnitsRequest) => api.post<TUnitDetail>('/api/units/merge', input);
export const splitUnit = (id: number, input: TSplitUnitRequest) => api.post<{ items: TUnitDetail[] }>(`/api/units/${id}/split`, input);

export function importUnits(file: File) {
  const form = new FormData();
  form.set('file', file);
  return api.upload<{ imported: number; links: number }>('/api/units/import', form);
}

/** A plain link: the browser downloads the .xlsx with the session cookie. */
export const exportUrl = (unitId: number) => apiUrl('/api/units/export', { unitId });
