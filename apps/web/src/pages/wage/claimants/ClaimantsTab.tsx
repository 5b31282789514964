import type { DialogSpec } from '../command-dialogs';
import type { WageCase } from '../wage-types';
import { ClaimantEntry } from './ClaimantEntry';
import { ClaimantTable } from './ClaimantTable';

/** 申请人: who claims what, and adding more while the case is open. */
export function ClaimantsTab({ kase, onAction, onAdded, onConflict }: {
  kase: WageCase;
  onAction(spec: DialogSpec): void;
  onAdded(count: number): void;
  onConflict(): void;
}) {
  return (
    <>
      <ClaimantTable kase={kase} onAction={onAction} />
      {kase.allowedActions.includes('add-claimants') && (
        <ClaimantEntry caseId={kase.id} version={kase.version} onAdded={onAdded} onConflict={onConflict} />
      )}
    </>
  );
}
