import { useI18n } from '../../i18n/I18nProvider';
import { pagerState } from './pager-state';

export function Pager({ page, pageSize, total, totalIsCapped, itemsOnPage, onPage }: {
  page: number;
  pageSize: number;
  total: number;
  /** The server stopped counting at `total`: there are more. */
  totalIsCapped?: boolean;
  itemsOnPage: number;
  onPage(page: number): void;
}) {
  const { t } = useI18n();
  const state = pagerState({ page, pageSize, total, totalIsCapped, itemsOnPage });
  return (
    <div className="pager" data-testid="pager">
      <span data-testid="pager-total">{t(state.totalKnown ? 'cases.total' : 'cases.totalAtLeast', { n: total })}</span>
      <button type="button" className="secondary" disabled={!state.hasPrevious} onClick={() => onPage(page - 1)}>
        {t('pager.prev')}
      </button>
      <span>{state.pages === null ? t('pager.pageOnly', { page }) : t('pager.page', { page, pages: state.pages })}</span>
      <button type="button" className="secondary" disabled={!state.hasNext} onClick={() => onPage(page + 1)}>
        {t('pager.next')}
      </button>
    </div>
  );
}
