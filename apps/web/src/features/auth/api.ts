import type { TLocale, TLoginRequest, TMe } from '@pcmd/contracts';
import { api } from '../../lib/api-client';

export interface TTotpSetup {
  secret: string;
  otpauthUrl: string;
}

export const fetchMe = (signal?: AbortSignal) => api.get<TMe>('/api/auth/me', undefined, signal);
export const login = (input: TLoginRequest) => api.post<TMe>('/api/auth/login', input);
export const logout = () => api.post<{ ok: true }>('/api/auth/logout');
export const changePassword = (input: { currentPassword: string; newPassword: string }) => api.post<{ ok: true }>('/api/auth/password', input);
export const startTotpSetup = () => api.post<TTotpSetup>('/api/auth/totp/setup');
export const enableTotp = (totpCode: string) => api.post<{ ok: true }>('/api/auth/totp/enable', { totpCode });
export const disableTotp = (password: string) => api.post<{ ok: true }>('/api/auth/totp/disable', { password });
export const saveLocale = (locale: TLocale) => api.put<{ ok: true }>('/api/auth/locale', { locale });
