import type { TPublicTipRequest, TStaffTipRequest, TTip, TTipAction, TTipListQuery, ZOnlinePost, ZOnlinePostRequest, ZOnlinePostUpdate, ZPublicTipReceipt, ZPublicTipStatus, ZTipDetail } from '@pcmd/contracts';
import type { z } from 'zod';
import { api } from '../../lib/api-client';
import { solveProofOfWork } from './proof-of-work';

export type TTipDetail = z.infer<typeof ZTipDetail>;
export type TOnlinePost = z.infer<typeof ZOnlinePost>;
export type TPublicTipStatus = z.infer<typeof ZPublicTipStatus>;
export type TPublicTipReceipt = z.infer<typeof ZPublicTipReceipt>;
export interface TPublicPlace {
  id: number;
  name: string;
  parentName: string | null;
}
export interface TPage<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

export const fetchTips = (query: Partial<TTipListQuery>, signal?: AbortSignal) => api.get<TPage<TTip>>('/api/tips', query, signal);
export const fetchTip = (id: number, signal?: AbortSignal) => api.get<TTipDetail>(`/api/tips/${id}`, undefined, signal);
export const receiveTip = (input: TStaffTipRequest) => api.post<TTipDetail>('/api/tips', input);
export const actOnTip = (id: number, action: TTipAction) => api.post<TTipDetail>(`/api/tips/${id}/actions`, action);
/** Each call is recorded in the audit log as a read of sensitive data. */
export const revealReporter = (id: number) => api.get<{ anonymous: boolean; reporter: { name: string; contact: string } | null }>(`/api/tips/${id}/reporter`);

export const fetchOnlinePosts = (signal?: AbortSignal) => api.get<{ items: TOnlinePost[] }>('/api/online-posts', undefined, signal);
export function logOnlinePost(input: z.input<typeof ZOnlinePostRequest>, evidence: File | null) {
  const form = new FormData();
  form.set('data', JSON.stringify(input));
  if (evidence) form.set('evidence', evidence);
  return api.upload<TOnlinePost>('/api/online-posts', form);
}
export const updateOnlinePost = (id: number, patch: z.input<typeof ZOnlinePostUpdate>) => api.patch<TOnlinePost>(`/api/online-posts/${id}`, patch);

/** The photo types the server accepts from citizens (it re-encodes them without metadata). */
export const PHOTO_TYPES = '.jpg,.jpeg,.png';

export const searchPublicPlaces = (q: string, signal?: AbortSignal) => api.get<{ items: TPublicPlace[] }>('/api/public/units', { q }, signal);

/** Asks the server for a challenge, solves it in the browser (a second or so), then sends the tip. */
export async function submitPublicTip(input: Omit<TPublicTipRequest, 'proof'>) {
  const { challenge, difficulty } = await api.get<{ challenge: string; difficulty: number }>('/api/public/challenge');
  const nonce = await solveProofOfWork(challenge, difficulty);
  return api.post<TPublicTipReceipt>('/api/public/tips', { ...input, proof: { challenge, nonce } });
}
export const followPublicTip = (referenceCode: string, secret: string) => api.post<TPublicTipStatus>('/api/public/tips/status', { referenceCode, secret });
export function addPublicInformation(input: { referenceCode: string; secret: string; text: string; photo: File | null }) {
  const form = new FormData();
  form.set('referenceCode', input.referenceCode);
  form.set('secret', input.secret);
  form.set('text', input.text);
  if (input.photo) form.set('photo', input.photo);
  return api.upload<{ ok: true }>('/api/public/tips/information', form);
}
