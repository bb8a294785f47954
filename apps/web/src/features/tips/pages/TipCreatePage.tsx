import { useState, type FormEvent } from 'react';
import { Link, useNavigate } from 'react-router';
import { UNIT_TYPES, ZStaffTipRequest, type TFieldError, type TUnitRef } from '@pcmd/contracts';
import { useI18n } from '../../../app/i18n';
import { CheckboxField, FormErrors, TextAreaField, TextField } from '../../../components/Field';
import { PageHeader } from '../../../components/Page';
import { missingField, parseInput, useSubmit } from '../../../lib/forms';
import { useMe } from '../../auth/session';
import { EstablishmentChooser, type ChosenEstablishment } from '../../establishments/components/EstablishmentChooser';
import { UnitPicker } from '../../units/components/UnitPicker';
import { receiveTip } from '../api';
import { TipsBreadcrumb } from '../components/TipsNav';
import { CodeSelect, tipLabels } from '../components/TipBits';

/** The web channel is the public form's own; staff record the others. */
const CHANNELS_FOR_STAFF = Object.fromEntries(Object.entries(tipLabels.channel).filter(([code]) => code !== 'web'));

/** "2026-11-20T14:30" from a datetime-local input, as an instant in Vietnam's time (UTC+7, no daylight saving). */
const vietnamInstant = (local: string) => (local ? `${local}:00+07:00` : undefined);

/** Intake by staff of a tip that came by hotline, mailbox, in person, letter, another agency or social media. */
export function TipCreatePage() {
  const { t, field } = useI18n();
  const me = useMe();
  const navigate = useNavigate();
  const form = useSubmit();
  const [unit, setUnit] = useState<TUnitRef | null>(UNIT_TYPES[me.unit.type].level >= 3 ? me.unit : null);
  const [channel, setChannel] = useState('');
  const [category, setCategory] = useState('');
  const [receivedAt, setReceivedAt] = useState('');
  const [occurredAt, setOccurredAt] = useState('');
  const [address, setAddress] = useState('');
  const [description, setDescription] = useState('');
  const [establishment, setEstablishment] = useState<ChosenEstablishment[]>([]);
  const [named, setNamed] = useState(false);
  const [reporterName, setReporterName] = useState('');
  const [reporterContact, setReporterContact] = useState('');

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    void form.run(async () => {
      const errors: TFieldError[] = unit ? [] : [missingField('unitId')];
      const input = parseInput(
        ZStaffTipRequest,
        {
          unitId: unit?.id,
          channel: channel || undefined,
          category: category || undefined,
          receivedAt: vietnamInstant(receivedAt),
          occurredAt,
          address,
          description,
          establishmentId: establishment[0]?.id ?? null,
          reporter: named ? { name: reporterName, contact: reporterContact } : null,
        },
        errors,
      );
      const tip = await receiveTip(input);
      navigate(`/tips/${tip.id}`);
    });
  };

  return (
    <>
      <PageHeader
        before={<TipsBreadcrumb />}
        title={t('tips.new')}
        subtitle={t('tips.newIntro')}
      />
      <form onSubmit={onSubmit} noValidate className="form">
        <FormErrors failure={form.failure} />
        <CodeSelect name="channel" labels={CHANNELS_FOR_STAFF} value={channel} onChange={setChannel} error={form.errors.channel} />
        <CodeSelect name="category" labels={tipLabels.category} value={category} onChange={setCategory} error={form.errors.category} />
        <UnitPicker name="unitId" label={t('tips.place')} value={unit} onChange={setUnit} error={form.errors.unitId} required />
        <TextField name="address" label={field('address')} value={address} onChange={(e) => setAddress(e.target.value)} error={form.errors.address} />
        <TextField name="receivedAt" type="datetime-local" label={t('tips.receivedAt')} hint={t('tips.receivedAtHint')} value={receivedAt} onChange={(e) => setReceivedAt(e.target.value)} error={form.errors.receivedAt} />
        <TextField name="occurredAt" label={field('occurredAt')} hint={t('public.occurredAtHint')} value={occurredAt} onChange={(e) => setOccurredAt(e.target.value)} error={form.errors.occurredAt} />
        <TextAreaField name="description" label={field('description')} rows={5} value={description} onChange={(e) => setDescription(e.target.value)} error={form.errors.description} required />
        <EstablishmentChooser unitId={unit?.id} chosen={establishment} onChange={(next) => setEstablishment(next.slice(-1))} error={form.errors.establishmentId} />
        <CheckboxField name="named" label={t('tips.reporterGiven')} checked={named} onChange={(e) => setNamed(e.target.checked)} />
        {named && (
          <>
            <TextField name="reporter.name" label={t('public.name')} value={reporterName} onChange={(e) => setReporterName(e.target.value)} error={form.errors['reporter.name']} required />
            <TextField name="reporter.contact" label={t('public.contact')} value={reporterContact} onChange={(e) => setReporterContact(e.target.value)} error={form.errors['reporter.contact']} />
          </>
        )}
        <div className="form-actions">
          <button type="submit" className="button button-primary" disabled={form.busy}>
            {t('tips.receive')}
          </button>
          <Link className="button" to="/tips">
            {t('common.cancel')}
          </Link>
        </div>
      </form>
    </>
  );
}
