import { Body, Controller, HttpCode, Inject, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { DataSource } from 'typeorm';
import { ForbiddenError, ValidationError } from '#errors';
import type { EventStore } from '#event-store';
import { OrderSheetHeaderError, SUPERVISOR_ROLE, type ComplaintDecider, type HotlineTimeLimits } from '#hotline';
import type { OrgUnits } from '#identity';
import { parseDelimited, readWorkbook, type Cell } from '#spreadsheet';
import { importOrdersInto } from '#hotline-service';
import { COMPLAINT_DECIDER, HOTLINE_TIME_LIMITS, CASE_NUMBERS, DATA_SOURCE, EVENT_STORE, ORG_UNITS } from '#service-tokens';
import { CurrentUser, type AuthenticatedUser } from '../auth/current-user.js';
import type { CaseNumbers } from '#case-numbers';
import { RequestTime } from '../http/command-meta.decorator.js';
import { SheetUploadDto } from '../http/sheet-upload.dto.js';

/**
 * 旧工单导入 by upload (the same path as `npm run import:hotline`): a supervisor imports legacy 12351
 * work orders received by or assigned to their own units (`{format: csv|xlsx, content}`, xlsx in
 * base64). Any bad cell → 400 naming each by row and column (`rows.<n>.<column>`), nothing imported;
 * the same orders again add nothing.
 */
@ApiTags('complaints')
@ApiBearerAuth()
@Controller('api/complaints')
export class LegacyOrdersController {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(DATA_SOURCE) private readonly dataSource: DataSource,
    @Inject(ORG_UNITS) private readonly orgUnits: OrgUnits,
    @Inject(COMPLAINT_DECIDER) private readonly decider: ComplaintDecider,
    @Inject(HOTLINE_TIME_LIMITS) private readonly limits: HotlineTimeLimits,
    @Inject(CASE_NUMBERS) private readonly caseNumbers: CaseNumbers,
  ) {}

  @Post('import') @HttpCode(200)
  async import(@Body() b: SheetUploadDto, @CurrentUser() user: AuthenticatedUser, @RequestTime() now: Date) {
    if (user.role !== SUPERVISOR_ROLE) throw new ForbiddenError('forbidden', '只有督导可以导入旧工单');
    let table: Cell[][];
    try {
      table = b.format === 'xlsx' ? await readWorkbook(Buffer.from(b.content, 'base64')) : parseDelimited(b.content);
    } catch {
      throw new ValidationError([{ field: 'content', rule: 'xlsx', message: '无法读取 Excel 文件，请上传 .xlsx 格式的工作簿' }]);
    }
    try {
      const system = { store: this.store, dataSource: this.dataSource, orgUnits: this.orgUnits, caseNumbers: this.caseNumbers, hotline: { decider: this.decider, limits: this.limits } };
      const report = await importOrdersInto(system, table, { batch: `upload-${now.toISOString().slice(0, 10)}`, now, withinUnitId: user.orgUnitId });
      if (report.problems.length > 0) throw new ValidationError(report.problems.map(({ field, rule, message }) => ({ field, rule, message })));
      return { imported: report.imported, alreadyThere: report.alreadyThere, events: report.events };
    } catch (error) {
      if (error instanceof OrderSheetHeaderError) throw new ValidationError([{ field: 'content', rule: 'columns', message: error.message }]);
      throw error;
    }
  }
}
