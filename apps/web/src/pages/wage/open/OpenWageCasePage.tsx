import { useMemo, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { Field } from '../../../components/Field';
import { Notice } from '../../../components/Notice';
import { UnitSelect } from '../../../components/Selects';
import { useI18n } from '../../../i18n/I18nProvider';
import { useReference } from '../../../reference/ReferenceProvider';
import { navigate } from '../../../router';
import { readSession } from '../../../session';
import { useCommandRunner } from '../useCommandRunner';
import { SOURCE_KINDS } from '../wage-types';
import { ChainEditor } from './ChainEditor';
import { emptyOpenForm, formErrors, subtreeOf, toOpenBody, type OpenForm } from './open-form';

/** The fields this form shows an error next to; any other goes to the notice. */
const PLACED = new Set(['source.kind', 'source.complaintId', 'source.referredBy', 'respondent.name', 'respondent.district', 'respondent.creditCode', 'respondent.chain', 'summary', 'unitId']);

/**
 * 欠薪案件立案: who owes the wages (an employer, or a construction project with its chain), where,
 * how the case came in, and which unit handles it. Ctrl+Enter saves; the case opens next.
 */
export function OpenWageCasePage() {
  const { t, tOr } = useI18n();
  const { units } = useReference();
  const user = readSession()?.user;
  const own = useMemo(() => subtreeOf(user?.orgUnitId ?? '', units), [user?.orgUnitId, units]);
  const [form, setForm] = useState<OpenForm>(() => emptyOpenForm(user?.orgUnitId ?? '', units));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const formRef = useRef<HTMLFormElement>(null);
  const runner = useCommandRunner();
  const set = (patch: Partial<OpenForm>) => setForm((current) => ({ ...current, ...patch }));
  const err = (field: string) => errors[field];

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (runner.busy) return;
    const { body, chainIndex } = toOpenBody(form);
    let placed: Record<string, string> = {};
    const created = await runner.run<{ id: string }>('/api/wage-cases', body, {
      placed: (field) => PLACED.has(field) || field.startsWith('respondent.chain.'),
      onRefused: (e) => (placed = formErrors(e.fieldErrors, chainIndex)),
    });
    setErrors(placed);
    if (created) navigate({ name: 'wage-case', id: created.id });
  }

  function onKeyDown(event: KeyboardEvent<HTMLFormElement>) {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      formRef.current?.requestSubmit();
    }
  }

  const project = form.respondentKind === 'project';
  const notice = runner.notice ?? (Object.keys(errors).length > 0 ? t('intake.fixErrors') : null);
  return (
    <section className="page page-narrow" data-testid="wage-open">
      <div className="page-head">
        <h1>{t('wage.open.title')}</h1>
        <span className="muted">{t('wage.open.hint')}</span>
      </div>
      <form ref={formRef} className="card intake" data-testid="wage-open-form" noValidate onSubmit={submit} onKeyDown={onKeyDown}>
        <Notice kind="error" text={notice} testId="wage-open-error" />
        <fieldset className="form-section">
          <legend>{t('wage.open.source')}</legend>
          <div className="form-grid cols-4">
            <Field id="open-source" label={t('wage.f.source')} error={err('source.kind')}>
              <select id="open-source" autoFocus value={form.sourceKind} onChange={(e) => set({ sourceKind: e.target.value as OpenForm['sourceKind'] })}>
                {SOURCE_KINDS.map((kind) => <option key={kind} value={kind}>{tOr(`wage.source.${kind}`, kind)}</option>)}
              </select>
            </Field>
            {form.sourceKind === 'complaint' && (
              <Field id="open-complaint" label={t('wage.f.complaintId')} error={err('source.complaintId')} span={3}>
                <input id="open-complaint" className="mono" autoComplete="off" value={form.complaintId} onChange={(e) => set({ complaintId: e.target.value })} />
              </Field>
            )}
            {form.sourceKind === 'referral' && (
              <Field id="open-referred-by" label={t('wage.f.referredBy')} error={err('source.referredBy')} span={3}>
                <input id="open-referred-by" autoComplete="off" value={form.referredBy} onChange={(e) => set({ referredBy: e.target.value })} />
              </Field>
            )}
          </div>
        </fieldset>
        <fieldset className="form-section">
          <legend>{t('wage.open.respondent')}</legend>
          <div className="segmented" role="radiogroup" aria-label={t('wage.f.respondentKind')}>
            {(['employer', 'project'] as const).map((kind) => (
              <button key={kind} type="button" role="radio" aria-checked={form.respondentKind === kind} data-testid={`respondent-${kind}`}
                className={form.respondentKind === kind ? 'primary' : 'secondary'} onClick={() => set({ respondentKind: kind })}>
                {t(`wage.respondentKind.${kind}`)}
              </button>
            ))}
          </div>
          <div className="form-grid cols-4">
            <Field id="open-name" label={t(project ? 'wage.f.projectName' : 'wage.f.employerName')} error={err('respondent.name')} span={project ? 3 : 2}>
              <input id="open-name" autoComplete="off" value={form.name} onChange={(e) => set({ name: e.target.value })} />
            </Field>
            <Field id="open-district" label={t('wage.f.district')} error={err('respondent.district')}>
              <UnitSelect id="open-district" units={units} kinds={['district']} optionValue={(unit) => unit.code} value={form.district}
                emptyLabel={t('common.select')} onChange={(district) => set({ district })} />
            </Field>
            {!project && (
              <Field id="open-credit-code" label={t('wage.f.creditCode')} error={err('respondent.creditCode')}>
                <input id="open-credit-code" className="mono" autoComplete="off" value={form.creditCode} onChange={(e) => set({ creditCode: e.target.value })} />
              </Field>
            )}
          </div>
          {project && (
            <div className="chain-section">
              <div className="field-head"><label>{t('wage.f.chain')}</label><span className="muted">{t('wage.chain.hint')}</span></div>
              <ChainEditor rows={form.chain} errors={{ ...errors, chain: errors['respondent.chain'] }} onChange={(chain) => set({ chain })} />
            </div>
          )}
        </fieldset>
        <fieldset className="form-section">
          <legend>{t('wage.open.matter')}</legend>
          <div className="form-grid cols-4">
            <Field id="open-summary" label={t('wage.f.summary')} error={err('summary')} span="full">
              <textarea id="open-summary" rows={4} value={form.summary} placeholder={t('wage.open.summaryPlaceholder')} onChange={(e) => set({ summary: e.target.value })} />
            </Field>
            <Field id="open-unit" label={t('wage.f.unit')} error={err('unitId')} span={2}>
              <UnitSelect id="open-unit" units={own} kinds={['province', 'city', 'district', 'township']} value={form.unitId} onChange={(unitId) => set({ unitId })} />
            </Field>
          </div>
        </fieldset>
        <div className="form-actions">
          <button type="submit" className="primary" data-testid="wage-open-submit" disabled={runner.busy}>{t('wage.open.submit')}</button>
        </div>
      </form>
    </section>
  );
}
