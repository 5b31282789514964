import { Controller, Get, Inject, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import type { DataSource } from 'typeorm';
import { shanghaiDateOf } from '#calendar';
import { ForbiddenError, ValidationError } from '#errors';
import { canReadStreams, type EventStore, type RecordedEvent } from '#event-store';
import { FILE_STATUS_LABELS, hardshipFileStream } from '#hardship';
import type { OrgUnits } from '#identity';
import { writeReportWorkbook } from '#spreadsheet';
import { DATA_SOURCE, EVENT_STORE, ORG_UNITS } from '#service-tokens';
import { CaseListing } from '../cases/case-listing.js';
import { CaseAccess } from '../auth/case-access.js';
import { CurrentUser, type AuthenticatedUser } from '../auth/current-user.js';
import { RequestTime } from '../http/command-meta.decorator.js';
import { OptionalCode, OptionalDate, OptionalText } from '../http/validators.js';
import { foldHardshipFile } from '../hardship/hardship-files.controller.js';
import { AccessLog } from '../personal-data/access-log.js';
import { aidRecordsOf, aidTable, registryTable, type ExportedFile } from './hardship-sheets.js';
import { sendWorkbook, shanghaiMinute } from './xlsx-response.js';

/** At most this many files (and aid records) in one workbook; past it the sheet says so in its last row. */
export const HARDSHIP_EXPORT_CAP = 10_000;
const READ_BATCH = 500;

export class RegistryQueryDto {
  @ApiPropertyOptional({ description: '单位（含下级）；默认本单位' }) @OptionalText('单位', 32) unit?: string;
  @ApiPropertyOptional({ enum: Object.keys(FILE_STATUS_LABELS), description: '档案状态；默认所有已建档的档案' })
  @OptionalCode('档案状态', () => Object.keys(FILE_STATUS_LABELS)) status?: string;
}

export class AidQueryDto {
  @ApiPropertyOptional({ example: '2026-01-01', description: '默认本年 1 月 1 日' }) @OptionalDate('起始日期') from?: string;
  @ApiPropertyOptional({ example: '2026-12-31', description: '默认今天' }) @OptionalDate('截止日期') to?: string;
  @ApiPropertyOptional({ description: '单位（含下级）；默认本单位' }) @OptionalText('单位', 32) unit?: string;
}

/** 困难职工档案台账.xlsx and 帮扶发放记录.xlsx: the files the user may list, as the hardship list scopes them. */
@ApiTags('exports')
@ApiBearerAuth()
@Controller('api/hardship')
export class HardshipExportController {
  private readonly accessLog: AccessLog;

  constructor(
    @Inject(DATA_SOURCE) dataSource: DataSource,
    @Inject(ORG_UNITS) private readonly orgUnits: OrgUnits,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly access: CaseAccess,
    /** The case list's query: the files are those the list shows the user (its scope and unit checks). */
    private readonly listing: CaseListing,
  ) {
    this.accessLog = new AccessLog(dataSource);
  }

  @Get('registry.xlsx')
  @ApiOkResponse({ description: '困难职工档案台账（.xlsx）：户主姓名、身份证号码（脱敏）、区县、困难等级、状态、建档日期' })
  async registry(@Query() query: RegistryQueryDto, @RequestTime() now: Date, @CurrentUser() user: AuthenticatedUser, @Res() response: Response) {
    const { files, capped } = await this.filesOf(user, now, query.unit, query.status);
    const registered = query.status ? files : files.filter((f) => f.state.registeredOn !== null);
    // The workbook shows each head's name: every file in it counts as viewed (docs/api.md, "Access log").
    await this.accessLog.record(registered.map((f) => ({ at: now, user, action: 'view' as const, caseKind: 'hardship_file', caseId: f.id, field: 'registry_export' })));
    const bytes = await writeReportWorkbook(
      { title: '困难职工档案台账', lines: [this.scopeLine(query.unit ?? user.orgUnitId, now, user), `档案状态：${query.status ? FILE_STATUS_LABELS[query.status as keyof typeof FILE_STATUS_LABELS] : '已建档（全部状态）'}；共 ${registered.length} 户`] },
      [registryTable(registered, (code) => this.orgUnits.find(code)?.name ?? code, capped ? this.cappedNote('档案') : undefined)],
    );
    sendWorkbook(response, bytes, 'hardship-registry.xlsx', `困难职工档案台账-${shanghaiDateOf(now)}.xlsx`);
  }

  @Get('aid.xlsx')
  @ApiOkResponse({ description: '帮扶发放记录（.xlsx）：档案编号、发放日期、帮扶类型、金额（元）、资金来源；已冲销的发放不列' })
  async aid(@Query() query: AidQueryDto, @RequestTime() now: Date, @CurrentUser() user: AuthenticatedUser, @Res() response: Response) {
    const today = shanghaiDateOf(now);
    const from = query.from ?? `${today.slice(0, 4)}-01-01`;
    const to = query.to ?? today;
    if (from > to) throw new ValidationError([{ field: 'from', rule: 'before_to', message: '起始日期不能晚于截止日期' }]);
    const { files, capped } = await this.filesOf(user, now, query.unit);
    const records = files.flatMap((file) => aidRecordsOf(file, from, to)).sort((a, b) => a.deliveredOn.localeCompare(b.deliveredOn) || (a.caseNumber ?? '').localeCompare(b.caseNumber ?? ''));
    const tooMany = records.length > HARDSHIP_EXPORT_CAP;
    const shown = records.slice(0, HARDSHIP_EXPORT_CAP);
    const totalFen = shown.reduce((sum, r) => sum + r.amount, 0);
    const bytes = await writeReportWorkbook(
      { title: '帮扶发放记录', lines: [this.scopeLine(query.unit ?? user.orgUnitId, now, user), `发放期间：${from} 至 ${to}；共 ${shown.length} 笔，合计 ${(totalFen / 100).toFixed(2)} 元`] },
      [aidTable(shown, capped || tooMany ? this.cappedNote('记录') : undefined)],
    );
    sendWorkbook(response, bytes, 'hardship-aid.xlsx', `帮扶发放记录-${from}-${to}.xlsx`);
  }

  /** The hardship files the user's case list holds (within `unit` and with `status` when given), each folded from its stream. */
  private async filesOf(user: AuthenticatedUser, now: Date, unit?: string, status?: string): Promise<{ files: ExportedFile[]; capped: boolean }> {
    if (!this.access.listScope(user).kinds.includes('hardship_file')) throw new ForbiddenError('forbidden', '无权查看困难职工档案');
    const page = await this.listing.list({ kind: 'hardship_file', unit, status, page: 1, pageSize: HARDSHIP_EXPORT_CAP + 1 }, now, user);
    const listed = page.items.slice(0, HARDSHIP_EXPORT_CAP);
    const streams = await this.readStreams(listed.map((item) => hardshipFileStream(item.id)));
    const files = listed.map((item, index) => ({ id: item.id, caseNumber: item.caseNumber, unitName: item.unitName, state: foldHardshipFile(streams[index]) }));
    return { files: files.filter((f) => f.state.status !== 'none'), capped: page.items.length > HARDSHIP_EXPORT_CAP };
  }

  /** Several streams per round trip where the store can; one by one where it cannot (KurrentDB). */
  private async readStreams(streamIds: readonly string[]): Promise<RecordedEvent[][]> {
    const results: RecordedEvent[][] = [];
    for (let i = 0; i < streamIds.length; i += READ_BATCH) {
      const batch = streamIds.slice(i, i + READ_BATCH);
      const store = this.store;
      results.push(...(canReadStreams(store) ? await store.readStreams(batch.map((streamId) => ({ streamId }))) : await Promise.all(batch.map((id) => store.readStream(id)))));
    }
    return results;
  }

  private scopeLine(unitId: string, now: Date, user: AuthenticatedUser): string {
    return `单位：${this.orgUnits.find(unitId)?.name ?? unitId}（含下级单位）；导出时间：${shanghaiMinute(now)}；导出人：${user.username}`;
  }

  private cappedNote(what: string): string {
    return `仅导出前 ${HARDSHIP_EXPORT_CAP.toLocaleString('en-US')} 条${what}，符合条件的更多，请按单位或期间分批导出。`;
  }
}
