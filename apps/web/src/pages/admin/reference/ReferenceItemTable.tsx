import type { AdminRefItem, AdminRefList } from '../../../api-types';
import { useI18n } from '../../../i18n/I18nProvider';

export type ItemAction = 'relabel' | 'retire' | 'restore';

/** The items of one list, retired ones greyed, with what may be done to each. */
export function ReferenceItemTable({ list, categoryLabel, onAction }: {
  list: AdminRefList;
  categoryLabel(code: string | undefined): string;
  onAction(action: ItemAction, item: AdminRefItem): void;
}) {
  const { t } = useI18n();
  const nested = list.name === 'subcategories';
  // The evidence kinds have Chinese labels only: an always-empty English column would only squeeze the rest on a phone.
  const bilingual = list.name !== 'evidenceKinds';
  return (
    <table className="table" data-testid="reference-table">
      <thead>
        <tr>
          {nested && <th>{t('reference.col.parent')}</th>}
          <th>{t('reference.col.code')}</th>
          <th>{t('reference.col.label')}</th>
          {bilingual && <th>{t('reference.col.labelEn')}</th>}
          <th>{t('reference.col.status')}</th>
          <th className="col-actions">{t('reference.col.actions')}</th>
        </tr>
      </thead>
      <tbody>
        {list.items.map((item) => (
          <tr key={`${item.parentCode ?? ''}/${item.code}`} data-testid="reference-row" data-code={item.code}
            data-active={String(item.active)} className={item.active ? undefined : 'row-disabled'}>
            {nested && <td>{categoryLabel(item.parentCode)}</td>}
            <td className="mono">{item.code}</td>
            <td data-testid="reference-label">{item.label}</td>
            {bilingual && <td>{item.labelEn}</td>}
            <td>
              {item.active
                ? <span className="badge badge-met">{t('reference.active')}</span>
                : <span className="badge badge-disabled">{t('reference.retired')}</span>}
            </td>
            <td className="row-actions">
              <button type="button" className="link-button" data-testid="reference-relabel" onClick={() => onAction('relabel', item)}>
                {t('reference.relabel')}
              </button>
              {list.canRetire && (
                <button type="button" className="link-button" data-testid={item.active ? 'reference-retire' : 'reference-restore'}
                  onClick={() => onAction(item.active ? 'retire' : 'restore', item)}>
                  {t(item.active ? 'reference.retire' : 'reference.restore')}
                </button>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
