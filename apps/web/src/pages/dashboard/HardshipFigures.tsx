import { useState } from 'react';
import { Field } from '../../components/Field';
import { Notice } from '../../components/Notice';
import { shanghaiToday } from '../../format';
import { useI18n } from '../../i18n/I18nProvider';
import { query } from '../../api';
import { ExportButton } from '../print/ExportButton';
import { aidBars, endOfShanghaiDay, percentOneDecimal, standingBars, type CountBar, type Standing } from '../hardship/hardship-figures';
import { BarChart } from './BarChart';
import { HardshipTables } from './HardshipTables';
import { KpiTile, rateTone } from './KpiTile';
import { useStats } from './useStats';
import type { HardshipStats } from '../hardship/hardship-types';
import type { StatsQuery } from './useHotlineStats';

/**
 * 困难职工帮扶 figures of the period and unit (docs/figures.md): files registered, active, lifted,
 * relieved, cancelled and relapsed (户 and 次), the cohort's resolution rate, by level and cause, the
 * aid delivered by type (户, 户次, 人次, 人) and the home visits (走访); as recorded by the end of a
 * chosen day when one is given.
 */
export function HardshipFigures({ params, reloadToken }: { params: StatsQuery; reloadToken: number }) {
  const { t, tOr } = useI18n();
  const [asOf, setAsOf] = useState('');
  const [standing, setStanding] = useState<Standing>('active');
  const { stats, error, loading } = useStats<HardshipStats>('hardship', params, asOf, reloadToken);
  const labelled = (bars: CountBar[], prefix: string) => bars.map((bar) => ({ ...bar, label: tOr(`${prefix}${bar.key}`, bar.key) }));
  return (
    <div data-testid="hardship-figures" aria-busy={loading}>
      <div className="filters">
        <Field id="hs-as-of" label={t('hs.dash.asOf')} hint={t('hs.dash.asOfHint')}>
          <input id="hs-as-of" type="date" value={asOf} max={shanghaiToday()} onChange={(e) => setAsOf(e.target.value)} />
        </Field>
        <Field id="hs-standing" label={t('hs.dash.standing')}>
          <select id="hs-standing" value={standing} onChange={(e) => setStanding(e.target.value as Standing)}>
            <option value="active">{t('hs.dash.standing.active')}</option>
            <option value="registered">{t('hs.dash.standing.registered')}</option>
          </select>
        </Field>
        <ExportButton testId="dash-export" fileName={`${t('hs.dash.title')}-${params.from}-${params.to}.xlsx`}
          path={`/api/stats/hardship/export.xlsx${query({ from: params.from, to: params.to, unit: params.unit, asOf: asOf ? endOfShanghaiDay(asOf) : undefined })}`} />
      </div>
      <Notice kind="error" text={error} testId="hardship-figures-error" />
      {stats && (
        <>
          <div className="kpis">
            <KpiTile testId="kpi-hs-registered" title={t('hs.dash.registered')} value={String(stats.registered.inPeriod)}
              caption={t('hs.dash.cumulative', { n: stats.registered.cumulative })} />
            <KpiTile testId="kpi-hs-active" title={t('hs.dash.active')} value={String(stats.activeAtEnd)} />
            <KpiTile testId="kpi-hs-lifted" title={t('hs.dash.lifted')} value={String(stats.lifted)} />
            <KpiTile testId="kpi-hs-relieved" title={t('hs.dash.relieved')} value={String(stats.relieved)} />
          </div>
          <div className="kpis">
            <KpiTile testId="kpi-hs-cancelled" title={t('hs.dash.cancelled')} value={String(stats.cancelled)} />
            <KpiTile testId="kpi-hs-relapses" title={t('hs.dash.relapses')} value={String(stats.relapses.households)}
              caption={t('hs.dash.relapsesCaption', { n: stats.relapses.households, times: stats.relapses.reopenings })} />
            <KpiTile testId="kpi-hs-rate" title={t('hs.dash.rate')} value={percentOneDecimal(stats.cohort.resolutionRate)} tone={rateTone(stats.cohort.resolutionRate)}
              caption={t('hs.dash.rateCaption', { resolved: stats.cohort.lifted + stats.cohort.relieved, n: stats.cohort.files })} />
            <KpiTile testId="kpi-hs-visits" title={t('hs.dash.visits')} value={String(stats.visits.visits)} caption={t('hs.dash.visitsCaption', { n: stats.visits.households })} />
          </div>
          <div className="charts">
            <BarChart testId="chart-hs-level" title={t(`hs.dash.byLevel.${standing}`)} emptyText={t('dash.noData')}
              bars={labelled(standingBars(stats.byLevel, (row) => row.level, standing), 'hs.level.')} />
            <BarChart testId="chart-hs-cause" title={t(`hs.dash.byCause.${standing}`)} emptyText={t('dash.noData')}
              bars={labelled(standingBars(stats.byCause, (row) => row.cause, standing), 'hs.cause.')} />
            <BarChart testId="chart-hs-aid-amount" title={t('hs.dash.aidAmount')} emptyText={t('dash.noData')} bars={labelled(aidBars(stats.aid, 'amount'), 'hs.aid.')} />
            <BarChart testId="chart-hs-aid-households" title={t('hs.dash.aidHouseholds')} emptyText={t('dash.noData')} bars={labelled(aidBars(stats.aid, 'households'), 'hs.aid.')} />
            <BarChart testId="chart-hs-aid-deliveries" title={t('hs.dash.aidDeliveries')} emptyText={t('dash.noData')} bars={labelled(aidBars(stats.aid, 'deliveries'), 'hs.aid.')} />
            <BarChart testId="chart-hs-aid-persons" title={t('hs.dash.aidPersons')} emptyText={t('dash.noData')} bars={labelled(aidBars(stats.aid, 'distinctPersons'), 'hs.aid.')} />
          </div>
          <HardshipTables stats={stats} />
        </>
      )}
    </div>
  );
}
