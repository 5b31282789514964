import { useState, type FormEvent } from 'react';
import { api, ApiError } from '../../api';
import type { AdminUser, Role } from '../../api-types';
import { Dialog } from '../../components/Dialog';
import { Field } from '../../components/Field';
import { Notice } from '../../components/Notice';
import { UnitSelect } from '../../components/Selects';
import { useI18n } from '../../i18n/I18nProvider';
import { useReference } from '../../reference/ReferenceProvider';
import { useIdempotencyKey } from '../../useIdempotencyKey';
import { generateTemporaryPassword } from './temporary-password';

export const ROLES: Role[] = ['caseworker', 'supervisor', 'mediator', 'admin'];

type Values = { username: string; displayName: string; role: Role | ''; orgUnitId: string };

/** What a saved form reports: the user, and for a new user the password to show once. */
export interface Saved {
  username: string;
  temporaryPassword?: string;
}

/** Create a user, or change an existing one's name, role or unit. Passwords are never typed here. */
export function UserForm({ user, onSaved, onClose }: { user?: AdminUser; onSaved(saved: Saved): void; onClose(): void }) {
  const { t, tOr } = useI18n();
  const { units } = useReference();
  const [values, setValues] = useState<Values>({
    username: user?.username ?? '',
    displayName: user?.displayName ?? '',
    role: user?.role ?? '',
    orgUnitId: user?.orgUnitId ?? '',
  });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [notice, setNotice] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const idempotency = useIdempotencyKey();
  const set = (patch: Partial<Values>) => setValues((v) => ({ ...v, ...patch }));

  function required(): Record<string, string> {
    const missing: Record<string, string> = {};
    if (!user && !values.username.trim()) missing.username = t('users.required.username');
    if (!values.displayName.trim()) missing.displayName = t('users.required.displayName');
    if (!values.role) missing.role = t('users.required.role');
    if (!values.orgUnitId) missing.orgUnitId = t('users.required.orgUnitId');
    return missing;
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    const missing = required();
    setErrors(missing);
    if (Object.keys(missing).length > 0 || busy) return;
    setBusy(true);
    setNotice(null);
    try {
      onSaved(user ? await update(user) : await create());
    } catch (e) {
      idempotency.settle(e);
      if (!(e instanceof ApiError)) return setNotice(t('common.networkError'));
      setErrors(e.fieldErrors);
      const placed = e.body.errors?.every((err) => err.field in values);
      setNotice(e.code === 'validation_failed' && placed ? null : e.message);
    } finally {
      setBusy(false);
    }
  }

  async function create(): Promise<Saved> {
    const password = generateTemporaryPassword();
    // A password generated here and handed over is temporary: the user must change it at first log-in.
    const body = { username: values.username.trim(), displayName: values.displayName.trim(), role: values.role, orgUnitId: values.orgUnitId, password, mustChangePassword: true };
    const answer = await api.send<{ temporaryPassword?: string }>('/api/users', body, idempotency.current());
    idempotency.settle('ok');
    return { username: body.username, temporaryPassword: answer?.temporaryPassword ?? password };
  }

  async function update(existing: AdminUser): Promise<Saved> {
    const changed: Record<string, string> = {};
    if (values.displayName.trim() !== existing.displayName) changed.displayName = values.displayName.trim();
    if (values.role !== existing.role) changed.role = values.role;
    if (values.orgUnitId !== existing.orgUnitId) changed.orgUnitId = values.orgUnitId;
    if (Object.keys(changed).length > 0) await api.patch(`/api/users/${encodeURIComponent(existing.id)}`, changed);
    return { username: existing.username };
  }

  return (
    <Dialog title={user ? t('users.editTitle', { username: user.username }) : t('users.createTitle')} testId="user-form-dialog" onClose={onClose}>
      <form className="dialog-form" data-testid="user-form" onSubmit={submit} noValidate>
        <Notice kind="error" text={notice} testId="user-form-error" />
        <div className="form-grid cols-2">
          <Field id="user-username" label={t('users.username')} error={errors.username} hint={user ? undefined : t('users.usernameHint')}>
            <input id="user-username" value={values.username} disabled={!!user} autoComplete="off" autoFocus={!user}
              onChange={(e) => set({ username: e.target.value })} />
          </Field>
          <Field id="user-display-name" label={t('users.displayName')} error={errors.displayName}>
            <input id="user-display-name" value={values.displayName} autoComplete="off" autoFocus={!!user}
              onChange={(e) => set({ displayName: e.target.value })} />
          </Field>
          <Field id="user-role" label={t('users.role')} error={errors.role}>
            <select id="user-role" value={values.role} onChange={(e) => set({ role: e.target.value as Role })}>
              <option value="">{t('common.select')}</option>
              {ROLES.map((role) => (
                <option key={role} value={role}>{tOr(`role.${role}`, role)}</option>
              ))}
            </select>
          </Field>
          <Field id="user-unit" label={t('users.unit')} error={errors.orgUnitId}>
            <UnitSelect id="user-unit" units={units} value={values.orgUnitId} emptyLabel={t('common.select')}
              onChange={(orgUnitId) => set({ orgUnitId })} />
          </Field>
        </div>
        {!user && <p className="muted">{t('users.passwordMadeForYou')}</p>}
        <div className="form-actions">
          <button type="submit" className="primary" data-testid="user-form-submit" disabled={busy}>
            {user ? t('common.save') : t('users.create')}
          </button>
          <button type="button" className="secondary" onClick={onClose}>{t('common.cancel')}</button>
        </div>
      </form>
    </Dialog>
  );
}
