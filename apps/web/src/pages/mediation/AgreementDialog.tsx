import { useState, type FormEvent, type KeyboardEvent } from 'react';
import { Dialog } from '../../components/Dialog';
import { Field } from '../../components/Field';
import { Notice } from '../../components/Notice';
import { formatYuan, shanghaiToday } from '../../format';
import { useI18n } from '../../i18n/I18nProvider';
import { useCommandRunner } from '../wage/useCommandRunner';
import { agreementProblems, emptyAgreement, toAgreementBody, totalOf, type AgreementForm } from './agreement-form';
import { mediationPath } from './mediation-steps';
import type { MediationCase } from './mediation-types';
import { MoneyRows } from './MoneyRows';

const PLACED = /^(agreedOn|effectiveOn|terms|items|schedule)(\.\d+\.(item|dueOn|amount|partyId))?$/;

/**
 * 登记调解协议: dates, terms, what is agreed and the payment schedule, which must add up to it (the
 * totals are shown as they are typed). Sent with the case's version; the API's errors appear at their
 * field or row. Ctrl+Enter submits.
 */
export function AgreementDialog({ kase, onDone, onClose, onConflict }: { kase: MediationCase; onDone(): void; onClose(): void; onConflict(): void }) {
  const { t } = useI18n();
  const [form, setForm] = useState<AgreementForm>(() => emptyAgreement(kase, shanghaiToday()));
  const [problems, setProblems] = useState<Record<string, string>>({});
  const runner = useCommandRunner(onConflict);
  const errors = { ...runner.errors, ...problems };
  const set = (patch: Partial<AgreementForm>) => setForm((current) => ({ ...current, ...patch }));
  const agreed = totalOf(form.items);
  const scheduled = totalOf(form.schedule);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (runner.busy) return;
    const found = agreementProblems(form, t('hs.yuanInvalid'));
    setProblems(found);
    if (Object.keys(found).length > 0) return;
    const saved = await runner.run(mediationPath(kase.id, '/agreement'), toAgreementBody(form), { version: kase.version, placed: (field) => PLACED.test(field) });
    if (saved) onDone();
  }

  function onKeyDown(event: KeyboardEvent<HTMLFormElement>) {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      event.currentTarget.requestSubmit();
    }
  }

  return (
    <Dialog title={t('med.action.agreement')} testId="dialog-agreement" onClose={onClose}>
      <form className="dialog-form agreement-dialog" onSubmit={submit} onKeyDown={onKeyDown} noValidate>
        <Notice kind="error" text={runner.notice} testId="dialog-error" />
        <div className="form-grid cols-2">
          <Field id="agr-agreedOn" label={t('med.f.agreedOn')} error={errors.agreedOn}>
            <input id="agr-agreedOn" data-testid="agr-agreedOn" type="date" value={form.agreedOn} onChange={(e) => set({ agreedOn: e.target.value })} />
          </Field>
          <Field id="agr-effectiveOn" label={t('med.f.effectiveOn')} error={errors.effectiveOn} hint={t('med.f.effectiveOnHint')}>
            <input id="agr-effectiveOn" data-testid="agr-effectiveOn" type="date" value={form.effectiveOn} onChange={(e) => set({ effectiveOn: e.target.value })} />
          </Field>
        </div>
        <Field id="agr-terms" label={t('med.f.terms')} error={errors.terms}>
          <textarea id="agr-terms" data-testid="agr-terms" rows={4} autoFocus value={form.terms} onChange={(e) => set({ terms: e.target.value })} />
        </Field>
        <fieldset className="form-section">
          <legend>{t('med.agreement.items')}</legend>
          <MoneyRows list="items" rows={form.items} applicants={kase.applicants} errors={errors} onChange={(items) => set({ items })} />
          {errors.items && <div className="field-error" data-testid="error-agr-items" role="alert">{errors.items}</div>}
        </fieldset>
        <fieldset className="form-section">
          <legend>{t('med.agreement.schedule')}</legend>
          <MoneyRows list="schedule" rows={form.schedule} applicants={kase.applicants} errors={errors} onChange={(schedule) => set({ schedule })} />
          {errors.schedule && <div className="field-error" data-testid="error-agr-schedule" role="alert">{errors.schedule}</div>}
        </fieldset>
        <p className={agreed === scheduled ? 'alloc-state alloc-ok' : 'alloc-state alloc-bad'} data-testid="agr-balance">
          {agreed === scheduled ? t('med.agreement.balanced', { amount: formatYuan(agreed) })
            : t('med.agreement.unbalanced', { agreed: formatYuan(agreed), scheduled: formatYuan(scheduled) })}
        </p>
        <div className="form-actions">
          <button type="submit" className="primary" data-testid="dialog-submit" disabled={runner.busy}>{t('med.action.agreement')}</button>
          <button type="button" className="secondary" data-testid="dialog-cancel" onClick={onClose}>{t('common.cancel')}</button>
        </div>
      </form>
    </Dialog>
  );
}
