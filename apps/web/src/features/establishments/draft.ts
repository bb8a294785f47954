import { formatDateVi, type TEstablishment, type TFieldError, type TUnitRef } from '@pcmd/contracts';
import { currentLocale } from '../../app/i18n';
import { translate } from '../../app/messages';
import { readDate, readNumber } from '../../lib/forms';

/** The registry fields as the form holds them: text as typed, the unit as picked. */
export interface EstablishmentDraft {
  unit: TUnitRef | null;
  name: string;
  typeCode: string;
  address: string;
  latitude: string;
  longitude: string;
  staffCount: string;
  registrationNo: string;
  licenceNo: string;
  licenceIssuer: string;
  licenceExpiry: string;
  representativeName: string;
  representativeIdNo: string;
  representativePhone: string;
  status: TEstablishment['status'];
  openedOn: string;
  closedOn: string;
  riskLevel: '' | NonNullable<TEstablishment['riskLevel']>;
  riskReason: string;
  classifiedOn: string;
  commitmentSignedOn: string;
}

export type TextKey = Exclude<keyof EstablishmentDraft, 'unit' | 'status' | 'riskLevel'>;

export function emptyDraft(unit: TUnitRef | null): EstablishmentDraft {
  return {
    unit,
    name: '',
    typeCode: '',
    address: '',
    latitude: '',
    longitude: '',
    staffCount: '',
    registrationNo: '',
    licenceNo: '',
    licenceIssuer: '',
    licenceExpiry: '',
    representativeName: '',
    representativeIdNo: '',
    representativePhone: '',
    status: 'operating',
    openedOn: '',
    closedOn: '',
    riskLevel: '',
    riskReason: '',
    classifiedOn: '',
    commitmentSignedOn: '',
  };
}

const coordinateText = (n: number | null) => (n === null ? '' : String(n).replace('.', currentLocale() === 'vi' ? ',' : '.'));

export function draftOf(e: TEstablishment, unit: TUnitRef): EstablishmentDraft {
  return {
    unit,
    name: e.name,
    typeCode: e.typeCode,
    address: e.address,
    latitude: coordinateText(e.latitude),
    longitude: coordinateText(e.longitude),
    staffCount: e.staffCount === null ? '' : String(e.staffCount),
    registrationNo: e.registrationNo ?? '',
    licenceNo: e.licenceNo ?? '',
    licenceIssuer: e.licenceIssuer ?? '',
    licenceExpiry: formatDateVi(e.licenceExpiry),
    representativeName: e.representativeName ?? '',
    representativeIdNo: e.representativeIdNo ?? '',
    representativePhone: e.representativePhone ?? '',
    status: e.status,
    openedOn: formatDateVi(e.openedOn),
    closedOn: formatDateVi(e.closedOn),
    riskLevel: e.riskLevel ?? '',
    riskReason: e.riskReason ?? '',
    classifiedOn: formatDateVi(e.classifiedOn),
    commitmentSignedOn: formatDateVi(e.commitmentSignedOn),
  };
}

/**
 * A coordinate in decimal degrees, with a comma or a dot as the decimal mark ("10,7769" or "106.7009"). The form's
 * number reader would take "106.700" for a grouped 106700, so coordinates get their own.
 */
function readCoordinate(text: string, path: string, label: string, errors: TFieldError[]): number | null {
  const s = text.trim().replace(/\s/g, '');
  if (!s) return null;
  const normalized = s.replace(',', '.');
  if (!/^-?\d{1,3}(\.\d+)?$/.test(normalized)) {
    errors.push({ path, message: translate(currentLocale(), 'form.numberInvalid', { field: label }) });
    return null;
  }
  return Number(normalized);
}

const orNull = (s: string) => (s.trim() ? s.trim() : null);

/**
 * The request fields of a draft (empty optional fields as null), checked for dates and numbers; the rest is left to
 * the shared zod schema. `label` names fields in messages.
 */
export function draftValues(d: EstablishmentDraft, label: (name: string) => string, errors: TFieldError[]) {
  const date = (key: TextKey) => readDate(d[key], key, errors) ?? null;
  const latitude = readCoordinate(d.latitude, 'latitude', label('latitude'), errors);
  const longitude = readCoordinate(d.longitude, 'longitude', label('longitude'), errors);
  // A point needs both; one alone would put nothing on the map and look like a saved position.
  if (!d.latitude.trim() !== !d.longitude.trim())
    errors.push({ path: d.latitude.trim() ? 'longitude' : 'latitude', message: translate(currentLocale(), 'est.coordsBoth') });
  return {
    unitId: d.unit?.id,
    name: d.name,
    typeCode: d.typeCode || undefined,
    address: d.address,
    latitude,
    longitude,
    staffCount: readNumber(d.staffCount, 'staffCount', label('staffCount'), errors) ?? null,
    registrationNo: orNull(d.registrationNo),
    licenceNo: orNull(d.licenceNo),
    licenceIssuer: orNull(d.licenceIssuer),
    licenceExpiry: date('licenceExpiry'),
    representativeName: orNull(d.representativeName),
    representativeIdNo: orNull(d.representativeIdNo),
    representativePhone: orNull(d.representativePhone),
    status: d.status,
    openedOn: readDate(d.openedOn, 'openedOn', errors),
    closedOn: date('closedOn'),
    riskLevel: d.riskLevel || null,
    riskReason: orNull(d.riskReason),
    classifiedOn: date('classifiedOn'),
    commitmentSignedOn: date('commitmentSignedOn'),
  };
}
