import { useI18n } from '../i18n/I18nProvider';

/**
 * 暂定: a deadline counted on the statutory holidays of a year whose State Council notice is not
 * entered yet; it moves when the administrator enters the notice.
 */
export function ProvisionalMark({ show = true }: { show?: boolean }) {
  const { t } = useI18n();
  if (!show) return null;
  const tip = t('deadline.provisionalTip');
  return <span className="badge badge-provisional" title={tip} aria-label={`${t('deadline.provisional')}：${tip}`} data-testid="provisional-mark">{t('deadline.provisional')}</span>;
}
