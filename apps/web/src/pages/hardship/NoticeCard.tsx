import { ProvisionalMark } from '../../components/ProvisionalMark';
import { useI18n } from '../../i18n/I18nProvider';
import type { HardshipFile } from './hardship-types';
import { stepDialogs } from './step-dialogs';
import type { StepSpec } from './step-spec';

/** 公示: five working days; every objection received is recorded and resolved, and one upheld stops the registration. */
export function NoticeCard({ file, onAction }: { file: HardshipFile; onAction(spec: StepSpec): void }) {
  const { t } = useI18n();
  const objections = Object.entries(file.objections);
  if (!file.notice && objections.length === 0) return null;
  const open = file.status === 'in_notice';
  return (
    <div className="card" data-testid="hs-notice">
      <h2>{t('hs.notice.title')}</h2>
      {file.notice && <p data-testid="notice-period">{t('hs.notice.period', { from: file.notice.startedOn, to: file.notice.endsOn })}<ProvisionalMark show={!!file.notice.provisional && open} /></p>}
      {objections.length === 0 ? <p className="muted">{t('hs.objections.none')}</p> : (
        <table className="table" data-testid="objection-table">
          <thead><tr><th>{t('hs.f.objectionSummary')}</th><th>{t('hs.objections.standing')}</th><th /></tr></thead>
          <tbody>
            {objections.map(([objectionId, o]) => (
              <tr key={objectionId} data-testid="objection-row" data-resolved={o.resolved}>
                <td className="prewrap">{o.summary}</td>
                <td>{t(!o.resolved ? 'hs.objections.open' : o.upheld ? 'hs.objections.upheld' : 'hs.objections.dismissed')}</td>
                <td className="row-actions">
                  {open && !o.resolved && (
                    <button type="button" className="link-button" data-testid="objection-resolve" onClick={() => onAction(stepDialogs.resolveObjection(file, objectionId))}>
                      {t('hs.action.resolve-objection')}
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
