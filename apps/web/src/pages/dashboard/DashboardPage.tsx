import { useState } from 'react';
import type { Breakdown, RefItem } from '../../api-types';
import { Notice } from '../../components/Notice';
import { formatRate, thisMonth } from '../../format';
import { useI18n } from '../../i18n/I18nProvider';
import { findItem, useReference } from '../../reference/ReferenceProvider';
import { BarChart, type Bar } from './BarChart';
import { HardshipFigures } from './HardshipFigures';
import { KpiTile, rateTone } from './KpiTile';
import { PeriodPicker } from './PeriodPicker';
import { useHotlineStats, type StatsQuery } from './useHotlineStats';
import { WageFigures } from './WageFigures';

type DashboardTab = 'hotline' | 'wage' | 'hardship';
const TITLES = { hotline: 'dash.title', wage: 'dash.wageTitle', hardship: 'hs.dash.title' } as const;

/** The hotline's figures for a period and unit, as DOMAIN.md defines them. */
export function DashboardPage() {
  const { t, label } = useI18n();
  const { hotline } = useReference();
  const [params, setParams] = useState<StatsQuery>(() => ({ ...thisMonth(), unit: '' }));
  const [reloadToken, setReloadToken] = useState(0);
  const [tab, setTab] = useState<DashboardTab>('hotline');
  const { stats, error, loading } = useHotlineStats(params, reloadToken);

  const bars = (items: Breakdown[] | undefined, ref: RefItem[]): Bar[] =>
    [...(items ?? [])]
      .sort((a, b) => b.count - a.count)
      .map((item) => ({ key: item.code, label: label(findItem(ref, item.code), item.label || item.code), count: item.count }));

  return (
    <section className="page" data-testid="dashboard">
      <div className="page-head">
        <h1>{t(TITLES[tab])}</h1>
        <button type="button" className="secondary" data-testid="dash-refresh" onClick={() => setReloadToken((n) => n + 1)}>
          {t('common.refresh')}
        </button>
      </div>
      <div className="tabs" role="tablist">
        {(['hotline', 'wage', 'hardship'] as const).map((name) => (
          <button key={name} type="button" role="tab" aria-selected={tab === name} data-testid={`dash-tab-${name}`}
            className={tab === name ? 'tab active' : 'tab'} onClick={() => setTab(name)}>
            {t(`dash.tab.${name}`)}
          </button>
        ))}
      </div>
      <PeriodPicker value={params} onChange={setParams} />
      {tab === 'wage' && <WageFigures params={params} reloadToken={reloadToken} />}
      {tab === 'hardship' && <HardshipFigures params={params} reloadToken={reloadToken} />}
      {tab === 'hotline' && <Notice kind="error" text={error} />}
      {tab === 'hotline' && stats && (
        <div aria-busy={loading}>
          <div className="kpis">
            <KpiTile testId="kpi-received" title={t('dash.received')} value={String(stats.received.total)} />
            <KpiTile testId="kpi-sign-for-rate" title={t('dash.signForRate')} value={formatRate(stats.signFor.rate)}
              tone={rateTone(stats.signFor.rate)}
              caption={t('dash.ofSignedFor', { onTime: stats.signFor.onTime, n: stats.signFor.signedFor })} />
            <KpiTile testId="kpi-resolution-rate" title={t('dash.resolutionRate')} value={formatRate(stats.resolution.rate)}
              tone={rateTone(stats.resolution.rate)}
              caption={t('dash.ofResolved', { onTime: stats.resolution.onTime, n: stats.resolution.resolved })} />
            <KpiTile testId="kpi-satisfaction-rate" title={t('dash.satisfactionRate')} value={formatRate(stats.satisfaction.rate)}
              tone={rateTone(stats.satisfaction.rate)} caption={t('dash.ofReached', { n: stats.satisfaction.reached })} />
          </div>
          <div className="charts">
            <BarChart testId="chart-category" title={t('dash.byCategory')} emptyText={t('dash.noData')}
              bars={bars(stats.received.byCategory, hotline.categories)} />
            <BarChart testId="chart-channel" title={t('dash.byChannel')} emptyText={t('dash.noData')}
              bars={bars(stats.received.byChannel, hotline.channels)} />
          </div>
        </div>
      )}
    </section>
  );
}
