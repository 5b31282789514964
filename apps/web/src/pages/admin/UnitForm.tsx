import { useState, type FormEvent } from 'react';
import { api, ApiError } from '../../api';
import type { OrgUnit, OrgUnitKind } from '../../api-types';
import { Dialog } from '../../components/Dialog';
import { Field } from '../../components/Field';
import { Notice } from '../../components/Notice';
import { useI18n } from '../../i18n/I18nProvider';
import { useIdempotencyKey } from '../../useIdempotencyKey';
import { childKinds } from './unit-tree';

export type UnitFormMode = { kind: 'add'; parent: OrgUnit } | { kind: 'rename'; unit: OrgUnit };

/** Add a unit under a parent (`POST /api/org-units`) or rename one (`PATCH /api/org-units/:id`). */
export function UnitForm({ mode, onSaved, onClose }: { mode: UnitFormMode; onSaved(name: string): void; onClose(): void }) {
  const { t, tOr } = useI18n();
  const kinds = mode.kind === 'add' ? childKinds(mode.parent) : [];
  const [values, setValues] = useState({ id: '', name: mode.kind === 'rename' ? mode.unit.name : '', kind: (kinds[0] ?? '') as OrgUnitKind | '' });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [notice, setNotice] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const idempotency = useIdempotencyKey();
  const set = (patch: Partial<typeof values>) => setValues((v) => ({ ...v, ...patch }));

  async function submit(event: FormEvent) {
    event.preventDefault();
    const missing: Record<string, string> = {};
    if (mode.kind === 'add' && !values.id.trim()) missing.id = t('units.required.id');
    if (!values.name.trim()) missing.name = t('units.required.name');
    setErrors(missing);
    if (Object.keys(missing).length > 0 || busy) return;
    setBusy(true);
    setNotice(null);
    try {
      if (mode.kind === 'add') {
        const body = { id: values.id.trim(), name: values.name.trim(), kind: values.kind, parentId: mode.parent.id };
        await api.send('/api/org-units', body, idempotency.current());
        idempotency.settle('ok');
      } else {
        await api.patch(`/api/org-units/${encodeURIComponent(mode.unit.id)}`, { name: values.name.trim() });
      }
      onSaved(values.name.trim());
    } catch (e) {
      idempotency.settle(e);
      if (!(e instanceof ApiError)) return setNotice(t('common.networkError'));
      setErrors(e.fieldErrors);
      setNotice(e.code === 'validation_failed' && e.body.errors?.every((err) => err.field in values) ? null : e.message);
    } finally {
      setBusy(false);
    }
  }

  const title = mode.kind === 'add' ? t('units.addTitle', { parent: mode.parent.name }) : t('units.renameTitle', { name: mode.unit.name });
  return (
    <Dialog title={title} testId="unit-form-dialog" onClose={onClose}>
      <form className="dialog-form" data-testid="unit-form" onSubmit={submit} noValidate>
        <Notice kind="error" text={notice} testId="unit-form-error" />
        <div className="form-grid cols-2">
          {mode.kind === 'add' && (
            <>
              <Field id="unit-kind" label={t('units.kind')}>
                <select id="unit-kind" value={values.kind} onChange={(e) => set({ kind: e.target.value as OrgUnitKind })}>
                  {kinds.map((kind) => <option key={kind} value={kind}>{tOr(`unitKind.${kind}`, kind)}</option>)}
                </select>
              </Field>
              <Field id="unit-id" label={t('units.code')} error={errors.id} hint={values.kind && values.kind !== 'province' ? t(`units.codeHint.${values.kind}`, { parent: mode.parent.id, prefix: mode.parent.id.slice(0, 2) }) : undefined}>
                <input id="unit-id" className="mono" value={values.id} autoComplete="off" autoFocus onChange={(e) => set({ id: e.target.value })} />
              </Field>
            </>
          )}
          <Field id="unit-name" label={t('units.name')} error={errors.name} span="full">
            <input id="unit-name" value={values.name} autoComplete="off" autoFocus={mode.kind === 'rename'}
              onChange={(e) => set({ name: e.target.value })} />
          </Field>
        </div>
        <div className="form-actions">
          <button type="submit" className="primary" data-testid="unit-form-submit" disabled={busy}>
            {mode.kind === 'add' ? t('units.add') : t('common.save')}
          </button>
          <button type="button" className="secondary" onClick={onClose}>{t('common.cancel')}</button>
        </div>
      </form>
    </Dialog>
  );
}
