import type { HistoryEntry } from '../../../api-types';
import { OverdueBadge } from '../../../components/Badges';
import { ProvisionalMark } from '../../../components/ProvisionalMark';
import { formatDateTime, shanghaiToday } from '../../../format';
import { useI18n } from '../../../i18n/I18nProvider';
import { caseDialogs, referralDialogs, type DialogSpec } from '../command-dialogs';
import type { Referral, WageCase } from '../wage-types';

/** A date the body must act by; red once it has passed and nothing was recorded. */
function Due({ on, done, provisional = false, testId }: { on: string | null; done: boolean; provisional?: boolean; testId: string }) {
  if (!on) return <span className="muted">—</span>;
  const late = !done && on < shanghaiToday();
  return (
    <span className={late ? 'text-danger' : done ? 'muted' : undefined} data-testid={testId} data-late={late}>
      {on}{late && <>{' '}<OverdueBadge /></>}<ProvisionalMark show={provisional && !done} />
    </span>
  );
}

/**
 * 移送与期限: where the case was referred (劳动监察, 仲裁, 法院, 支付令, 法律援助, 调解) with the dates
 * the law gives each body to accept and to conclude, and the union's own coordination with the employer.
 */
export function ReferralsTab({ kase, history, onAction }: { kase: WageCase; history: HistoryEntry[]; onAction(spec: DialogSpec): void }) {
  const { t, tOr } = useI18n();
  const allowed = (action: string) => kase.allowedActions.includes(action);
  const open = kase.status !== 'closed';
  const negotiations = history.filter((e) => e.type === 'NegotiationRecorded');

  const actions = (r: Referral) => {
    if (!open || r.concludedOn) return null;
    return (
      <>
        {!r.acceptedOn && (
          <button type="button" className="link-button" data-testid="referral-accepted" onClick={() => onAction(referralDialogs.accepted(kase.id, r.referralId))}>{t('wage.referral.recordAccepted')}</button>
        )}
        {r.acceptedOn && r.concludeDueOn && !r.extended && (
          <button type="button" className="link-button" data-testid="referral-extend" onClick={() => onAction(referralDialogs.extend(kase.id, r.referralId))}>{t('wage.referral.extend')}</button>
        )}
        <button type="button" className="link-button" data-testid="referral-outcome" onClick={() => onAction(referralDialogs.outcome(kase.id, r.referralId))}>{t('wage.referral.recordOutcome')}</button>
      </>
    );
  };

  return (
    <>
      <div className="card" data-testid="referrals">
        <div className="card-head">
          <h2>{t('wage.referral.title')}</h2>
          {allowed('refer') && <button type="button" className="primary" data-testid="action-refer" onClick={() => onAction(caseDialogs.refer(kase.id))}>{t('wage.action.refer')}</button>}
        </div>
        {kase.referrals.length === 0 ? <p className="muted">{t('wage.referral.none')}</p> : (
          <table className="table" data-testid="referral-table">
            <thead>
              <tr>
                <th>{t('wage.referral.target')}</th><th>{t('wage.f.referredOn')}</th><th>{t('wage.referral.acceptDue')}</th><th>{t('wage.f.acceptedOn')}</th>
                <th>{t('wage.referral.concludeDue')}</th><th>{t('wage.referral.outcome')}</th><th className="col-actions" />
              </tr>
            </thead>
            <tbody>
              {kase.referrals.map((r) => (
                <tr key={r.referralId} data-testid="referral-row" data-referral-id={r.referralId} data-overdue={r.overdue} className={r.overdue ? 'row-overdue' : undefined}>
                  <td>{tOr(`wage.target.${r.target}`, r.targetLabel)}{r.overdue && <>{' '}<OverdueBadge /></>}</td>
                  <td className="nowrap">{r.referredOn}</td>
                  <td className="nowrap"><Due on={r.acceptDueOn} done={!!r.acceptedOn || !!r.concludedOn} provisional={r.provisional === true} testId="referral-accept-due" /></td>
                  <td className="nowrap">{r.acceptedOn ?? '—'}</td>
                  <td className="nowrap">
                    <Due on={r.concludeDueOn} done={!!r.concludedOn} provisional={r.provisional === true && !!r.acceptedOn} testId="referral-conclude-due" />
                    {r.extended && <span className="badge badge-status">{t('wage.referral.extended')}</span>}
                  </td>
                  <td className="prewrap">{r.concludedOn ? `${r.concludedOn} ${r.outcome ?? ''}` : '—'}</td>
                  <td className="row-actions">{actions(r)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </div>
      <div className="card" data-testid="negotiations">
        <div className="card-head">
          <h2>{t('wage.negotiation.title')}</h2>
          {allowed('negotiate') && <button type="button" className="secondary" data-testid="action-negotiate" onClick={() => onAction(caseDialogs.negotiate(kase.id))}>{t('wage.action.negotiate')}</button>}
        </div>
        {negotiations.length === 0 ? <p className="muted">{t('wage.negotiation.none')}</p> : (
          <ul className="negotiations">
            {negotiations.map((e) => (
              <li key={e.revision} data-testid="negotiation">
                <div className="timeline-head"><span className="muted">{formatDateTime(e.occurredAt)}</span>
                  {typeof e.data.promisedBy === 'string' && <span>{t('wage.negotiation.promisedBy', { date: e.data.promisedBy })}</span>}</div>
                <div className="prewrap">{String(e.data.summary ?? '')}</div>
              </li>
            ))}
          </ul>
        )}
      </div>
    </>
  );
}
