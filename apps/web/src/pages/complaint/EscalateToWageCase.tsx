import { useState, type FormEvent } from 'react';
import { api, ApiError } from '../../api';
import type { ComplaintState } from '../../api-types';
import { Dialog } from '../../components/Dialog';
import { Field } from '../../components/Field';
import { Notice } from '../../components/Notice';
import { useI18n } from '../../i18n/I18nProvider';
import { navigate } from '../../router';
import { wageCasePath } from '../wage/useWageCase';
import { useCommandRunner } from '../wage/useCommandRunner';

/** The hotline category of wage arrears (劳动报酬): only its complaints become wage cases. */
export const WAGE_ARREARS_CATEGORY = 'pay';

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The wage case is opened by a process manager after the complaint records the escalation: wait for it. */
async function waitForWageCase(id: string): Promise<boolean> {
  for (let attempt = 0; attempt < 40; attempt++) {
    try {
      await api.get(wageCasePath(id));
      return true;
    } catch (e) {
      if (!(e instanceof ApiError) || e.status !== 404) throw e;
      await pause(250);
    }
  }
  return false;
}

/**
 * 转为欠薪案件: a wage-arrears complaint opens a linked wage case in the handling unit, with the
 * complaint's summary unless the caseworker writes another. The console then opens the case.
 */
export function EscalateToWageCase({ complaint, onConflict, onLinked }: { complaint: ComplaintState; onConflict(): void; onLinked(): void }) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  const [summary, setSummary] = useState(complaint.summary ?? '');
  const [waiting, setWaiting] = useState(false);
  const runner = useCommandRunner(onConflict);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const text = summary.trim();
    const answer = await runner.run<{ wageCaseId: string }>(`/api/complaints/${encodeURIComponent(complaint.id)}/escalate`,
      text && text !== complaint.summary ? { summary: text } : {}, { version: complaint.version, placed: (field) => field === 'summary' });
    if (!answer) return;
    setWaiting(true);
    const opened = await waitForWageCase(answer.wageCaseId).catch(() => false);
    if (opened) navigate({ name: 'wage-case', id: answer.wageCaseId });
    else {
      setWaiting(false);
      setOpen(false);
      onLinked();
    }
  }

  return (
    <>
      <button type="button" className="secondary" data-testid="action-escalate" onClick={() => setOpen(true)}>{t('action.escalate')}</button>
      {open && (
        <Dialog title={t('action.escalate')} testId="escalate-dialog" onClose={() => setOpen(false)}>
          <form className="dialog-form" onSubmit={submit} noValidate>
            <Notice kind="error" text={runner.notice} testId="dialog-error" />
            <p>{t('escalate.intro')}</p>
            <Field id="escalate-summary" label={t('escalate.summary')} error={runner.errors.summary}>
              <textarea id="escalate-summary" data-testid="escalate-summary" rows={4} value={summary} onChange={(e) => setSummary(e.target.value)} />
            </Field>
            {waiting && <p className="muted">{t('escalate.waiting')}</p>}
            <div className="form-actions">
              <button type="submit" className="primary" data-testid="dialog-submit" disabled={runner.busy || waiting}>{t('action.escalate')}</button>
              <button type="button" className="secondary" onClick={() => setOpen(false)}>{t('common.cancel')}</button>
            </div>
          </form>
        </Dialog>
      )}
    </>
  );
}
