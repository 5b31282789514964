import { Body, Controller, Get, HttpCode, Inject, Injectable, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CommandBus } from '@nestjs/cqrs';
import { deterministicUuid, type IdempotencyStore } from '#command-handling';
import { CaseCommands } from '../http/case-commands.js';
import type { EventStore, RecordedEvent } from '#event-store';
import { ForbiddenError, NotFoundError, ValidationError } from '#errors';
import { parseDelimited, readWorkbook, type Cell } from '#spreadsheet';
import { importLegacyRegistry } from '#hardship-service';
import { LegacyHeaderError } from '#hardship-service';
import { SheetUploadDto } from '../http/sheet-upload.dto.js';
import { activeUserById, type OrgUnits } from '#identity';
import { canSeeCase } from '#access-control';
import type { HardshipCommand } from '#hardship';
import type { CaseNumbers } from '#case-numbers';
import { CALENDAR, CASE_NUMBERS, DATA_SOURCE, EVENT_STORE, IDEMPOTENCY, ORG_UNITS, PERSONAL_DATA_HASH_KEY } from '#service-tokens';
import type { WorkingCalendar } from '#calendar';
import type { DataSource } from 'typeorm';
import { markHardshipReminderRead, queryHardshipReminders } from '#read-models';
import { HardshipDueQueryDto, listHardshipDue } from './hardship-due-listing.js';
import { Query } from '@nestjs/common';
import { RequestTime } from '../http/command-meta.decorator.js';
import { CurrentUser, type AuthenticatedUser } from '../auth/current-user.js';
import { CaseAccess } from '../auth/case-access.js';
import { ActorNames } from '../users/actor-names.js';
import { CommandMetadata, type HttpCommandMeta } from '../http/command-meta.decorator.js';
import { CaseIdPipe } from '../http/case-id.pipe.js';
import { ExecuteHardshipCommand } from '#context-commands';
import { hardshipFileStream } from '#hardship';
import * as Dto from './hardship.dto.js';
import { foldHardshipFile, hardshipFileView } from './hardship-file-view.js';

const FileId = new CaseIdPipe('hardship_file_not_found', '困难职工档案不存在或无权查看');
const notFound = () => new NotFoundError('hardship_file_not_found', '困难职工档案不存在或无权查看');
type Meta = HttpCommandMeta;

export { foldHardshipFile };

/** Every HTTP entry into a hardship file (see CaseCommands). */
@Injectable()
export class HardshipFileCommands extends CaseCommands<HardshipCommand> {
  constructor(commandBus: CommandBus, @Inject(EVENT_STORE) store: EventStore, @Inject(IDEMPOTENCY) idempotency: IdempotencyStore, access: CaseAccess) {
    super(commandBus, store, idempotency, access, {
      kind: 'hardship_file',
      stream: hardshipFileStream,
      unitsOf: (events) => [foldHardshipFile(events).unitId!],
      notFound,
      toBusCommand: (id, command, meta, reason) => new ExecuteHardshipCommand(id, command, meta, reason),
    });
  }
}

