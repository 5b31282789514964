import { useI18n } from '../i18n/I18nProvider';
import { snakeKey } from '../format';

export function OverdueBadge() {
  const { t } = useI18n();
  return (
    <span className="badge badge-overdue" data-testid="badge-overdue">
      {t('badge.overdue')}
    </span>
  );
}

export function StatusBadge({ status }: { status: string }) {
  const { tOr } = useI18n();
  const key = snakeKey(status);
  return (
    <span className={`badge badge-status status-${key}`} data-testid="status">
      {tOr(`status.${key}`, status)}
    </span>
  );
}
