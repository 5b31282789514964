import { formatYuan } from '../../format';
import { useI18n } from '../../i18n/I18nProvider';
import { useReference } from '../../reference/ReferenceProvider';
import type { HardshipStats } from '../hardship/hardship-types';

/** The hardship figures per unit keeping the files and per calendar year, when the API gives them. */
export function HardshipTables({ stats }: { stats: HardshipStats }) {
  const { t } = useI18n();
  const { unitName } = useReference();
  return (
    <>
      {stats.byUnit && stats.byUnit.length > 0 && (
        <div className="card card-flush">
          <h2 className="card-title">{t('hs.dash.byUnit')}</h2>
          <table className="table" data-testid="hs-by-unit">
            <thead><tr><th>{t('hs.f.unit')}</th><th className="num">{t('hs.dash.registered')}</th><th className="num">{t('hs.dash.active')}</th>
              <th className="num">{t('hs.dash.lifted')}</th><th className="num">{t('hs.dash.relieved')}</th><th className="num">{t('hs.dash.cancelled')}</th></tr></thead>
            <tbody>
              {stats.byUnit.map((row) => (
                <tr key={row.unitId} data-testid="hs-unit-row" data-unit-id={row.unitId}>
                  <td>{unitName(row.unitId)}</td><td className="num">{row.registered}</td><td className="num">{row.active}</td>
                  <td className="num">{row.lifted}</td><td className="num">{row.relieved}</td><td className="num">{row.cancelled}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {stats.byYear && stats.byYear.length > 0 && (
        <div className="card card-flush">
          <h2 className="card-title">{t('hs.dash.byYear')}</h2>
          <table className="table" data-testid="hs-by-year">
            <thead><tr><th>{t('hs.dash.year')}</th><th className="num">{t('hs.dash.registered')}</th><th className="num">{t('hs.dash.lifted')}</th>
              <th className="num">{t('hs.dash.relieved')}</th><th className="num">{t('hs.dash.cancelled')}</th><th className="num">{t('hs.dash.relapses')}</th>
              <th className="num">{t('hs.dash.aidAmountShort')}</th><th className="num">{t('hs.dash.households')}</th><th className="num">{t('hs.dash.deliveries')}</th></tr></thead>
            <tbody>
              {stats.byYear.map((row) => (
                <tr key={row.year} data-testid="hs-year-row" data-year={row.year}>
                  <td>{row.year}</td><td className="num">{row.registered}</td><td className="num">{row.lifted}</td><td className="num">{row.relieved}</td>
                  <td className="num">{row.cancelled}</td><td className="num">{row.relapses}</td><td className="num">{formatYuan(row.aidAmount)}</td>
                  <td className="num">{row.aidHouseholds}</td><td className="num">{row.aidDeliveries}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
