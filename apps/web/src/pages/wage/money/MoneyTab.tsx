import { useState } from 'react';
import type { HistoryEntry } from '../../../api-types';
import { formatDateTime, formatYuan } from '../../../format';
import { useI18n } from '../../../i18n/I18nProvider';
import { hrefFor } from '../../../router';
import { readSession } from '../../../session';
import { moneyDialogs, type DialogSpec } from '../command-dialogs';
import type { Allocation, WageCase } from '../wage-types';
import { AdvanceDialog } from './AdvanceDialog';
import { PaymentDialog } from './PaymentDialog';

/**
 * 款项: the employer's payments (each split across workers; a mistake is reversed with a reason,
 * never edited) and the emergency fund's advances, with their approval.
 */
export function MoneyTab({ kase, history, onAction, onDone, onConflict }: {
  kase: WageCase;
  history: HistoryEntry[];
  onAction(spec: DialogSpec): void;
  onDone(message: 'payment' | 'advance'): void;
  onConflict(): void;
}) {
  const { t, tOr } = useI18n();
  const [open, setOpen] = useState<'payment' | 'advance' | null>(null);
  const allowed = (action: string) => kase.allowedActions.includes(action);
  const names = new Map(kase.claimants.map((c) => [c.claimantId, c.name]));
  const payers = new Map(history.filter((e) => e.type === 'RecoveryPaymentRecorded').map((e) => [e.data.paymentId as string, e.data.payer as string]));
  const supervisor = readSession()?.user.role === 'supervisor';

  const allocations = (list: Allocation[]) => (
    <ul className="allocations">
      {list.map((a) => (
        <li key={a.claimantId}>
          {names.get(a.claimantId) ?? '—'} {formatYuan(a.amount)}
          {!!a.reimbursed && <span className="muted">{t('wage.pay.reimbursedPart', { amount: formatYuan(a.reimbursed) })}</span>}
        </li>
      ))}
    </ul>
  );

  return (
    <>
      <div className="card" data-testid="payments">
        <div className="card-head">
          <h2>{t('wage.pay.title')}</h2>
          {allowed('record-payment') && (
            <button type="button" className="primary" data-testid="action-record-payment" onClick={() => setOpen('payment')}>{t('wage.action.record-payment')}</button>
          )}
        </div>
        {kase.payments.length === 0 ? <p className="muted">{t('wage.pay.none')}</p> : (
          <table className="table" data-testid="payment-table">
            <thead>
              <tr><th>{t('wage.pay.paidOn')}</th><th className="num">{t('wage.h.amount')}</th><th>{t('wage.pay.payer')}</th><th>{t('wage.pay.allocations')}</th><th /></tr>
            </thead>
            <tbody>
              {kase.payments.map((p) => (
                <tr key={p.paymentId} data-testid="payment-row" data-payment-id={p.paymentId} data-reversed={p.reversed} className={p.reversed ? 'row-disabled' : undefined}>
                  <td className="nowrap">{p.paidOn}</td>
                  <td className={p.reversed ? 'num struck' : 'num'} data-testid="payment-amount">{formatYuan(p.amount)}</td>
                  <td>{payers.get(p.paymentId) ?? '—'}</td>
                  <td>{allocations(p.allocations)}</td>
                  <td className="row-actions">
                    {p.reversed ? <span className="badge badge-disabled">{t('wage.pay.reversed')}</span>
                      : allowed('reverse-payment') && (
                        <button type="button" className="link-button text-danger-link" data-testid="payment-reverse" onClick={() => onAction(moneyDialogs.reversePayment(kase.id, p.paymentId))}>
                          {t('wage.action.reverse-payment')}
                        </button>
                      )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </div>
      <div className="card" data-testid="advances">
        <div className="card-head">
          <h2>{t('wage.advance.title')}</h2>
          {allowed('request-advance') && (
            <button type="button" className="secondary" data-testid="action-request-advance" onClick={() => setOpen('advance')}>{t('wage.action.request-advance')}</button>
          )}
        </div>
        {kase.advances.length === 0 ? <p className="muted">{t('wage.advance.none')}</p> : (
          <table className="table" data-testid="advance-table">
            <thead>
              <tr><th>{t('wage.advance.requestedAt')}</th><th className="num">{t('wage.h.amount')}</th><th>{t('wage.pay.allocations')}</th><th>{t('wage.advance.reason')}</th><th>{t('wage.advance.status')}</th><th /></tr>
            </thead>
            <tbody>
              {kase.advances.map((a) => (
                <tr key={a.advanceId} data-testid="advance-row" data-advance-id={a.advanceId} data-status={a.status}>
                  <td className="nowrap">{formatDateTime(a.requestedAt)}</td>
                  <td className="num">{formatYuan(a.amount)}</td>
                  <td>{allocations(a.allocations)}</td>
                  <td className="prewrap">{a.reason}</td>
                  <td><span className={`badge advance-${a.status}`} data-testid="advance-status">{tOr(`wage.advanceStatus.${a.status}`, a.status)}</span></td>
                  <td className="row-actions">
                    {a.status === 'requested' && supervisor && <a href={hrefFor({ name: 'approvals' })}>{t('wage.advance.toInbox')}</a>}
                    {a.status === 'approved' && allowed('reverse-advance') && (
                      <button type="button" className="link-button text-danger-link" data-testid="advance-reverse" onClick={() => onAction(moneyDialogs.reverseAdvance(kase.id, a.advanceId))}>
                        {t('wage.action.reverse-advance')}
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </div>
      {open === 'payment' && <PaymentDialog kase={kase} onClose={() => setOpen(null)} onConflict={onConflict} onDone={() => { setOpen(null); onDone('payment'); }} />}
      {open === 'advance' && <AdvanceDialog kase={kase} onClose={() => setOpen(null)} onConflict={onConflict} onDone={() => { setOpen(null); onDone('advance'); }} />}
    </>
  );
}
