import { Body, Controller, Get, HttpCode, Inject, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CommandBus } from '@nestjs/cqrs';
import type { DataSource } from 'typeorm';
import { deterministicUuid, type IdempotencyStore } from '#command-handling';
import { ForbiddenError, ValidationError } from '#errors';
import type { EventStore } from '#event-store';
import { aidCampaignViolations, campaignCaseNumbers, HARDSHIP_LEVELS, numberNotFoundOrOutOfScope, type AidCampaign, type HardshipDecider, hardshipFileStream } from '#hardship';
import type { OrgUnits } from '#identity';
import { DATA_SOURCE, EVENT_STORE, IDEMPOTENCY, ORG_UNITS, HARDSHIP_DECIDER } from '#service-tokens';
import { CurrentUser, type AuthenticatedUser } from '../auth/current-user.js';
import { CaseAccess } from '../auth/case-access.js';
import { CommandMetadata, type HttpCommandMeta } from '../http/command-meta.decorator.js';
import { ExecuteHardshipCommand } from '#context-commands';
import { campaignDeliveryId, decideAidCampaign, type DeliverAidCampaign } from '#hardship-service';
import { CAMPAIGN_FILE_LIMIT, campaignFiles, campaignFilesByNumber, type NumberedCampaignFile } from './campaign-files.query.js';
import { AidCampaignDto } from './aid-campaign.dto.js';

/** Files pasted as numbers: the folded numbers in their order, and the files of the user's units they name. */
interface ByNumber {
  readonly numbers: readonly string[];
  readonly files: ReadonlyMap<string, NumberedCampaignFile>;
}

interface ChosenCampaign {
  readonly data: DeliverAidCampaign['data'];
  readonly byNumber?: ByNumber;
}

const FILE_STATUSES = ['applied', 'verified', 'in_notice', 'awaiting_registration', 'active', 'lifted', 'relieved', 'cancelled', 'rejected'];

/**
 * 批量发放 (送温暖, 金秋助学 …): one aid delivery for many hardship files in one step, all or none, with
 * a report row by row. The same people may do it as record a single delivery: caseworkers and
 * supervisors, on the files of their units.
 */
