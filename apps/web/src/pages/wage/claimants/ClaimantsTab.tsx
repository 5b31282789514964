import { useCallback, useRef, useState } from 'react';
import type { Attachment } from '../../../api-types';
import { AttachmentsPanel, countsByPerson, mayAttach } from '../../../components/attachments';
import { readSession } from '../../../session';
import type { DialogSpec } from '../command-dialogs';
import type { WageCase } from '../wage-types';
import { ClaimantEntry } from './ClaimantEntry';
import { ClaimantTable } from './ClaimantTable';

/** 申请人: who claims what, and adding more while the case is open; each worker's evidence files below, a count beside each. */
export function ClaimantsTab({ kase, onAction, onAdded, onConflict }: {
  kase: WageCase;
  onAction(spec: DialogSpec): void;
  onAdded(count: number): void;
  onConflict(): void;
}) {
  const [person, setPerson] = useState<string | null>(null);
  const [fileCounts, setFileCounts] = useState<Map<string, number>>(new Map());
  const panel = useRef<HTMLDivElement>(null);
  const loaded = useCallback((attachments: readonly Attachment[]) => setFileCounts(countsByPerson(attachments)), []);
  const showFiles = (claimantId: string) => {
    setPerson(`claimant:${claimantId}`);
    panel.current?.scrollIntoView({ block: 'start' });
  };
  return (
    <>
      <ClaimantTable kase={kase} onAction={onAction} fileCounts={fileCounts} onShowFiles={showFiles} />
      {kase.allowedActions.includes('add-claimants') && (
        <ClaimantEntry caseId={kase.id} version={kase.version} onAdded={onAdded} onConflict={onConflict} />
      )}
      <div ref={panel}>
        <AttachmentsPanel kind="wage-cases" caseId={kase.id} canAdd={mayAttach(readSession()?.user.role, 'wage-cases')}
          person={person} onPerson={setPerson} onLoaded={loaded} onChanged={onConflict} />
      </div>
    </>
  );
}
