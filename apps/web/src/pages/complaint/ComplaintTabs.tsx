import { useI18n } from '../../i18n/I18nProvider';
import { hrefFor, type ComplaintTab } from '../../router';

const TABS: ComplaintTab[] = ['details', 'audit'];

/** 工单 | 审计: the work on the complaint, and its history for audit (timeline, as-of, diff). */
export function ComplaintTabs({ id, tab }: { id: string; tab: ComplaintTab }) {
  const { t } = useI18n();
  return (
    <div className="tabs" role="tablist">
      {TABS.map((name) => (
        <a key={name} role="tab" href={hrefFor({ name: 'complaint', id, tab: name })} aria-selected={tab === name}
          className={tab === name ? 'tab active' : 'tab'} data-testid={`tab-${name}`}>
          {t(`detail.tab.${name}`)}
        </a>
      ))}
    </div>
  );
}
