import { Controller, Get, Inject, Param, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiParam, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import type { OrgUnits } from '#identity';
import { ValidationError } from '#errors';
import { writeReportWorkbook } from '#spreadsheet';
import { ORG_UNITS } from '#service-tokens';
import { Figures } from '../stats/figures.js';
import { StatsQueryDto } from '../stats/stats.query.dto.js';
import { CurrentUser, type AuthenticatedUser } from '../auth/current-user.js';
import { RequestTime } from '../http/command-meta.decorator.js';
import { REPORT_TITLES, STATS_KINDS, statsTables, type StatsKind } from './stats-reports.js';
import { sendWorkbook, shanghaiMinute } from './xlsx-response.js';

/** 统计报表.xlsx: a figure page (`GET /api/stats/<kind>`) as a workbook, a sheet per table. */
@ApiTags('exports')
@ApiBearerAuth()
@Controller('api/stats')
export class StatsExportController {
  constructor(
    /** The figures' own queries: the period, unit and as-of checks exist once. */
    private readonly stats: Figures,
    @Inject(ORG_UNITS) private readonly orgUnits: OrgUnits,
  ) {}

  @Get(':kind/export.xlsx')
  @ApiParam({ name: 'kind', enum: STATS_KINDS })
  @ApiOkResponse({ description: '统计报表（.xlsx）：与 GET /api/stats/<kind> 相同的期间、单位与截至时间；金额以元（两位小数）计' })
  async export(@Param('kind') kind: string, @Query() query: StatsQueryDto, @RequestTime() now: Date, @CurrentUser() user: AuthenticatedUser, @Res() response: Response) {
    if (!(STATS_KINDS as readonly string[]).includes(kind)) {
      throw new ValidationError([{ field: 'kind', rule: 'one_of', message: `统计类型 ${kind} 不存在，应为 ${STATS_KINDS.join('、')} 之一` }]);
    }
    const answer = await this.stats[kind as StatsKind](query, now, user);
    const unitName = (id: string) => this.orgUnits.find(id)?.name ?? id;
    const title = REPORT_TITLES[kind as StatsKind];
    const lines = [
      `统计期间：${answer.from} 至 ${answer.to}`,
      `统计单位：${unitName(answer.unit)}（含下级单位）`,
      `数据截至：${shanghaiMinute(answer.asOf)}（北京时间，此后登记的数据不计入）；导出时间：${shanghaiMinute(now)}`,
      ...(answer.incomplete ? [`注意：有 ${answer.parkedEvents} 个事件暂未能计入，本报表数据不完整`] : []),
    ];
    const bytes = await writeReportWorkbook({ title, lines }, statsTables(kind as StatsKind, answer, unitName));
    sendWorkbook(response, bytes, `${kind}-report.xlsx`, `${title}-${answer.from}-${answer.to}.xlsx`);
  }
}
