import { formatYuan } from '../../format';
import { useI18n } from '../../i18n/I18nProvider';
import { useReference } from '../../reference/ReferenceProvider';
import type { HardshipStats } from '../hardship/hardship-types';

/**
 * The hardship figures as tables: aid by type (户, 户次, 人次, 人 — school aid's persons are the
 * children helped), home visits by kind, per unit keeping the files and per calendar year.
 */
export function HardshipTables({ stats }: { stats: HardshipStats }) {
  const { t, tOr } = useI18n();
  const { unitName } = useReference();
  return (
    <>
      {stats.aid.length > 0 && (
        <div className="card card-flush">
          <h2 className="card-title">{t('hs.dash.aidByType')}</h2>
          <table className="table" data-testid="hs-aid-by-type">
            <thead><tr><th>{t('hs.dash.aidType')}</th><th className="num">{t('hs.dash.aidAmountShort')}</th><th className="num">{t('hs.dash.households')}</th>
              <th className="num">{t('hs.dash.deliveries')}</th><th className="num">{t('hs.dash.personsReached')}</th><th className="num">{t('hs.dash.distinctPersons')}</th></tr></thead>
            <tbody>
              {stats.aid.map((row) => (
                <tr key={row.type} data-testid="hs-aid-row" data-type={row.type}>
                  <td>{tOr(`hs.aid.${row.type}`, row.type)}</td><td className="num">{formatYuan(row.amount)}</td><td className="num">{row.households}</td>
                  <td className="num">{row.deliveries}</td><td className="num" data-testid="hs-aid-persons-reached">{row.personsReached}</td>
                  <td className="num" data-testid="hs-aid-distinct-persons">{row.distinctPersons}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {stats.visits.byKind.length > 0 && (
        <div className="card card-flush">
          <h2 className="card-title">{t('hs.dash.visitsByKind')}</h2>
          <table className="table" data-testid="hs-visits-by-kind">
            <thead><tr><th>{t('hs.dash.visitKind')}</th><th className="num">{t('hs.dash.visitCount')}</th><th className="num">{t('hs.dash.households')}</th></tr></thead>
            <tbody>
              {stats.visits.byKind.map((row) => (
                <tr key={row.kind} data-testid="hs-visit-row" data-kind={row.kind}>
                  <td>{tOr(`hs.visit.${row.kind}`, row.kind)}</td><td className="num">{row.visits}</td><td className="num">{row.households}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
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
              <th className="num">{t('hs.dash.relieved')}</th><th className="num">{t('hs.dash.cancelled')}</th>
              <th className="num">{t('hs.dash.relapseHouseholds')}</th><th className="num">{t('hs.dash.relapseTimes')}</th>
              <th className="num">{t('hs.dash.aidAmountShort')}</th><th className="num">{t('hs.dash.households')}</th><th className="num">{t('hs.dash.deliveries')}</th>
              <th className="num">{t('hs.dash.personsReached')}</th><th className="num">{t('hs.dash.distinctPersons')}</th><th className="num">{t('hs.dash.visits')}</th></tr></thead>
            <tbody>
              {stats.byYear.map((row) => (
                <tr key={row.year} data-testid="hs-year-row" data-year={row.year}>
                  <td>{row.year}</td><td className="num">{row.registered}</td><td className="num">{row.lifted}</td><td className="num">{row.relieved}</td>
                  <td className="num">{row.cancelled}</td><td className="num">{row.relapseHouseholds}</td><td className="num">{row.relapses}</td>
                  <td className="num">{formatYuan(row.aidAmount)}</td><td className="num">{row.aidHouseholds}</td><td className="num">{row.aidDeliveries}</td>
                  <td className="num">{row.aidPersonsReached}</td><td className="num">{row.aidDistinctPersons}</td><td className="num">{row.visits}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
