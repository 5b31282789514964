import { useState } from 'react';
import type { Breakdown, RefItem } from '../../api-types';
import { Notice } from '../../components/Notice';
import { query } from '../../api';
import { ExportButton } from '../print/ExportButton';
import { formatRate, thisMonth } from '../../format';
import { useI18n } from '../../i18n/I18nProvider';
import { findItem, useReference } from '../../reference/ReferenceProvider';
import { dashboardTabsOf, type DashboardTab } from '../../roles';
import { readSession } from '../../session';
import { BarChart, type Bar } from './BarChart';
import { HardshipFigures } from './HardshipFigures';
import { KpiTile, rateTone } from './KpiTile';
import { MediationFigures } from './MediationFigures';
import { PeriodPicker } from './PeriodPicker';
import { useHotlineStats, type StatsQuery } from './useHotlineStats';
import { WageFigures } from './WageFigures';

const TITLES = { hotline: 'dash.title', wage: 'dash.wageTitle', hardship: 'hs.dash.title', mediation: 'med.dash.title' } as const;

/** The figures of each area the role may read, for a period and unit, as DOMAIN.md defines them. */
export function DashboardPage() {
  const { t, label } = useI18n();
  const { hotline } = useReference();
  const [params, setParams] = useState<StatsQuery>(() => ({ ...thisMonth(), unit: '' }));
  const [reloadToken, setReloadToken] = useState(0);
  const tabs = dashboardTabsOf(readSession()?.user.role ?? 'caseworker');
  const [tab, setTab] = useState<DashboardTab>(tabs[0]);
  const { stats, error, loading } = useHotlineStats(params, reloadToken, tab === 'hotline');

  const bars = (items: Breakdown[] | undefined, ref: RefItem[]): Bar[] =>
    [...(items ?? [])]
      .sort((a, b) => b.count - a.count)
      .map((item) => ({ key: item.code, label: label(findItem(ref, item.code), item.label || item.code), count: item.count }));

  return (
    <section className="page" data-testid="dashboard">
      <div className="page-head">
        <h1>{t(TITLES[tab])}</h1>
        {/* The hardship and mediation tabs export from beside their own "as of" day. */}
        {(tab === 'hotline' || tab === 'wage') && (
          <ExportButton testId="dash-export" fileName={`${t(TITLES[tab])}-${params.from}-${params.to}.xlsx`}
            path={`/api/stats/${tab}/export.xlsx${query({ from: params.from, to: params.to, unit: params.unit })}`} />
        )}
        <button type="button" className="secondary" data-testid="dash-refresh" onClick={() => setReloadToken((n) => n + 1)}>
          {t('common.refresh')}
        </button>
      </div>
      <div className="tabs" role="tablist">
        {tabs.map((name) => (
          <button key={name} type="button" role="tab" aria-selected={tab === name} data-testid={`dash-tab-${name}`}
            className={tab === name ? 'tab active' : 'tab'} onClick={() => setTab(name)}>
            {t(`dash.tab.${name}`)}
          </button>
        ))}
      </div>
      <PeriodPicker value={params} onChange={setParams} unitKinds={tab === 'mediation' ? ['province', 'city', 'district', 'mediation_room'] : undefined} />
      {tab === 'wage' && <WageFigures params={params} reloadToken={reloadToken} />}
      {tab === 'hardship' && <HardshipFigures params={params} reloadToken={reloadToken} />}
      {tab === 'mediation' && <MediationFigures params={params} reloadToken={reloadToken} />}
      {tab === 'hotline' && <Notice kind="error" text={error} />}
      {tab === 'hotline' && stats && (
        <div aria-busy={loading}>
          <div className="kpis">
            <KpiTile testId="kpi-received" title={t('dash.received')} value={String(stats.received.total)} />
            <KpiTile testId="kpi-sign-for-rate" title={t('dash.signForRate')} value={formatRate(stats.signFor.rate)}
              tone={rateTone(stats.signFor.rate)}
              caption={t('dash.ofSignedFor', { onTime: stats.signFor.onTime, n: stats.signFor.signedFor })} />
            <KpiTile testId="kpi-first-contact-rate" title={t('dash.firstContactRate')} value={formatRate(stats.firstContact.rate)}
              tone={rateTone(stats.firstContact.rate)}
              caption={t('dash.ofFirstContacts', { onTime: stats.firstContact.onTime, n: stats.firstContact.contacts })} />
            <KpiTile testId="kpi-resolution-rate" title={t('dash.resolutionRate')} value={formatRate(stats.resolution.rate)}
              tone={rateTone(stats.resolution.rate)}
              caption={t('dash.ofResolved', { onTime: stats.resolution.onTime, n: stats.resolution.resolved })} />
            <KpiTile testId="kpi-follow-up-rate" title={t('dash.followUpRate')} value={formatRate(stats.followUp.rate)}
              tone={rateTone(stats.followUp.rate)}
              caption={t('dash.ofFollowUps', { onTime: stats.followUp.onTime, n: stats.followUp.followUps })} />
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
