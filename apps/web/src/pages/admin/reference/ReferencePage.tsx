import { useState } from 'react';
import type { AdminRefItem, ReferenceListName } from '../../../api-types';
import { Notice } from '../../../components/Notice';
import { useI18n } from '../../../i18n/I18nProvider';
import { useReference } from '../../../reference/ReferenceProvider';
import { AttachmentRetentionSection } from './AttachmentRetentionSection';
import { ReferenceChangeDialog, type ReferenceChangeMode } from './ReferenceChangeDialog';
import { ReferenceHistory } from './ReferenceHistory';
import { ReferenceItemTable, type ItemAction } from './ReferenceItemTable';
import { useReferenceAdmin } from './useReferenceAdmin';

const DONE: Record<ReferenceChangeMode['kind'], 'reference.done.added' | 'reference.done.relabelled' | 'reference.done.retired' | 'reference.done.restored'> = {
  add: 'reference.done.added',
  relabel: 'reference.done.relabelled',
  retire: 'reference.done.retired',
  restore: 'reference.done.restored',
};

/**
 * 参考数据: the hotline lists an administrator keeps — relabel, retire (停用) or restore any item,
 * add to the lists that allow it — with each list's change history underneath.
 */
export function ReferencePage() {
  const { t } = useI18n();
  const { reloadHotline } = useReference();
  const [name, setName] = useState<ReferenceListName>('subcategories');
  const { lists, history, error, reload } = useReferenceAdmin(name);
  const [mode, setMode] = useState<ReferenceChangeMode | null>(null);
  const [notice, setNotice] = useState<{ kind: 'error' | 'info'; text: string } | null>(null);
  const list = lists?.find((candidate) => candidate.name === name);
  const categories = lists?.find((candidate) => candidate.name === 'categories')?.items ?? [];
  const categoryLabel = (code: string | undefined) => categories.find((c) => c.code === code)?.label ?? code ?? '—';

  async function done(kind: ReferenceChangeMode['kind'], label: string) {
    setMode(null);
    setNotice({ kind: 'info', text: t(DONE[kind], { label }) });
    reload();
    // Every other screen of this console reads the lists from the reference provider.
    await reloadHotline().catch(() => undefined);
  }

  function open(action: ItemAction, item: AdminRefItem) {
    setNotice(null);
    setMode({ kind: action, item });
  }

  return (
    <section className="page" data-testid="reference-page">
      <div className="page-head">
        <h1>{t('reference.title')}</h1>
        {list?.canAdd && (
          <button type="button" className="primary" data-testid="reference-add" onClick={() => { setNotice(null); setMode({ kind: 'add' }); }}>
            {t('reference.add')}
          </button>
        )}
      </div>
      <p className="muted">{name === 'evidenceKinds' ? t('refAdmin.evidenceKindsHint') : t('reference.hint')}</p>
      <Notice kind={notice?.kind ?? 'error'} text={notice?.text ?? error} testId="reference-notice" />
      <div className="reference-toolbar">
        <label htmlFor="reference-list">{t('reference.list')}</label>
        <select id="reference-list" data-testid="reference-list" value={name}
          onChange={(e) => { setNotice(null); setName(e.target.value as ReferenceListName); }}>
          {(lists ?? []).map((candidate) => <option key={candidate.name} value={candidate.name}>{candidate.label}</option>)}
        </select>
        {list && (
          <span className="muted" data-testid="reference-count">
            {t('reference.items', { n: list.items.length, m: list.items.filter((item) => !item.active).length })}
          </span>
        )}
      </div>
      {list && (!list.canAdd || !list.canRetire) && (
        <Notice kind="warn" text={[!list.canAdd && t('reference.noAdd'), !list.canRetire && t('reference.noRetire')].filter(Boolean).join(' ')}
          testId="reference-policy" />
      )}
      <div className="card card-flush">
        {list ? <ReferenceItemTable list={list} categoryLabel={categoryLabel} onAction={open} /> : !error && <p className="empty">{t('common.loading')}</p>}
      </div>
      <div className="card card-flush">
        <h2 className="card-title">{t('reference.history')}</h2>
        {history && <ReferenceHistory history={history} />}
      </div>
      {/* Withdrawn evidence files' retention is kept with the evidence kinds (issue 19, point 4). */}
      {name === 'evidenceKinds' && <AttachmentRetentionSection />}
      {mode && list && (
        <ReferenceChangeDialog key={mode.kind === 'add' ? `add-${name}` : `${mode.kind}-${mode.item.code}`} list={list} categories={categories}
          mode={mode} onDone={(label) => done(mode.kind, label)} onClose={() => setMode(null)} />
      )}
    </section>
  );
}
