import type {
  TCreateOutreachActivityRequest,
  TCreateOutreachSeriesRequest,
  TCreatePeerGroupRequest,
  TOutreachActivity,
  TOutreachActivityListQuery,
  TOutreachCoverageQuery,
  TOutreachSeries,
  TPeerGroup,
  TUpdateOutreachSeriesRequest,
  TUpdatePeerGroupRequest,
  ZOutreachCoverage,
  ZOutreachDefaults,
} from '@pcmd/contracts';
import type { z } from 'zod';
import { api } from '../../lib/api-client';

export type TOutreachDefaults = z.infer<typeof ZOutreachDefaults>;
export type TOutreachCoverage = z.infer<typeof ZOutreachCoverage>;
export interface TPage<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

export const fetchActivities = (query: Partial<TOutreachActivityListQuery>, signal?: AbortSignal) =>
  api.get<TPage<TOutreachActivity>>('/api/outreach/activities', query, signal);
export const fetchActivity = (id: number, signal?: AbortSignal) => api.get<TOutreachActivity>(`/api/outreach/activities/${id}`, undefined, signal);
/** Sending the same clientId again returns the stored activity (200) instead of a second one (201). */
export const createActivity = (input: TCreateOutreachActivityRequest) => api.post<TOutreachActivity>('/api/outreach/activities', input);
/** What the quick-entry form starts from: the user's own last activity, or their unit and agency. */
export const fetchDefaults = (signal?: AbortSignal) => api.get<TOutreachDefaults>('/api/outreach/activities/defaults', undefined, signal);
export function attachActivityFile(id: number, file: File) {
  const form = new FormData();
  form.set('file', file);
  return api.upload<TOutreachActivity>(`/api/outreach/activities/${id}/files`, form);
}

export const fetchSeries = (signal?: AbortSignal) => api.get<{ items: TOutreachSeries[] }>('/api/outreach/series', undefined, signal);
export const createSeries = (input: TCreateOutreachSeriesRequest) => api.post<TOutreachSeries>('/api/outreach/series', input);
export const updateSeries = (id: number, input: TUpdateOutreachSeriesRequest) => api.patch<TOutreachSeries>(`/api/outreach/series/${id}`, input);

export const fetchPeerGroups = (signal?: AbortSignal) => api.get<{ items: TPeerGroup[] }>('/api/outreach/peer-groups', undefined, signal);
export const createPeerGroup = (input: TCreatePeerGroupRequest) => api.post<TPeerGroup>('/api/outreach/peer-groups', input);
export const updatePeerGroup = (id: number, input: TUpdatePeerGroupRequest) => api.patch<TPeerGroup>(`/api/outreach/peer-groups/${id}`, input);

export const fetchCoverage = (query: Partial<TOutreachCoverageQuery> & Pick<TOutreachCoverageQuery, 'from' | 'to'>, signal?: AbortSignal) =>
  api.get<TOutreachCoverage>('/api/outreach/coverage', query, signal);
