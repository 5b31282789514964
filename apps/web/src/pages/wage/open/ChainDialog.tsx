import { useState, type FormEvent } from 'react';
import { Dialog } from '../../../components/Dialog';
import { Field } from '../../../components/Field';
import { Notice } from '../../../components/Notice';
import { useI18n } from '../../../i18n/I18nProvider';
import { useCommandRunner } from '../useCommandRunner';
import { wageCasePath } from '../useWageCase';
import type { WageCase } from '../wage-types';
import { ChainEditor } from './ChainEditor';
import { chainRow, formErrors, toChainBody, type ChainRow } from './open-form';

/**
 * 登记工程项目及责任链: a case opened against one employer (an escalated hotline complaint's) names its
 * project and chain, with the same editor as the open-case form; correcting a recorded chain asks why.
 */
export function ChainDialog({ kase, onDone, onClose, onConflict }: { kase: WageCase; onDone(): void; onClose(): void; onConflict(): void }) {
  const { t } = useI18n();
  const correcting = kase.respondent.kind === 'project';
  const [projectName, setProjectName] = useState(correcting ? kase.respondent.name : '');
  const [rows, setRows] = useState<ChainRow[]>(() => (correcting && kase.respondent.chain?.length
    ? kase.respondent.chain.map((party) => ({ ...chainRow(party.role), name: party.name, creditCode: party.creditCode ?? '' }))
    : [chainRow('developer'), chainRow('main_contractor'), chainRow('subcontractor')]));
  const [reason, setReason] = useState('');
  const runner = useCommandRunner(onConflict);
  const { chain, chainIndex } = toChainBody(rows);
  const errors = formErrors(Object.fromEntries(Object.entries(runner.errors).map(([field, message]) => [field.replace(/^chain\./, 'respondent.chain.'), message])), chainIndex);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const body = { projectName: projectName.trim(), chain, ...(reason.trim() ? { reason: reason.trim() } : {}) };
    const result = await runner.run(wageCasePath(kase.id, '/project-chain'), body, {
      version: kase.version,
      placed: (field) => field === 'projectName' || field === 'reason' || field.startsWith('chain'),
    });
    if (result) onDone();
  }

  return (
    <Dialog title={t(correcting ? 'wage.action.correct-chain' : 'wage.action.record-chain')} testId="dialog-record-chain" onClose={onClose}>
      <form className="dialog-form chain-dialog" onSubmit={submit} noValidate>
        <Notice kind="error" text={runner.notice} testId="dialog-error" />
        {!correcting && <p>{t('wage.chainDialog.intro')}</p>}
        <Field id="chain-project-name" label={t('wage.chainDialog.projectName')} error={errors.projectName}>
          <input id="chain-project-name" data-testid="chain-project-name" autoComplete="off" autoFocus value={projectName} onChange={(e) => setProjectName(e.target.value)} />
        </Field>
        <p className="muted">{t('wage.chain.hint')}</p>
        <ChainEditor rows={rows} errors={errors} onChange={setRows} />
        {correcting && (
          <Field id="chain-reason" label={t('wage.chainDialog.reason')} error={errors.reason}>
            <textarea id="chain-reason" data-testid="chain-reason" rows={2} value={reason} onChange={(e) => setReason(e.target.value)} />
          </Field>
        )}
        <div className="form-actions">
          <button type="submit" className="primary" data-testid="dialog-submit" disabled={runner.busy}>{t('common.save')}</button>
          <button type="button" className="secondary" data-testid="dialog-cancel" onClick={onClose}>{t('common.cancel')}</button>
        </div>
      </form>
    </Dialog>
  );
}
