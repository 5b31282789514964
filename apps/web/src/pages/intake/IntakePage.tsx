import { useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { api, ApiError } from '../../api';
import { Notice } from '../../components/Notice';
import { useI18n } from '../../i18n/I18nProvider';
import { useReference } from '../../reference/ReferenceProvider';
import { navigate } from '../../router';
import { useIdempotencyKey } from '../../useIdempotencyKey';
import { CallerSection } from './CallerSection';
import type { EarlierOrder } from './earlier-orders';
import { EmployerSection } from './EmployerSection';
import { IntakeDone } from './IntakeDone';
import { mergeAfterIntake, savedOrder, type IntakeOutcome } from './intake-merge';
import { applyChange, emptyForm, errorsByInput, toRequestBody, type IntakeForm } from './intake-form';
import { MatterSection } from './MatterSection';
import { MergeTarget } from './MergeTarget';
import { MoreSection } from './MoreSection';

/**
 * Complaint intake, typed while the caller is on the line. Ctrl+Enter saves from anywhere. Saved, it
 * opens the new order — or, when the operator picked an earlier order to merge it into (并入此单),
 * stays here to say whether the merge went through.
 */
export function IntakePage() {
  const { t } = useI18n();
  const { hotline } = useReference();
  const formRef = useRef<HTMLFormElement>(null);
  const [form, setForm] = useState<IntakeForm>(() => emptyForm(hotline));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [notice, setNotice] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const [mergeTarget, setMergeTarget] = useState<EarlierOrder | null>(null);
  const [outcome, setOutcome] = useState<IntakeOutcome | null>(null);
  const idempotency = useIdempotencyKey();

  const set = (patch: Partial<IntakeForm>) => setForm((current) => applyChange(current, patch, hotline));

  /** Once the operator touches a field, its old server message goes: it may no longer be true. */
  function clearError(inputId: string) {
    const touched = inputId === 'intake-anonymous' ? ['intake-anonymous', 'intake-caller-name'] : [inputId];
    if (!touched.some((id) => errors[id])) return;
    const rest = Object.fromEntries(Object.entries(errors).filter(([id]) => !touched.includes(id)));
    setErrors(rest);
    if (Object.keys(rest).length === 0) setNotice(null);
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (saving) return;
    setSaving(true);
    setNotice(null);
    try {
      const created = await api.command('/api/complaints', toRequestBody(form), idempotency.current());
      idempotency.settle('ok');
      if (!mergeTarget) return navigate({ name: 'complaint', id: created.id });
      setOutcome(await mergedOutcome(created.id, mergeTarget));
    } catch (e) {
      idempotency.settle(e);
      showError(e);
    } finally {
      setSaving(false);
    }
  }

  /** The saved order merged into `target` if the rules let it; a refusal (or a lost connection) leaves it saved, and says so. */
  async function mergedOutcome(id: string, target: EarlierOrder): Promise<IntakeOutcome> {
    const merge = await mergeAfterIntake(id, target.id, t('intake.merge.reason')).catch(() => ({ merged: false, refusal: t('common.networkError') }));
    const saved = await savedOrder(id).catch(() => ({ caseNumber: null, status: merge.merged ? 'merged' : 'received' }));
    return { id, ...saved, target: { id: target.id, caseNumber: target.caseNumber, title: target.title }, ...merge };
  }

  function nextCall() {
    setOutcome(null);
    setMergeTarget(null);
    setForm(emptyForm(hotline));
    setErrors({});
    setNotice(null);
  }

  function showError(e: unknown) {
    if (!(e instanceof ApiError)) return setNotice(t('common.networkError'));
    const { byInput, unplaced } = errorsByInput(e.fieldErrors);
    setErrors(byInput);
    const unplacedText = unplaced.length ? `：${unplaced.join('；')}` : '';
    setNotice(e.code === 'validation_failed' ? `${t('intake.fixErrors')}${unplacedText}` : e.message);
    const first = Object.keys(byInput)[0];
    if (first) requestAnimationFrame(() => document.getElementById(first)?.focus());
  }

  function onKeyDown(event: KeyboardEvent<HTMLFormElement>) {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      formRef.current?.requestSubmit();
    }
  }

  const sectionProps = { form, set, errors };
  if (outcome) {
    return (
      <section className="page page-narrow">
        <div className="page-head"><h1>{t('intake.title')}</h1></div>
        <IntakeDone outcome={outcome} onNext={nextCall} />
      </section>
    );
  }
  return (
    <section className="page page-narrow">
      <div className="page-head">
        <h1>{t('intake.title')}</h1>
        <span className="muted">{t('intake.hint')}</span>
      </div>
      <form ref={formRef} className="card intake" data-testid="intake-form" noValidate
        onSubmit={submit} onKeyDown={onKeyDown} onChange={(e) => clearError((e.target as HTMLElement).id)}>
        <Notice kind="error" text={notice} testId="intake-error" />
        <CallerSection {...sectionProps} mergeTarget={mergeTarget} onMergeTarget={setMergeTarget} />
        <EmployerSection {...sectionProps} />
        <MatterSection {...sectionProps} />
        <MoreSection {...sectionProps} />
        {mergeTarget && <MergeTarget order={mergeTarget} onUndo={() => setMergeTarget(null)} />}
        <div className="form-actions">
          <button type="submit" className="primary" data-testid="intake-submit" disabled={saving}>
            {saving ? t('intake.saving') : t('intake.submit')}
          </button>
        </div>
      </form>
    </section>
  );
}