/** 困难职工档案 (DOMAIN.md §3): one endpoint per step of the file's life. */
@ApiTags('hardship-files')
@ApiBearerAuth()
@Controller('api/hardship-files')
export class HardshipFilesController {
  constructor(
    private readonly files: HardshipFileCommands,
    private readonly access: CaseAccess,
    @Inject(ORG_UNITS) private readonly orgUnits: OrgUnits,
    @Inject(DATA_SOURCE) private readonly dataSource: DataSource,
    @Inject(CALENDAR) private readonly calendar: WorkingCalendar,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CASE_NUMBERS) private readonly caseNumbers: CaseNumbers,
    private readonly names: ActorNames,
    @Inject(PERSONAL_DATA_HASH_KEY) private readonly hashKey: string,
  ) {}

  /** 待办: notices ending, yearly reviews and follow-up check-ins due within `days` (default 30), overdue first, found by `q` (before `:id`). */
  @Get('due')
  async due(@Query() query: HardshipDueQueryDto, @CurrentUser() user: AuthenticatedUser, @RequestTime() now: Date) {
    return (await listHardshipDue({ dataSource: this.dataSource, access: this.access, hashKey: this.hashKey }, query, now, user)).items;
  }

  /** 我的提醒: the reminders pushed to the user as a file's cadre that still stand, unread first (before `:id`). */
  @Get('reminders')
  reminders(@CurrentUser() user: AuthenticatedUser) {
    return queryHardshipReminders(this.dataSource, user.userId);
  }

  @Post('reminders/:reminderId/read') @HttpCode(200)
  async readReminder(@Param('reminderId') reminderId: string, @CurrentUser() user: AuthenticatedUser, @RequestTime() now: Date) {
    if (!(await markHardshipReminderRead(this.dataSource, user.userId, reminderId, now))) throw new NotFoundError('reminder_not_found', '没有这条提醒');
    return { reminderId, read: true };
  }

  /**
   * 旧台账导入 by upload (the same as `npm run import:hardship`): a supervisor imports a registry of
   * their own units (`{format: csv|xlsx, content}`, xlsx in base64). Any bad row → 400 naming every bad
   * cell by row, nothing imported; a second upload of the same registry adds nothing.
   */
  @Post('import') @HttpCode(200)
  async import(@Body() b: SheetUploadDto, @CurrentUser() user: AuthenticatedUser) {
    if (user.role !== 'supervisor') throw new ForbiddenError('forbidden', '只有督导可以导入旧台账');
    let table: Cell[][];
    try {
      table = b.format === 'xlsx' ? await readWorkbook(Buffer.from(b.content, 'base64')) : parseDelimited(b.content);
    } catch {
      throw new ValidationError([{ field: 'content', rule: 'xlsx', message: '无法读取 Excel 文件，请上传 .xlsx 格式的工作簿' }]);
    }
    try {
      const report = await importLegacyRegistry(this.store, table, {
        batch: `upload-${new Date().toISOString().slice(0, 10)}`,
        existingStreams: async (ids) => new Set((await this.dataSource.query('SELECT stream_id FROM event_store.streams WHERE stream_id = ANY($1)', [ids])).map((r: { stream_id: string }) => r.stream_id)),
        caseNumbers: this.caseNumbers,
        unitAllowed: { test: (unitId) => !!this.orgUnits.find(unitId) && this.orgUnits.isWithin(unitId, user.orgUnitId), message: '建档单位须为本单位或下级单位' },
      });
      if (report.problems.length > 0) throw new ValidationError(report.problems.map(({ field, rule, message }) => ({ field, rule, message })));
      return { imported: report.imported, alreadyThere: report.alreadyThere, events: report.events };
    } catch (error) {
      if (error instanceof LegacyHeaderError) throw new ValidationError([{ field: 'content', rule: 'columns', message: error.message }]);
      throw error;
    }
  }

  /** 申请或排查: the same Idempotency-Key always yields the same file id. */
  @Post() @HttpCode(201)
  open(@Body() b: Dto.ApplicationDto, @CurrentUser() user: AuthenticatedUser, @CommandMetadata() m: Meta) {
    this.access.assertMayOpen(user, 'hardship_file');
    const unitId = b.unitId ?? user.orgUnitId;
    if (!this.keepsFiles(unitId, user)) throw new ValidationError([{ field: 'unitId', rule: 'within_own_units', message: '建档单位须为本单位或下级工会、服务站' }]);
    const fileId = deterministicUuid('hardship-file', user.userId, m.commandId);
    return this.files.run(fileId, { type: 'ReceiveApplication', data: { fileId, source: b.source as never, head: b.head, members: b.members, district: b.district, unitId, causes: b.causes as never, monthlyHouseholdIncome: b.monthlyHouseholdIncome } }, m);
  }

  /** A unit that may keep files: a union (not a mediation room) that is the user's own or below it. */
  private keepsFiles(unitId: string, user: AuthenticatedUser): boolean {
    const unit = this.orgUnits.find(unitId);
    return !!unit && unit.kind !== 'mediation_room' && this.orgUnits.isWithin(unitId, user.orgUnitId);
  }

  private receivingDistrict(unitId: string, user: AuthenticatedUser): string {
    const district = this.orgUnits.districtOf(unitId);
    if (!this.keepsFiles(unitId, user) || !district) throw new ValidationError([{ field: 'unitId', rule: 'within_own_units', message: '接收单位须为本单位或下级的区县工会、服务站' }]);
    return district;
  }

  /** The file as it stands: personal data masked, aid history, next review, follow-up. */
  @Get(':id')
  async get(@Param('id', FileId) id: string, @CurrentUser() user: AuthenticatedUser) {
    const view = hardshipFileView(id, await this.files.visibleEvents(id, user), this.calendar);
    // The cadres and who delivered each aid, by name and unit (a cadre typed as a name long ago reads as typed).
    const people = await this.names.people([...Object.values(view.cadres), ...view.aid.map((d) => d.deliveredBy)].filter((p): p is string => !!p), 'hardship_file');
    return { ...view, people: Object.fromEntries(people) };
  }

  @Get(':id/history')
  async history(@Param('id', FileId) id: string, @CurrentUser() user: AuthenticatedUser) {
    return this.names.history(await this.files.visibleEvents(id, user), { kind: 'hardship_file' });
  }

  @Post(':id/home-visit') @HttpCode(200)
  homeVisit(@Param('id', FileId) id: string, @Body() b: Dto.HomeVisitDto, @CommandMetadata() m: Meta) {
    return this.files.run(id, { type: 'RecordHomeVisit', data: b }, m);
  }

  @Post(':id/notice') @HttpCode(200)
  notice(@Param('id', FileId) id: string, @Body() b: Dto.NoticeDto, @CommandMetadata() m: Meta) {
    return this.files.run(id, { type: 'StartPublicNotice', data: b }, m);
  }

  @Post(':id/objections') @HttpCode(201)
  objection(@Param('id', FileId) id: string, @Body() b: Dto.ObjectionDto, @CommandMetadata() m: Meta) {
    const objectionId = deterministicUuid(m.commandId, 'objection');
    return this.files.run(id, { type: 'RecordObjection', data: { objectionId, ...b } }, m, { extra: { objectionId } });
  }

  @Post(':id/objections/:objectionId/resolution') @HttpCode(200)
  resolveObjection(@Param('id', FileId) id: string, @Param('objectionId') objectionId: string, @Body() b: Dto.ObjectionResolutionDto, @CommandMetadata() m: Meta) {
    return this.files.run(id, { type: 'ResolveObjection', data: { objectionId, ...b } }, m);
  }

  @Post(':id/registration-requests') @HttpCode(201)
  requestRegistration(@Param('id', FileId) id: string, @Body() b: Dto.RegistrationRequestDto, @CommandMetadata() m: Meta) {
    const requestId = deterministicUuid(m.commandId, 'registration');
    return this.files.run(id, { type: 'RequestRegistration', data: { requestId, level: b.level as never, causes: b.causes as never } }, m, { extra: { requestId } });
  }

  @Post(':id/registration-requests/:requestId/decision') @HttpCode(200)
  decideRegistration(@Param('id', FileId) id: string, @Param('requestId') requestId: string, @Body() b: Dto.DecisionDto, @CommandMetadata() m: Meta) {
    return this.files.run(id, { type: 'DecideRegistration', data: { requestId, ...b } }, m, { reason: b.reason });
  }

  /**
   * 移交: another district union or station keeps the file from today (a family moved). The receiving
   * unit must be one of the user's own units or below them, in a district.
   */
  @Post(':id/transfer') @HttpCode(200)
  transfer(@Param('id', FileId) id: string, @Body() b: Dto.TransferDto, @CurrentUser() user: AuthenticatedUser, @CommandMetadata() m: Meta) {
    const toDistrict = this.receivingDistrict(b.unitId, user);
    return this.files.run(id, { type: 'TransferFile', data: { toUnitId: b.unitId, toDistrict, reason: b.reason } }, m, { reason: b.reason });
  }

  /** 帮扶责任人: an active user who may see the file (caseworker or supervisor of its unit or above). */
  @Post(':id/cadres') @HttpCode(200)
  async cadre(@Param('id', FileId) id: string, @Body() b: Dto.CadreDto, @CurrentUser() user: AuthenticatedUser, @CommandMetadata() m: Meta) {
    const file = foldHardshipFile(await this.files.visibleEvents(id, user));
    const candidate = await activeUserById(this.dataSource, b.userId);
    if (!candidate) throw new ValidationError([{ field: 'userId', rule: 'active_user', message: '帮扶责任人须为系统中在岗的用户，请从名单中选择（userId）' }]);
    if (!canSeeCase(candidate, { kind: 'hardship_file', unitIds: [file.unitId!] }, this.orgUnits)) {
      throw new ValidationError([{ field: 'userId', rule: 'may_see_file', message: '帮扶责任人须为能查看本档案的个案工作者或督导（本单位或上级单位）（userId）' }]);
    }
    return this.files.run(id, { type: 'AssignCadre', data: b as never }, m, { reason: b.reason });
  }

  @Post(':id/monthly-incomes') @HttpCode(200)
  income(@Param('id', FileId) id: string, @Body() b: Dto.MonthlyIncomeDto, @CommandMetadata() m: Meta) {
    return this.files.run(id, { type: 'RecordMonthlyIncome', data: b }, m);
  }

  @Post(':id/aid') @HttpCode(201)
  aid(@Param('id', FileId) id: string, @Body() b: Dto.AidDto, @CommandMetadata() m: Meta) {
    const deliveryId = deterministicUuid(m.commandId, 'aid');
    return this.files.run(id, { type: 'DeliverAid', data: { deliveryId, ...b } as never }, m, { extra: { deliveryId } });
  }

  @Post(':id/aid/:deliveryId/reverse') @HttpCode(200)
  reverseAid(@Param('id', FileId) id: string, @Param('deliveryId') deliveryId: string, @Body() b: Dto.ReasonDto, @CommandMetadata() m: Meta) {
    return this.files.run(id, { type: 'ReverseAidDelivery', data: { deliveryId, reason: b.reason } }, m, { reason: b.reason });
  }

  @Post(':id/wishes') @HttpCode(201)
  wish(@Param('id', FileId) id: string, @Body() b: Dto.WishDto, @CommandMetadata() m: Meta) {
    const wishId = deterministicUuid(m.commandId, 'wish');
    return this.files.run(id, { type: 'RaiseMicroWish', data: { wishId, ...b } }, m, { extra: { wishId } });
  }

  @Post(':id/wishes/:wishId/fulfil') @HttpCode(200)
  fulfil(@Param('id', FileId) id: string, @Param('wishId') wishId: string, @Body() b: Dto.WishFulfilmentDto, @CommandMetadata() m: Meta) {
    return this.files.run(id, { type: 'FulfilMicroWish', data: { wishId, ...b } }, m);
  }

  @Post(':id/reviews') @HttpCode(200)
  review(@Param('id', FileId) id: string, @Body() b: Dto.ReviewDto, @CommandMetadata() m: Meta) {
    return this.files.run(id, { type: 'RecordYearlyReview', data: b as never }, m);
  }

  @Post(':id/lift-out-requests') @HttpCode(201)
  requestLiftOut(@Param('id', FileId) id: string, @Body() b: Dto.LiftOutRequestDto, @CommandMetadata() m: Meta) {
    const requestId = deterministicUuid(m.commandId, 'lift-out');
    return this.files.run(id, { type: 'RequestLiftOut', data: { requestId, ...b } as never }, m, { extra: { requestId } });
  }

  @Post(':id/lift-out-requests/:requestId/decision') @HttpCode(200)
  decideLiftOut(@Param('id', FileId) id: string, @Param('requestId') requestId: string, @Body() b: Dto.DecisionDto, @CommandMetadata() m: Meta) {
    return this.files.run(id, { type: 'DecideLiftOut', data: { requestId, ...b } }, m, { reason: b.reason });
  }

  @Post(':id/relief') @HttpCode(200)
  relief(@Param('id', FileId) id: string, @Body() b: Dto.ReliefDto, @CommandMetadata() m: Meta) {
    return this.files.run(id, { type: 'RecordRelief', data: b }, m, { reason: b.reason });
  }

  @Post(':id/cancel') @HttpCode(200)
  cancel(@Param('id', FileId) id: string, @Body() b: Dto.CancelDto, @CommandMetadata() m: Meta) {
    return this.files.run(id, { type: 'CancelFile', data: b as never }, m, { reason: b.note });
  }

  @Post(':id/family-visits') @HttpCode(201)
  familyVisit(@Param('id', FileId) id: string, @Body() b: Dto.FamilyVisitDto, @CommandMetadata() m: Meta) {
    const visitId = deterministicUuid(m.commandId, 'family-visit');
    return this.files.run(id, { type: 'RecordFamilyVisit', data: { visitId, ...b } }, m, { extra: { visitId } });
  }

  @Post(':id/follow-ups') @HttpCode(200)
  checkIn(@Param('id', FileId) id: string, @Body() b: Dto.CheckInDto, @CommandMetadata() m: Meta) {
    return this.files.run(id, { type: 'RecordFollowUpCheckIn', data: b }, m);
  }

  @Post(':id/relapse') @HttpCode(200)
  relapse(@Param('id', FileId) id: string, @Body() b: Dto.RelapseDto, @CommandMetadata() m: Meta) {
    return this.files.run(id, { type: 'RecordRelapse', data: b as never }, m, { reason: b.reason });
  }
}
