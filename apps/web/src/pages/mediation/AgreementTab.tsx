import { formatYuan } from '../../format';
import { useI18n } from '../../i18n/I18nProvider';
import { readSession } from '../../session';
import { mayConclude } from './case-actions';
import { DocumentButtons } from './DocumentsTab';
import type { CaseDialog } from './case-dialog';
import { mediationSteps } from './mediation-steps';
import { partyName, type Installment, type MediationCase } from './mediation-types';

/**
 * 协议: the agreement (or the button to record it), its installments with what is paid and what is
 * still owed, the payments, and judicial confirmation (司法确认) asked for and decided.
 */
export function AgreementTab({ kase, onDialog }: { kase: MediationCase; onDialog(dialog: CaseDialog): void }) {
  const { t } = useI18n();
  const user = readSession()?.user;
  const agreement = kase.agreement;
  if (!agreement) {
    const may = user ? mayConclude(kase, { id: user.id, role: user.role }) : false;
    return (
      <div className="card" data-testid="med-agreement">
        <div className="card-head">
          <h2>{t('med.agreement.title')}</h2>
          {may && <button type="button" className="primary" data-testid="action-agreement" onClick={() => onDialog({ kind: 'agreement' })}>{t('med.action.agreement')}</button>}
        </div>
        <p className="muted" data-testid="agreement-none">{t(may ? 'med.agreement.none' : kase.status === 'in_mediation' ? 'med.agreement.notYours' : 'med.agreement.notNow')}</p>
      </div>
    );
  }
  return (
    <>
      <div className="card" data-testid="med-agreement">
        <div className="card-head">
          <h2>{t('med.agreement.title')}</h2>
          <DocumentButtons kase={kase} document="agreement" />
        </div>
        <dl className="facts facts-4">
          <div><dt>{t('med.f.agreedOn')}</dt><dd data-testid="agreement-agreed-on">{agreement.agreedOn}</dd></div>
          <div><dt>{t('med.f.effectiveOn')}</dt><dd>{agreement.effectiveOn}</dd></div>
          <div><dt>{t('med.f.agreedTotal')}</dt><dd data-testid="agreement-total">{formatYuan(agreement.agreedTotal)}</dd></div>
          <div><dt>{t('med.f.unpaid')}</dt><dd data-testid="med-unpaid" className={kase.unpaid > 0 ? 'text-warn' : undefined}>{formatYuan(kase.unpaid)}</dd></div>
          <div className="facts-wide"><dt>{t('med.f.terms')}</dt><dd className="prewrap" data-testid="agreement-terms">{agreement.terms}</dd></div>
        </dl>
        <table className="table compact" data-testid="agreement-items">
          <thead><tr><th>{t('med.f.agreedItem')}</th><th>{t('med.f.party')}</th><th className="num">{t('med.f.amount')}</th></tr></thead>
          <tbody>
            {agreement.items.map((item, i) => (
              <tr key={i}><td>{item.item}</td><td>{partyName(kase, item.partyId) ?? t('med.party.all')}</td><td className="num">{formatYuan(item.amount)}</td></tr>
            ))}
          </tbody>
        </table>
        {agreement.fulfilledOn && <p className="notice notice-info" data-testid="agreement-fulfilled">{t('med.agreement.fulfilled', { date: agreement.fulfilledOn })}</p>}
      </div>
      <Installments kase={kase} onDialog={onDialog} />
      <ConfirmationCard kase={kase} onDialog={onDialog} />
    </>
  );
}

function installmentStanding(i: Installment): 'paid' | 'defaulted' | 'overdue' | 'due' {
  if (i.remaining === 0) return 'paid';
  if (i.defaulted) return 'defaulted';
  return i.overdue ? 'overdue' : 'due';
}

