import { useState } from 'react';
import { Field } from '../../components/Field';
import { Notice } from '../../components/Notice';
import { formatRate, formatYuan, shanghaiToday } from '../../format';
import { useI18n } from '../../i18n/I18nProvider';
import { query } from '../../api';
import { endOfShanghaiDay } from '../hardship/hardship-figures';
import { ExportButton } from '../print/ExportButton';
import { personLabel } from '../../people';
import type { MediationCounts } from '../mediation/mediation-types';
import { BarChart } from './BarChart';
import { KpiTile, rateTone } from './KpiTile';
import { MediationTable, type BreakdownRow } from './MediationTables';
import { useStats } from './useStats';
import type { MediationStats } from '../mediation/mediation-types';
import '../../styles/mediation.css';
import type { StatsQuery } from './useHotlineStats';

/**
 * 诉调对接 figures of the period and unit (docs/figures.md "Mediation"): referrals taken, agreements
 * and failures with the success rate (agreements ÷ both), money agreed and paid, how long and how
 * often within the period, judicial confirmations; by court, room, mediator and month; as recorded by
 * the end of a chosen day when one is given.
 */
export function MediationFigures({ params, reloadToken }: { params: StatsQuery; reloadToken: number }) {
  const { t } = useI18n();
  const [asOf, setAsOf] = useState('');
  const { stats, error, loading } = useStats<MediationStats>('mediation', params, asOf, reloadToken);
  const rows = <Row extends MediationCounts>(items: readonly Row[], key: (row: Row) => string, label: (row: Row) => string): BreakdownRow[] =>
    items.map((row) => ({ key: key(row), label: label(row), counts: row }));
  const days = (n: number | null) => (n === null ? '—' : t('med.days', { n: Math.round(n * 10) / 10 }));
  return (
    <div data-testid="mediation-figures" aria-busy={loading}>
      <div className="filters">
        <Field id="med-as-of" label={t('hs.dash.asOf')} hint={t('hs.dash.asOfHint')}>
          <input id="med-as-of" type="date" value={asOf} max={shanghaiToday()} onChange={(e) => setAsOf(e.target.value)} />
        </Field>
        <ExportButton testId="dash-export" fileName={`${t('med.dash.title')}-${params.from}-${params.to}.xlsx`}
          path={`/api/stats/mediation/export.xlsx${query({ from: params.from, to: params.to, unit: params.unit, asOf: asOf ? endOfShanghaiDay(asOf) : undefined })}`} />
      </div>
      <Notice kind="error" text={error} testId="mediation-figures-error" />
      {stats && (
        <>
          <div className="kpis kpis-5">
            <KpiTile testId="kpi-med-referrals" title={t('med.dash.referrals')} value={String(stats.referrals)} />
            <KpiTile testId="kpi-med-accepted" title={t('med.dash.accepted')} value={String(stats.accepted)} caption={t('med.dash.declinedCaption', { n: stats.declined })} />
            <KpiTile testId="kpi-med-agreements" title={t('med.dash.agreements')} value={String(stats.agreements)} />
            <KpiTile testId="kpi-med-failures" title={t('med.dash.failures')} value={String(stats.failures)} caption={t('med.dash.withdrawalsCaption', { n: stats.withdrawals })} />
            <KpiTile testId="kpi-med-success-rate" title={t('med.dash.successRate')} value={formatRate(stats.successRate)} tone={rateTone(stats.successRate)}
              caption={t('med.dash.successCaption', { agreements: stats.agreements, n: stats.agreements + stats.failures })} />
          </div>
          <div className="kpis kpis-5">
            <KpiTile testId="kpi-med-amount-agreed" title={t('med.dash.amountAgreed')} value={formatYuan(stats.amountAgreed)} />
            <KpiTile testId="kpi-med-amount-paid" title={t('med.dash.amountPaid')} value={formatYuan(stats.amountPaid)}
              caption={t('med.dash.defaultedCaption', { amount: formatYuan(stats.amountDefaulted) })} />
            <KpiTile testId="kpi-med-average-days" title={t('med.dash.averageDays')} value={days(stats.averageDays)} caption={t('med.dash.concludedCaption', { n: stats.concluded })} />
            <KpiTile testId="kpi-med-on-time-rate" title={t('med.dash.onTimeRate')} value={formatRate(stats.onTimeRate)} tone={rateTone(stats.onTimeRate)}
              caption={t('med.dash.onTimeCaption', { onTime: stats.onTime, n: stats.concluded })} />
            <KpiTile testId="kpi-med-confirmations" title={t('med.dash.confirmations')} value={String(stats.confirmations.requested)}
              caption={t('med.dash.confirmationsCaption', { granted: stats.confirmations.granted, refused: stats.confirmations.refused })} />
          </div>
          <div className="charts">
            <BarChart testId="chart-med-court" title={t('med.dash.byCourt')} emptyText={t('dash.noData')}
              bars={stats.byCourt.map((r) => ({ key: r.court, label: r.court, count: r.referrals }))} />
            <BarChart testId="chart-med-month" title={t('med.dash.byMonthAgreements')} emptyText={t('dash.noData')}
              bars={stats.byMonth.map((r) => ({ key: r.month, label: r.month, count: r.agreements }))} />
          </div>
          <MediationTable testId="med-by-court" title={t('med.dash.byCourtTable')} firstColumn="med.f.court" rows={rows(stats.byCourt, (r) => r.court, (r) => r.court)} />
          <MediationTable testId="med-by-room" title={t('med.dash.byRoom')} firstColumn="med.f.room" rows={rows(stats.byRoom, (r) => r.roomId, (r) => r.roomName ?? r.roomId)} />
          <MediationTable testId="med-by-mediator" title={t('med.dash.byMediator')} firstColumn="med.f.mediator"
            rows={rows(stats.byMediator, (r) => r.mediatorId, (r) => r.mediatorName ?? personLabel(r.mediatorId).text)} />
          <MediationTable testId="med-by-month" title={t('med.dash.byMonth')} firstColumn="med.dash.month" rows={rows(stats.byMonth, (r) => r.month, (r) => r.month)} />
        </>
      )}
    </div>
  );
}
