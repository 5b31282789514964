import { CheckField, Field } from '../../components/Field';
import { RefSelect } from '../../components/Selects';
import { useI18n } from '../../i18n/I18nProvider';
import { useReference } from '../../reference/ReferenceProvider';
import { EarlierOrders } from './EarlierOrders';
import type { EarlierOrder } from './earlier-orders';
import type { SectionProps } from './sections';

/**
 * The call itself: channel, who is calling, how many workers. The first field has the focus; the
 * "anonymous" box comes before the name in Tab order, and ticking it takes the name out of it (an
 * anonymous caller may still leave a phone number for the call back). Once a complete phone or ID
 * number is typed, the caller's earlier orders show under it (来电弹屏), each open one with 并入此单.
 */
export function CallerSection({ form, set, errors, mergeTarget, onMergeTarget }: SectionProps & { mergeTarget: EarlierOrder | null; onMergeTarget: (order: EarlierOrder | null) => void }) {
  const { t } = useI18n();
  const { hotline } = useReference();
  const anonymous = (
    <CheckField id="intake-anonymous" inline label={t('field.anonymous')} checked={form.anonymous}
      onChange={(value) => set({ anonymous: value })} />
  );
  return (
    <fieldset className="form-section">
      <legend>{t('intake.section.caller')}</legend>
      <div className="form-grid cols-4">
        <Field id="intake-channel" label={t('field.channel')} error={errors['intake-channel']}>
          <RefSelect id="intake-channel" autoFocus items={hotline.channels} value={form.channel}
            onChange={(channel) => set({ channel })} />
        </Field>
        <Field id="intake-caller-name" label={t('field.callerName')} aside={anonymous}
          error={errors['intake-caller-name'] ?? errors['intake-anonymous']}>
          <input id="intake-caller-name" value={form.anonymous ? '' : form.callerName} disabled={form.anonymous}
            autoComplete="off" onChange={(e) => set({ callerName: e.target.value })} />
        </Field>
        <Field id="intake-caller-phone" label={t('field.callerPhone')} error={errors['intake-caller-phone']}>
          <input id="intake-caller-phone" type="tel" inputMode="tel" value={form.callerPhone} autoComplete="off" onChange={(e) => set({ callerPhone: e.target.value })} />
        </Field>
        <Field id="intake-workers" label={t('field.workersAffected')} error={errors['intake-workers']}>
          <input id="intake-workers" type="number" min={1} step={1} inputMode="numeric" value={form.workersAffected}
            onChange={(e) => set({ workersAffected: e.target.value })} />
        </Field>
      </div>
      <EarlierOrders phone={form.callerPhone} idNumber={form.anonymous ? '' : form.idNumber} mergeTarget={mergeTarget} onMergeTarget={onMergeTarget} />
    </fieldset>
  );
}
