import { useState } from 'react';
import { api, ApiError, messageOf, query } from '../../../api';
import { Field } from '../../../components/Field';
import { Notice } from '../../../components/Notice';
import { shanghaiToday } from '../../../format';
import { useI18n } from '../../../i18n/I18nProvider';
import { useReference } from '../../../reference/ReferenceProvider';
import { readSession } from '../../../session';
import { useIdempotencyKey } from '../../../useIdempotencyKey';
import { subtreeOf } from '../../wage/open/open-form';
import '../../../styles/hardship.css';
import './campaign.css';
import { campaignFields, parsePastedNumbers, rowsFromRefusal, type CampaignForm, type ReportRow } from './campaign-form';
import { CampaignReport } from './CampaignReport';

const AID_TYPES = ['festival', 'school', 'living', 'medical', 'critical_illness', 'summer_cooling', 'job_placement', 'training', 'legal'];
const LEVELS = ['deep', 'relative', 'accident'];

/**
 * 送温暖 / 批量发放: one delivery (type, date, amount, funding) for many families at once. The files are
 * chosen by unit and level (active files), or pasted as file numbers (档案编号, a column of Excel); 检查
 * shows row by row who would get it and who not and why — for pasted numbers also each file's number,
 * head, title and status, and the numbers that named no file; 确认发放 records it in all of them, or —
 * any file refused or number not found — in none.
 */
