import { useState } from 'react';
import { Field } from '../../../components/Field';
import { shanghaiToday } from '../../../format';
import { useI18n } from '../../../i18n/I18nProvider';
import { wageCasePath } from '../useWageCase';
import { roomForPayment, type WageCase } from '../wage-types';
import { SplitDialog } from './SplitDialog';

/** 登记追回款: what the employer paid, when and who paid, split across the workers it was for. */
export function PaymentDialog({ kase, onDone, onClose, onConflict }: { kase: WageCase; onDone(): void; onClose(): void; onConflict(): void }) {
  const { t } = useI18n();
  const [paidOn, setPaidOn] = useState(shanghaiToday);
  const [payer, setPayer] = useState(() => kase.respondent.name);
  const payees = kase.claimants
    .filter((c) => !c.withdrawn && c.verified !== null && roomForPayment(c) > 0)
    .map((c) => ({ claimantId: c.claimantId, name: c.name, cap: roomForPayment(c) }));
  return (
    <SplitDialog testId="payment-dialog" title="wage.action.record-payment" amountLabel="wage.pay.amount" capLabel="wage.pay.cap" submitLabel="common.save"
      payees={payees} path={wageCasePath(kase.id, '/payments')} version={kase.version} fieldsReady={paidOn !== '' && payer.trim() !== ''}
      body={({ amount, allocations }) => ({ amount, paidOn, payer: payer.trim(), allocations })}
      onDone={onDone} onClose={onClose} onConflict={onConflict}
      fields={(errors) => (
        <>
          <Field id="pay-paid-on" label={t('wage.pay.paidOn')} error={errors.paidOn}>
            <input id="pay-paid-on" data-testid="pay-paid-on" type="date" value={paidOn} onChange={(e) => setPaidOn(e.target.value)} />
          </Field>
          <Field id="pay-payer" label={t('wage.pay.payer')} error={errors.payer} span="full">
            <input id="pay-payer" data-testid="pay-payer" autoComplete="off" value={payer} onChange={(e) => setPayer(e.target.value)} />
          </Field>
        </>
      )} />
  );
}
