import { formatYuan } from '../../format';
import { useI18n } from '../../i18n/I18nProvider';
import { personLabel } from '../../people';
import { mayRecordAid, mayRecordIncome } from './file-actions';
import type { HardshipFile } from './hardship-types';
import { stepDialogs } from './step-dialogs';
import type { StepSpec } from './step-spec';

/**
 * 帮扶: every delivery in cash or in kind with its funding source (a mistake is reversed with a
 * reason, never edited), the family's micro-wishes, and the incomes recorded month by month.
 */
export function AidTab({ file, onAction }: { file: HardshipFile; onAction(spec: StepSpec): void }) {
  const { t, tOr } = useI18n();
  const deliveries = [...file.aid].sort((a, b) => b.deliveredOn.localeCompare(a.deliveredOn));
  const wishes = Object.entries(file.wishes);
  const button = (spec: StepSpec, primary = false) => (
    <button type="button" className={primary ? 'primary' : 'secondary'} data-testid={`action-${spec.id}`} onClick={() => onAction(spec)}>{t(spec.title)}</button>
  );
  return (
    <>
      <div className="card" data-testid="hs-aid">
        <div className="card-head">
          <h2>{t('hs.aid.title')}</h2>
          {mayRecordAid(file) && button(stepDialogs.aid(file), true)}
        </div>
        {deliveries.length === 0 ? <p className="muted">{t('hs.aid.none')}</p> : (
          <table className="table" data-testid="aid-table">
            <thead>
              <tr><th>{t('hs.f.deliveredOn')}</th><th>{t('hs.f.aidType')}</th><th className="num">{t('hs.aid.amountOrKind')}</th><th>{t('hs.f.fundingSource')}</th><th>{t('hs.aid.deliveredBy')}</th><th /></tr>
            </thead>
            <tbody>
              {deliveries.map((d) => (
                <tr key={d.deliveryId} data-testid="aid-row" data-type={d.type} data-reversed={d.reversed} className={d.reversed ? 'row-disabled' : undefined}>
                  <td className="nowrap">{d.deliveredOn}</td>
                  <td>{tOr(`hs.aid.${d.type}`, d.type)}</td>
                  <td className={d.reversed ? 'num struck' : 'num'} data-testid="aid-amount">{d.amount > 0 ? formatYuan(d.amount) : t('hs.aid.inKindValue', { what: d.inKind ?? '—' })}</td>
                  <td>{d.fundingSource}</td>
                  <td>{file.people?.[d.deliveredBy]?.displayName ?? personLabel(d.deliveredBy).text}</td>
                  <td className="row-actions">
                    {d.reversed ? <span className="badge badge-disabled">{t('hs.aid.reversed')}</span> : (
                      <button type="button" className="link-button text-danger-link" data-testid="aid-reverse" onClick={() => onAction(stepDialogs.reverseAid(file, d.deliveryId))}>
                        {t('hs.action.reverse-aid')}
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </div>
      <div className="card" data-testid="hs-wishes">
        <div className="card-head">
          <h2>{t('hs.wishes.title')}</h2>
          {mayRecordAid(file) && button(stepDialogs.wish(file))}
        </div>
        {wishes.length === 0 ? <p className="muted">{t('hs.wishes.none')}</p> : (
          <ul className="hs-wishes">
            {wishes.map(([wishId, w]) => (
              <li key={wishId} data-testid="wish" data-fulfilled={!!w.fulfilledOn}>
                <span>{w.description}</span>{' '}
                {w.fulfilledOn ? <span className="badge badge-met">{t('hs.wishes.fulfilledOn', { date: w.fulfilledOn })}</span>
                  : mayRecordAid(file) && (
                    <button type="button" className="link-button" data-testid="wish-fulfil" onClick={() => onAction(stepDialogs.fulfilWish(file, wishId))}>{t('hs.action.fulfil-wish')}</button>
                  )}
              </li>
            ))}
          </ul>
        )}
      </div>
      <div className="card" data-testid="hs-incomes">
        <div className="card-head">
          <h2>{t('hs.incomes.title')}</h2>
          {mayRecordIncome(file) && button(stepDialogs.monthlyIncome(file))}
        </div>
        {file.monthlyIncomes.length === 0 ? <p className="muted">{t('hs.incomes.none')}</p> : (
          <table className="table" data-testid="income-table">
            <thead><tr><th>{t('hs.f.month')}</th><th className="num">{t('hs.income.perHead')}</th><th className="num">{t('hs.income.line')}</th><th /></tr></thead>
            <tbody>
              {file.monthlyIncomes.map((m) => (
                <tr key={m.month} data-testid="income-row">
                  <td>{m.month}</td><td className="num">{formatYuan(m.incomePerHead)}</td><td className="num">{formatYuan(m.line)}</td>
                  <td>{m.incomePerHead > m.line ? <span className="badge badge-met">{t('hs.income.above')}</span> : <span className="badge badge-risk">{t('hs.income.below')}</span>}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </div>
    </>
  );
}
