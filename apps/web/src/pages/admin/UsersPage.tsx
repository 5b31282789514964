import { useState } from 'react';
import { api, messageOf, newIdempotencyKey, query } from '../../api';
import { ListSearchBox } from '../../components/ListSearchBox';
import { ExportButton } from '../print/ExportButton';
import type { AdminUser, PasswordReset } from '../../api-types';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { Notice } from '../../components/Notice';
import { useI18n } from '../../i18n/I18nProvider';
import { readSession } from '../../session';
import { TemporaryPasswordDialog } from './TemporaryPasswordDialog';
import { UserForm, type Saved } from './UserForm';
import { UserTable, type UserAction } from './UserTable';
import { useUsers } from './useUsers';

type Open =
  | { kind: 'create' }
  | { kind: 'edit' | 'disable' | 'reset'; user: AdminUser }
  | { kind: 'password'; username: string; password: string; created: boolean };

/** 用户管理: the administrator's list of users, with create, edit, disable/enable and password reset. */
export function UsersPage() {
  const { t } = useI18n();
  const [q, setQ] = useState('');
  const { users, error, reload } = useUsers(q);
  const [open, setOpen] = useState<Open | null>(null);
  const [notice, setNotice] = useState<{ kind: 'error' | 'info'; text: string } | null>(null);
  const me = readSession()?.user.id ?? '';
  const path = (user: AdminUser, action: string) => `/api/users/${encodeURIComponent(user.id)}/${action}`;

  function done(text: string, next: Open | null = null) {
    setOpen(next);
    setNotice({ kind: 'info', text });
    reload();
  }

  async function onAction(action: UserAction, user: AdminUser) {
    setNotice(null);
    if (action !== 'enable') return setOpen({ kind: action, user });
    try {
      await api.send(path(user, 'enable'), {}, newIdempotencyKey());
      done(t('users.enabledDone', { username: user.username }));
    } catch (e) {
      setNotice({ kind: 'error', text: messageOf(e, t('common.networkError')) });
    }
  }

  async function disable(user: AdminUser) {
    await api.send(path(user, 'disable'), {}, newIdempotencyKey());
    done(t('users.disabledDone', { username: user.username }));
  }

  async function reset(user: AdminUser) {
    const answer = await api.send<PasswordReset>(path(user, 'reset-password'), {}, newIdempotencyKey());
    done(t('users.resetDone', { username: user.username }),
      { kind: 'password', username: user.username, password: answer.temporaryPassword, created: false });
  }

  function saved(result: Saved, created: boolean) {
    if (created && result.temporaryPassword) {
      done(t('users.createdDone', { username: result.username }),
        { kind: 'password', username: result.username, password: result.temporaryPassword, created: true });
    } else done(t('users.savedDone', { username: result.username }));
  }

  return (
    <section className="page" data-testid="users-page">
      <div className="page-head">
        <h1>{t('users.title')}</h1>
        <ExportButton testId="users-export" fileName={`${t('users.title')}.xlsx`} path={`/api/users/export.xlsx${query({ q })}`} />
        <button type="button" className="primary" data-testid="user-create" onClick={() => { setNotice(null); setOpen({ kind: 'create' }); }}>
          {t('users.create')}
        </button>
      </div>
      <div className="filters">
        <ListSearchBox id="users-q" value={q} hint="lists.searchHint.users" onSearch={setQ} />
      </div>
      <Notice kind={notice?.kind ?? 'error'} text={notice?.text ?? error} testId="users-notice" />
      <div className="card card-flush">
        {users ? <UserTable users={users} me={me} onAction={onAction} /> : !error && <p className="empty">{t('common.loading')}</p>}
      </div>
      {open?.kind === 'create' && <UserForm onSaved={(r) => saved(r, true)} onClose={() => setOpen(null)} />}
      {open?.kind === 'edit' && <UserForm user={open.user} onSaved={(r) => saved(r, false)} onClose={() => setOpen(null)} />}
      {open?.kind === 'disable' && (
        <ConfirmDialog title={t('users.disableTitle', { username: open.user.username })} text={t('users.disableText')}
          confirmLabel={t('users.disable')} danger onConfirm={() => disable(open.user)} onClose={() => setOpen(null)} />
      )}
      {open?.kind === 'reset' && (
        <ConfirmDialog title={t('users.resetConfirmTitle', { username: open.user.username })} text={t('users.resetText')}
          confirmLabel={t('users.reset')} onConfirm={() => reset(open.user)} onClose={() => setOpen(null)} />
      )}
      {open?.kind === 'password' && (
        <TemporaryPasswordDialog username={open.username} password={open.password} created={open.created} onClose={() => setOpen(null)} />
      )}
    </section>
  );
}
