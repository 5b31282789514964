import { formatYuan } from '../../format';
import { useI18n } from '../../i18n/I18nProvider';
import type { MessageKey } from '../../i18n/zh';
import { moneyRow, totalOf, type MoneyRow } from './agreement-form';
import type { Applicant } from './mediation-types';

/**
 * Rows of money in the agreement: what is agreed (`items`: the item, to whom, how much) or when it is
 * paid (`schedule`: the day, to whom, how much), added and removed, with their total. Errors are
 * looked up as the API names them (`schedule.1.dueOn`); inputs are `agr-<list>-<row>-<column>`.
 */
export function MoneyRows({ list, rows, applicants, errors, onChange }: {
  list: 'items' | 'schedule';
  rows: MoneyRow[];
  applicants: readonly Applicant[];
  errors: Record<string, string>;
  onChange(rows: MoneyRow[]): void;
}) {
  const { t } = useI18n();
  const what = list === 'items' ? 'item' : 'dueOn';
  const whatLabel: MessageKey = list === 'items' ? 'med.f.agreedItem' : 'med.f.dueOn';
  const update = (index: number, patch: Partial<MoneyRow>) => onChange(rows.map((row, i) => (i === index ? { ...row, ...patch } : row)));
  const cell = (index: number, column: string) => errors[`${list}.${index}.${column}`];
  return (
    <div className="grid-wrap">
      <table className="table entry-grid money-rows" data-testid={`agr-${list}`}>
        <thead>
          <tr><th className="col-num">#</th><th>{t(whatLabel)}</th><th>{t('med.f.party')}</th><th className="num">{t('med.f.amountYuan')}</th><th /></tr>
        </thead>
        <tbody>
          {rows.map((row, index) => (
            <tr key={row.key} data-testid={`agr-${list}-row`}>
              <td className="col-num">{index + 1}</td>
              <td className={cell(index, what) ? 'cell-invalid' : undefined}>
                <input data-testid={`agr-${list}-${index}-what`} aria-label={`${t(whatLabel)} ${index + 1}`} type={list === 'schedule' ? 'date' : 'text'}
                  autoComplete="off" value={row.what} onChange={(e) => update(index, { what: e.target.value })} />
                {cell(index, what) && <div className="cell-error" data-testid={`error-agr-${list}-${index}-what`}>{cell(index, what)}</div>}
              </td>
              <td className={cell(index, 'partyId') ? 'cell-invalid' : undefined}>
                <select data-testid={`agr-${list}-${index}-party`} aria-label={`${t('med.f.party')} ${index + 1}`} value={row.partyId} onChange={(e) => update(index, { partyId: e.target.value })}>
                  <option value="">{t('med.party.all')}</option>
                  {applicants.map((a) => <option key={a.partyId} value={a.partyId}>{a.name}</option>)}
                </select>
                {cell(index, 'partyId') && <div className="cell-error">{cell(index, 'partyId')}</div>}
              </td>
              <td className={cell(index, 'amount') ? 'cell-invalid' : undefined}>
                <input data-testid={`agr-${list}-${index}-amount`} aria-label={`${t('med.f.amountYuan')} ${index + 1}`} className="num" inputMode="decimal" autoComplete="off"
                  value={row.amount} onChange={(e) => update(index, { amount: e.target.value })} />
                {cell(index, 'amount') && <div className="cell-error" data-testid={`error-agr-${list}-${index}-amount`}>{cell(index, 'amount')}</div>}
              </td>
              <td>
                {rows.length > 1 && (
                  <button type="button" className="link-button text-danger-link" data-testid={`agr-${list}-${index}-remove`} onClick={() => onChange(rows.filter((_, i) => i !== index))}>
                    {t('list.remove')}
                  </button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <td colSpan={3}>
              <button type="button" className="secondary" data-testid={`agr-${list}-add`} onClick={() => onChange([...rows, moneyRow()])}>
                {t(list === 'items' ? 'med.agreement.addItem' : 'med.agreement.addInstallment')}
              </button>
            </td>
            <td className="num" data-testid={`agr-${list}-total`}>{t('med.agreement.total', { amount: formatYuan(totalOf(rows)) })}</td>
            <td />
          </tr>
        </tfoot>
      </table>
    </div>
  );
}
