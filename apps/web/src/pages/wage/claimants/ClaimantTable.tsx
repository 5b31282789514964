import { Fragment, useState } from 'react';
import { formatYuan } from '../../../format';
import { useI18n } from '../../../i18n/I18nProvider';
import type { DialogSpec } from '../command-dialogs';
import { claimantDialogs } from '../command-dialogs';
import type { WageCase } from '../wage-types';
import { LimitationBadge } from './LimitationBadge';

/**
 * The workers of the case with what each claims and was verified, the limitation date, the evidence,
 * and the steps allowed on each (修改 with a reason, 撤回, 登记证据). ID numbers and phones arrive masked.
 */
export function ClaimantTable({ kase, onAction, fileCounts, onShowFiles }: {
  kase: WageCase;
  onAction(spec: DialogSpec): void;
  /** Evidence files per person of the case (`claimant:<id>`), and opening the panel filtered to one. */
  fileCounts?: ReadonlyMap<string, number>;
  onShowFiles?(claimantId: string): void;
}) {
  const { t, tOr } = useI18n();
  const [open, setOpen] = useState<string | null>(null);
  const allowed = (action: string) => kase.allowedActions.includes(action);

  if (kase.claimants.length === 0) return <p className="card empty" data-testid="claimants-empty">{t('wage.claimants.empty')}</p>;
  return (
    <div className="card card-flush">
      <table className="table" data-testid="claimant-table">
        <thead>
          <tr>
            <th>{t('wage.col.name')}</th>
            <th>{t('wage.col.idNumber')}</th>
            <th>{t('wage.col.phone')}</th>
            <th>{t('wage.col.workPeriod')}</th>
            <th className="num">{t('wage.col.claimedShort')}</th>
            <th className="num">{t('wage.col.verified')}</th>
            <th>{t('wage.col.limitation')}</th>
            <th>{t('wage.col.evidence')}</th>
            <th className="col-actions" />
          </tr>
        </thead>
        <tbody>
          {kase.claimants.map((c) => (
            <Fragment key={c.claimantId}>
              <tr data-testid="claimant-row" data-claimant-id={c.claimantId} data-name={c.name} className={c.withdrawn ? 'row-disabled' : undefined}>
                <td>
                  {c.name}
                  {c.withdrawn && <span className="badge badge-disabled">{t('wage.claimants.withdrawn')}</span>}
                </td>
                <td className="mono">{c.idNumber ?? '—'}</td>
                <td className="mono">{c.phone ?? '—'}</td>
                <td className="nowrap">{c.workedFrom} ~ {c.workedUntil ?? t('wage.claimants.stillEmployed')}</td>
                <td className="num">{formatYuan(c.claimed)}</td>
                <td className="num">{formatYuan(c.verified)}</td>
                <td className="nowrap"><LimitationBadge limitation={c.limitation} /></td>
                <td>
                  {c.evidence.length > 0
                    ? <button type="button" className="link-button cell-link" data-testid="evidence-toggle" onClick={() => setOpen(open === c.claimantId ? null : c.claimantId)}>
                        {t('wage.claimants.evidenceCount', { n: c.evidence.length })}
                      </button>
                    : <span className="muted">—</span>}
                  {onShowFiles && (
                    <button type="button" className="link-button cell-link" data-testid="claimant-files" onClick={() => onShowFiles(c.claimantId)}>
                      {t('att.count', { n: fileCounts?.get(`claimant:${c.claimantId}`) ?? 0 })}
                    </button>
                  )}
                </td>
                <td className="row-actions">
                  {!c.withdrawn && allowed('amend-claim') && (
                    <button type="button" className="link-button" data-testid="claimant-amend" onClick={() => onAction(claimantDialogs.amend(kase.id, c))}>{t('wage.claimants.amend')}</button>
                  )}
                  {!c.withdrawn && allowed('record-evidence') && (
                    <button type="button" className="link-button" data-testid="claimant-evidence" onClick={() => onAction(claimantDialogs.evidence(kase.id, c))}>{t('wage.claimants.evidence')}</button>
                  )}
                  {!c.withdrawn && allowed('withdraw-claim') && c.recovered === 0 && c.advanced === 0 && (
                    <button type="button" className="link-button text-danger-link" data-testid="claimant-withdraw" onClick={() => onAction(claimantDialogs.withdraw(kase.id, c))}>{t('wage.claimants.withdraw')}</button>
                  )}
                </td>
              </tr>
              {open === c.claimantId && (
                <tr className="evidence-row">
                  <td colSpan={9}>
                    <ul className="evidence-list" data-testid="evidence-list">
                      {c.evidence.map((e) => (
                        <li key={e.evidenceId}><span className="badge badge-status">{tOr(`wage.evidence.${e.kind}`, e.kind)}</span> {e.description}</li>
                      ))}
                    </ul>
                  </td>
                </tr>
              )}
            </Fragment>
          ))}
        </tbody>
      </table>
    </div>
  );
}
