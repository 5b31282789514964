import { useI18n } from '../../i18n/I18nProvider';
import { HARDSHIP_TABS, hrefFor, type HardshipTab } from '../../router';

/** 档案 | 帮扶 | 历史: each a link, so a tab survives a reload and the back button. */
export function HardshipTabs({ id, tab }: { id: string; tab: HardshipTab }) {
  const { t } = useI18n();
  return (
    <div className="tabs no-print" role="tablist">
      {HARDSHIP_TABS.map((name) => (
        <a key={name} role="tab" href={hrefFor({ name: 'hardship-file', id, tab: name })} aria-selected={tab === name}
          className={tab === name ? 'tab active' : 'tab'} data-testid={`hs-tab-${name}`}>
          {t(`hs.tab.${name}`)}
        </a>
      ))}
    </div>
  );
}
