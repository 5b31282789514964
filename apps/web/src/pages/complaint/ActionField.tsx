import { CasePicker, type PickableCase } from '../../components/CasePicker';
import { CheckField, Field } from '../../components/Field';
import { RefSelect, UnitSelect } from '../../components/Selects';
import { CONTACT_METHODS } from '../../complaint-codes';
import { useI18n } from '../../i18n/I18nProvider';
import { findItem, useReference } from '../../reference/ReferenceProvider';
import type { ComplaintState, RefItem } from '../../api-types';
import { readSession } from '../../session';
import { assignableUnits, isHandDown } from './hotline-flow';
import type { FieldSpec, Values } from './action-specs';

interface ActionFieldProps {
  spec: FieldSpec;
  values: Values;
  error?: string;
  autoFocus?: boolean;
  onChange(name: string, value: string | boolean): void;
  /** The order the form acts on: a hand-down offers only the units below the user's. */
  complaint?: ComplaintState;
}

/** One input of an action form, chosen by the field's kind. */
export function ActionField({ spec, values, error, autoFocus, onChange, complaint }: ActionFieldProps) {
  const { t, tOr } = useI18n();
  const { hotline, units } = useReference();
  const id = `action-field-${spec.name}`;
  const value = values[spec.name];
  const text = typeof value === 'string' ? value : '';
  const set = (next: string | boolean) => onChange(spec.name, next);
  const common = { id, autoFocus, 'data-testid': id, 'aria-invalid': error ? true : undefined };

  if (spec.kind === 'checkbox') {
    return <CheckField id={id} label={t(spec.label)} checked={value === true} onChange={set} />;
  }

  const select = (items: RefItem[]) => (
    <RefSelect {...common} items={items} value={text} onChange={set}
      emptyLabel={t('common.select')} disabled={items.length === 0} />
  );

  let control;
  switch (spec.kind) {
    case 'text':
      control = <input {...common} value={text} onChange={(e) => set(e.target.value)} autoComplete="off" />;
      break;
    case 'textarea':
      control = <textarea {...common} rows={3} value={text} onChange={(e) => set(e.target.value)} />;
      break;
    case 'number':
      control = <input {...common} type="number" min={spec.min} max={spec.max} value={text} onChange={(e) => set(e.target.value)} />;
      break;
    case 'ref':
      control = select(hotline[spec.list] as RefItem[]);
      break;
    case 'subcategory':
      control = select(findItem(hotline.categories, values.category as string)?.children ?? []);
      break;
    case 'contactMethod':
      control = select(
        hotline.contactMethods ?? CONTACT_METHODS.map((code) => ({ code, label: tOr(`method.${code}`, code), labelEn: '' })),
      );
      break;
    case 'case':
      control = <RepeatCasePicker id={id} kind={spec.caseKind} value={text} complaint={complaint} onChange={set} />;
      break;
    case 'unit':
      control = <UnitSelect {...common} units={assignableUnits(units, readSession()?.user.orgUnitId, !!complaint && isHandDown(complaint))}
        value={text} onChange={set} emptyLabel={t('common.select')} />;
      break;
  }
  return (
    <Field id={id} label={t(spec.label)} error={error} span={spec.kind === 'textarea' || spec.kind === 'case' ? 'full' : undefined}>
      {control}
    </Field>
  );
}

/** The earlier orders this one repeats (as the repeat-call check found them, with their numbers), offered first. */
function RepeatCasePicker({ id, kind, value, complaint, onChange }: { id: string; kind: string; value: string; complaint?: ComplaintState; onChange(caseId: string): void }) {
  const candidates = (complaint?.repeatOfCases as PickableCase[] | undefined) ?? [];
  return <CasePicker id={id} kind={kind} value={value} candidates={candidates} exclude={complaint?.id} onChange={onChange} />;
}
