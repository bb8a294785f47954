import { useSyncExternalStore } from 'react';
import type { TCreateOutreachActivityRequest, TFieldError, TOutreachActivity } from '@pcmd/contracts';
import { toApiError } from '../../lib/api-client';
import { createActivity } from './api';
import type { ActivityDraft } from './draft';
import { readStored, removeStored, writeStored } from './storage';

/**
 * The quick-entry outbox: activities checked and ready, kept in the browser until the server has them. A village head
 * on a phone often loses the connection; what they entered must survive that (and a closed tab), and must be stored
 * once however many times it is sent. Each item carries the clientId generated with its draft: the server answers a
 * repeat with the record it already has, so "sent twice because the answer was lost" still makes one activity.
 */

export interface OutboxItem {
  clientId: string;
  request: TCreateOutreachActivityRequest & { clientId: string };
  /** The form as typed: shown in the list of waiting items, and taken back into the form to correct a refused one. */
  draft: ActivityDraft;
  queuedAt: string;
  /** Set when the server refused the item (not a lost connection): the person must correct or discard it. */
  failure?: { message: string; fields: TFieldError[] };
}

export interface OutboxState {
  items: readonly OutboxItem[];
  sending: boolean;
  /** The last activities this tab delivered from the outbox, newest first (for a confirmation). */
  sent: readonly TOutreachActivity[];
  /** How many this tab delivered since it opened: lists reload when it changes. */
  delivered: number;
}

const outboxKey = (userId: number) => `pcmd.outreach.outbox.${userId}`;
const EMPTY: OutboxState = { items: [], sending: false, sent: [], delivered: 0 };

const states = new Map<number, OutboxState>();
const listeners = new Set<() => void>();
const inFlight = new Map<number, Promise<FlushResult>>();

function isOutboxItem(value: unknown): value is OutboxItem {
  const v = value as Partial<OutboxItem> | null;
  return typeof v === 'object' && v !== null && typeof v.clientId === 'string' && typeof v.request === 'object' && v.request !== null && typeof v.draft === 'object' && v.draft !== null;
}

function readItems(userId: number): OutboxItem[] {
  const stored = readStored(outboxKey(userId));
  return Array.isArray(stored) ? stored.filter(isOutboxItem) : [];
}

function setState(userId: number, patch: Partial<OutboxState>) {
  states.set(userId, { ...(states.get(userId) ?? { ...EMPTY, items: readItems(userId) }), ...patch });
  for (const listener of listeners) listener();
}

/** Read-modify-write against storage each time, so an item another tab added meanwhile is not lost. */
function updateItems(userId: number, change: (items: OutboxItem[]) => OutboxItem[]) {
  const next = change(readItems(userId));
  if (next.length) writeStored(outboxKey(userId), next);
  else removeStored(outboxKey(userId));
  setState(userId, { items: next });
}

/** One item of the outbox as stored now (another tab may have changed it). */
export const readOutboxItem = (userId: number, clientId: string) => readItems(userId).find((i) => i.clientId === clientId);

/** Puts a checked activity in the outbox (replacing an earlier copy of the same draft). */
export function enqueue(userId: number, item: Omit<OutboxItem, 'queuedAt' | 'failure'>) {
  updateItems(userId, (items) => [...items.filter((i) => i.clientId !== item.clientId), { ...item, queuedAt: new Date().toISOString() }]);
}

/** Takes an item out without sending it (discarded, or taken back into the form to be corrected). */
export function removeFromOutbox(userId: number, clientId: string) {
  updateItems(userId, (items) => items.filter((i) => i.clientId !== clientId));
}

export type FlushResult = { sent: TOutreachActivity[]; offline: boolean };

/** Lost connection, server restarting or overloaded, or a session to renew: worth trying again later, unchanged. */
function isTransient(status: number) {
  return status === 0 || status === 401 || status === 408 || status === 429 || status >= 500;
}

/**
 * Sends what waits in the outbox, one item at a time, oldest first. Items the server refused stay with its message
 * until the person corrects or discards them; a lost connection stops the round (the rest waits for the next one).
 * Only one round runs at a time in a tab; a second caller shares it.
 */
export function flushOutbox(userId: number): Promise<FlushResult> {
  const running = inFlight.get(userId);
  if (running) return running;
  const round = (async (): Promise<FlushResult> => {
    const sent: TOutreachActivity[] = [];
    const pending = readItems(userId).filter((i) => !i.failure);
    if (!pending.length) return { sent, offline: false };
    if (typeof navigator !== 'undefined' && navigator.onLine === false) return { sent, offline: true };
    setState(userId, { sending: true });
    try {
      for (const item of pending) {
        // Another tab may have sent (and removed) it meanwhile; sending again would be harmless, but pointless.
        if (!readItems(userId).some((i) => i.clientId === item.clientId)) continue;
        try {
          const activity = await createActivity(item.request);
          sent.push(activity);
          removeFromOutbox(userId, item.clientId);
          const before = states.get(userId) ?? EMPTY;
          setState(userId, { sent: [activity, ...before.sent].slice(0, 20), delivered: before.delivered + 1 });
        } catch (err) {
          const error = toApiError(err);
          if (isTransient(error.status)) return { sent, offline: error.status === 0 || error.status >= 500 };
          updateItems(userId, (items) => items.map((i) => (i.clientId === item.clientId ? { ...i, failure: { message: error.message, fields: error.fields } } : i)));
        }
      }
      return { sent, offline: false };
    } finally {
      setState(userId, { sending: false });
    }
  })().finally(() => inFlight.delete(userId));
  inFlight.set(userId, round);
  return round;
}

function subscribe(listener: () => void) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Another tab changed the outbox: show its items here too. */
export function reloadFromStorage(userId: number) {
  setState(userId, { items: readItems(userId) });
}

/** The outbox of a user, kept current as items are queued, sent or refused. */
export function useOutbox(userId: number): OutboxState {
  return useSyncExternalStore(subscribe, () => {
    let state = states.get(userId);
    if (!state) {
      state = { ...EMPTY, items: readItems(userId) };
      states.set(userId, state);
    }
    return state;
  });
}
