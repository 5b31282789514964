import { useState } from 'react';
import { api, messageOf, query } from '../../api';
import type { HistoryEntry } from '../../api-types';
import { formatDateTimeSeconds } from '../../format';
import { useI18n } from '../../i18n/I18nProvider';
import { useReference } from '../../reference/ReferenceProvider';
import { readSession } from '../../session';
import { Notice } from '../Notice';
import type { AuditVocabulary } from './audit-subject';

interface ChainReport {
  events: number;
  problems: { streamId: string; revision: number; problem: 'altered' | 'removed' | 'inserted' | 'reordered' }[];
}

/** 核验历史记录: recomputes this case's hash chain on the server and says whether any event was changed behind the system's back. */
export function VerifyChain({ id, history, vocabulary }: { id: string; history: HistoryEntry[]; vocabulary: AuditVocabulary }) {
  const { t, tOr } = useI18n();
  const [report, setReport] = useState<ChainReport | null>(null);
  const [running, setRunning] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const { units } = useReference();
  const user = readSession()?.user;
  // The root of the unit tree (the city federation, or the province above the cities): its supervisors alone may check hash chains (the API refuses anyone else).
  const root = units.find((unit) => unit.parentId === null);
  if (!user || user.role !== 'supervisor' || !root || user.orgUnitId !== root.id) return null;

  async function verify() {
    setRunning(true);
    setError(null);
    try {
      setReport(await api.get<ChainReport>(`/api/audit/verify${query({ kind: vocabulary.kind, id })}`));
    } catch (e) {
      setReport(null);
      setError(messageOf(e, t('common.networkError')));
    } finally {
      setRunning(false);
    }
  }

  const eventAt = (revision: number) => {
    const entry = history.find((e) => e.revision === revision);
    return entry ? `${tOr(`${vocabulary.eventPrefix}${entry.type}`, entry.type)} · ${formatDateTimeSeconds(entry.recordedAt)}` : '—';
  };
  const intact = report && report.problems.length === 0;

  return (
    <div className="card verify-chain" data-testid="verify-chain">
      <h2>{t('audit.verify')}</h2>
      <p className="muted">{t('audit.verifyHint')}</p>
      <button type="button" className="secondary" data-testid="verify-chain-run" disabled={running} onClick={() => void verify()}>
        {running ? t('audit.verifyRunning') : t('audit.verify')}
      </button>
      <Notice kind="error" text={error} testId="verify-chain-error" />
      {report && (
        <div className={intact ? 'verify-result verify-intact' : 'verify-result verify-broken'} data-testid="verify-chain-result" data-intact={intact ? 'true' : 'false'}>
          <strong>{intact ? t('audit.verifyIntact', { n: report.events }) : t('audit.verifyBroken', { n: report.problems.length })}</strong>
          {!intact && (
            <ul>
              {report.problems.map((p) => (
                <li key={`${p.revision}-${p.problem}`} data-testid="verify-chain-problem" data-revision={p.revision} data-problem={p.problem}>
                  {t('audit.verifyAt', { n: p.revision + 1, event: eventAt(p.revision) })}：{tOr(`audit.problem.${p.problem}`, p.problem)}
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
    </div>
  );
}
