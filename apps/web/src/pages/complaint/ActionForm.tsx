import { useState, type FormEvent, type KeyboardEvent } from 'react';
import { api, ApiError } from '../../api';
import type { ComplaintState } from '../../api-types';
import { Notice } from '../../components/Notice';
import { useI18n } from '../../i18n/I18nProvider';
import { useReference } from '../../reference/ReferenceProvider';
import { useIdempotencyKey } from '../../useIdempotencyKey';
import { ACTIONS, missingFields, toBody, type Values } from './action-specs';
import { ActionField } from './ActionField';

interface ActionFormProps {
  action: string;
  complaint: ComplaintState;
  onDone(version: number): void;
  onConflict(): void;
  onCancel(): void;
  /** The action's name here, when the state gives it another (an assignment that is a 下派). */
  label?: string;
}

/** The small form of one action. Sends the version the user saw, so a stale page cannot overwrite. */
export function ActionForm({ action, complaint, onDone, onConflict, onCancel, label }: ActionFormProps) {
  const { t, tOr } = useI18n();
  const { hotline } = useReference();
  const spec = ACTIONS[action] ?? { fields: [] };
  const [values, setValues] = useState<Values>(() => spec.initial?.(complaint, hotline) ?? {});
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [notice, setNotice] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const idempotency = useIdempotencyKey();
  const actionLabel = label ?? tOr(`action.${action}`, action);

  const change = (name: string, value: string | boolean) =>
    setValues((current) => ({ ...current, [name]: value, ...(name === 'category' ? { subcategory: '' } : {}) }));

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    // A required choice is made in the form before anything is sent (办结结果 among them).
    const missing = missingFields(spec, values, (key) => t(key));
    if (Object.keys(missing).length > 0) {
      setErrors(missing);
      requestAnimationFrame(() => document.getElementById(`action-field-${Object.keys(missing)[0]}`)?.focus());
      return;
    }
    setBusy(true);
    setNotice(null);
    try {
      const path = `/api/complaints/${encodeURIComponent(complaint.id)}/${spec.path ?? action}`;
      const result = await api.command(path, toBody(spec, values), idempotency.current(), complaint.version);
      idempotency.settle('ok');
      onDone(result.version);
    } catch (e) {
      idempotency.settle(e);
      if (!(e instanceof ApiError)) setNotice(t('common.networkError'));
      else if (e.status === 409) onConflict();
      else {
        setErrors(Object.fromEntries(Object.entries(e.fieldErrors).map(([field, message]) => [field.split('.')[0], message])));
        const placed = e.body.errors?.every((err) => spec.fields.some((f) => f.name === err.field.split('.')[0]));
        setNotice(e.code === 'validation_failed' && placed ? null : e.message);
      }
    } finally {
      setBusy(false);
    }
  }

  function onKeyDown(event: KeyboardEvent<HTMLFormElement>) {
    if (event.key === 'Escape') onCancel();
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      event.currentTarget.requestSubmit();
    }
  }

  const visible = spec.fields.filter((field) => !field.showIf || field.showIf(values));
  return (
    <form className="card action-form" data-testid={`action-form-${action}`} onSubmit={submit} onKeyDown={onKeyDown} noValidate>
      <h2>{actionLabel}</h2>
      <Notice kind="error" text={notice} testId="action-error" />
      {visible.length === 0 && <p>{t('action.confirm', { action: actionLabel })}</p>}
      <div className="form-grid">
        {visible.map((field, index) => (
          <ActionField key={field.name} spec={field} values={values} error={errors[field.name]}
            autoFocus={index === 0} onChange={(name, value) => { change(name, value); setErrors(({ [name]: _, ...rest }) => rest); }}
            complaint={complaint} />
        ))}
      </div>
      <div className="form-actions">
        <button type="submit" className="primary" data-testid="action-submit" disabled={busy} autoFocus={visible.length === 0}>
          {actionLabel}
        </button>
        <button type="button" className="secondary" data-testid="action-cancel" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}
