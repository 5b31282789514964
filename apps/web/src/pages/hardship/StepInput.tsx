import { Field } from '../../components/Field';
import { ListInput } from '../../components/ListInput';
import { UnitSelect } from '../../components/Selects';
import { UserPicker } from '../../components/UserPicker';
import { useI18n } from '../../i18n/I18nProvider';
import { useReference } from '../../reference/ReferenceProvider';
import { readSession } from '../../session';
import { subtreeOf } from '../wage/open/open-form';
import { CodeChecks } from './CodeChecks';
import type { StepField, Value } from './step-spec';

/** One field of a step's form, with its label, hint and the error under it (`hs-field-<name>`, or the spec's own prefix). */
export function StepInput({ field, value, error, autoFocus, onChange, prefix = 'hs-field-' }: {
  field: StepField;
  prefix?: string;
  value: Value | undefined;
  error?: string;
  autoFocus: boolean;
  onChange(name: string, value: Value): void;
}) {
  const { t, tOr } = useI18n();
  const { units } = useReference();
  const id = `${prefix}${field.name}`;
  const text = typeof value === 'string' ? value : '';
  const set = (next: Value) => onChange(field.name, next);
  const common = { id, autoFocus, 'data-testid': id, 'aria-invalid': error ? true : undefined };
  const hint = field.hint ? t(field.hint) : undefined;

  if (field.kind === 'checkbox') {
    return (
      <div className={error ? 'field field-invalid' : 'field'}>
        <span className="check-inline">
          <input {...common} type="checkbox" checked={value === true} onChange={(e) => set(e.target.checked)} />
          <label htmlFor={id}>{t(field.label)}</label>
        </span>
        {hint && !error && <div className="field-hint">{hint}</div>}
        {error && <div className="field-error" data-testid={`error-${id}`} role="alert">{error}</div>}
      </div>
    );
  }
  let control;
  switch (field.kind) {
    case 'textarea':
      control = <textarea {...common} rows={3} value={text} onChange={(e) => set(e.target.value)} />;
      break;
    case 'select':
      control = (
        <select {...common} value={text} onChange={(e) => set(e.target.value)}>
          <option value="">{t('common.select')}</option>
          {field.options?.codes.map((code) => <option key={code} value={code}>{field.options!.labels?.[code] ?? tOr(`${field.options!.labelPrefix}${code}`, code)}</option>)}
        </select>
      );
      break;
    case 'unit': // a unit of the user's own subtree, in a district: the API refuses any other
      control = (
        <UnitSelect {...common} units={subtreeOf(readSession()?.user.orgUnitId ?? '', units)} kinds={['district', 'township']} value={text}
          emptyLabel={t('common.select')} onChange={set} />
      );
      break;
    case 'checks':
      control = (
        <CodeChecks id={id} codes={field.options?.codes ?? []} labelPrefix={field.options?.labelPrefix ?? ''} labels={field.options?.labels} autoFocus={autoFocus}
          value={Array.isArray(value) ? value : []} onChange={set} />
      );
      break;
    case 'user': // a colleague by name, among those the API lets the user choose
      control = <UserPicker id={id} value={text} scope={field.picker ?? {}} autoFocus={autoFocus} invalid={!!error} onChange={set} />;
      break;
    case 'list':
      control = <ListInput id={id} value={Array.isArray(value) ? value : []} autoFocus={autoFocus} invalid={!!error} onChange={set} />;
      break;
    default:
      control = (
        <input {...common} type={field.kind === 'date' || field.kind === 'month' || field.kind === 'time' ? field.kind : 'text'} inputMode={field.kind === 'yuan' ? 'decimal' : undefined}
          autoComplete="off" value={text} onChange={(e) => set(e.target.value)} />
      );
  }
  return (
    <Field id={id} label={t(field.label)} error={error} hint={hint}>
      {control}
    </Field>
  );
}
