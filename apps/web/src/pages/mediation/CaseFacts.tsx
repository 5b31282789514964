import { formatYuan } from '../../format';
import { useI18n } from '../../i18n/I18nProvider';
import { claimedTotal, partyName, type MediationCase } from './mediation-types';
import { sessionTime } from './session-time';

/**
 * What the mediator needs in view while taking minutes: the parties (ID numbers and phones masked),
 * the claims with their total, the dispute as referred, and what earlier sessions recorded.
 */
export function CaseFacts({ kase }: { kase: MediationCase }) {
  const { t } = useI18n();
  const held = kase.sessions.filter((s) => s.status === 'held' && s.minutes);
  const r = kase.respondent;
  return (
    <aside className="card case-facts" data-testid="case-facts">
      <h2>{t('med.facts.parties')}</h2>
      <table className="table compact" data-testid="facts-applicants">
        <thead><tr><th>{t('med.f.applicant')}</th><th>{t('med.f.idNumber')}</th><th>{t('med.f.phone')}</th></tr></thead>
        <tbody>
          {kase.applicants.map((a) => (
            <tr key={a.partyId}><td>{a.name}</td><td className="mono">{a.idNumber ?? '—'}</td><td className="mono">{a.phone ?? '—'}</td></tr>
          ))}
        </tbody>
      </table>
      <p className="facts-line" data-testid="facts-respondent">
        <span className="muted">{t('med.f.respondent')}：</span>{r.name}
        {r.representative && <>（{t('med.f.representative')}：{r.representative}）</>}
        {r.creditCode && <> <span className="mono muted">{r.creditCode}</span></>}
      </p>
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
