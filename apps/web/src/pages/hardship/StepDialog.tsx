import { useState, type FormEvent, type KeyboardEvent } from 'react';
import { Dialog } from '../../components/Dialog';
import { Notice } from '../../components/Notice';
import { useI18n } from '../../i18n/I18nProvider';
import { useCommandRunner } from '../wage/useCommandRunner';
import { StepInput } from './StepInput';
import { defaultBody, fieldOfError, problemsOf, type StepSpec, type Value, type Values } from './step-spec';

/**
 * One step of a hardship file as a modal form. It is sent with the file's version (`If-Match`) and an
 * `Idempotency-Key`; the API's field errors appear in Chinese next to their fields. Ctrl+Enter submits.
 */
export function StepDialog({ spec, version, onDone, onClose, onConflict }: {
  spec: StepSpec;
  version: number;
  onDone(): void;
  onClose(): void;
  onConflict(): void;
}) {
  const { t } = useI18n();
  const [values, setValues] = useState<Values>(() => ({ ...spec.initial }));
  const [problems, setProblems] = useState<Record<string, string>>({});
  const runner = useCommandRunner(onConflict);
  const errors: Record<string, string> = { ...problems };
  for (const [field, message] of Object.entries(runner.errors)) {
    const at = fieldOfError(spec, field);
    if (at) errors[at] ??= message;
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (runner.busy) return;
    const found = problemsOf(spec, values, { required: t('hs.required'), pick: t('hs.pickOne'), yuan: t('hs.yuanInvalid') });
    setProblems(found);
    if (Object.keys(found).length > 0) return;
    const body = (spec.toBody ?? ((v: Values) => defaultBody(spec, v)))(values);
    const result = await runner.run(spec.path, body, { version, placed: (field) => fieldOfError(spec, field) !== null });
    if (result) onDone();
  }

  function onKeyDown(event: KeyboardEvent<HTMLFormElement>) {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      event.currentTarget.requestSubmit();
    }
  }

  const set = (name: string, value: Value) => {
    setValues((current) => ({ ...current, [name]: value }));
    if (problems[name]) setProblems(({ [name]: _gone, ...rest }) => rest);
  };

  return (
    <Dialog title={t(spec.title)} testId={`dialog-${spec.id}`} onClose={onClose}>
      <form className="dialog-form" onSubmit={submit} onKeyDown={onKeyDown} noValidate>
        <Notice kind="error" text={runner.notice} testId="dialog-error" />
        {spec.intro && <p data-testid="dialog-intro">{t(spec.intro, spec.introParams)}</p>}
        {spec.fields.map((field, index) => (
          <StepInput key={field.name} field={field} prefix={spec.fieldPrefix} value={values[field.name]} error={errors[field.name]} autoFocus={index === 0} onChange={set} />
        ))}
        <div className="form-actions">
          <button type="submit" className={spec.danger ? 'danger' : 'primary'} data-testid="dialog-submit" disabled={runner.busy}>
            {t(spec.submit)}
          </button>
          <button type="button" className="secondary" data-testid="dialog-cancel" onClick={onClose}>
            {t('common.cancel')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
