import { Field } from '../../components/Field';
import { useI18n } from '../../i18n/I18nProvider';
import type { SectionProps } from './sections';

const INPUTS = ['intake-id-number', 'intake-credit-code', 'intake-address'];

/** Optional details, folded away so the fast path stays short; unfolded when one of them is wrong. */
export function MoreSection({ form, set, errors }: SectionProps) {
  const { t } = useI18n();
  const hasError = INPUTS.some((id) => errors[id]);
  return (
    <details className="form-section more" open={hasError || undefined}>
      <summary>{t('intake.section.more')}</summary>
      <div className="form-grid cols-4">
        <Field id="intake-id-number" label={t('field.idNumber')} error={errors['intake-id-number']}>
          <input id="intake-id-number" value={form.anonymous ? '' : form.idNumber} disabled={form.anonymous}
            autoComplete="off" onChange={(e) => set({ idNumber: e.target.value })} />
        </Field>
        <Field id="intake-credit-code" label={t('field.creditCode')} error={errors['intake-credit-code']}>
          <input id="intake-credit-code" value={form.creditCode} autoComplete="off"
            onChange={(e) => set({ creditCode: e.target.value })} />
        </Field>
        <Field id="intake-address" label={t('field.address')} error={errors['intake-address']} span={2}>
          <input id="intake-address" value={form.address} autoComplete="off"
            onChange={(e) => set({ address: e.target.value })} />
        </Field>
      </div>
    </details>
  );
}
