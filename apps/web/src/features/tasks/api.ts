import type { TPlanTask } from '@pcmd/contracts';
import { api } from '../../lib/api-client';

export type TTaskItem = TPlanTask & { unitId: number; unitName: string; planSubject: string; mine: boolean };

export interface TTaskUpdate {
  id: number;
  at: string;
  status: string;
  note: string;
  username: string | null;
  file: { id: number; name: string; size: number } | null;
}

export type TTaskDetail = TPlanTask & { updates: TTaskUpdate[] };

export const fetchTasks = (overdue: boolean, signal?: AbortSignal) => api.get<{ items: TTaskItem[] }>('/api/tasks', { overdue: overdue || undefined }, signal);
export const fetchTask = (id: number, signal?: AbortSignal) => api.get<TTaskDetail>(`/api/tasks/${id}`, undefined, signal);

export function reportProgress(id: number, input: { status: string; note: string; doneAt?: string; file: File | null }) {
  const form = new FormData();
  form.set('status', input.status);
  form.set('note', input.note);
  if (input.doneAt) form.set('doneAt', input.doneAt);
  if (input.file) form.set('file', input.file);
  return api.upload<TTaskDetail>(`/api/tasks/${id}/progress`, form);
}

/** A plain link: the browser downloads the evidence with the session cookie. */
export const fileUrl = (id: number) => `/api/files/${id}`;
