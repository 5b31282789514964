import { formatRate, formatYuan } from '../../format';
import { useI18n } from '../../i18n/I18nProvider';
import type { MessageKey } from '../../i18n/zh';
import type { MediationCounts } from '../mediation/mediation-types';

export interface BreakdownRow {
  key: string;
  label: string;
  counts: MediationCounts;
}

/** One breakdown of the mediation figures (by court, room, mediator or month): the same counts on every row. */
export function MediationTable({ title, rows, firstColumn, testId }: { title: string; rows: BreakdownRow[]; firstColumn: MessageKey; testId: string }) {
  const { t } = useI18n();
  if (rows.length === 0) return null;
  return (
    <div className="card card-flush">
      <h2 className="card-title">{title}</h2>
      <table className="table" data-testid={testId}>
        <thead>
          <tr>
            <th>{t(firstColumn)}</th><th className="num">{t('med.dash.referrals')}</th><th className="num">{t('med.dash.accepted')}</th>
            <th className="num">{t('med.dash.agreements')}</th><th className="num">{t('med.dash.failures')}</th><th className="num">{t('med.dash.withdrawals')}</th>
            <th className="num">{t('med.dash.successRate')}</th><th className="num">{t('med.dash.amountAgreed')}</th><th className="num">{t('med.dash.amountPaid')}</th>
            <th className="num">{t('med.dash.onTimeRate')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map(({ key, label, counts: c }) => (
            <tr key={key} data-testid={`${testId}-row`} data-key={key}>
              <td>{label}</td><td className="num">{c.referrals}</td><td className="num">{c.accepted}</td>
              <td className="num" data-testid="row-agreements">{c.agreements}</td><td className="num" data-testid="row-failures">{c.failures}</td><td className="num">{c.withdrawals}</td>
              <td className="num" data-testid="row-success-rate">{formatRate(c.successRate)}</td><td className="num">{formatYuan(c.amountAgreed)}</td>
              <td className="num">{formatYuan(c.amountPaid)}</td><td className="num">{formatRate(c.onTimeRate)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
