import { useI18n } from '../../i18n/I18nProvider';
import { useInboxTotal } from './useInbox';
import './inbox.css';

/** The count beside 待办 in the navigation: asked for again on every navigation (`routeKey`) and every minute. */
export function InboxNavBadge({ routeKey }: { routeKey: string }) {
  const { t } = useI18n();
  const total = useInboxTotal(true, routeKey);
  if (!total) return null;
  const text = total >= 999 ? '999+' : String(total);
  return <span className="nav-badge" data-testid="nav-inbox-badge" aria-label={t('inbox.badgeLabel', { n: text })}>{text}</span>;
}
