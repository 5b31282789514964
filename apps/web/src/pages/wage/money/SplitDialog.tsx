import type { FormEvent, ReactNode } from 'react';
import { Dialog } from '../../../components/Dialog';
import { Field } from '../../../components/Field';
import { Notice } from '../../../components/Notice';
import { useI18n } from '../../../i18n/I18nProvider';
import type { MessageKey } from '../../../i18n/zh';
import { useCommandRunner } from '../useCommandRunner';
import { AllocationEditor, allocationsOf, checkShares, type Payee } from './AllocationEditor';
import { useSplit } from './useSplit';

/**
 * An amount in yuan split across workers, plus the fields of the step (paid on and payer, or a
 * reason). Save stays disabled until the shares add up to the amount to the fen and none exceeds
 * what its worker may get.
 */
export function SplitDialog({ testId, title, amountLabel, capLabel, submitLabel, payees, path, version, fieldsReady, body, fields, onDone, onClose, onConflict }: {
  testId: string;
  title: MessageKey;
  amountLabel: MessageKey;
  capLabel: MessageKey;
  submitLabel: MessageKey;
  payees: Payee[];
  path: string;
  version: number;
  /** The step's own fields are filled in. */
  fieldsReady: boolean;
  body(split: { amount: number; allocations: { claimantId: string; amount: number }[] }): Record<string, unknown>;
  fields(errors: Record<string, string>): ReactNode;
  onDone(result: unknown): void;
  onClose(): void;
  onConflict(): void;
}) {
  const { t } = useI18n();
  const split = useSplit(payees, 'even');
  const runner = useCommandRunner(onConflict);
  const check = checkShares(split.amount, split.shares, payees);
  const amountBad = split.amountText.trim() !== '' && split.amount === null;

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!check.ok || !fieldsReady || split.amount === null) return;
    const result = await runner.run(path, body({ amount: split.amount, allocations: allocationsOf(split.shares, payees) }), {
      version,
      placed: (field) => field === 'amount' || field === 'paidOn' || field === 'payer' || field === 'reason',
    });
    if (result) onDone(result);
  }

  return (
    <Dialog title={t(title)} testId={testId} onClose={onClose}>
      <form className="dialog-form split-dialog" onSubmit={submit} noValidate>
        <Notice kind="error" text={runner.notice} testId="dialog-error" />
        <div className="form-grid cols-2">
          <Field id="split-amount" label={t(amountLabel)} error={amountBad ? t('wage.yuanInvalid') : runner.errors.amount}>
            <input id="split-amount" data-testid="split-amount" className="num" inputMode="decimal" autoComplete="off" autoFocus
              value={split.amountText} placeholder={t('wage.grid.yuanPlaceholder')} aria-invalid={amountBad ? true : undefined}
              onChange={(e) => split.setAmount(e.target.value)} />
          </Field>
          {fields(runner.errors)}
        </div>
        {payees.length === 0
          ? <p className="muted">{t('wage.alloc.nobody')}</p>
          : <AllocationEditor amount={split.amount} payees={payees} mode={split.mode} shares={split.shares} capLabel={t(capLabel)}
              onMode={split.setMode} onShares={split.setShares} />}
        <div className="form-actions">
          <button type="submit" className="primary" data-testid="dialog-submit" disabled={!check.ok || !fieldsReady || runner.busy}>
            {t(submitLabel)}
          </button>
          <button type="button" className="secondary" data-testid="dialog-cancel" onClick={onClose}>{t('common.cancel')}</button>
        </div>
      </form>
    </Dialog>
  );
}
