import { useMemo, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { Field } from '../../components/Field';
import { Notice } from '../../components/Notice';
import { shanghaiToday } from '../../format';
import { useI18n } from '../../i18n/I18nProvider';
import { useReference } from '../../reference/ReferenceProvider';
import { navigate } from '../../router';
import { readSession } from '../../session';
import '../../styles/mediation.css';
import { useCommandRunner } from '../wage/useCommandRunner';
import { DISPUTE_CAUSES, PROCEDURES, REFERRAL_TYPES } from './mediation-types';
import { emptyReferral, referralProblems, toReferralBody, type ReferralForm } from './referral-form';
import { ApplicantsEditor, ClaimsEditor } from './ReferralRows';
import { roomsWithin } from './rooms';

/** Fields shown next to an input; any other error goes to the notice above the form. */
const PLACED = /^(source\.(court|caseNumber|referralType|procedure)|cause|roomId|referredOn|applicants\.\d+\.\w+|respondent\.\w+|claims\.\d+\.\w+|summary)$/;

/**
 * 法院委派/委托登记, as the room's clerk types it from the court's letter: the court, 案号, 委派 or 委托
 * (with the procedure, which sets the period), 案由, the workers applying, the employer, the claims and the
 * dispute. The case opens next, to be accepted. Ctrl+Enter submits.
 */
export function ReferralPage() {
  const { t, tOr } = useI18n();
  const { units } = useReference();
  const user = readSession()?.user;
  const rooms = useMemo(() => roomsWithin(user?.orgUnitId ?? '', units), [user?.orgUnitId, units]);
  const [form, setForm] = useState<ReferralForm>(() => emptyReferral('', shanghaiToday()));
  const [problems, setProblems] = useState<Record<string, string>>({});
  const formRef = useRef<HTMLFormElement>(null);
  const runner = useCommandRunner();
  const roomId = form.roomId || rooms[0]?.id || '';
  const errors = { ...runner.errors, ...problems };
  const set = (patch: Partial<ReferralForm>) => setForm((current) => ({ ...current, ...patch }));
  const setRespondent = (patch: Partial<ReferralForm['respondent']>) => setForm((current) => ({ ...current, respondent: { ...current.respondent, ...patch } }));

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (runner.busy) return;
    const found = referralProblems(form, { yuan: t('hs.yuanInvalid'), cause: t('med.cause.required') });
    setProblems(found);
    if (Object.keys(found).length > 0) return;
    const created = await runner.run<{ id: string }>('/api/mediation-cases', toReferralBody({ ...form, roomId }), { placed: (field) => PLACED.test(field) });
    if (created) navigate({ name: 'mediation-case', id: created.id });
  }

  function onKeyDown(event: KeyboardEvent<HTMLFormElement>) {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      formRef.current?.requestSubmit();
    }
  }

  const respondentInput = (name: keyof ReferralForm['respondent'], label: Parameters<typeof t>[0], span?: 2) => (
    <Field id={`ref-respondent-${name}`} label={t(label)} error={errors[`respondent.${name}`]} span={span}>
      <input id={`ref-respondent-${name}`} data-testid={`ref-respondent-${name}`} autoComplete="off" className={name === 'creditCode' || name === 'phone' ? 'mono' : undefined}
        value={form.respondent[name]} onChange={(e) => setRespondent({ [name]: e.target.value })} />
    </Field>
  );
  const notice = runner.notice ?? (Object.keys(errors).length > 0 ? t('intake.fixErrors') : null);
  return (
    <section className="page page-narrow" data-testid="med-referral">
      <div className="page-head">
        <h1>{t('med.referral.title')}</h1>
        <span className="muted">{t('med.referral.hint')}</span>
      </div>
      <form ref={formRef} className="card intake" data-testid="ref-form" noValidate onSubmit={submit} onKeyDown={onKeyDown}>
        <Notice kind="error" text={notice} testId="ref-error" />
        <fieldset className="form-section">
          <legend>{t('med.referral.court')}</legend>
          <div className="form-grid cols-4">
            <Field id="ref-court" label={t('med.f.court')} error={errors['source.court']} span={2}>
              <input id="ref-court" data-testid="ref-court" autoFocus autoComplete="off" placeholder={t('med.f.courtExample')} value={form.court} onChange={(e) => set({ court: e.target.value })} />
            </Field>
            <Field id="ref-case-number" label={t('med.f.caseNumber')} error={errors['source.caseNumber']} span={2}>
              <input id="ref-case-number" data-testid="ref-case-number" autoComplete="off" placeholder="(2026)豫0105民诉前调1234号" value={form.caseNumber}
                onChange={(e) => set({ caseNumber: e.target.value })} />
            </Field>
            <Field id="ref-type" label={t('med.f.referralType')} error={errors['source.referralType']}>
              <select id="ref-type" data-testid="ref-type" value={form.referralType} onChange={(e) => set({ referralType: e.target.value as ReferralForm['referralType'] })}>
                {REFERRAL_TYPES.map((type) => <option key={type} value={type}>{tOr(`med.referral.${type}`, type)}</option>)}
              </select>
            </Field>
            {form.referralType === 'entrusted' && (
              <Field id="ref-procedure" label={t('med.f.procedure')} error={errors['source.procedure']} hint={t('med.f.procedureHint')}>
                <select id="ref-procedure" data-testid="ref-procedure" value={form.procedure} onChange={(e) => set({ procedure: e.target.value as ReferralForm['procedure'] })}>
                  <option value="">{t('common.select')}</option>
                  {PROCEDURES.map((p) => <option key={p} value={p}>{tOr(`med.procedure.${p}`, p)}</option>)}
                </select>
              </Field>
            )}
            <Field id="ref-cause" label={t('med.f.cause')} error={errors.cause} hint={t('med.f.causeHint')}>
              <select id="ref-cause" data-testid="ref-cause" value={form.cause} aria-invalid={errors.cause ? true : undefined}
                onChange={(e) => set({ cause: e.target.value as ReferralForm['cause'] })}>
                <option value="">{t('common.select')}</option>
                {DISPUTE_CAUSES.map((cause) => <option key={cause} value={cause}>{t(`med.cause.${cause}`)}</option>)}
              </select>
            </Field>
            <Field id="ref-referred-on" label={t('med.f.referredOn')} error={errors.referredOn}>
              <input id="ref-referred-on" data-testid="ref-referred-on" type="date" value={form.referredOn} onChange={(e) => set({ referredOn: e.target.value })} />
            </Field>
            <Field id="ref-room" label={t('med.f.room')} error={errors.roomId}>
              <select id="ref-room" data-testid="ref-room" value={roomId} onChange={(e) => set({ roomId: e.target.value })}>
                {rooms.map((r) => <option key={r.id} value={r.id}>{r.name}</option>)}
              </select>
            </Field>
          </div>
        </fieldset>
        <fieldset className="form-section">
          <legend>{t('med.referral.applicants')}</legend>
          <ApplicantsEditor form={form} errors={errors} onChange={setForm} />
        </fieldset>
        <fieldset className="form-section">
          <legend>{t('med.referral.respondent')}</legend>
          <div className="form-grid cols-4">
            {respondentInput('name', 'med.f.respondentName', 2)}
            {respondentInput('creditCode', 'med.f.creditCode')}
            {respondentInput('representative', 'med.f.representative')}
            {respondentInput('phone', 'med.f.phone')}
            {respondentInput('address', 'med.f.address', 2)}
          </div>
        </fieldset>
        <fieldset className="form-section">
          <legend>{t('med.referral.claims')}</legend>
          <ClaimsEditor form={form} errors={errors} onChange={setForm} />
          <Field id="ref-summary" label={t('med.f.summary')} error={errors.summary}>
            <textarea id="ref-summary" data-testid="ref-summary" rows={3} value={form.summary} onChange={(e) => set({ summary: e.target.value })} />
          </Field>
        </fieldset>
        <div className="form-actions">
          <button type="submit" className="primary" data-testid="ref-submit" disabled={runner.busy || !roomId}>{t('med.referral.submit')}</button>
        </div>
      </form>
    </section>
  );
}