export function CampaignPage() {
  const { t, tOr } = useI18n();
  const { units, unitName } = useReference();
  const ownUnit = readSession()?.user.orgUnitId ?? '';
  const [form, setForm] = useState<CampaignForm>({ type: 'festival', deliveredOn: shanghaiToday(), amount: '', inKind: '', fundingSource: '' });
  const [by, setBy] = useState<'filter' | 'paste'>('filter');
  const [filter, setFilter] = useState({ unitId: ownUnit, level: '' });
  const [pasted, setPasted] = useState('');
  const [chosen, setChosen] = useState<string[] | null>(null);
  const [report, setReport] = useState<{ rows: ReportRow[]; delivered: boolean; checked: string } | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [notice, setNotice] = useState<{ kind: 'error' | 'info'; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const idempotency = useIdempotencyKey();

  const paste = parsePastedNumbers(pasted);
  const fileIds = chosen ?? [];
  const count = by === 'paste' ? paste.numbers.length : fileIds.length;
  const { body, amountBad } = campaignFields(form);
  const request = by === 'paste' ? { ...body, caseNumbers: paste.numbers } : { ...body, fileIds };
  const fingerprint = JSON.stringify(request);
  const set = (patch: Partial<CampaignForm>) => setForm((current) => ({ ...current, ...patch }));

  async function findFiles() {
    setNotice(null);
    try {
      const answer = await api.get<{ files: { id: string }[] }>(`/api/hardship/campaigns/files${query({ unit: filter.unitId, level: filter.level || undefined })}`);
      setChosen(answer.files.map((file) => file.id));
      setReport(null);
    } catch (e) {
      setNotice({ kind: 'error', text: messageOf(e, t('common.networkError')) });
    }
  }

  function refused(e: unknown) {
    if (e instanceof ApiError && e.code === 'validation_failed') {
      const { rows, general } = by === 'paste' ? rowsFromRefusal(paste.numbers, e.body.errors ?? [], 'caseNumber') : rowsFromRefusal(fileIds, e.body.errors ?? []);
      setErrors(Object.fromEntries(general.map((g) => [g.field, g.message])));
      if (rows.some((row) => !row.ok)) setReport({ rows, delivered: false, checked: '' });
      if (general.length > 0 && !general.every((g) => g.field in form)) setNotice({ kind: 'error', text: general.map((g) => g.message).join('；') });
    } else setNotice({ kind: 'error', text: messageOf(e, t('common.networkError')) });
  }

  async function check() {
    if (amountBad) return setErrors({ amount: t('wage.yuanInvalid') });
    setBusy(true);
    setErrors({});
    setNotice(null);
    try {
      const answer = await api.post<{ rows: ReportRow[] }>('/api/hardship/campaigns/check', request);
      setReport({ rows: answer.rows, delivered: false, checked: fingerprint });
    } catch (e) {
      refused(e);
    } finally {
      setBusy(false);
    }
  }

  async function deliver() {
    setBusy(true);
    setNotice(null);
    try {
      const answer = await api.command('/api/hardship/campaigns', request, idempotency.current()) as unknown as { delivered: number };
      idempotency.settle('ok');
      setReport((current) => current && { ...current, delivered: true, checked: '' });
      setNotice({ kind: 'info', text: t('hs.campaign.done', { n: answer.delivered, type: tOr(`hs.aid.${form.type}`, form.type) }) });
    } catch (e) {
      idempotency.settle(e);
      refused(e);
    } finally {
      setBusy(false);
    }
  }

  const checkedOk = report !== null && !report.delivered && report.checked === fingerprint && report.rows.every((row) => row.ok);
  return (
    <section className="page page-narrow" data-testid="hs-campaign">
      <div className="page-head"><h1>{t('hs.campaign.title')}</h1></div>
      <p className="muted">{t('hs.campaign.intro')}</p>
      <div className="card">
        <div className="form-grid cols-2">
          <Field id="campaign-type" label={t('hs.f.aidType')} error={errors.type}>
            <select id="campaign-type" data-testid="campaign-type" value={form.type} onChange={(e) => set({ type: e.target.value })}>
              {AID_TYPES.map((type) => <option key={type} value={type}>{tOr(`hs.aid.${type}`, type)}</option>)}
            </select>
          </Field>
          <Field id="campaign-date" label={t('hs.f.deliveredOn')} error={errors.deliveredOn}>
            <input id="campaign-date" data-testid="campaign-date" type="date" value={form.deliveredOn} onChange={(e) => set({ deliveredOn: e.target.value })} />
          </Field>
          <Field id="campaign-amount" label={t('hs.campaign.amount')} error={errors.amount} hint={t('hs.f.amountHint')}>
            <input id="campaign-amount" data-testid="campaign-amount" className="num" inputMode="decimal" autoComplete="off" value={form.amount} onChange={(e) => set({ amount: e.target.value })} />
          </Field>
          <Field id="campaign-in-kind" label={t('hs.f.inKind')} error={errors.inKind}>
            <input id="campaign-in-kind" data-testid="campaign-in-kind" autoComplete="off" value={form.inKind} placeholder={t('hs.f.inKindHint')} onChange={(e) => set({ inKind: e.target.value })} />
          </Field>
          <Field id="campaign-funding" label={t('hs.f.fundingSource')} error={errors.fundingSource} span="full">
            <input id="campaign-funding" data-testid="campaign-funding" autoComplete="off" value={form.fundingSource} onChange={(e) => set({ fundingSource: e.target.value })} />
          </Field>
        </div>
      </div>
      <div className="card">
        <h2>{t('hs.campaign.files')}</h2>
        <div className="segmented campaign-choose" role="radiogroup" aria-label={t('hs.campaign.files')}>
          {(['filter', 'paste'] as const).map((mode) => (
            <button key={mode} type="button" role="radio" aria-checked={by === mode} data-testid={`campaign-by-${mode}`} className={by === mode ? 'primary' : 'secondary'}
              onClick={() => { setBy(mode); setReport(null); }}>{t(`hs.campaign.by.${mode}`)}</button>
          ))}
        </div>
        {by === 'filter' ? (
          <div className="form-grid cols-2">
            <Field id="campaign-unit" label={t('hs.f.unit')}>
              <select id="campaign-unit" data-testid="campaign-unit" value={filter.unitId} onChange={(e) => { setFilter({ ...filter, unitId: e.target.value }); setChosen(null); }}>
                {subtreeOf(ownUnit, units).map((unit) => <option key={unit.id} value={unit.id}>{unitName(unit.id)}</option>)}
              </select>
            </Field>
            <Field id="campaign-level" label={t('hs.f.level')}>
              <select id="campaign-level" data-testid="campaign-level" value={filter.level} onChange={(e) => { setFilter({ ...filter, level: e.target.value }); setChosen(null); }}>
                <option value="">{t('common.all')}</option>
                {LEVELS.map((level) => <option key={level} value={level}>{tOr(`hs.level.${level}`, level)}</option>)}
              </select>
            </Field>
            <div className="campaign-actions">
              <button type="button" className="secondary" data-testid="campaign-find" onClick={findFiles}>{t('hs.campaign.find')}</button>
              {chosen && <span className="muted" data-testid="campaign-found">{t('hs.campaign.found', { n: chosen.length })}</span>}
            </div>
          </div>
        ) : (
          <Field id="campaign-paste" label={t('hs.campaign.paste')} hint={t('hs.campaign.pasteHint')}>
            <textarea id="campaign-paste" data-testid="campaign-paste" className="campaign-paste" rows={6} placeholder="KN-410105-2026-0012" spellCheck={false}
              value={pasted} onChange={(e) => { setPasted(e.target.value); setReport(null); }} />
            {paste.numbers.length > 0 && (
              <span className="muted" data-testid="campaign-pasted">
                {t('hs.campaign.pasted', { n: paste.numbers.length })}{paste.repeats > 0 ? t('hs.campaign.pastedRepeats', { n: paste.repeats }) : ''}
              </span>
            )}
          </Field>
        )}
        <Notice kind={notice?.kind ?? 'info'} text={notice?.text ?? null} testId="campaign-notice" />
        <div className="campaign-actions">
          <button type="button" className="secondary" data-testid="campaign-check" disabled={busy || count === 0} onClick={check}>
            {t('hs.campaign.check', { n: count })}
          </button>
          <button type="button" className="primary" data-testid="campaign-deliver" disabled={busy || !checkedOk} onClick={deliver}>
            {t('hs.campaign.deliver', { n: count })}
          </button>
        </div>
      </div>
      {report && <CampaignReport rows={report.rows} delivered={report.delivered} />}
    </section>
  );
}
