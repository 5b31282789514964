import { formatYuan } from '../../format';
import { useI18n } from '../../i18n/I18nProvider';
import type { MessageKey } from '../../i18n/zh';
import { parseYuan } from '../../yuan';
import { applicantRow, claimRow, withoutApplicant, type ApplicantRow, type ClaimRow, type ReferralForm } from './referral-form';

const APPLICANT_COLUMNS: { name: Exclude<keyof ApplicantRow, 'key'>; label: MessageKey; mono?: boolean }[] = [
  { name: 'name', label: 'med.f.applicantName' },
  { name: 'idNumber', label: 'med.f.idNumber', mono: true },
  { name: 'phone', label: 'med.f.phone', mono: true },
  { name: 'address', label: 'med.f.address' },
];

/** A cell's input with its error under it (`error-ref-<row>-<column>`), as the API names the field. */
function Cell({ testId, label, value, error, mono, numeric, onChange }: {
  testId: string; label: string; value: string; error?: string; mono?: boolean; numeric?: boolean; onChange(value: string): void;
}) {
  return (
    <td className={error ? 'cell-invalid' : undefined}>
      <input data-testid={testId} aria-label={label} autoComplete="off" className={[mono && 'mono', numeric && 'num'].filter(Boolean).join(' ') || undefined}
        inputMode={numeric ? 'decimal' : undefined} aria-invalid={error ? true : undefined} value={value} onChange={(e) => onChange(e.target.value)} />
      {error && <div className="cell-error" data-testid={`error-${testId}`}>{error}</div>}
    </td>
  );
}

/** 申请人（劳动者）: one row each, as the referral letter lists them; ID number and phone optional. */
export function ApplicantsEditor({ form, errors, onChange }: { form: ReferralForm; errors: Record<string, string>; onChange(form: ReferralForm): void }) {
  const { t } = useI18n();
  const update = (index: number, patch: Partial<ApplicantRow>) => onChange({ ...form, applicants: form.applicants.map((row, i) => (i === index ? { ...row, ...patch } : row)) });
  return (
    <div className="grid-wrap">
      <table className="table entry-grid" data-testid="ref-applicants">
        <thead><tr><th className="col-num">#</th>{APPLICANT_COLUMNS.map((c) => <th key={c.name}>{t(c.label)}</th>)}<th /></tr></thead>
        <tbody>
          {form.applicants.map((row, index) => (
            <tr key={row.key} data-testid="ref-applicant-row">
              <td className="col-num">{index + 1}</td>
              {APPLICANT_COLUMNS.map((c) => (
                <Cell key={c.name} testId={`ref-applicant-${index}-${c.name}`} label={`${t(c.label)} ${index + 1}`} value={row[c.name]} mono={c.mono}
                  error={errors[`applicants.${index}.${c.name}`]} onChange={(value) => update(index, { [c.name]: value })} />
              ))}
              <td>
                {form.applicants.length > 1 && (
                  <button type="button" className="link-button text-danger-link" data-testid={`ref-applicant-${index}-remove`} onClick={() => onChange(withoutApplicant(form, index))}>
                    {t('list.remove')}
                  </button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
        <tfoot><tr><td colSpan={APPLICANT_COLUMNS.length + 2}>
          <button type="button" className="secondary" data-testid="ref-applicant-add" onClick={() => onChange({ ...form, applicants: [...form.applicants, applicantRow()] })}>
            {t('med.referral.addApplicant')}
          </button>
        </td></tr></tfoot>
      </table>
    </div>
  );
}

/** 请求事项: each claim with its amount and whose it is (one applicant, or all of them). */
export function ClaimsEditor({ form, errors, onChange }: { form: ReferralForm; errors: Record<string, string>; onChange(form: ReferralForm): void }) {
  const { t } = useI18n();
  const update = (index: number, patch: Partial<ClaimRow>) => onChange({ ...form, claims: form.claims.map((row, i) => (i === index ? { ...row, ...patch } : row)) });
  const total = form.claims.reduce((sum, c) => sum + (parseYuan(c.amount) ?? 0), 0);
  return (
    <div className="grid-wrap">
      <table className="table entry-grid" data-testid="ref-claims">
        <thead><tr><th className="col-num">#</th><th>{t('med.f.claimItem')}</th><th>{t('med.f.party')}</th><th className="num">{t('med.f.amountYuan')}</th><th /></tr></thead>
        <tbody>
          {form.claims.map((row, index) => (
            <tr key={row.key} data-testid="ref-claim-row">
              <td className="col-num">{index + 1}</td>
              <Cell testId={`ref-claim-${index}-item`} label={`${t('med.f.claimItem')} ${index + 1}`} value={row.item} error={errors[`claims.${index}.item`]}
                onChange={(item) => update(index, { item })} />
              <td className={errors[`claims.${index}.partyId`] ? 'cell-invalid' : undefined}>
                <select data-testid={`ref-claim-${index}-party`} aria-label={`${t('med.f.party')} ${index + 1}`} value={row.party} onChange={(e) => update(index, { party: e.target.value })}>
                  <option value="">{t('med.party.all')}</option>
                  {form.applicants.map((a, i) => <option key={a.key} value={String(i)}>{a.name.trim() || t('med.referral.applicantN', { n: i + 1 })}</option>)}
                </select>
                {errors[`claims.${index}.partyId`] && <div className="cell-error">{errors[`claims.${index}.partyId`]}</div>}
              </td>
              <Cell testId={`ref-claim-${index}-amount`} label={`${t('med.f.amountYuan')} ${index + 1}`} value={row.amount} numeric error={errors[`claims.${index}.amount`]}
                onChange={(amount) => update(index, { amount })} />
              <td>
                {form.claims.length > 1 && (
                  <button type="button" className="link-button text-danger-link" data-testid={`ref-claim-${index}-remove`}
                    onClick={() => onChange({ ...form, claims: form.claims.filter((_, i) => i !== index) })}>
                    {t('list.remove')}
                  </button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
        <tfoot><tr>
          <td colSpan={3}>
            <button type="button" className="secondary" data-testid="ref-claim-add"
              onClick={() => onChange({ ...form, claims: [...form.claims, claimRow(form.applicants.length > form.claims.length ? String(form.claims.length) : '')] })}>
              {t('med.referral.addClaim')}
            </button>
          </td>
          <td className="num" data-testid="ref-claims-total">{t('med.agreement.total', { amount: formatYuan(total) })}</td>
          <td />
        </tr></tfoot>
      </table>
    </div>
  );
}
