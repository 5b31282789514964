import { useI18n } from '../../../i18n/I18nProvider';
import type { Claimant } from '../wage-types';

/**
 * 仲裁时效: the last day to apply for arbitration (one year after employment ended, 劳动争议调解仲裁法
 * Art 27), amber within 30 days of it and red once past.
 */
export function LimitationBadge({ limitation }: { limitation: Claimant['limitation'] }) {
  const { t } = useI18n();
  if (!limitation) return <span className="muted">—</span>;
  const { date, standing } = limitation;
  return (
    <span className="limitation" data-testid="limitation" data-standing={standing}>
      <span className={standing === 'ok' ? undefined : standing === 'expired' ? 'text-danger' : 'text-warn'}>{date}</span>
      {standing !== 'ok' && (
        <span className={`badge ${standing === 'expired' ? 'badge-overdue' : 'badge-urgent'}`} data-testid="limitation-badge">
          {t(standing === 'expired' ? 'wage.limitation.expired' : 'wage.limitation.warning')}
        </span>
      )}
    </span>
  );
}
