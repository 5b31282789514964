import { canSeeCase, type Principal } from '#access-control';
import { decideOnLoaded, deterministicUuid, loadStreams, type CommandMeta, type CommandResult, type DecidedCommand } from '#command-handling';
import { CaseworkError, ConcurrencyConflictError, NotFoundError, ValidationError } from '#errors';
import { canAppendToStreams, DuplicateEventIdError, WrongExpectedRevisionError, type EventStore } from '#event-store';
import { aidCampaignViolations, campaignDelivery, refusalOfRow, rejectCampaignIfAnyRefused, type AidCampaign, type CampaignRow, type HardshipDecider, type HardshipEvent, type HardshipFileState, hardshipFileStream } from '#hardship';
import type { OrgUnits } from '#identity';
import type { DeliverAidCampaign } from '#context-commands';

export type { DeliverAidCampaign } from '#context-commands';


/** The report of a campaign as decided, and what it needs written (nothing for files that already have it: a retry). */
export interface CampaignDecision {
  readonly rows: (CampaignRow & { readonly headName: string | null; readonly unitId: string | null })[];
  readonly toWrite: DecidedCommand<HardshipEvent, HardshipFileState>[];
}

const notFound = () => new NotFoundError('hardship_file_not_found', '困难职工档案不存在或无权查看');

/** Each file's delivery id: the same for every retry of the campaign. */
export const campaignDeliveryId = (campaignId: string, fileId: string) => deterministicUuid(campaignId, 'campaign-aid', fileId);

/**
 * How the rows are named when the files were given otherwise than as `fileIds`: pasted as numbers,
 * some of which named no file, the files found keep the rows of their numbers (`caseNumbers.<i>`).
 */
export interface CampaignRowNaming {
  readonly list: 'fileIds' | 'caseNumbers';
  /** The row (1-based) of each file, in the order of `fileIds`. */
  readonly rowOf: readonly number[];
}

/**
 * Every file read (together, when the store can) and judged as its own `DeliverAid` — a file the
 * user may not see is "not found", as on its own page. Nothing is written here: the console's check
 * and the campaign itself decide alike.
 */
export async function decideAidCampaign(
  store: EventStore, decider: HardshipDecider, orgUnits: OrgUnits, command: DeliverAidCampaign['data'], meta: CommandMeta, naming?: CampaignRowNaming,
): Promise<CampaignDecision> {
  const { campaignId, fileIds, campaign } = command;
  const violations = aidCampaignViolations(campaign, fileIds);
  if (violations.length > 0) throw new ValidationError(violations);
  const loaded = await loadStreams(store, decider, fileIds.map((fileId) => ({ streamId: hardshipFileStream(fileId) })), 8);
  const rows: CampaignDecision['rows'][number][] = [];
  const toWrite: CampaignDecision['toWrite'] = [];
  fileIds.forEach((fileId, index) => {
    const state = loaded[index].state;
    const visible = state.status !== 'none' && canSeeCase(meta.actor as Principal, { kind: 'hardship_file', unitIds: [state.unitId!] }, orgUnits);
    const deliveryId = campaignDeliveryId(campaignId, fileId);
    const rowNumber = naming?.rowOf[index] ?? index + 1;
    const row = { row: rowNumber, fileId, deliveryId, headName: visible ? state.head?.name ?? null : null, unitId: visible ? state.unitId : null };
    try {
      if (!visible) throw notFound();
      const decision = decideOnLoaded(loaded[index], decider, hardshipFileStream(fileId), campaignDelivery(campaign, campaignId, deliveryId), { ...meta, expectedVersion: undefined });
      if ('append' in decision) toWrite.push(decision);
      rows.push({ ...row, ok: true, problems: [] });
    } catch (error) {
      if (!(error instanceof CaseworkError)) throw error;
      rows.push({ ...row, ok: false, problems: refusalOfRow(rowNumber, error, naming?.list) });
    }
  });
  return { rows, toWrite };
}

/**
 * The campaign, all or none: decided on every file, then written in ONE commit to all their streams
 * (`appendToStreams`). Another writer that moved one of the files on meanwhile refuses the commit, and
 * the whole campaign is decided again on the files as they now are. A store that cannot write several
 * streams at once (KurrentDB) gets the files one by one once every file was accepted; a failure midway
 * leaves the rest to a retry with the same Idempotency-Key, which writes only what is missing.
 */
export async function runAidCampaign(store: EventStore, decider: HardshipDecider, orgUnits: OrgUnits, command: DeliverAidCampaign['data'], meta: CommandMeta): Promise<CommandResult> {
  for (let attempt = 0; attempt < 3; attempt += 1) {
    const { rows, toWrite } = await decideAidCampaign(store, decider, orgUnits, command, meta);
    rejectCampaignIfAnyRefused(rows);
    const answer = (lastPosition: CommandResult['lastPosition']): CommandResult => ({
      streamId: `hardship-campaign-${command.campaignId}`, version: rows.length, lastPosition, events: toWrite.flatMap((d) => d.events),
    });
    if (toWrite.length === 0) return answer(null);
    if (!canAppendToStreams(store)) {
      let last = null;
      for (const decided of toWrite) last = (await store.appendToStream(decided.append.streamId, decided.append.events, decided.append.expected)).lastPosition;
      return answer(last);
    }
    try {
      const results = await store.appendToStreams(toWrite.map((d) => d.append));
      return answer(results[results.length - 1].lastPosition);
    } catch (error) {
      if (!(error instanceof WrongExpectedRevisionError || error instanceof DuplicateEventIdError)) throw error;
    }
  }
  throw new ConcurrencyConflictError(0, '所选档案正被他人同时修改，请稍后用同一幂等键重试');
}
