import { useCallback, useEffect, useState } from 'react';
import { Notice } from '../../components/Notice';
import { useI18n } from '../../i18n/I18nProvider';
import { hrefFor, type HardshipTab } from '../../router';
import '../../styles/hardship.css';
import { AidTab } from './AidTab';
import { CadresCard } from './CadresCard';
import { FileHeader } from './FileHeader';
import { FollowUpCard } from './FollowUpCard';
import { HardshipTabs } from './HardshipTabs';
import { HardshipTimeline } from './HardshipTimeline';
import { HouseholdCard } from './HouseholdCard';
import { NoticeCard } from './NoticeCard';
import { StepDialog } from './StepDialog';
import type { StepSpec } from './step-spec';
import { useHardshipFile } from './useHardshipFile';
import { AuditView } from '../../components/audit/AuditView';
import { HARDSHIP_AUDIT } from '../../components/audit/vocabularies';
import { CaseNumberTag } from '../../components/CaseNumberTag';
import { AttachmentsPanel, mayAttach } from '../../components/attachments';
import { readSession } from '../../session';

/** 困难职工家庭档案: the household, its notice, cadres and follow-up; its aid; its history. Every step is a dialog. */
export function HardshipFilePage({ id, tab }: { id: string; tab: HardshipTab }) {
  const { t } = useI18n();
  const { file, history, error, notFound, reload } = useHardshipFile(id);
  const [dialog, setDialog] = useState<StepSpec | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const conflict = useCallback(() => void reload(), [reload]);
  useEffect(() => setNotice(null), [tab]);

  if (!file) {
    return (
      <section className="page">
        {notFound ? (
          <div className="card page-message" data-testid="hs-not-found">
            <h2>{t('hs.notFound')}</h2>
            <p>{error}</p>
            <a href={hrefFor({ name: 'cases' })}>{t('detail.back')}</a>
          </div>
        ) : <Notice kind="error" text={error} testId="hs-notice" />}
        {!error && <p className="muted">{t('common.loading')}</p>}
      </section>
    );
  }

  const act = (spec: StepSpec) => {
    setNotice(null);
    setDialog(spec);
  };
  async function done(spec: StepSpec) {
    setDialog(null);
    await reload();
    setNotice(`${t('detail.done')}${t(spec.title)}`);
  }

  return (
    <section className="page hardship-file" data-testid="hardship-file" data-file-id={file.id} data-version={file.version} data-status={file.status}>
      <div className="page-head">
        <h1>{t('hs.title')} <CaseNumberTag number={file.caseNumber} /></h1>
        <a href={hrefFor({ name: 'hardship-due' })}>{t('hs.toDue')}</a>
      </div>
      <FileHeader file={file} onAction={act} />
      <HardshipTabs id={file.id} tab={tab} />
      <Notice kind="info" text={notice} testId="hs-notice" />
      {tab === 'file' && (
        <>
          <HouseholdCard file={file} />
          <FollowUpCard file={file} />
          <NoticeCard file={file} onAction={act} />
          <CadresCard file={file} onAction={act} />
          <AttachmentsPanel kind="hardship-files" caseId={file.id} canAdd={mayAttach(readSession()?.user.role, 'hardship-files')} onChanged={conflict} />
        </>
      )}
      {tab === 'aid' && <AidTab file={file} onAction={act} />}
      {tab === 'history' && <HardshipTimeline id={file.id} history={history} />}
      {tab === 'audit' && <AuditView id={file.id} history={history} vocabulary={HARDSHIP_AUDIT} />}
      {dialog && (
        <StepDialog key={dialog.id} spec={dialog} version={file.version} onClose={() => setDialog(null)} onConflict={conflict} onDone={() => void done(dialog)} />
      )}
    </section>
  );
}
