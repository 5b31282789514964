import { useState } from 'react';
import { Notice } from '../../components/Notice';
import { useI18n } from '../../i18n/I18nProvider';
import { useReference } from '../../reference/ReferenceProvider';
import { UnitForm, type UnitFormMode } from './UnitForm';
import { UnitTree } from './UnitTree';

/** 单位管理: the org tree (city → districts → stations, and the mediation rooms), add and rename. */
export function UnitsPage() {
  const { t } = useI18n();
  const { units, reloadUnits } = useReference();
  const [mode, setMode] = useState<UnitFormMode | null>(null);
  const [notice, setNotice] = useState<{ kind: 'error' | 'info'; text: string } | null>(null);

  async function saved(name: string) {
    const added = mode?.kind === 'add';
    setMode(null);
    try {
      await reloadUnits();
      setNotice({ kind: 'info', text: t(added ? 'units.addedDone' : 'units.renamedDone', { name }) });
    } catch {
      setNotice({ kind: 'error', text: t('common.networkError') });
    }
  }

  return (
    <section className="page page-narrow" data-testid="units-page">
      <div className="page-head">
        <h1>{t('units.title')}</h1>
        <span className="muted">{t('units.total', { n: units.length })}</span>
      </div>
      <Notice kind={notice?.kind ?? 'info'} text={notice?.text ?? null} testId="units-notice" />
      <div className="card">
        <UnitTree units={units} onAdd={(parent) => { setNotice(null); setMode({ kind: 'add', parent }); }}
          onRename={(unit) => { setNotice(null); setMode({ kind: 'rename', unit }); }} />
      </div>
      {mode && <UnitForm key={mode.kind === 'add' ? `add-${mode.parent.id}` : `rename-${mode.unit.id}`} mode={mode}
        onSaved={saved} onClose={() => setMode(null)} />}
    </section>
  );
}
