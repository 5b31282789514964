import { useRef, useState, type FormEvent } from 'react';
import { api, ApiError } from '../../api';
import type { Approval } from '../../api-types';
import { Field } from '../../components/Field';
import { Notice } from '../../components/Notice';
import { useI18n } from '../../i18n/I18nProvider';
import { useIdempotencyKey } from '../../useIdempotencyKey';
import { EXPLAINED_KINDS, HARDSHIP_APPROVAL_KINDS } from './approval-kinds';

export type Decision = 'approve' | 'reject';

/** Approve (an opinion is optional) or reject (a reason is required) one request. */
export function DecisionForm({ approval, onDecided }: { approval: Approval; onDecided(decision: Decision): void }) {
  const { t } = useI18n();
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [busy, setBusy] = useState<Decision | null>(null);
  const idempotency = useIdempotencyKey();
  const box = useRef<HTMLTextAreaElement>(null);
  const id = `decision-reason-${approval.id}`;
  /** Money from the fund, closing a case for good, a family's registration or lifting out: the decision is always explained, approval too. */
  const alwaysExplained = EXPLAINED_KINDS.includes(approval.kind);
  const requiredHint = HARDSHIP_APPROVAL_KINDS.includes(approval.kind) ? 'approvals.opinionHintHardship' : 'approvals.opinionHintRequired';

  async function decide(decision: Decision) {
    const text = reason.trim();
    if ((decision === 'reject' || alwaysExplained) && !text) {
      setError(t(decision === 'reject' ? 'approvals.reasonRequired' : 'approvals.opinionRequired'));
      return box.current?.focus();
    }
    setError(null);
    setNotice(null);
    setBusy(decision);
    try {
      await api.send(`/api/approvals/${encodeURIComponent(approval.id)}/${decision}`, text ? { reason: text } : {}, idempotency.current());
      idempotency.settle('ok');
      onDecided(decision);
    } catch (e) {
      idempotency.settle(e);
      if (!(e instanceof ApiError)) return setNotice(t('common.networkError'));
      if (e.fieldErrors.reason) setError(e.fieldErrors.reason);
      else setNotice(e.message);
    } finally {
      setBusy(null);
    }
  }

  const submit = (event: FormEvent) => {
    event.preventDefault();
    void decide('approve');
  };

  return (
    <form className="decision" data-testid="decision-form" onSubmit={submit} noValidate>
      <Notice kind="error" text={notice} testId="decision-error" />
      <Field id={id} label={t('approvals.opinion')} error={error ?? undefined} hint={t(alwaysExplained ? requiredHint : 'approvals.opinionHint')}>
        <textarea ref={box} id={id} rows={2} value={reason} data-testid="decision-reason" aria-invalid={error ? true : undefined}
          onChange={(e) => { setReason(e.target.value); if (error) setError(null); }} />
      </Field>
      <div className="form-actions">
        <button type="submit" className="primary" data-testid="approve" disabled={busy !== null}>
          {busy === 'approve' ? t('approvals.deciding') : t('approvals.approve')}
        </button>
        <button type="button" className="danger-outline" data-testid="reject" disabled={busy !== null} onClick={() => decide('reject')}>
          {busy === 'reject' ? t('approvals.deciding') : t('approvals.reject')}
        </button>
      </div>
    </form>
  );
}
