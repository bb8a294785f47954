import type { TBoardRow, TCreatePlanRequest, TIndicatorInput, TPlan, TPlanSummary, TTaskInput, TUpdatePlanRequest } from '@pcmd/contracts';
import { api } from '../../lib/api-client';

export interface TBoard {
  unitId: number;
  unitName: string;
  periodKey: string;
  rows: TBoardRow[];
}

export interface TMeasureList {
  builtIn: { key: string; label: { vi: string; en: string }; params: string[] }[];
  manual: { key: string; name: string; unitId: number }[];
}

export const fetchPlans = (signal?: AbortSignal) => api.get<{ items: TPlanSummary[] }>('/api/plans', undefined, signal);
export const fetchPlan = (id: number, signal?: AbortSignal) => api.get<TPlan>(`/api/plans/${id}`, undefined, signal);
export const createPlan = (input: TCreatePlanRequest) => api.post<TPlan>('/api/plans', input);
export const updatePlan = (id: number, patch: TUpdatePlanRequest) => api.patch<TPlan>(`/api/plans/${id}`, patch);
export const replaceSections = (id: number, sections: { heading: string; body: string }[]) => api.put<TPlan>(`/api/plans/${id}/sections`, { sections });
export const addIndicator = (planId: number, input: TIndicatorInput) => api.post<TPlan>(`/api/plans/${planId}/indicators`, input);
export const setTargets = (indicatorId: number, targets: { periodKey: string; target: number }[]) => api.put<TPlan>(`/api/indicators/${indicatorId}/targets`, { targets });
export const addTask = (planId: number, input: TTaskInput) => api.post<TPlan>(`/api/plans/${planId}/tasks`, input);
export const derivePlan = (planId: number, input: { unitId: number; placeName: string }) => api.post<TPlan>(`/api/plans/${planId}/derive`, input);
export const fetchBoard = (planId: number, periodKey: string, unitId: number | undefined, signal?: AbortSignal) =>
  api.get<TBoard>(`/api/plans/${planId}/board`, { periodKey, unitId }, signal);
export const fetchMeasures = (signal?: AbortSignal) => api.get<TMeasureList>('/api/measures', undefined, signal);

/** A plain link: the browser downloads the plan as an official Word document with the session cookie. */
export const documentUrl = (planId: number) => `/api/plans/${planId}/document.docx`;
