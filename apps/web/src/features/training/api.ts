import type {
  TCourse,
  TCourseAttendanceRequest,
  TCourseDetail,
  TCourseListQuery,
  TCreateCourseRequest,
  TCreateRosterPersonRequest,
  TRosterListQuery,
  TRosterPerson,
  TUpdateRosterPersonRequest,
} from '@pcmd/contracts';
import { api } from '../../lib/api-client';

export interface TPage<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

export const fetchPeople = (query: Partial<TRosterListQuery>, signal?: AbortSignal) => api.get<TPage<TRosterPerson>>('/api/training/people', query, signal);
export const addPerson = (input: TCreateRosterPersonRequest) => api.post<TRosterPerson>('/api/training/people', input);
export const updatePerson = (id: number, input: TUpdateRosterPersonRequest) => api.patch<TRosterPerson>(`/api/training/people/${id}`, input);

export const fetchCourses = (query: Partial<TCourseListQuery>, signal?: AbortSignal) => api.get<TPage<TCourse>>('/api/training/courses', query, signal);
export const createCourse = (input: TCreateCourseRequest) => api.post<TCourse>('/api/training/courses', input);
export const fetchCourse = (id: number, signal?: AbortSignal) => api.get<TCourseDetail>(`/api/training/courses/${id}`, undefined, signal);
/** Replaces the attendance of the user's area as a whole (rows of people outside it, entered higher up, are kept). */
export const setAttendance = (id: number, input: TCourseAttendanceRequest) => api.put<TCourseDetail>(`/api/training/courses/${id}/attendance`, input);
export function uploadCertificate(id: number, personId: number, file: File) {
  const form = new FormData();
  form.set('personId', String(personId));
  form.set('file', file);
  return api.upload<TCourseDetail>(`/api/training/courses/${id}/certificates`, form);
}
/** A plain link: the browser opens the stored file with the session cookie. */
export const fileUrl = (fileId: number) => `/api/files/${fileId}`;
