import type { TCreateUserRequest, TRole, TUpdateUserRequest, TUser } from '@pcmd/contracts';
import { api } from '../../lib/api-client';

export interface TUserPage {
  items: TUser[];
  total: number;
  page: number;
  pageSize: number;
}

export const USERS_PAGE_SIZE = 25;

export const listUsers = (query: { q?: string; role?: TRole; page: number }, signal?: AbortSignal) =>
  api.get<TUserPage>('/api/users', { ...query, pageSize: USERS_PAGE_SIZE }, signal);
export const fetchUser = (id: number, signal?: AbortSignal) => api.get<TUser>(`/api/users/${id}`, undefined, signal);
export const createUser = (input: TCreateUserRequest) => api.post<TUser>('/api/users', input);
export const updateUser = (id: number, input: TUpdateUserRequest) => api.patch<TUser>(`/api/users/${id}`, input);
export const resetPassword = (id: number, newPassword: string) => api.post<TUser>(`/api/users/${id}/reset-password`, { newPassword });