@ApiTags('hardship-campaigns')
@ApiBearerAuth()
@Controller('api/hardship/campaigns')
export class AidCampaignsController {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly access: CaseAccess,
    @Inject(IDEMPOTENCY) private readonly idempotency: IdempotencyStore,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(HARDSHIP_DECIDER) private readonly decider: HardshipDecider,
    @Inject(ORG_UNITS) private readonly orgUnits: OrgUnits,
    @Inject(DATA_SOURCE) private readonly dataSource: DataSource,
  ) {}

  /** The files a filter chooses (the user's units and below; by default the active files of the user's unit), for the console to show first. */
  @Get('files')
  async files(@Query('unit') unit: string | undefined, @Query('status') status: string | undefined, @Query('level') level: string | undefined, @CurrentUser() user: AuthenticatedUser) {
    const files = await this.filesOf({ unitId: unit, status, level }, user);
    return { files, capped: files.length >= CAMPAIGN_FILE_LIMIT };
  }

  /** The check a campaign would make, writing nothing: every row with whether it would get the aid, and why not. */
  @Post('check') @HttpCode(200)
  async check(@Body() b: AidCampaignDto, @CurrentUser() user: AuthenticatedUser, @CommandMetadata() m: HttpCommandMeta) {
    const rows = await this.rowsOf(await this.campaignOf(b, user, m), m);
    return { ok: rows.every((row) => row.ok), files: rows.length, refused: rows.filter((row) => !row.ok).length, rows };
  }

  /**
   * Records the aid in every file, or — any file refused — in none (400 naming each refused row as
   * `fileIds.<n>…`, or `caseNumbers.<n>…` when pasted as numbers: a number that names no file of the
   * user's units stops the campaign like a refused file).
   */
  @Post() @HttpCode(201)
  async deliver(@Body() b: AidCampaignDto, @CurrentUser() user: AuthenticatedUser, @CommandMetadata() m: HttpCommandMeta) {
    const chosen = await this.campaignOf(b, user, m);
    const { data, byNumber } = chosen;
    if (byNumber) {
      // Every number must name a file before anything is written; the rows are named by the numbers' rows.
      const problems = (await this.rowsOf(chosen, m)).flatMap((row) => row.problems);
      if (problems.length > 0) throw new ValidationError(problems);
    }
    const answer = () => ({
      campaignId: data.campaignId,
      delivered: data.fileIds.length,
      rows: data.fileIds.map((fileId, index) => ({
        row: index + 1, fileId, ...(byNumber ? { caseNumber: byNumber.numbers[index] } : {}), ok: true, deliveryId: campaignDeliveryId(data.campaignId, fileId),
      })),
    });
    return this.idempotency.once(
      user.userId,
      m.idempotencyKey,
      async () => {
        await this.commandBus.execute(new ExecuteHardshipCommand(data.campaignId, { type: 'DeliverAidCampaign', data }, m));
        return answer();
      },
      m.requestFingerprint,
      // A key taken over from a process that died: the campaign was written in one commit, so one file tells.
      async () => ((await this.store.readStream(hardshipFileStream(data.fileIds[0]))).some((e) => e.metadata.commandId === m.commandId) ? answer() : undefined),
    );
  }

  private async campaignOf(b: AidCampaignDto, user: AuthenticatedUser, m: HttpCommandMeta): Promise<ChosenCampaign> {
    this.assertMayRecordAid(user);
    if ([b.fileIds, b.caseNumbers, b.filter].filter((way) => way !== undefined).length !== 1) {
      throw new ValidationError([{ field: 'fileIds', rule: 'one_of_fileIds_filter', message: '请粘贴档案编号（caseNumbers 或 fileIds）或给出筛选条件（filter），三者选一' }]);
    }
    const campaign: AidCampaign = { type: b.type as never, deliveredOn: b.deliveredOn, amount: b.amount, ...(b.inKind ? { inKind: b.inKind } : {}), fundingSource: b.fundingSource };
    const campaignId = deterministicUuid(m.commandId, 'aid-campaign');
    if (b.caseNumbers) {
      const byNumber = await this.filesByNumber(b.caseNumbers, user);
      const fileIds = byNumber.numbers.flatMap((number) => byNumber.files.get(number)?.id ?? []);
      return { data: { campaignId, fileIds, campaign }, byNumber };
    }
    const fileIds = b.fileIds ? b.fileIds.map((id) => id.trim()) : (await this.filesOf(b.filter!, user)).map((file) => file.id);
    return { data: { campaignId, fileIds, campaign } };
  }

  /** Pasted numbers checked, folded and looked up among the files of the user's unit and below. */
  private async filesByNumber(pasted: readonly unknown[], user: AuthenticatedUser): Promise<ByNumber> {
    const { numbers, violations } = campaignCaseNumbers(pasted);
    if (violations.length > 0) throw new ValidationError(violations);
    return { numbers, files: await campaignFilesByNumber(this.dataSource, { unitIds: this.orgUnits.subtree(user.orgUnitId), numbers }) };
  }

  /**
   * The campaign's report, row by row. Pasted numbers: the files found are judged (keeping their
   * numbers' rows), each number that named none is a refused row of its own, with the file's number,
   * title and status from the case list beside the decision.
   */
  private async rowsOf({ data, byNumber }: ChosenCampaign, m: HttpCommandMeta) {
    if (!byNumber) return (await decideAidCampaign(this.store, this.decider, this.orgUnits, data, m)).rows;
    const fieldViolations = aidCampaignViolations(data.campaign, byNumber.numbers);
    if (fieldViolations.length > 0) throw new ValidationError(fieldViolations);
    const rowOf = byNumber.numbers.flatMap((number, index) => (byNumber.files.has(number) ? [index + 1] : []));
    const decided = data.fileIds.length === 0 ? [] : (await decideAidCampaign(this.store, this.decider, this.orgUnits, data, m, { list: 'caseNumbers', rowOf })).rows;
    return byNumber.numbers.map((caseNumber, index) => {
      const file = byNumber.files.get(caseNumber);
      const decision = file && decided.find((row) => row.row === index + 1);
      if (!file || !decision) return { row: index + 1, caseNumber, fileId: null, ok: false, deliveryId: null, headName: null, unitId: null, title: null, status: null, problems: numberNotFoundOrOutOfScope(index + 1) };
      return { ...decision, caseNumber, title: file.title, status: file.status };
    });
  }

  /** Who records aid: a user who may see hardship files at all (caseworkers and supervisors); each file's own scope is checked on the file. */
  private assertMayRecordAid(user: AuthenticatedUser): void {
    if (!this.access.listScope(user).kinds.includes('hardship_file')) throw new ForbiddenError('forbidden', '您的角色不能登记困难职工帮扶');
  }

  private async filesOf(filter: { unitId?: string; status?: string; level?: string }, user: AuthenticatedUser) {
    this.assertMayRecordAid(user);
    const unitId = filter.unitId || user.orgUnitId;
    const status = filter.status || 'active';
    const violations = [
      ...(this.orgUnits.find(unitId) && this.orgUnits.isWithin(unitId, user.orgUnitId) ? [] : [{ field: 'filter.unitId', rule: 'within_own_units', message: '单位须为本单位或下级单位' }]),
      ...(FILE_STATUSES.includes(status) ? [] : [{ field: 'filter.status', rule: 'one_of', message: '档案状态不正确' }]),
      ...(filter.level === undefined || filter.level === '' || filter.level in HARDSHIP_LEVELS ? [] : [{ field: 'filter.level', rule: 'one_of', message: '困难等级须为深度困难、相对困难或意外致困' }]),
    ];
    if (violations.length > 0) throw new ValidationError(violations);
    return campaignFiles(this.dataSource, { unitIds: this.orgUnits.subtree(unitId), status, level: filter.level || undefined });
  }
}
