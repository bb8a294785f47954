import { Suspense, lazy, useMemo } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { RISK_LABELS, formatDateVi, formatNumberVi } from '@pcmd/contracts';
import { useI18n } from '../../../app/i18n';
import type { MessageKey } from '../../../app/messages';
import { PageHeader } from '../../../components/Page';
import { ErrorNotice, Loading } from '../../../components/Status';
import { useResource } from '../../../lib/use-resource';
import { fetchAppConfig, fetchLastInspections, fetchMappable } from '../api';
import { EstablishmentsNav, LastInspection, RiskBadge, useRiskText } from '../components/Bits';
import type { MapPoint } from '../components/MapView';
import { MARKER_RADIUS, RECENCIES, RECENCY_RING, RISK_FILL, recencyOf, type Recency } from '../map-style';

// Leaflet and its stylesheet load only with this page, not with every screen of the app.
const MapView = lazy(() => import('../components/MapView'));

const RECENCY_KEYS: Record<Recency, MessageKey> = {
  recent: 'map.recency.recent',
  due: 'map.recency.due',
  overdue: 'map.recency.overdue',
  never: 'map.recency.never',
  unknown: 'map.recency.unknown',
};

/**
 * "Bản đồ": establishments that have coordinates, coloured by risk level and ringed by the time since their last
 * inspection. The base map comes from the configured tile server; without one (closed networks) the markers are drawn
 * on a plain background, fitted to their bounds.
 */
export function MapPage() {
  const { t, locale } = useI18n();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const focusId = Number(params.get('focus')) || undefined;
  const config = useResource((signal) => fetchAppConfig(signal), []);
  const mappable = useResource((signal) => fetchMappable(signal), []);
  const last = useResource((signal) => fetchLastInspections(undefined, signal).catch(() => new Map<number, string | null>()), []);
  const error = config.error ?? mappable.error;

  const rows = useMemo(() => {
    if (!mappable.data || !last.data) return null;
    return mappable.data.items
      .filter((e) => e.status !== 'closed')
      .map((e) => ({ e, lastInspected: last.data!.has(e.id) ? last.data!.get(e.id)! : undefined }))
      .map(({ e, lastInspected }) => ({ e, lastInspected, recency: recencyOf(lastInspected) }));
  }, [mappable.data, last.data]);
  const points = useMemo<MapPoint[]>(
    () => (rows ?? []).map(({ e, recency }) => ({ id: e.id, name: e.name, latitude: e.latitude!, longitude: e.longitude!, risk: e.riskLevel ?? 'none', recency })),
    [rows],
  );

  const popup = (p: MapPoint): HTMLElement => {
    const row = rows?.find((r) => r.e.id === p.id);
    const box = document.createElement('div');
    box.className = 'map-popup';
    const add = (tag: string, text: string, className?: string) => {
      const el = document.createElement(tag);
      el.textContent = text;
      if (className) el.className = className;
      box.append(el);
      return el;
    };
    add('strong', p.name);
    if (row) {
      add('p', `${row.e.typeName} · ${row.e.address}`);
      add('p', `${t('map.popup.risk')}: ${row.e.riskLevel ? RISK_LABELS[row.e.riskLevel][locale] : t('est.risk.none')}`);
      add('p', `${t('est.lastInspection')}: ${row.lastInspected ? formatDateVi(row.lastInspected) : row.lastInspected === null ? t('est.neverInspected') : '—'}`);
    }
    const link = document.createElement('a');
    link.href = `/establishments/${p.id}`;
    link.textContent = t('map.popup.open');
    // Stay in the single-page app rather than reloading it.
    link.addEventListener('click', (ev) => {
      ev.preventDefault();
      navigate(`/establishments/${p.id}`);
    });
    box.append(link);
    return box;
  };

  const total = mappable.data?.total ?? 0;
  const withoutCoords = mappable.data ? total - mappable.data.items.length : 0;

  return (
    <>
      <PageHeader title={t('map.title')} subtitle={t('map.intro')} />
      <EstablishmentsNav />
      {error && <ErrorNotice error={error} onRetry={() => (config.reload(), mappable.reload())} />}
      {!error && (!config.data || !rows) && <Loading />}
      {config.data && rows && (
        <>
          {!config.data.mapTileUrl && (
            <p className="notice notice-info" role="note">
              {t('map.noTiles')}
            </p>
          )}
          <p className="muted" role="status">
            {t('map.count', { shown: formatNumberVi(points.length), without: formatNumberVi(withoutCoords) })}
          </p>
          <div className="map-layout">
            <Suspense fallback={<Loading />}>
              <MapView points={points} tileUrl={config.data.mapTileUrl} attribution={config.data.mapAttribution} focusId={focusId} label={t('map.label')} popup={popup} />
            </Suspense>
            <Legend />
          </div>
          {rows.length > 0 && (
            <details className="section map-list">
              <summary>{t('map.listTitle', { count: rows.length })}</summary>
              <ul className="item-list" aria-label={t('map.listLabel')}>
                {rows.map(({ e, lastInspected, recency }) => (
                  <li key={e.id} className="item">
                    <div className="item-main">
                      <Link className="item-title" to={`/establishments/${e.id}`}>
                        {e.name}
                      </Link>
                      <p className="item-meta">
                        {e.typeName} · {t('est.lastInspection')}: <LastInspection date={lastInspected} /> ({t(RECENCY_KEYS[recency])})
                      </p>
                    </div>
                    <div className="item-actions">
                      <RiskBadge level={e.riskLevel} />
                      <Link className="button button-small" to={`?focus=${e.id}`} aria-label={t('map.focus', { name: e.name })}>
                        {t('map.focusShort')}
                      </Link>
                    </div>
                  </li>
                ))}
              </ul>
            </details>
          )}
        </>
      )}
    </>
  );
}

/** A sample marker as the map draws it, for the legend. */
function Sample({ fill, ring }: { fill: string; ring: { color: string; weight: number; dashArray?: string } }) {
  const size = 2 * (MARKER_RADIUS + 4);
  return (
    <svg width={size} height={size} viewBox={`0 0 ${size} ${size}`} aria-hidden="true" focusable="false" className="legend-sample">
      <circle cx={size / 2} cy={size / 2} r={MARKER_RADIUS} fill={fill} fillOpacity={0.9} stroke={ring.color} strokeWidth={ring.weight} strokeDasharray={ring.dashArray} />
    </svg>
  );
}

function Legend() {
  const { t } = useI18n();
  const riskText = useRiskText();
  const risks = ['high', 'medium', 'low', 'none'] as const;
  return (
    <aside className="map-legend card" aria-labelledby="legend-heading">
      <h2 id="legend-heading">{t('map.legend')}</h2>
      <h3>{t('map.legend.fill')}</h3>
      <ul className="legend-list">
        {risks.map((r) => (
          <li key={r}>
            <Sample fill={RISK_FILL[r]} ring={{ color: '#ffffff', weight: 2 }} />
            {riskText(r === 'none' ? null : r)}
          </li>
        ))}
      </ul>
      <h3>{t('map.legend.ring')}</h3>
      <ul className="legend-list legend-rings">
        {RECENCIES.map((r) => (
          <li key={r}>
            <Sample fill={RISK_FILL.none} ring={RECENCY_RING[r]} />
            {t(RECENCY_KEYS[r])}
          </li>
        ))}
      </ul>
      <p className="small muted">{t('map.legend.closed')}</p>
    </aside>
  );
}
