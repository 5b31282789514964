import type { AdminUser } from '../../api-types';
import { useI18n } from '../../i18n/I18nProvider';
import { useReference } from '../../reference/ReferenceProvider';

export type UserAction = 'edit' | 'disable' | 'enable' | 'reset';

/** Every user: who they are, their role and unit, whether they may log in, and what can be done. */
export function UserTable({ users, me, onAction }: { users: AdminUser[]; me: string; onAction(action: UserAction, user: AdminUser): void }) {
  const { t, tOr } = useI18n();
  const { unitName } = useReference();
  if (users.length === 0) return <p className="empty">{t('users.empty')}</p>;
  return (
    <table className="table stacked" data-testid="user-table">
      <thead>
        <tr>
          <th>{t('users.username')}</th>
          <th>{t('users.displayName')}</th>
          <th>{t('users.role')}</th>
          <th>{t('users.unit')}</th>
          <th>{t('users.status')}</th>
          <th className="col-actions">{t('users.actions')}</th>
        </tr>
      </thead>
      <tbody>
        {users.map((user) => (
          <tr key={user.id} data-testid="user-row" data-username={user.username} className={user.disabled ? 'row-disabled' : undefined}>
            <td className="username case-title">{user.username}</td>
            <td data-label={t('users.displayName')}>{user.displayName}</td>
            <td data-label={t('users.role')}>{tOr(`role.${user.role}`, user.role)}</td>
            <td data-label={t('users.unit')}>{user.orgUnitName || unitName(user.orgUnitId)}</td>
            <td data-label={t('users.status')}>
              {user.disabled
                ? <span className="badge badge-disabled" data-testid="user-disabled">{t('users.disabled')}</span>
                : <span className="badge badge-met">{t('users.enabled')}</span>}
            </td>
            <td className="row-actions">
              <button type="button" className="link-button" data-testid="user-edit" onClick={() => onAction('edit', user)}>
                {t('users.edit')}
              </button>
              {user.id !== me && (
                <button type="button" className="link-button" data-testid={user.disabled ? 'user-enable' : 'user-disable'}
                  onClick={() => onAction(user.disabled ? 'enable' : 'disable', user)}>
                  {t(user.disabled ? 'users.enable' : 'users.disable')}
                </button>
              )}
              <button type="button" className="link-button" data-testid="user-reset" onClick={() => onAction('reset', user)}>
                {t('users.reset')}
              </button>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
