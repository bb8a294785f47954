import { Link, useSearchParams } from 'react-router';
import { formatNumberVi, type TTip } from '@pcmd/contracts';
import { useI18n } from '../../../app/i18n';
import type { MessageKey } from '../../../app/messages';
import { SelectField } from '../../../components/Field';
import { PageHeader } from '../../../components/Page';
import { Pager } from '../../../components/Pager';
import { ErrorNotice, Loading } from '../../../components/Status';
import { useResource } from '../../../lib/use-resource';
import { useSession } from '../../auth/session';
import { fetchTips } from '../api';
import { TipsNav } from '../components/TipsNav';
import { TipFacts, TipTags, labelOf, tipLabels } from '../components/TipBits';
import { canHandleTips } from '../permissions';

const VIEWS = {
  open: { query: { status: 'open' }, label: 'tips.view.open' },
  mine: { query: { status: 'open', assigned: 'me' }, label: 'tips.view.mine' },
  overdue: { query: { due: 'overdue' }, label: 'tips.view.overdue' },
  soon: { query: { due: 'soon' }, label: 'tips.view.soon' },
  all: { query: {}, label: 'tips.view.all' },
} as const satisfies Record<string, { query: Record<string, string>; label: MessageKey }>;
type View = keyof typeof VIEWS;

/** The inbox of the user's area: open tips first, the one with the least time left on top. */
export function TipsPage() {
  const { t } = useI18n();
  const { me } = useSession();
  const [params, setParams] = useSearchParams();
  const view: View = (params.get('view') as View) in VIEWS ? (params.get('view') as View) : 'open';
  const page = Math.max(1, Number(params.get('page')) || 1);
  const tips = useResource((signal) => fetchTips({ ...VIEWS[view].query, page }, signal), [view, page]);
  const show = (next: Record<string, string>) => setParams(next, { replace: true });

  return (
    <>
      <PageHeader
        title={t('tips.title')}
        subtitle={t('tips.intro')}
        actions={
          me &&
          canHandleTips(me.role) && (
            <Link className="button button-primary" to="/tips/new">
              {t('tips.new')}
            </Link>
          )
        }
      />
      <TipsNav />
      <div className="filters filters-inline">
        <SelectField name="view" label={t('tips.views')} value={view} onChange={(e) => show({ view: e.target.value })}>
          {(Object.keys(VIEWS) as View[]).map((v) => (
            <option key={v} value={v}>
              {t(VIEWS[v].label)}
            </option>
          ))}
        </SelectField>
      </div>
      {tips.error && <ErrorNotice error={tips.error} onRetry={tips.reload} />}
      {tips.loading && !tips.data && <Loading />}
      {tips.data && (
        <>
          <p className="muted" role="status">
            {t('tips.count', { count: formatNumberVi(tips.data.total) })}
          </p>
          {tips.data.items.length === 0 && <p>{t('tips.none')}</p>}
          <ul className="item-list">
            {tips.data.items.map((tip) => (
              <TipItem key={tip.id} tip={tip} />
            ))}
          </ul>
          <Pager page={tips.data.page} pageSize={tips.data.pageSize} total={tips.data.total} onPage={(p) => show({ view, page: String(p) })} />
        </>
      )}
    </>
  );
}

function TipItem({ tip }: { tip: TTip }) {
  const { locale } = useI18n();
  const open = tip.status !== 'handled' && tip.status !== 'closed';
  return (
    <li className={open && tip.overdue ? 'item item-overdue' : 'item'}>
      <div className="item-main">
        <Link className="item-title" to={`/tips/${tip.id}`}>
          {tip.referenceCode} · {labelOf(tipLabels.category, tip.category, locale)}
        </Link>
        <p className="item-meta">
          <TipFacts tip={tip} />
        </p>
        <p className="item-meta muted small">
          {tip.unit.name}
          {tip.address && ` · ${tip.address}`}
        </p>
      </div>
      <div className="item-actions">
        <TipTags tip={tip} />
      </div>
    </li>
  );
}
