import { useEffect, useMemo, useState } from 'react';
import { api, messageOf, query } from '../../../api';
import { Field } from '../../../components/Field';
import { Notice } from '../../../components/Notice';
import { formatDateTimeSeconds } from '../../../format';
import { useI18n } from '../../../i18n/I18nProvider';
import { useReference } from '../../../reference/ReferenceProvider';
import { readSession } from '../../../session';
import { describeChange, type AccountChange } from './describe-change';

/** 账号变更记录: what administrators did to the users of the reader's unit and below (`GET /api/identity-audit`). */
export function AccountChangesPage() {
  const { t, tOr } = useI18n();
  const { units } = useReference();
  const own = readSession()?.user.orgUnitId ?? '';
  const [filter, setFilter] = useState({ unit: own, from: '', to: '' });
  const [changes, setChanges] = useState<AccountChange[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const unitName = useMemo(() => new Map(units.map((u) => [u.id, u.name])), [units]);
  const choices = useMemo(() => subtreeOf(units, own), [units, own]);

  useEffect(() => {
    let live = true;
    api.get<AccountChange[]>(`/api/identity-audit${query(filter)}`)
      .then((answer) => live && (setChanges(answer), setError(null)))
      .catch((e: unknown) => live && setError(messageOf(e, t('common.networkError'))));
    return () => {
      live = false;
    };
  }, [filter, t]);

  return (
    <section className="page" data-testid="account-changes-page">
      <div className="page-head"><h1>{t('accounts.title')}</h1></div>
      <p className="muted">{t('accounts.hint')}</p>
      <div className="filters" data-testid="account-changes-filters">
        <Field id="accounts-unit" label={t('accounts.unit')}>
          <select id="accounts-unit" data-testid="account-changes-unit" value={filter.unit} onChange={(e) => setFilter({ ...filter, unit: e.target.value })}>
            {choices.map((u) => <option key={u.id} value={u.id}>{u.name}</option>)}
          </select>
        </Field>
        <Field id="accounts-from" label={t('accounts.from')}>
          <input id="accounts-from" type="date" value={filter.from} onChange={(e) => setFilter({ ...filter, from: e.target.value })} />
        </Field>
        <Field id="accounts-to" label={t('accounts.to')}>
          <input id="accounts-to" type="date" value={filter.to} onChange={(e) => setFilter({ ...filter, to: e.target.value })} />
        </Field>
      </div>
      <Notice kind="error" text={error} testId="account-changes-error" />
      <div className="card card-flush">
        {!changes ? !error && <p className="empty">{t('common.loading')}</p>
          : changes.length === 0 ? <p className="empty" data-testid="account-changes-empty">{t('accounts.empty')}</p>
          : (
            <div className="table-wrap">
              <table className="table" data-testid="account-changes-table">
                <thead><tr><th>{t('accounts.at')}</th><th>{t('accounts.actor')}</th><th>{t('accounts.action')}</th><th>{t('accounts.target')}</th><th>{t('accounts.details')}</th></tr></thead>
                <tbody>
                  {changes.map((change, i) => (
                    <tr key={`${change.at}-${i}`} data-testid="account-change-row" data-action={change.action}>
                      <td className="nowrap">{formatDateTimeSeconds(change.at)}</td>
                      <td>{change.actor ? (change.actor.displayName ?? change.actor.username) : t('accounts.system')}</td>
                      <td><span className="badge badge-status">{tOr(`accounts.action.${change.action}`, change.action)}</span></td>
                      <td>
                        {change.targetName ?? change.targetId}
                        {change.targetUsername && <span className="muted"> · {change.targetUsername}</span>}
                      </td>
                      <td>{describeChange(change, { t, tOr, unitName: (id) => unitName.get(id) ?? id })}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
      </div>
      {changes && <p className="muted">{t('accounts.total', { n: changes.length })}</p>}
    </section>
  );
}

/** The reader's unit and every unit below it, in tree order. */
function subtreeOf<U extends { id: string; parentId: string | null }>(units: readonly U[], rootId: string): U[] {
  const inside = new Set([rootId]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const u of units) if (u.parentId && inside.has(u.parentId) && !inside.has(u.id)) (inside.add(u.id), (grew = true));
  }
  return units.filter((u) => inside.has(u.id));
}

export function accountChangesPage(route: { name: string }) {
  return route.name === 'account-changes' ? <AccountChangesPage /> : null;
}
