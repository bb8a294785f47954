import type { TDenominatorRequest, TManualValueRequest } from '@pcmd/contracts';
import { api } from '../../lib/api-client';

export interface TManualValue {
  unitId: number;
  unitName: string;
  periodStart: string;
  periodEnd: string;
  value: number;
  enteredBy: string | null;
  enteredAt: string;
}

export interface TDenominator {
  groupKey: string;
  unitId: number;
  unitName: string;
  unitCode: string;
  year: number;
  value: number;
}

export const fetchManualValues = (measureKey: string, signal?: AbortSignal) => api.get<{ items: TManualValue[] }>('/api/manual-values', { measureKey }, signal);
export const saveManualValue = (input: TManualValueRequest) => api.put<TManualValueRequest & { enteredBy: string }>('/api/manual-values', input);
export const defineManualMeasure = (input: { key: string; name: string; unitId: number }) => api.post<{ key: string; name: string; unitId: number }>('/api/manual-measures', input);
export const closePeriod = (input: { unitId: number; periodStart: string; periodEnd: string }) => api.post<{ id: number }>('/api/closed-periods', input);

export const fetchDenominators = (year: number | undefined, signal?: AbortSignal) => api.get<{ items: TDenominator[] }>('/api/denominators', { year }, signal);
export const saveDenominator = (input: TDenominatorRequest) => api.put<TDenominatorRequest>('/api/denominators', input);

export function importDenominators(file: File) {
  const form = new FormData();
  form.set('file', file);
  return api.upload<{ imported: number }>('/api/denominators/import', form);
}
