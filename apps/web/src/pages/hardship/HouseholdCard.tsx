import { formatYuan } from '../../format';
import { useI18n } from '../../i18n/I18nProvider';
import type { MessageKey } from '../../i18n/zh';
import { mayReveal } from '../../roles';
import { readSession } from '../../session';
import { erasedIn, PersonalValue } from '../complaint/PersonalValue';
import type { HardshipFile } from './hardship-types';

/**
 * 家庭情况: the head of household (ID number and phone masked by the API, 查看 with a reason for the
 * file's caseworkers and supervisors), the members, and income per head against the line.
 */
export function HouseholdCard({ file }: { file: HardshipFile }) {
  const { t } = useI18n();
  const head = file.head;
  const role = readSession()?.user.role;
  const personal = (field: 'idNumber' | 'phone', label: MessageKey, testId: string) => (
    <PersonalValue revealUrl={`/api/hardship-files/${encodeURIComponent(file.id)}/reveal`} field={`head.${field}`} testKey={testId} maskedTestId={testId}
      label={t(label)} masked={head?.[field]} erased={erasedIn(head, field)} revealable={!!role && mayReveal(role)} />
  );
  const below = file.incomePerHead !== null && file.line !== null && file.incomePerHead <= file.line;
  return (
    <div className="card" data-testid="hs-household">
      <h2>{t('hs.household.title')}</h2>
      {head && (
        <dl className="facts facts-4">
          <div><dt>{t('hs.f.headName')}</dt><dd data-testid="head-name">{head.name}</dd></div>
          <div><dt>{t('hs.f.idNumber')}</dt><dd>{personal('idNumber', 'hs.f.idNumber', 'head-id-number')}</dd></div>
          <div><dt>{t('hs.f.phone')}</dt><dd>{personal('phone', 'hs.f.phone', 'head-phone')}</dd></div>
          <div><dt>{t('hs.f.employer')}</dt><dd>{head.employer}{head.unionMember && <span className="badge badge-met">{t('hs.f.unionMember')}</span>}</dd></div>
        </dl>
      )}
      <div className="hs-income" data-testid="hs-income">
        <span>{t('hs.income.perHead')}<strong data-testid="income-per-head">{formatYuan(file.incomePerHead)}</strong></span>
        <span>{t('hs.income.line')}<strong data-testid="income-line">{formatYuan(file.line)}</strong></span>
        {file.incomePerHead !== null && file.line !== null && (
          <span className={`badge ${below ? 'badge-risk' : 'badge-met'}`} data-testid="income-standing">{t(below ? 'hs.income.below' : 'hs.income.above')}</span>
        )}
        {file.incomePerHead === null && <span className="muted">{t('hs.income.unverified')}</span>}
      </div>
      {file.members.length === 0 ? <p className="muted">{t('hs.members.none')}</p> : (
        <div className="grid-wrap">
        <table className="table" data-testid="members-table">
          <thead>
            <tr><th>{t('hs.f.memberName')}</th><th>{t('hs.f.relation')}</th><th className="num">{t('hs.f.age')}</th><th>{t('hs.f.health')}</th><th>{t('hs.f.schooling')}</th><th>{t('hs.f.work')}</th></tr>
          </thead>
          <tbody>
            {file.members.map((m, i) => (
              <tr key={i} data-testid="member-row">
                <td>{m.name}</td><td>{m.relation}</td><td className="num">{m.age}</td><td>{m.health || '—'}</td><td>{m.schooling || '—'}</td><td>{m.work || '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
        </div>
      )}
    </div>
  );
}
