import { useState } from 'react';
import { Field } from '../../../components/Field';
import { useI18n } from '../../../i18n/I18nProvider';
import { wageCasePath } from '../useWageCase';
import type { WageCase } from '../wage-types';
import { SplitDialog } from './SplitDialog';

/** 申请应急周转金垫付: paid from the fund once a supervisor approves; never more than a worker is still owed. */
export function AdvanceDialog({ kase, onDone, onClose, onConflict }: { kase: WageCase; onDone(): void; onClose(): void; onConflict(): void }) {
  const { t } = useI18n();
  const [reason, setReason] = useState('');
  const payees = kase.claimants
    .filter((c) => !c.withdrawn && c.verified !== null && c.outstanding > 0)
    .map((c) => ({ claimantId: c.claimantId, name: c.name, cap: c.outstanding }));
  return (
    <SplitDialog testId="advance-dialog" title="wage.action.request-advance" amountLabel="wage.advance.amount" capLabel="wage.advance.cap" submitLabel="wage.submitRequest"
      payees={payees} path={wageCasePath(kase.id, '/advances')} version={kase.version} fieldsReady={reason.trim() !== ''}
      body={({ allocations }) => ({ allocations, reason: reason.trim() })}
      onDone={onDone} onClose={onClose} onConflict={onConflict}
      fields={(errors) => (
        <Field id="advance-reason" label={t('wage.advance.reason')} error={errors.reason} span="full">
          <textarea id="advance-reason" data-testid="advance-reason" rows={2} value={reason} onChange={(e) => setReason(e.target.value)} />
        </Field>
      )} />
  );
}
