import { useI18n } from '../../i18n/I18nProvider';
import type { MessageKey } from '../../i18n/zh';
import { mayRevealParties } from '../../roles';
import { readSession } from '../../session';
import { erasedIn, PersonalValue } from '../complaint/PersonalValue';
import { mediationPath } from './mediation-steps';
import type { MediationCase } from './mediation-types';

type PartyField = 'idNumber' | 'phone' | 'address';
const LABELS: Record<PartyField, MessageKey> = { idNumber: 'med.f.idNumber', phone: 'med.f.phone', address: 'med.f.address' };

/**
 * 当事人: each applicant and the employer's side, ID numbers, phones and addresses masked by the API,
 * with 查看 (a reason, logged) for the room's mediators and the caseworkers and supervisors who see
 * the case. `idPrefix` keeps the test ids apart where the table is shown twice.
 */
export function PartiesTable({ kase, idPrefix = 'party' }: { kase: MediationCase; idPrefix?: string }) {
  const { t } = useI18n();
  const role = readSession()?.user.role;
  const revealable = !!role && mayRevealParties(role);
  const value = (partyId: string, holder: object, field: PartyField) => (
    <PersonalValue revealUrl={mediationPath(kase.id, `/parties/${encodeURIComponent(partyId)}/reveal`)} field={field} testKey={`${idPrefix}-${partyId}-${field}`}
      label={t(LABELS[field])} masked={(holder as Partial<Record<PartyField, string | null>>)[field]} erased={erasedIn(holder, field)} revealable={revealable} />
  );
  const r = kase.respondent;
  return (
    <>
      <table className="table compact parties" data-testid={`${idPrefix}-applicants`}>
        <thead><tr><th>{t('med.f.applicant')}</th><th>{t('med.f.idNumber')}</th><th>{t('med.f.phone')}</th><th>{t('med.f.address')}</th></tr></thead>
        <tbody>
          {kase.applicants.map((a) => (
            <tr key={a.partyId} data-testid={`${idPrefix}-row`} data-party-id={a.partyId}>
              <td>{a.name}</td><td>{value(a.partyId, a, 'idNumber')}</td><td>{value(a.partyId, a, 'phone')}</td><td>{value(a.partyId, a, 'address')}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="facts-line" data-testid={`${idPrefix}-respondent`}>
        <span className="muted">{t('med.f.respondent')}：</span>{r.name}
        {r.representative && <>（{t('med.f.representative')}：{r.representative}）</>}
        {r.creditCode && <> <span className="mono muted">{r.creditCode}</span></>}
        {r.phone && <> · {t('med.f.phone')} {value('respondent', r, 'phone')}</>}
        {r.address && <> · {t('med.f.address')} {value('respondent', r, 'address')}</>}
      </p>
    </>
  );
}

/** The parties on the case page, outside a session (where `CaseFacts` shows them beside the minutes). */
export function PartiesCard({ kase }: { kase: MediationCase }) {
  const { t } = useI18n();
  return (
    <div className="card parties-card" data-testid="med-parties">
      <h2>{t('med.facts.parties')}</h2>
      <PartiesTable kase={kase} />
    </div>
  );
}
