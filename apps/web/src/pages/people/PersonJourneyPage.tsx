import { useState, type FormEvent } from 'react';
import { api, ApiError, messageOf } from '../../api';
import { StatusBadge } from '../../components/Badges';
import { CaseNumberTag } from '../../components/CaseNumberTag';
import { Notice } from '../../components/Notice';
import { formatDateTime } from '../../format';
import { useI18n } from '../../i18n/I18nProvider';
import { hrefFor } from '../../router';
import { routeOf } from '../cases/CaseTable';
import { JourneyFiles, type JourneyFile } from './JourneyFiles';
import { Fragment } from 'react';

/** A row of `POST /api/people/journey`. */
interface JourneyCase {
  kind: string;
  id: string;
  role: string;
  title: string;
  /** 案件编号; `null` for a case opened before numbers were given, absent from an older server. */
  caseNumber?: string | null;
  status: string;
  unitId: string;
  openedAt: string;
  isOpen: boolean;
  /** The files that concern the person in this case (issue 19); absent from an older server. */
  attachments?: JourneyFile[];
}

/**
 * 人员轨迹: every complaint, wage case, mediation case and hardship file of one person, found by the
 * keyed hash of their ID number on the server. The number lives only in this form's state: it is
 * sent in the request body, never put in the address or in storage, and each search is logged.
 */
export function PersonJourneyPage() {
  const { t, tOr } = useI18n();
  const [idNumber, setIdNumber] = useState('');
  const [reason, setReason] = useState('');
  const [cases, setCases] = useState<JourneyCase[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);

  async function search(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    try {
      const answer = await api.post<{ cases: JourneyCase[] }>('/api/people/journey', { idNumber: idNumber.trim(), reason: reason.trim() });
      setCases(answer.cases);
      setError(null);
      setFieldErrors({});
    } catch (e: unknown) {
      setCases(null);
      setFieldErrors(e instanceof ApiError ? e.fieldErrors : {});
      setError(messageOf(e, t('common.networkError')));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="page page-narrow" data-testid="person-journey">
      <div className="page-head"><h1>{t('journey.title')}</h1></div>
      <p className="muted">{t('journey.hint')}</p>
      <form className="card form-grid" onSubmit={search} autoComplete="off">
        <label htmlFor="journey-id-number">{t('journey.idNumber')}</label>
        <div>
          <input id="journey-id-number" data-testid="journey-id-number" value={idNumber} maxLength={18} onChange={(e) => setIdNumber(e.target.value)} />
          {fieldErrors.idNumber && <p className="field-error" data-testid="journey-id-number-error">{fieldErrors.idNumber}</p>}
        </div>
        <label htmlFor="journey-reason">{t('journey.reason')}</label>
        <div>
          <input id="journey-reason" data-testid="journey-reason" value={reason} maxLength={500} onChange={(e) => setReason(e.target.value)} />
          {fieldErrors.reason && <p className="field-error" data-testid="journey-reason-error">{fieldErrors.reason}</p>}
        </div>
        <div />
        <div><button type="submit" data-testid="journey-search" disabled={busy}>{t('journey.search')}</button></div>
      </form>
      <Notice kind="error" text={Object.keys(fieldErrors).length > 0 ? null : error} testId="journey-error" />
      {cases !== null && (
        <div className="card card-flush">
          {cases.length === 0 ? <p className="empty" data-testid="journey-empty">{t('journey.empty')}</p> : (
            <table className="table stacked journey-table" data-testid="journey-table">
              <thead>
                <tr><th>{t('journey.case')}</th><th>{t('journey.kind')}</th><th>{t('journey.role')}</th><th>{t('journey.status')}</th><th>{t('journey.opened')}</th></tr>
              </thead>
              <tbody>
                {cases.map((c) => {
                  const route = routeOf(c);
                  return (
                    <Fragment key={`${c.kind}:${c.id}:${c.role}`}>
                    <tr data-testid="journey-row" data-kind={c.kind} data-case-id={c.id} data-case-number={c.caseNumber ?? ''}>
                      <td className="case-title"><CaseNumberTag number={c.caseNumber} /> {route ? <a href={hrefFor(route)}>{c.title}</a> : c.title}</td>
                      <td data-label={t('journey.kind')}>{tOr(`kind.${c.kind}`, c.kind)}</td>
                      <td data-label={t('journey.role')}>{tOr(`journey.role.${c.role}`, c.role)}</td>
                      <td data-label={t('journey.status')}><StatusBadge status={c.status} /></td>
                      <td className="nowrap" data-label={t('journey.opened')}>{formatDateTime(c.openedAt)}</td>
                    </tr>
                    {c.attachments && c.attachments.length > 0 && (
                      <tr className="journey-files-row"><td colSpan={5}><JourneyFiles caseKind={c.kind} caseId={c.id} caseNumber={c.caseNumber ?? null} files={c.attachments} /></td></tr>
                    )}
                    </Fragment>
                  );
                })}
              </tbody>
            </table>
          )}
        </div>
      )}
    </section>
  );
}
