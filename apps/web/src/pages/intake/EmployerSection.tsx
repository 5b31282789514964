import { Field } from '../../components/Field';
import { UnitSelect } from '../../components/Selects';
import { useI18n } from '../../i18n/I18nProvider';
import { useReference } from '../../reference/ReferenceProvider';
import type { SectionProps } from './sections';

/**
 * The employer complained about; its district is the administrative code (410105). Left blank for a
 * policy question or another call about no employer (the domain says which categories may).
 */
export function EmployerSection({ form, set, errors }: SectionProps) {
  const { t } = useI18n();
  const { units } = useReference();
  return (
    <fieldset className="form-section">
      <legend>{t('intake.section.employer')} <span className="muted legend-hint" data-testid="employer-optional">{t('intake.employerOptional')}</span></legend>
      <div className="form-grid cols-4">
        <Field id="intake-employer-name" label={t('field.employerName')} error={errors['intake-employer-name']} span={3}>
          <input id="intake-employer-name" value={form.employerName} autoComplete="off"
            onChange={(e) => set({ employerName: e.target.value })} />
        </Field>
        <Field id="intake-district" label={t('field.district')} error={errors['intake-district']}>
          <UnitSelect id="intake-district" units={units} kinds={['district']} optionValue={(unit) => unit.code}
            value={form.district} emptyLabel={t('common.select')} onChange={(district) => set({ district })} />
        </Field>
      </div>
    </fieldset>
  );
}
