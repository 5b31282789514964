import { useState, type FormEvent } from 'react';
import { api, ApiError } from '../../../api';
import type { AdminRefItem, AdminRefList } from '../../../api-types';
import { Dialog } from '../../../components/Dialog';
import { Field } from '../../../components/Field';
import { Notice } from '../../../components/Notice';
import { useI18n } from '../../../i18n/I18nProvider';
import { referenceListPath } from './useReferenceAdmin';

export type ReferenceChangeMode =
  | { kind: 'add' }
  | { kind: 'relabel' | 'retire' | 'restore'; item: AdminRefItem };

type Values = { code: string; label: string; labelEn: string; parentCode: string; reason: string };
type FieldName = keyof Values;

/** Which inputs each change asks for; every change asks for a reason (the history keeps it). */
const FIELDS: Record<ReferenceChangeMode['kind'], FieldName[]> = {
  add: ['code', 'label', 'labelEn', 'reason'],
  relabel: ['label', 'labelEn', 'reason'],
  retire: ['reason'],
  restore: ['reason'],
};

/**
 * Adds an item to a list (`POST /api/admin/reference/hotline/:list`), corrects its labels (`PATCH …/:code`),
 * or retires or restores it (`POST …/:code/retire|restore`). The server's field errors are shown in place.
 */
export function ReferenceChangeDialog({ list, categories, mode, onDone, onClose }: {
  list: AdminRefList;
  /** The first-level categories, for a new second-level one. */
  categories: AdminRefItem[];
  mode: ReferenceChangeMode;
  onDone(label: string): void;
  onClose(): void;
}) {
  const { t } = useI18n();
  const item = mode.kind === 'add' ? null : mode.item;
  const shape: FieldName[] = mode.kind === 'add' && list.name === 'subcategories' ? ['parentCode', ...FIELDS.add] : FIELDS[mode.kind];
  // The evidence kinds have Chinese labels only.
  const fields = list.name === 'evidenceKinds' ? shape.filter((name) => name !== 'labelEn') : shape;
  const [values, setValues] = useState<Values>({
    code: '', label: item?.label ?? '', labelEn: item?.labelEn ?? '', reason: '',
    parentCode: categories.find((c) => c.active)?.code ?? '',
  });
  const [errors, setErrors] = useState<Partial<Record<string, string>>>({});
  const [notice, setNotice] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const set = (patch: Partial<Values>) => setValues((v) => ({ ...v, ...patch }));

  async function submit(event: FormEvent) {
    event.preventDefault();
    const missing: Record<string, string> = {};
    for (const name of fields) if (!values[name].trim()) missing[name] = t(`reference.required.${name}`);
    setErrors(missing);
    if (Object.keys(missing).length > 0 || busy) return;
    setBusy(true);
    setNotice(null);
    const base = referenceListPath(list.name);
    const body = Object.fromEntries(fields.map((name) => [name, values[name].trim()]));
    try {
      if (mode.kind === 'add') await api.post(base, body);
      else if (mode.kind === 'relabel') await api.patch(`${base}/${encodeURIComponent(mode.item.code)}`, body);
      else await api.post(`${base}/${encodeURIComponent(mode.item.code)}/${mode.kind}`, body);
      onDone(mode.kind === 'add' || mode.kind === 'relabel' ? values.label.trim() : mode.item.label);
    } catch (e) {
      if (!(e instanceof ApiError)) return setNotice(t('common.networkError'));
      setErrors(e.fieldErrors);
      setNotice(e.body.errors?.every((err) => fields.includes(err.field as FieldName)) ? null : e.message);
    } finally {
      setBusy(false);
    }
  }

  const title =
    mode.kind === 'add' ? t('reference.addTitle', { list: list.label })
      : t(`reference.${mode.kind}Title`, { label: mode.item.label });
  const input = (name: Exclude<FieldName, 'parentCode'>, props: { hint?: string; autoFocus?: boolean; span?: 'full' } = {}) => (
    <Field id={`reference-${name}`} label={t(`reference.${name}`)} error={errors[name]} hint={props.hint} span={props.span}>
      <input id={`reference-${name}`} className={name === 'code' ? 'mono' : undefined} value={values[name]} autoComplete="off"
        autoFocus={props.autoFocus} onChange={(e) => set({ [name]: e.target.value })} />
    </Field>
  );
  return (
    <Dialog title={title} testId="reference-dialog" onClose={onClose}>
      <form className="dialog-form" data-testid="reference-form" onSubmit={submit} noValidate>
        <Notice kind="error" text={notice} testId="reference-form-error" />
        {(mode.kind === 'retire' || mode.kind === 'restore') && <p>{t(`reference.${mode.kind}Text`)}</p>}
        <div className="form-grid cols-2">
          {fields.includes('parentCode') && (
            <Field id="reference-parentCode" label={t('reference.parent')} error={errors.parentCode} span="full">
              <select id="reference-parentCode" value={values.parentCode} onChange={(e) => set({ parentCode: e.target.value })}>
                {categories.filter((c) => c.active).map((c) => <option key={c.code} value={c.code}>{c.label}</option>)}
              </select>
            </Field>
          )}
          {fields.includes('code') && input('code', { hint: t('reference.codeHint'), autoFocus: true, span: 'full' })}
          {fields.includes('label') && input('label', { autoFocus: mode.kind === 'relabel' })}
          {fields.includes('labelEn') && input('labelEn')}
          <Field id="reference-reason" label={t('reference.reason')} error={errors.reason} hint={t('reference.reasonHint')} span="full">
            <textarea id="reference-reason" rows={2} value={values.reason} autoFocus={mode.kind === 'retire' || mode.kind === 'restore'}
              onChange={(e) => set({ reason: e.target.value })} />
          </Field>
        </div>
        <div className="form-actions">
          <button type="submit" className={mode.kind === 'retire' ? 'danger' : 'primary'} data-testid="reference-submit" disabled={busy}>
            {t(`reference.${mode.kind}`)}
          </button>
          <button type="button" className="secondary" onClick={onClose}>{t('common.cancel')}</button>
        </div>
      </form>
    </Dialog>
  );
}
