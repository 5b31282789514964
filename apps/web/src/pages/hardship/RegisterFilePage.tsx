import { useMemo, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { Field, CheckField } from '../../components/Field';
import { Notice } from '../../components/Notice';
import { UnitSelect } from '../../components/Selects';
import { useI18n } from '../../i18n/I18nProvider';
import { useReference } from '../../reference/ReferenceProvider';
import { navigate } from '../../router';
import { readSession } from '../../session';
import '../../styles/hardship.css';
import { districtOf, subtreeOf } from '../wage/open/open-form';
import { useCommandRunner } from '../wage/useCommandRunner';
import { applicationProblems, emptyApplication, placeErrors, toApplicationBody, type ApplicationForm } from './application-form';
import { CodeChecks } from './CodeChecks';
import { CAUSES, SOURCE_KINDS } from './hardship-types';
import { MembersEditor } from './MembersEditor';

/** Fields shown next to an input; any other error goes to the notice above the form. */
const PLACED = /^(source\.kind|head\.\w+|district|unitId|causes(\.\d+)?|monthlyHouseholdIncome|members\.\d+\.\w+)$/;

/**
 * 建档申请, as a cadre fills it in after a home visit: the head of household, the members, where
 * they live, why they are in hardship and what the household earns. The file opens next, for the
 * home visit with consent, the public notice and the registration request.
 */
export function RegisterFilePage() {
  const { t, tOr } = useI18n();
  const { units } = useReference();
  const user = readSession()?.user;
  const own = useMemo(() => subtreeOf(user?.orgUnitId ?? '', units), [user?.orgUnitId, units]);
  const [form, setForm] = useState<ApplicationForm>(() => emptyApplication(user?.orgUnitId ?? '', districtOf(user?.orgUnitId ?? '', units)));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const formRef = useRef<HTMLFormElement>(null);
  const runner = useCommandRunner();
  const set = (patch: Partial<ApplicationForm>) => setForm((current) => ({ ...current, ...patch }));

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (runner.busy) return;
    const problems = applicationProblems(form, { yuan: t('hs.yuanInvalid'), age: t('hs.ageInvalid') });
    setErrors(problems);
    if (Object.keys(problems).length > 0) return;
    const { body, memberIndex } = toApplicationBody(form);
    let placed: Record<string, string> = {};
    const created = await runner.run<{ id: string }>('/api/hardship-files', body, {
      placed: (field) => PLACED.test(field),
      onRefused: (e) => (placed = placeErrors(e.fieldErrors, memberIndex)),
    });
    setErrors(placed);
    if (created) navigate({ name: 'hardship-file', id: created.id });
  }

  function onKeyDown(event: KeyboardEvent<HTMLFormElement>) {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      formRef.current?.requestSubmit();
    }
  }

  const input = (id: string, field: 'headName' | 'idNumber' | 'phone' | 'employer', error: string | undefined, span?: 2) => (
    <Field id={id} label={t(`hs.form.${field}`)} error={error} span={span}>
      <input id={id} autoComplete="off" className={field === 'idNumber' || field === 'phone' ? 'mono' : undefined}
        value={form[field]} onChange={(e) => set({ [field]: e.target.value })} />
    </Field>
  );
  const notice = runner.notice ?? (Object.keys(errors).length > 0 ? t('intake.fixErrors') : null);
  return (
    <section className="page page-narrow" data-testid="hs-register">
      <div className="page-head">
        <h1>{t('hs.register.title')}</h1>
        <span className="muted">{t('hs.register.hint')}</span>
      </div>
      <form ref={formRef} className="card intake" data-testid="hs-register-form" noValidate onSubmit={submit} onKeyDown={onKeyDown}>
        <Notice kind="error" text={notice} testId="hs-register-error" />
        <fieldset className="form-section">
          <legend>{t('hs.register.head')}</legend>
          <div className="form-grid cols-4">
            <Field id="hs-source" label={t('hs.f.source')} error={errors['source.kind']}>
              <select id="hs-source" autoFocus value={form.sourceKind} onChange={(e) => set({ sourceKind: e.target.value as ApplicationForm['sourceKind'] })}>
                {SOURCE_KINDS.map((kind) => <option key={kind} value={kind}>{tOr(`hs.source.${kind}`, kind)}</option>)}
              </select>
            </Field>
            {input('hs-head-name', 'headName', errors['head.name'])}
            {input('hs-head-id-number', 'idNumber', errors['head.idNumber'], 2)}
            {input('hs-head-phone', 'phone', errors['head.phone'])}
            {input('hs-head-employer', 'employer', errors['head.employer'], 2)}
            <CheckField id="hs-head-union-member" label={t('hs.f.unionMember')} checked={form.unionMember} onChange={(unionMember) => set({ unionMember })} />
          </div>
        </fieldset>
        <fieldset className="form-section">
          <legend>{t('hs.register.members')}</legend>
          <MembersEditor rows={form.members} errors={errors} onChange={(members) => set({ members })} />
        </fieldset>
        <fieldset className="form-section">
          <legend>{t('hs.register.hardship')}</legend>
          <div className="form-grid cols-4">
            <Field id="hs-district" label={t('hs.f.district')} error={errors.district}>
              <UnitSelect id="hs-district" units={units} kinds={['district']} optionValue={(unit) => unit.code} value={form.district}
                emptyLabel={t('common.select')} onChange={(district) => set({ district })} />
            </Field>
            <Field id="hs-unit" label={t('hs.f.unit')} error={errors.unitId}>
              <UnitSelect id="hs-unit" units={own} kinds={['province', 'city', 'district', 'township']} value={form.unitId} onChange={(unitId) => set({ unitId })} />
            </Field>
            <Field id="hs-income" label={t('hs.f.declaredIncome')} error={errors.monthlyHouseholdIncome} hint={t('hs.f.incomeHint')} span={2}>
              <input id="hs-income" inputMode="decimal" autoComplete="off" value={form.income} onChange={(e) => set({ income: e.target.value })} />
            </Field>
            <Field id="hs-causes" label={t('hs.f.causes')} error={errors.causes} span="full">
              <CodeChecks id="hs-causes" codes={CAUSES} labelPrefix="hs.cause." value={form.causes} onChange={(causes) => set({ causes: causes as ApplicationForm['causes'] })} />
            </Field>
          </div>
        </fieldset>
        <div className="form-actions">
          <button type="submit" className="primary" data-testid="hs-register-submit" disabled={runner.busy}>{t('hs.register.submit')}</button>
        </div>
      </form>
    </section>
  );
}
