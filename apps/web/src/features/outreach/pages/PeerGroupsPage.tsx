import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { PEER_GROUP_KINDS, ZCreatePeerGroupRequest, formatDateVi, formatNumberVi, type TFieldError, type TPeerGroup, type TUnitRef } from '@pcmd/contracts';
import { useI18n } from '../../../app/i18n';
import { DateField, FormErrors, SelectField, TextAreaField, TextField } from '../../../components/Field';
import { PageHeader } from '../../../components/Page';
import { ErrorNotice, Loading, SuccessNotice } from '../../../components/Status';
import { missingField, parseInput, readDate, readNumber, useSubmit } from '../../../lib/forms';
import { useResource } from '../../../lib/use-resource';
import { useMe } from '../../auth/session';
import { UnitPicker } from '../../units/components/UnitPicker';
import { createPeerGroup, fetchPeerGroups, updatePeerGroup } from '../api';
import { OutreachNav, labelOf } from '../components/OutreachBits';
import { presetUnit } from '../draft';
import { vnToday } from '../periods';
import { canRecordOutreach } from '../permissions';

/** "Nhóm đồng đẳng, mô hình": peer groups, self-help groups, clubs and support models; members are counted, never named. */
export function PeerGroupsPage() {
  const { t } = useI18n();
  const me = useMe();
  const groups = useResource((signal) => fetchPeerGroups(signal), []);
  const [created, setCreated] = useState<TPeerGroup | null>(null);
  const canEdit = canRecordOutreach(me.role);

  return (
    <>
      <PageHeader title={t('outreach.peerGroups.title')} subtitle={t('outreach.peerGroups.intro')} />
      <OutreachNav />
      {created && (
        <SuccessNotice>
          <p>{t('outreach.peerGroups.created', { name: created.name })}</p>
        </SuccessNotice>
      )}
      {groups.error && <ErrorNotice error={groups.error} onRetry={groups.reload} />}
      {groups.loading && !groups.data && <Loading />}
      {groups.data && (
        <>
          {groups.data.items.length === 0 && <p>{t('outreach.peerGroups.none')}</p>}
          <ul className="item-list">
            {groups.data.items.map((g) => (
              <PeerGroupItem key={g.id} group={g} canEdit={canEdit} onChanged={groups.reload} />
            ))}
          </ul>
        </>
      )}
      {canEdit && (
        <PeerGroupForm
          onCreated={(g) => {
            setCreated(g);
            groups.reload();
          }}
        />
      )}
    </>
  );
}

function PeerGroupItem({ group: g, canEdit, onChanged }: { group: TPeerGroup; canEdit: boolean; onChanged: () => void }) {
  const { t, locale } = useI18n();
  const action = useSubmit();
  const dissolve = () => {
    if (!window.confirm(t('outreach.peerGroups.dissolveConfirm', { name: g.name }))) return;
    void action.run(async () => {
      await updatePeerGroup(g.id, { dissolvedOn: vnToday() < g.foundedOn ? g.foundedOn : vnToday() });
      onChanged();
    });
  };
  return (
    <li className="item">
      <div className="item-main">
        <p className="item-title">{g.name}</p>
        <p className="item-meta">
          <span className="item-facts">
            <span>{labelOf(PEER_GROUP_KINDS, g.kind, locale)}</span>
            <span>{t('outreach.peerGroups.members', { count: formatNumberVi(g.membersCount) })}</span>
            <span>{t('outreach.peerGroups.founded', { date: formatDateVi(g.foundedOn) })}</span>
          </span>
        </p>
        <p className="item-meta muted small">
          {g.unit.name} · {g.hostAgency}
        </p>
        <p className="item-meta small">
          <Link to={`/outreach?peerGroup=${g.id}`}>{t('outreach.peerGroups.activities', { count: formatNumberVi(g.activitiesCount) })}</Link>
          {g.lastActivityOn && ` · ${t('outreach.coverage.lastOn', { date: formatDateVi(g.lastActivityOn) })}`}
        </p>
        {action.failure && <p className="field-error">{action.failure.message}</p>}
      </div>
      <div className="item-actions">
        {g.dissolvedOn ? (
          <span className="tag tag-muted">{t('outreach.peerGroups.dissolved', { date: formatDateVi(g.dissolvedOn) })}</span>
        ) : (
          canEdit && (
            <button type="button" className="button button-small" disabled={action.busy} onClick={dissolve}>
              {t('outreach.peerGroups.dissolve')}
            </button>
          )
        )}
      </div>
    </li>
  );
}

function PeerGroupForm({ onCreated }: { onCreated: (g: TPeerGroup) => void }) {
  const { t, field, locale } = useI18n();
  const me = useMe();
  const form = useSubmit();
  const blank = () => ({ unit: presetUnit(me) as TUnitRef | null, name: '', kind: 'peer_group', hostAgency: me.agency ?? '', membersCount: '', foundedOn: '', description: '' });
  const [d, setD] = useState(blank);
  const set = <K extends keyof ReturnType<typeof blank>>(key: K, value: ReturnType<typeof blank>[K]) => setD({ ...d, [key]: value });

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    void form.run(async () => {
      const errors: TFieldError[] = d.unit ? [] : [missingField('unitId')];
      const input = parseInput(
        ZCreatePeerGroupRequest,
        {
          unitId: d.unit?.id,
          name: d.name,
          kind: d.kind,
          hostAgency: d.hostAgency,
          membersCount: readNumber(d.membersCount, 'membersCount', field('membersCount'), errors),
          foundedOn: readDate(d.foundedOn, 'foundedOn', errors),
          description: d.description,
        },
        errors,
      );
      onCreated(await createPeerGroup(input));
      setD(blank());
    });
  };

  return (
    <section className="section" aria-labelledby="peer-group-new">
      <h2 id="peer-group-new">{t('outreach.peerGroups.new')}</h2>
      <form onSubmit={onSubmit} noValidate className="form">
        <FormErrors failure={form.failure} />
        <UnitPicker name="unitId" label={field('unitId')} value={d.unit} onChange={(u) => set('unit', u)} error={form.errors.unitId} required />
        <TextField name="name" label={field('name')} value={d.name} onChange={(e) => set('name', e.target.value)} error={form.errors.name} required />
        <SelectField name="kind" label={t('outreach.peerGroups.kind')} value={d.kind} onChange={(e) => set('kind', e.target.value)} error={form.errors.kind} required>
          {Object.entries(PEER_GROUP_KINDS).map(([code, label]) => (
            <option key={code} value={code}>
              {label[locale]}
            </option>
          ))}
        </SelectField>
        <TextField name="hostAgency" label={field('hostAgency')} value={d.hostAgency} onChange={(e) => set('hostAgency', e.target.value)} error={form.errors.hostAgency} required />
        <div className="field-row">
          <TextField name="membersCount" label={field('membersCount')} hint={t('outreach.peerGroups.membersHint')} inputMode="numeric" value={d.membersCount} onChange={(e) => set('membersCount', e.target.value)} error={form.errors.membersCount} required />
          <DateField name="foundedOn" label={field('foundedOn')} value={d.foundedOn} onChange={(v) => set('foundedOn', v)} error={form.errors.foundedOn} required />
        </div>
        <TextAreaField name="description" label={field('description')} rows={3} value={d.description} onChange={(e) => set('description', e.target.value)} error={form.errors.description} />
        <div className="form-actions">
          <button type="submit" className="button button-primary" disabled={form.busy}>
            {t('outreach.peerGroups.submit')}
          </button>
        </div>
      </form>
    </section>
  );
}
