import { OverdueBadge } from '../../components/Badges';
import { shanghaiToday } from '../../format';
import { useI18n } from '../../i18n/I18nProvider';
import type { HardshipFile } from './hardship-types';

/** 返贫监测: twelve months after lifting out, a check-in every three; the ones done are ticked off in order. */
export function FollowUpCard({ file }: { file: HardshipFile }) {
  const { t } = useI18n();
  const followUp = file.followUp;
  if (!followUp) return null;
  const today = shanghaiToday();
  return (
    <div className="card" data-testid="hs-follow-up">
      <h2>{t('hs.followUp.title')}</h2>
      <p>{t('hs.followUp.period', { from: file.liftedOn ?? '—', to: followUp.until, done: followUp.checkIns, n: followUp.checkInsDue.length })}</p>
      <ol className="hs-check-ins">
        {followUp.checkInsDue.map((due, index) => {
          const done = index < followUp.checkIns;
          return (
            <li key={due} data-testid="check-in" data-done={done}>
              <span className="nowrap">{due}</span>{' '}
              {done ? <span className="badge badge-met">{t('hs.followUp.done')}</span> : due < today ? <OverdueBadge /> : <span className="muted">{t('hs.followUp.due')}</span>}
            </li>
          );
        })}
      </ol>
    </div>
  );
}
