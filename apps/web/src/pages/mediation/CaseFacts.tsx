import { formatYuan } from '../../format';
import { useI18n } from '../../i18n/I18nProvider';
import { claimedTotal, partyName, type MediationCase } from './mediation-types';
import { PartiesTable } from './PartiesTable';
import { sessionTime } from './session-time';

/**
 * What the mediator needs in view while taking minutes: the parties (ID numbers, phones and addresses masked, 查看 with a reason),
 * the claims with their total, the dispute as referred, and what earlier sessions recorded.
 */
export function CaseFacts({ kase }: { kase: MediationCase }) {
  const { t } = useI18n();
  const held = kase.sessions.filter((s) => s.status === 'held' && s.minutes);
  return (
    <aside className="card case-facts" data-testid="case-facts">
      <h2>{t('med.facts.parties')}</h2>
      <PartiesTable kase={kase} idPrefix="facts" />
      <h2>{t('med.facts.claims')}</h2>
      <table className="table compact" data-testid="facts-claims">
        <tbody>
          {kase.claims.map((c) => (
            <tr key={c.claimId}><td>{c.item}</td><td>{partyName(kase, c.partyId) ?? t('med.party.all')}</td><td className="num">{formatYuan(c.amount)}</td></tr>
          ))}
        </tbody>
        <tfoot><tr><th colSpan={2}>{t('med.f.claimedTotal')}</th><th className="num">{formatYuan(claimedTotal(kase))}</th></tr></tfoot>
      </table>
      <h2>{t('med.f.summary')}</h2>
      <p className="prewrap">{kase.summary}</p>
      {held.length > 0 && (
        <>
          <h2>{t('med.facts.earlierMinutes')}</h2>
          {held.map((s) => (
            <div key={s.sessionId} className="earlier-minutes">
              <div className="muted">{sessionTime(s)}</div>
              <p className="prewrap">{s.minutes}</p>
            </div>
          ))}
        </>
      )}
    </aside>
  );
}
