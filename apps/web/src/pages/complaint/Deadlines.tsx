import { OverdueBadge } from '../../components/Badges';
import { ProvisionalMark } from '../../components/ProvisionalMark';
import { formatDateTime } from '../../format';
import { useI18n } from '../../i18n/I18nProvider';
import type { DeadlineView } from './deadlines';

export function Deadlines({ deadlines }: { deadlines: DeadlineView[] }) {
  const { t, tOr } = useI18n();
  return (
    <div className="card" data-testid="deadlines">
      <h2>{t('detail.deadlines')}</h2>
      {deadlines.length === 0 ? (
        <p className="muted">{t('detail.noDeadlines')}</p>
      ) : (
        <ul className="deadlines">
          {deadlines.map((d) => (
            <li key={d.key} className={d.overdue ? 'is-overdue' : d.metAt ? 'is-met' : undefined} data-testid={`deadline-${d.key}`}>
              <span className="deadline-name">{tOr(`deadline.${d.key}`, d.key)}</span>
              <span className="deadline-time">{formatDateTime(d.dueAt)}</span>
              <ProvisionalMark show={d.provisional && !d.metAt} />
              {d.overdue && <OverdueBadge />}
              {d.metAt && !d.overdue && <span className="badge badge-met">{t('detail.met')}</span>}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
