import { useI18n } from '../../i18n/I18nProvider';
import { hrefFor, WAGE_TABS, type WageTab } from '../../router';

/** 申请人 | 核实 | 分户台账 | 款项 | 移送与期限 | 历史: each a link, so a tab survives a reload and the back button. */
export function WageTabs({ id, tab }: { id: string; tab: WageTab }) {
  const { t } = useI18n();
  return (
    <div className="tabs no-print" role="tablist">
      {WAGE_TABS.map((name) => (
        <a key={name} role="tab" href={hrefFor({ name: 'wage-case', id, tab: name })} aria-selected={tab === name}
          className={tab === name ? 'tab active' : 'tab'} data-testid={`wage-tab-${name}`}>
          {t(`wage.tab.${name}`)}
        </a>
      ))}
    </div>
  );
}
