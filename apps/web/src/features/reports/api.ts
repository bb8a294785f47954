import type { TReport, TReportNarrative, TReportOverview, TReportSummary, ZReportReminder } from '@pcmd/contracts';
import type { z } from 'zod';
import { api } from '../../lib/api-client';

export type TReportReminder = z.infer<typeof ZReportReminder>;

export const fetchReports = (signal?: AbortSignal) => api.get<{ items: TReportSummary[] }>('/api/reports', undefined, signal);
export const fetchReport = (id: number, signal?: AbortSignal) => api.get<TReport>(`/api/reports/${id}`, undefined, signal);
export const fetchReminders = (signal?: AbortSignal) => api.get<{ items: TReportReminder[] }>('/api/report-reminders', undefined, signal);
export const fetchOverview = (planId: number, periodKey: string, signal?: AbortSignal) => api.get<TReportOverview>('/api/report-overview', { planId, periodKey }, signal);
export const createReport = (input: { planId: number; periodKey: string; kind: 'unit' | 'consolidated' }) => api.post<TReport>('/api/reports', input);
export const updateReport = (id: number, patch: { numberSymbol?: string | null; narrative?: TReportNarrative; recipients?: string[] }) => api.patch<TReport>(`/api/reports/${id}`, patch);
export const submitReport = (id: number) => api.post<TReport>(`/api/reports/${id}/submit`);
export const approveReport = (id: number, signer: { signerName: string; signerTitle: string; signingMode: 'TM' | 'KT' }) => api.post<TReport>(`/api/reports/${id}/approve`, signer);
export const receiveReport = (id: number) => api.post<TReport>(`/api/reports/${id}/receive`);
export const returnReport = (id: number, comment: string) => api.post<TReport>(`/api/reports/${id}/return`, { comment });

/** Plain links: the browser downloads the files with the session cookie. */
export const documentUrl = (id: number) => `/api/reports/${id}/document`;
export const annexUrl = (id: number) => `/api/reports/${id}/annex`;
export const dhis2Url = (id: number) => `/api/reports/${id}/dhis2`;
