import { useI18n } from '../../../i18n/I18nProvider';
import { CHAIN_ROLES } from '../wage-types';
import { chainRow, type ChainRow } from './open-form';

/**
 * 工程项目的责任链条: 建设单位 → 总包 → 分包 → 班组长, any of them, in order. Rows left empty are
 * not sent; every row's problem shows on its own cell.
 */
export function ChainEditor({ rows, errors, onChange }: { rows: ChainRow[]; errors: Record<string, string>; onChange(rows: ChainRow[]): void }) {
  const { t, tOr } = useI18n();
  const set = (index: number, patch: Partial<ChainRow>) => onChange(rows.map((row, i) => (i === index ? { ...row, ...patch } : row)));
  const error = (index: number, field: string) => errors[`chain.${index}.${field}`];
  return (
    <div className="chain-editor" data-testid="chain-editor">
      <table className="table entry-grid">
        <thead>
          <tr><th>{t('wage.chain.role')}</th><th>{t('wage.chain.name')}</th><th>{t('wage.f.creditCode')}</th><th className="col-actions" /></tr>
        </thead>
        <tbody>
          {rows.map((row, index) => (
            <tr key={row.key} data-testid="chain-row">
              <td className={error(index, 'role') ? 'cell-invalid' : undefined}>
                <select data-testid={`chain-${index}-role`} aria-label={`${t('wage.chain.role')} ${index + 1}`} value={row.role}
                  onChange={(e) => set(index, { role: e.target.value as ChainRow['role'] })}>
                  <option value="">{t('common.select')}</option>
                  {CHAIN_ROLES.map((role) => <option key={role} value={role}>{tOr(`wage.chainRole.${role}`, role)}</option>)}
                </select>
                {error(index, 'role') && <div className="cell-error">{error(index, 'role')}</div>}
              </td>
              <td className={error(index, 'name') ? 'cell-invalid' : undefined}>
                <input data-testid={`chain-${index}-name`} aria-label={`${t('wage.chain.name')} ${index + 1}`} autoComplete="off" value={row.name}
                  onChange={(e) => set(index, { name: e.target.value })} />
                {error(index, 'name') && <div className="cell-error">{error(index, 'name')}</div>}
              </td>
              <td className={error(index, 'creditCode') ? 'cell-invalid' : undefined}>
                <input data-testid={`chain-${index}-credit-code`} className="mono" aria-label={`${t('wage.f.creditCode')} ${index + 1}`} autoComplete="off"
                  value={row.creditCode} onChange={(e) => set(index, { creditCode: e.target.value })} />
                {error(index, 'creditCode') && <div className="cell-error">{error(index, 'creditCode')}</div>}
              </td>
              <td className="col-actions">
                <button type="button" className="link-button" aria-label={t('wage.chain.remove')} disabled={rows.length === 1}
                  onClick={() => onChange(rows.filter((_, i) => i !== index))}>×</button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {errors.chain && <div className="field-error" role="alert">{errors.chain}</div>}
      <button type="button" className="link-button" data-testid="chain-add" onClick={() => onChange([...rows, chainRow(nextRole(rows))])}>
        {t('wage.chain.add')}
      </button>
    </div>
  );
}

/** The next link down the chain from the last row's role. */
function nextRole(rows: ChainRow[]): ChainRow['role'] {
  const last = rows.at(-1)?.role;
  const at = last ? CHAIN_ROLES.indexOf(last) : -1;
  return CHAIN_ROLES[Math.min(at + 1, CHAIN_ROLES.length - 1)];
}
