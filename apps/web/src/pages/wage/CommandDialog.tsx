import { useState, type FormEvent, type KeyboardEvent } from 'react';
import { Dialog } from '../../components/Dialog';
import { CheckField, Field } from '../../components/Field';
import { Notice } from '../../components/Notice';
import { useI18n } from '../../i18n/I18nProvider';
import { defaultBody, problemsOf, type DialogField, type DialogSpec, type Values } from './command-dialogs';
import { useCommandRunner } from './useCommandRunner';

/**
 * One step of a wage case as a modal form: fields, a reason where one is needed, the server's
 * message next to the field it names. Ctrl+Enter submits; Esc closes.
 */
export function CommandDialog({ spec, version, onDone, onClose, onConflict }: {
  spec: DialogSpec;
  version: number;
  onDone(result: unknown): void;
  onClose(): void;
  onConflict(): void;
}) {
  const { t } = useI18n();
  const [values, setValues] = useState<Values>(() => ({ ...spec.initial }));
  const [problems, setProblems] = useState<Record<string, string>>({});
  const names = new Set(spec.fields.map((f) => f.name));
  const runner = useCommandRunner(onConflict);
  const errors = { ...runner.errors, ...problems };

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (runner.busy) return;
    const found = problemsOf(spec, values, { required: t('wage.required'), yuan: t('wage.yuanInvalid') });
    setProblems(found);
    if (Object.keys(found).length > 0) return;
    const body = (spec.toBody ?? ((v: Values) => defaultBody(spec, v)))(values);
    const result = await runner.run(spec.path, body, { version, placed: (field) => names.has(field) });
    if (result) onDone(result);
  }

  function onKeyDown(event: KeyboardEvent<HTMLFormElement>) {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      event.currentTarget.requestSubmit();
    }
  }

  const set = (name: string, value: string | boolean) => {
    setValues((current) => ({ ...current, [name]: value }));
    if (problems[name]) setProblems(({ [name]: _gone, ...rest }) => rest);
  };

  return (
    <Dialog title={t(spec.title)} testId={`dialog-${spec.id}`} onClose={onClose}>
      <form className="dialog-form" onSubmit={submit} onKeyDown={onKeyDown} noValidate>
        <Notice kind="error" text={runner.notice} testId="dialog-error" />
        {spec.intro && <p>{t(spec.intro)}</p>}
        {spec.fields.map((field, index) => (
          <DialogInput key={field.name} field={field} value={values[field.name]} error={errors[field.name]} autoFocus={index === 0} onChange={set} />
        ))}
        <div className="form-actions">
          <button type="submit" className={spec.danger ? 'danger' : 'primary'} data-testid="dialog-submit" disabled={runner.busy} autoFocus={spec.fields.length === 0}>
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

function DialogInput({ field, value, error, autoFocus, onChange }: {
  field: DialogField;
  value: string | boolean | undefined;
  error?: string;
  autoFocus: boolean;
  onChange(name: string, value: string | boolean): void;
}) {
  const { t, tOr } = useI18n();
  const id = `wage-field-${field.name}`;
  const text = typeof value === 'string' ? value : '';
  const common = { id, autoFocus, 'data-testid': id, 'aria-invalid': error ? true : undefined };
  if (field.kind === 'checkbox') {
    return <CheckField id={id} label={t(field.label)} checked={value === true} onChange={(checked) => onChange(field.name, checked)} />;
  }
  let control;
  if (field.kind === 'textarea') control = <textarea {...common} rows={3} value={text} onChange={(e) => onChange(field.name, e.target.value)} />;
  else if (field.kind === 'select') {
    control = (
      <select {...common} value={text} onChange={(e) => onChange(field.name, e.target.value)}>
        <option value="">{t('common.select')}</option>
        {field.options?.codes.map((code) => <option key={code} value={code}>{tOr(`${field.options!.labelPrefix}${code}`, code)}</option>)}
      </select>
    );
  } else {
    control = (
      <input {...common} type={field.kind === 'date' ? 'date' : 'text'} inputMode={field.kind === 'yuan' ? 'decimal' : undefined}
        autoComplete="off" value={text} onChange={(e) => onChange(field.name, e.target.value)} />
    );
  }
  return (
    <Field id={id} label={t(field.label)} error={error} hint={field.hint ? t(field.hint) : undefined}>
      {control}
    </Field>
  );
}
