import { Controller, Get, Inject, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags, OmitType } from '@nestjs/swagger';
import type { Response } from 'express';
import type { OrgUnits } from '#identity';
import { writeReportWorkbook } from '#spreadsheet';
import { ORG_UNITS } from '#service-tokens';
import { CaseListing } from '../cases/case-listing.js';
import { CASE_KINDS, ListCasesQueryDto } from '../cases/list-cases.query.dto.js';
import { CurrentUser, type AuthenticatedUser } from '../auth/current-user.js';
import { RequestTime } from '../http/command-meta.decorator.js';
import { CASE_EXPORT_CAP, caseListTable } from './case-list-sheet.js';
import { sendWorkbook, shanghaiMinute } from './xlsx-response.js';

/** The list's filters without its pager: the export takes every matching case, up to its cap. */
export class ExportCasesQueryDto extends OmitType(ListCasesQueryDto, ['page', 'pageSize'] as const) {}

const KIND_NAMES: Readonly<Record<(typeof CASE_KINDS)[number], string>> = { complaint: '热线工单', wage_case: '欠薪案件', hardship_file: '困难职工档案', mediation_case: '调解案件' };

/** 案件清单.xlsx: the case list (`GET /api/cases`) with the same filters, as a workbook. */
@ApiTags('exports')
@ApiBearerAuth()
@Controller('api/cases')
export class CaseListExportController {
  constructor(
    /** The list's own query: the export always holds the rows the list shows. */
    private readonly listing: CaseListing,
    @Inject(ORG_UNITS) private readonly orgUnits: OrgUnits,
  ) {}

  @Get('export.xlsx')
  @ApiOkResponse({ description: '案件清单（.xlsx）：与 GET /api/cases 相同的筛选，至多 10,000 条' })
  async export(@Query() query: ExportCasesQueryDto, @RequestTime() now: Date, @CurrentUser() user: AuthenticatedUser, @Res() response: Response) {
    const page = await this.listing.list({ ...query, page: 1, pageSize: CASE_EXPORT_CAP + 1 }, now, user);
    const capped = page.items.length > CASE_EXPORT_CAP;
    const items = page.items.slice(0, CASE_EXPORT_CAP);
    const bytes = await writeReportWorkbook({ title: '案件清单', lines: [`导出时间：${shanghaiMinute(now)}；导出人：${user.username}（${this.unitName(user.orgUnitId)}）`, `筛选条件：${this.describe(query)}；共 ${items.length} 条${capped ? '（已达上限）' : ''}`] }, [
      caseListTable(items, capped),
    ]);
    sendWorkbook(response, bytes, 'cases.xlsx', `案件清单-${shanghaiMinute(now).slice(0, 10)}.xlsx`);
  }

  private unitName(id: string): string {
    return this.orgUnits.find(id)?.name ?? id;
  }

  /** The filters in words. What was searched for is not repeated: it may be a phone or an ID number. */
  private describe(query: ExportCasesQueryDto): string {
    const parts = [
      query.kind && `类型 ${KIND_NAMES[query.kind as keyof typeof KIND_NAMES] ?? query.kind}`,
      query.status && `状态 ${query.status}`,
      query.unit && `单位 ${this.unitName(query.unit)}（含下级）`,
      query.assignee && `承办单位 ${this.unitName(query.assignee)}`,
      query.overdue === true ? '仅超期' : query.overdue === false ? '未超期' : '',
      query.q?.trim() && '按检索内容',
    ].filter(Boolean);
    return parts.length ? parts.join('，') : '全部（本人可见范围）';
  }
}
