import { useState, type FormEvent } from 'react';
import { api, ApiError } from '../../../api';
import type { PovertyLine } from '../../../api-types';
import { Dialog } from '../../../components/Dialog';
import { Field } from '../../../components/Field';
import { Notice } from '../../../components/Notice';
import { shanghaiToday } from '../../../format';
import { useI18n } from '../../../i18n/I18nProvider';
import { useReference } from '../../../reference/ReferenceProvider';
import { fenToYuanInput, parseYuan } from '../../../yuan';
import { ALL_DISTRICTS, districtLabel } from './district-label';

type Values = { district: string; year: string; line: string; reason: string };

/**
 * Sets one district's line for one year (`PUT /api/admin/poverty-lines/:district/:year`), typed in
 * yuan per head and month and sent in fen; the reason goes into the history. Editing keeps the
 * district and year; a new line picks them.
 */
export function PovertyLineDialog({ line, onDone, onClose }: { line: PovertyLine | null; onDone(): void; onClose(): void }) {
  const { t } = useI18n();
  const { units } = useReference();
  const [values, setValues] = useState<Values>({
    district: line?.district ?? ALL_DISTRICTS, year: String(line?.year ?? shanghaiToday().slice(0, 4)),
    line: line ? fenToYuanInput(line.line) : '', reason: '',
  });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [notice, setNotice] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const set = (patch: Partial<Values>) => setValues((v) => ({ ...v, ...patch }));

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    const fen = parseYuan(values.line);
    const problems: Record<string, string> = {};
    if (!/^\d{4}$/.test(values.year.trim())) problems.year = t('lines.yearInvalid');
    if (fen === null) problems.line = t('hs.yuanInvalid');
    if (!values.reason.trim()) problems.reason = t('lines.reasonRequired');
    setErrors(problems);
    if (Object.keys(problems).length > 0) return;
    setBusy(true);
    setNotice(null);
    try {
      await api.put(`/api/admin/poverty-lines/${encodeURIComponent(values.district)}/${values.year.trim()}`, { line: fen, reason: values.reason.trim() });
      onDone();
    } catch (e) {
      if (!(e instanceof ApiError)) return setNotice(t('common.networkError'));
      setErrors(e.fieldErrors);
      setNotice(e.body.errors?.every((err) => ['line', 'reason', 'year', 'district'].includes(err.field)) ? null : e.message);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Dialog title={t(line ? 'lines.editTitle' : 'lines.addTitle')} testId="line-dialog" onClose={onClose}>
      <form className="dialog-form" data-testid="line-form" onSubmit={submit} noValidate>
        <Notice kind="error" text={notice} testId="line-form-error" />
        <div className="form-grid cols-2">
          <Field id="line-district" label={t('lines.district')} error={errors.district}>
            {line ? <input id="line-district" disabled value={districtLabel(line.district, units, t('lines.allDistricts'))} />
              : (
                <select id="line-district" value={values.district} onChange={(e) => set({ district: e.target.value })}>
                  <option value={ALL_DISTRICTS}>{t('lines.allDistricts')}</option>
                  {units.filter((u) => u.kind === 'district').map((u) => <option key={u.id} value={u.code}>{u.name}</option>)}
                </select>
              )}
          </Field>
          <Field id="line-year" label={t('lines.year')} error={errors.year}>
            <input id="line-year" inputMode="numeric" disabled={!!line} value={values.year} onChange={(e) => set({ year: e.target.value })} />
          </Field>
          <Field id="line-amount" label={t('lines.lineYuan')} error={errors.line} hint={t('lines.lineHint')} span="full">
            <input id="line-amount" inputMode="decimal" autoComplete="off" autoFocus value={values.line} onChange={(e) => set({ line: e.target.value })} />
          </Field>
          <Field id="line-reason" label={t('lines.reason')} error={errors.reason} span="full">
            <textarea id="line-reason" rows={2} value={values.reason} onChange={(e) => set({ reason: e.target.value })} />
          </Field>
        </div>
        <div className="form-actions">
          <button type="submit" className="primary" data-testid="line-submit" disabled={busy}>{t('common.save')}</button>
          <button type="button" className="secondary" onClick={onClose}>{t('common.cancel')}</button>
        </div>
      </form>
    </Dialog>
  );
}
