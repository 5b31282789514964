import { Body, Controller, Get, HttpCode, Inject, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CommandBus } from '@nestjs/cqrs';
import type { DataSource } from 'typeorm';
import { deterministicUuid, type IdempotencyStore } from '#command-handling';
import { ForbiddenError, ValidationError } from '#errors';
import type { EventStore } from '#event-store';
import { HARDSHIP_LEVELS, type AidCampaign, type HardshipDecider } from '#hardship';
import type { OrgUnits } from '#identity';
import { DATA_SOURCE, EVENT_STORE, IDEMPOTENCY, ORG_UNITS } from '../core/tokens.js';
import { CurrentUser, type AuthenticatedUser } from '../auth/current-user.js';
import { CaseAccess } from '../auth/case-access.js';
import { CommandMetadata, type HttpCommandMeta } from '../http/command-meta.decorator.js';
import { HARDSHIP_DECIDER } from '../../../hardship/src/hardship-tokens.js';
import { ExecuteHardshipCommand } from '../../../hardship/src/execute-hardship-command.js';
import { campaignDeliveryId, decideAidCampaign, type DeliverAidCampaign } from '../../../hardship/src/campaigns/aid-campaign.js';
import { hardshipFileStream } from '../../../hardship/src/hardship-stream.js';
import { CAMPAIGN_FILE_LIMIT, campaignFiles } from './campaign-files.query.js';
import { AidCampaignDto } from './aid-campaign.dto.js';

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
    const data = await this.campaignOf(b, user, m);
    const { rows } = await decideAidCampaign(this.store, this.decider, this.orgUnits, data, m);
    return { ok: rows.every((row) => row.ok), files: rows.length, refused: rows.filter((row) => !row.ok).length, rows };
  }

  /** Records the aid in every file, or — any file refused — in none (400 naming each refused row as `fileIds.<n>…`). */
  @Post() @HttpCode(201)
  async deliver(@Body() b: AidCampaignDto, @CurrentUser() user: AuthenticatedUser, @CommandMetadata() m: HttpCommandMeta) {
    const data = await this.campaignOf(b, user, m);
    const answer = () => ({
      campaignId: data.campaignId,
      delivered: data.fileIds.length,
      rows: data.fileIds.map((fileId, index) => ({ row: index + 1, fileId, ok: true, deliveryId: campaignDeliveryId(data.campaignId, fileId) })),
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

  private async campaignOf(b: AidCampaignDto, user: AuthenticatedUser, m: HttpCommandMeta): Promise<DeliverAidCampaign['data']> {
    this.assertMayRecordAid(user);
    if ((b.fileIds === undefined) === (b.filter === undefined)) {
      throw new ValidationError([{ field: 'fileIds', rule: 'one_of_fileIds_filter', message: '请粘贴档案编号（fileIds）或给出筛选条件（filter），二者选一' }]);
    }
    const fileIds = b.fileIds ? b.fileIds.map((id) => id.trim()) : (await this.filesOf(b.filter!, user)).map((file) => file.id);
    const campaign: AidCampaign = { type: b.type as never, deliveredOn: b.deliveredOn, amount: b.amount, ...(b.inKind ? { inKind: b.inKind } : {}), fundingSource: b.fundingSource };
    return { campaignId: deterministicUuid(m.commandId, 'aid-campaign'), fileIds, campaign };
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
