import { CheckField, Field } from '../../components/Field';
import { RefSelect } from '../../components/Selects';
import { useI18n } from '../../i18n/I18nProvider';
import { findItem, useReference } from '../../reference/ReferenceProvider';
import { suggestsUrgent } from './intake-form';
import type { SectionProps } from './sections';

/** What the caller wants: category → subcategory, type, urgency, and the summary in their words. */
export function MatterSection({ form, set, errors }: SectionProps) {
  const { t } = useI18n();
  const { hotline } = useReference();
  const subcategories = findItem(hotline.categories, form.category)?.children ?? [];
  const safetyRisk = (
    <CheckField id="intake-safety-risk" inline label={t('field.safetyRisk')} checked={form.safetyRisk}
      onChange={(value) => set({ safetyRisk: value })} />
  );
  return (
    <fieldset className="form-section">
      <legend>{t('intake.section.matter')}</legend>
      <div className="form-grid cols-4">
        <Field id="intake-category" label={t('field.category')} error={errors['intake-category']}>
          <RefSelect id="intake-category" items={hotline.categories} value={form.category}
            emptyLabel={t('common.select')} onChange={(category) => set({ category })} />
        </Field>
        <Field id="intake-subcategory" label={t('field.subcategory')} error={errors['intake-subcategory']}>
          <RefSelect id="intake-subcategory" items={subcategories} value={form.subcategory}
            disabled={subcategories.length === 0} emptyLabel={t('common.select')}
            onChange={(subcategory) => set({ subcategory })} />
        </Field>
        <Field id="intake-type" label={t('field.type')} error={errors['intake-type']}>
          <RefSelect id="intake-type" items={hotline.types} value={form.type} emptyLabel={t('common.select')}
            onChange={(type) => set({ type })} />
        </Field>
        <Field id="intake-urgency" label={t('field.urgency')} aside={safetyRisk}
          error={errors['intake-urgency'] ?? errors['intake-safety-risk']}
          hint={suggestsUrgent(form) ? t('intake.urgentSuggested') : undefined}>
          <RefSelect id="intake-urgency" data-testid="intake-urgency" items={hotline.urgencies} value={form.urgency}
            onChange={(urgency) => set({ urgency })} />
        </Field>
        <Field id="intake-summary" label={t('field.summary')} error={errors['intake-summary']} span="full">
          <textarea id="intake-summary" rows={5} value={form.summary} onChange={(e) => set({ summary: e.target.value })} />
        </Field>
      </div>
    </fieldset>
  );
}
