import { Notice } from '../../components/Notice';
import { formatRate, formatYuan } from '../../format';
import { useI18n } from '../../i18n/I18nProvider';
import { BarChart } from './BarChart';
import { KpiTile, rateTone } from './KpiTile';
import type { StatsQuery } from './useHotlineStats';
import { useStats } from './useStats';
import type { WageStats } from '../wage/wage-types';

const OUTCOMES = ['fully_recovered', 'partly_recovered', 'unrecoverable', 'withdrawn'] as const;

/** 欠薪追讨 figures of the period and unit: cases, workers helped, money verified and recovered, speed. */
export function WageFigures({ params, reloadToken }: { params: StatsQuery; reloadToken: number }) {
  const { t, tOr } = useI18n();
  const { stats, error, loading } = useStats<WageStats>('wage', params, '', reloadToken);
  const days = (n: number) => t('wage.dash.days', { n: Math.round(n * 10) / 10 });
  const basis = stats?.recoveryRateBasis ?? stats?.amounts;
  return (
    <div data-testid="wage-figures" aria-busy={loading}>
      <Notice kind="error" text={error} testId="wage-figures-error" />
      {stats && (
        <>
          <div className="kpis">
            <KpiTile testId="kpi-wage-opened" title={t('wage.dash.opened')} value={String(stats.casesOpened)} />
            <KpiTile testId="kpi-wage-closed" title={t('wage.dash.closed')} value={String(stats.casesClosed.total)}
              caption={t('wage.dash.closedCaption', { full: stats.casesClosed.fully_recovered, part: stats.casesClosed.partly_recovered })} />
            <KpiTile testId="kpi-wage-workers" title={t('wage.dash.workers')} value={String(stats.workersHelped)} />
            <KpiTile testId="kpi-wage-rate" title={t('wage.dash.rate')} value={formatRate(stats.recoveryRate)} tone={rateTone(stats.recoveryRate)}
              caption={t('wage.dash.rateCaption', { recovered: formatYuan(basis?.recovered), verified: formatYuan(basis?.verified) })} />
          </div>
          <div className="kpis">
            <KpiTile testId="kpi-wage-claimed" title={t('wage.money.claimed')} value={formatYuan(stats.amounts.claimed)} />
            <KpiTile testId="kpi-wage-recovered" title={t('wage.money.recovered')} value={formatYuan(stats.amounts.recovered)} />
            <KpiTile testId="kpi-wage-advanced" title={t('wage.money.advanced')} value={formatYuan(stats.amounts.advanced)}
              caption={t('wage.dash.reimbursed', { amount: formatYuan(stats.amounts.reimbursed) })} />
            <KpiTile testId="kpi-wage-days" title={t('wage.dash.daysToFirst')}
              value={stats.daysToFirstRecovery ? days(stats.daysToFirstRecovery.median) : '—'}
              caption={stats.daysToFirstRecovery ? t('wage.dash.daysCaption', { mean: days(stats.daysToFirstRecovery.mean), n: stats.daysToFirstRecovery.cases }) : undefined} />
          </div>
          <div className="charts">
            <BarChart testId="chart-wage-outcomes" title={t('wage.dash.byOutcome')} emptyText={t('dash.noData')}
              bars={OUTCOMES.filter((o) => stats.casesClosed[o] > 0).map((o) => ({ key: o, label: tOr(`wage.outcome.${o}`, o), count: stats.casesClosed[o] }))} />
          </div>
        </>
      )}
    </div>
  );
}
