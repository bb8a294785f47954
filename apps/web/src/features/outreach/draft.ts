import {
  OUTREACH_CHANNEL_CODES,
  OUTREACH_TARGET_GROUP_CODES,
  UNIT_TYPES,
  formatDateVi,
  type TFieldError,
  type TMe,
  type TOutreachChannel,
  type TOutreachTargetGroup,
  type TUnitRef,
} from '@pcmd/contracts';
import { readDate, readNumber } from '../../lib/forms';
import type { TOutreachDefaults } from './api';
import { vnToday } from './periods';
import { newClientId, readStored, removeStored, writeStored } from './storage';

export interface ReachRow {
  group: TOutreachTargetGroup | '';
  reached: string;
}

/** The quick-entry form as typed, kept in the browser on every change until it is queued. */
export interface ActivityDraft {
  /** Generated with the draft and sent with it: the server stores one activity per clientId. */
  clientId: string;
  unit: TUnitRef | null;
  heldOn: string;
  agency: string;
  channel: TOutreachChannel | '';
  topic: string;
  reach: ReachRow[];
  materials: string;
  peerGroupId: string;
}

/** What the next entry starts from: everything but the date and the draft's id. */
export type LastValues = Omit<ActivityDraft, 'clientId' | 'heldOn'>;

const draftKey = (userId: number) => `pcmd.outreach.draft.${userId}`;
const lastKey = (userId: number) => `pcmd.outreach.last.${userId}`;

/** Today in Vietnam's calendar (the server refuses a date after it), as dd/mm/yyyy. */
const vnTodayText = () => formatDateVi(vnToday());

const emptyRow = (): ReachRow => ({ group: '', reached: '' });

export function newDraft(start: LastValues): ActivityDraft {
  return { ...start, reach: start.reach.length ? start.reach.map((r) => ({ ...r })) : [emptyRow()], clientId: newClientId(), heldOn: vnTodayText() };
}

/** A village, residential group or commune user records in their own unit; a province or district user picks one. */
export function presetUnit(me: TMe): TUnitRef | null {
  return UNIT_TYPES[me.unit.type].level >= 3 ? me.unit : null;
}

export function lastValuesFromServer(defaults: TOutreachDefaults, unit: TUnitRef | null): LastValues {
  return {
    unit,
    agency: defaults.agency,
    channel: defaults.channel ?? '',
    topic: defaults.topic,
    reach: defaults.reach.map((r) => ({ group: r.group, reached: String(r.reached) })),
    materials: defaults.materials,
    peerGroupId: defaults.peerGroupId ? String(defaults.peerGroupId) : '',
  };
}

/**
 * The values of a first entry. A village head's account usually names no agency: their village or group holds the
 * activity, so its name is the likely answer.
 */
export function blankValues(me: TMe): LastValues {
  const agency = me.agency || (UNIT_TYPES[me.unit.type].level === 4 ? me.unit.name : '');
  return { unit: presetUnit(me), agency, channel: '', topic: '', reach: [], materials: '', peerGroupId: '' };
}

const isString = (v: unknown): v is string => typeof v === 'string';

function isUnitRef(v: unknown): v is TUnitRef {
  const u = v as Partial<TUnitRef> | null;
  return typeof u === 'object' && u !== null && typeof u.id === 'number' && isString(u.name) && isString(u.code) && isString(u.type) && u.type in UNIT_TYPES;
}

/** Reads back what an earlier visit stored, dropping anything that does not have the expected shape. */
function readValues(raw: unknown): LastValues | null {
  const v = raw as Record<string, unknown> | null;
  if (typeof v !== 'object' || v === null) return null;
  const reach = Array.isArray(v.reach)
    ? (v.reach as unknown[]).flatMap((r) => {
        const row = r as Partial<ReachRow> | null;
        const group = row?.group;
        if (!row || !isString(row.reached) || !isString(group) || (group !== '' && !OUTREACH_TARGET_GROUP_CODES.includes(group as TOutreachTargetGroup))) return [];
        return [{ group: group as ReachRow['group'], reached: row.reached }];
      })
    : [];
  const channel = isString(v.channel) && OUTREACH_CHANNEL_CODES.includes(v.channel as TOutreachChannel) ? (v.channel as TOutreachChannel) : '';
  return {
    unit: isUnitRef(v.unit) ? v.unit : null,
    agency: isString(v.agency) ? v.agency : '',
    channel,
    topic: isString(v.topic) ? v.topic : '',
    reach,
    materials: isString(v.materials) ? v.materials : '',
    peerGroupId: isString(v.peerGroupId) ? v.peerGroupId : '',
  };
}

/** The draft being typed when the page was left (or the phone lost power), if any. */
export function loadDraft(userId: number): ActivityDraft | null {
  const raw = readStored(draftKey(userId)) as Record<string, unknown> | null;
  const values = readValues(raw);
  if (!raw || !values || !isString(raw.clientId) || !isString(raw.heldOn)) return null;
  return { ...values, clientId: raw.clientId, heldOn: raw.heldOn, reach: values.reach.length ? values.reach : [emptyRow()] };
}

export const saveDraft = (userId: number, draft: ActivityDraft) => writeStored(draftKey(userId), draft);
export const dropDraft = (userId: number) => removeStored(draftKey(userId));

/** The values of the last entry made on this device: the form starts from them when the server cannot be reached. */
export const loadLastValues = (userId: number) => readValues(readStored(lastKey(userId)));
export function saveLastValues(userId: number, draft: ActivityDraft) {
  const { clientId: _clientId, heldOn: _heldOn, ...values } = draft;
  writeStored(lastKey(userId), { ...values, reach: values.reach.filter((r) => r.group) });
}

/** The draft without reach rows left entirely empty (kept one, so the form always offers a row). */
export function withoutEmptyRows(d: ActivityDraft): ActivityDraft {
  const reach = d.reach.filter((r) => r.group || r.reached.trim());
  return { ...d, reach };
}

/**
 * The request of a draft (empty rows already dropped, so error paths match the rows shown): dates and numbers read as
 * typed (dd/mm/yyyy, "1.200"), an empty count as 0 (a broadcast reaches people no one counts); the rest is checked by
 * the shared zod schema.
 */
export function draftRequest(d: ActivityDraft, label: (name: string) => string, errors: TFieldError[]) {
  return {
    clientId: d.clientId,
    unitId: d.unit?.id,
    heldOn: readDate(d.heldOn, 'heldOn', errors),
    agency: d.agency,
    channel: d.channel || undefined,
    topic: d.topic,
    reach: d.reach.map((row, i) => ({ group: row.group || undefined, reached: readNumber(row.reached, `reach.${i}.reached`, label('reached'), errors) ?? 0 })),
    materials: d.materials,
    peerGroupId: d.peerGroupId ? Number(d.peerGroupId) : undefined,
  };
}