function Installments({ kase, onDialog }: { kase: MediationCase; onDialog(dialog: CaseDialog): void }) {
  const { t, tOr } = useI18n();
  const open = kase.status === 'agreed';
  return (
    <div className="card" data-testid="med-installments">
      <h2>{t('med.installments.title')}</h2>
      <table className="table" data-testid="installments-table">
        <thead>
          <tr>
            <th>{t('med.installments.number')}</th><th>{t('med.f.dueOn')}</th><th>{t('med.f.party')}</th><th className="num">{t('med.f.amount')}</th>
            <th className="num">{t('med.installments.paid')}</th><th className="num">{t('med.installments.remaining')}</th><th>{t('cases.col.status')}</th><th />
          </tr>
        </thead>
        <tbody>
          {kase.installments.map((inst, index) => {
            const standing = installmentStanding(inst);
            return (
              <tr key={inst.installmentId} data-testid="installment-row" data-installment-id={inst.installmentId} data-standing={standing}
                className={standing === 'overdue' || standing === 'defaulted' ? 'row-overdue' : undefined}>
                <td>{t('med.installments.nth', { n: index + 1 })}</td>
                <td className="nowrap">{inst.dueOn}</td>
                <td>{partyName(kase, inst.partyId) ?? t('med.party.all')}</td>
                <td className="num">{formatYuan(inst.amount)}</td>
                <td className="num" data-testid="installment-paid">{formatYuan(inst.paid)}</td>
                <td className="num" data-testid="installment-remaining">{formatYuan(inst.remaining)}</td>
                <td><span className={`badge installment-${standing}`} data-testid="installment-standing">{t(`med.installment.${standing}`)}</span></td>
                <td className="row-actions">
                  {open && inst.remaining > 0 && (
                    <button type="button" className="link-button" data-testid="installment-pay" onClick={() => onDialog({ kind: 'step', spec: mediationSteps.payment(kase, inst, index + 1) })}>
                      {t('med.action.payment')}
                    </button>
                  )}
                  {open && standing === 'overdue' && (
                    <button type="button" className="link-button text-danger-link" data-testid="installment-default"
                      onClick={() => onDialog({ kind: 'step', spec: mediationSteps.defaultInstallment(kase, inst, index + 1) })}>
                      {t('med.action.default')}
                    </button>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {kase.payments.length > 0 && (
        <>
          <h2 className="subheading">{t('med.payments.title')}</h2>
          <table className="table compact" data-testid="payments-table">
            <thead><tr><th>{t('med.f.paidOn')}</th><th>{t('med.installments.number')}</th><th className="num">{t('med.f.amount')}</th><th>{t('med.payments.source')}</th></tr></thead>
            <tbody>
              {kase.payments.map((p) => (
                <tr key={p.paymentId} data-testid="payment-row">
                  <td>{p.paidOn}</td>
                  <td>{t('med.installments.nth', { n: kase.installments.findIndex((i) => i.installmentId === p.installmentId) + 1 })}</td>
                  <td className="num">{formatYuan(p.amount)}</td>
                  <td>{tOr(`med.paymentSource.${p.source}`, p.source)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </div>
  );
}

/** 司法确认: asked for within the window, then granted (with the ruling's number) or refused; after a refusal it may be asked again. */
function ConfirmationCard({ kase, onDialog }: { kase: MediationCase; onDialog(dialog: CaseDialog): void }) {
  const { t } = useI18n();
  const c = kase.confirmation;
  const mayRequest = kase.status === 'agreed' && (!c || c.status === 'refused');
  const mayRecord = c?.status === 'requested';
  return (
    <div className="card" data-testid="med-confirmation" data-status={c?.status ?? 'none'}>
      <div className="card-head">
        <h2>{t('med.confirmation.title')}</h2>
        <div className="action-buttons">
          {mayRequest && <button type="button" className="secondary" data-testid="action-confirmation-request" onClick={() => onDialog({ kind: 'step', spec: mediationSteps.confirmationRequest(kase) })}>{t('med.action.confirmationRequest')}</button>}
          {mayRecord && <button type="button" className="secondary" data-testid="action-confirmation" onClick={() => onDialog({ kind: 'step', spec: mediationSteps.confirmation(kase) })}>{t('med.action.confirmation')}</button>}
        </div>
      </div>
      <p data-testid="confirmation-text">
        {!c && t('med.confirmation.none', { until: kase.agreement?.confirmationWindowEndsOn ?? '—' })}
        {c?.status === 'requested' && t('med.confirmation.requestedText', { date: c.requestedOn, court: c.court })}
        {c?.status === 'granted' && t('med.confirmation.grantedText', { date: c.decidedOn ?? '—', court: c.court, ruling: c.rulingNumber ?? '—' })}
        {c?.status === 'refused' && t('med.confirmation.refusedText', { date: c.decidedOn ?? '—', court: c.court })}
      </p>
    </div>
  );
}
