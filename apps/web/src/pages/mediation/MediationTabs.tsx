import { useI18n } from '../../i18n/I18nProvider';
import { hrefFor, MEDIATION_TABS, type MediationTab } from '../../router';

/** 调解 | 协议 | 文书 | 历史: each a link, so a tab survives a reload and the back button. */
export function MediationTabs({ id, tab }: { id: string; tab: MediationTab }) {
  const { t } = useI18n();
  return (
    <div className="tabs no-print" role="tablist">
      {MEDIATION_TABS.map((name) => (
        <a key={name} role="tab" href={hrefFor({ name: 'mediation-case', id, tab: name })} aria-selected={tab === name}
          className={tab === name ? 'tab active' : 'tab'} data-testid={`med-tab-${name}`}>
          {t(`med.tab.${name}`)}
        </a>
      ))}
    </div>
  );
}
