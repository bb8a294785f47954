import { AsyncLocalStorage } from 'node:async_hooks';
import type { TLocale, TRole } from '@pcmd/contracts';
import type { Db } from '../db/database.js';

/** Who is asking: set by the session middleware, read by every service. */
export interface Actor {
  userId: number;
  username: string;
  role: TRole;
  unitId: number;
}

/** What a service needs about the request it serves. */
export interface RequestContext {
  db: Db;
  actor: Actor;
  requestId: string;
  locale: TLocale;
}

const requestStore = new AsyncLocalStorage<{ locale: TLocale }>();

export function runWithLocale<T>(locale: TLocale, fn: () => T): T {
  return requestStore.run({ locale }, fn);
}

export function setRequestLocale(locale: TLocale): void {
  const store = requestStore.getStore();
  if (store) store.locale = locale;
}

export function currentLocale(): TLocale {
  return requestStore.getStore()?.locale ?? 'vi';
}
