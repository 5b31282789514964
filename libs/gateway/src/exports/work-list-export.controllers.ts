import { Controller, Get, Inject, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import type { DataSource } from 'typeorm';
import { shanghaiDateOf } from '#calendar';
import type { OrgUnits, Users } from '#identity';
import { queryApprovals } from '#read-models';
import { writeReportWorkbook, type ReportTable } from '#spreadsheet';
import type { WageTimeLimits } from '#wage-recovery';
import { DATA_SOURCE, ORG_UNITS, PERSONAL_DATA_HASH_KEY, USERS, WAGE_TIME_LIMITS } from '#service-tokens';
import { AdminOnly } from '../auth/admin-only.guard.js';
import { actor } from '../users/users.controller.js';
import { listUsers, UsersQueryDto } from '../users/user-listing.js';
import { listNotices, NoticesQueryDto } from '../notices/notice-listing.js';
import { CaseAccess } from '../auth/case-access.js';
import { CurrentUser, type AuthenticatedUser } from '../auth/current-user.js';
import { RequestTime } from '../http/command-meta.decorator.js';
import { listSearchOf } from '../http/list-search.dto.js';
import { HardshipDueQueryDto, listHardshipDue } from '../hardship/hardship-due-listing.js';
import { LimitationWatchQueryDto, listLimitationWatch } from '../wage-cases/limitation-watch-listing.js';
import { ApprovalsQueryDto } from '../approvals/approval.dto.js';
import { approvalScopeOf } from '../approvals/approvals.controller.js';
import { AccessLogQueryDto } from '../personal-data/access-log.query.dto.js';
import { accessLogFilterOf } from '../personal-data/access-log.controller.js';
import { AccessLog, ACCESS_LOG_PAGE } from '../personal-data/access-log.js';
import { accessLogTable, approvalsTable, hardshipDueTable, limitationWatchTable, noticesTable, usersTable } from './work-list-sheets.js';
import { sendWorkbook, shanghaiMinute } from './xlsx-response.js';

/**
 * The work lists as workbooks: each export answers with the rows its list (`GET` without
 * `/export.xlsx`) shows that user under the same query — the same function computes both.
 */
abstract class WorkListExport {
  constructor(protected readonly orgUnits: OrgUnits) {}

  protected readonly unitName = (id: string) => this.orgUnits.find(id)?.name ?? id;

  protected async send(response: Response, title: string, file: string, table: ReportTable, filters: (string | false | undefined)[], now: Date, user: AuthenticatedUser) {
    const described = filters.filter(Boolean).join('，') || '全部（本人可见范围）';
    const bytes = await writeReportWorkbook({ title, lines: [`导出时间：${shanghaiMinute(now)}；导出人：${user.username}（${this.unitName(user.orgUnitId)}）`, `筛选条件：${described}；共 ${table.rows.length} 条`] }, [table]);
    sendWorkbook(response, bytes, `${file}.xlsx`, `${title}-${shanghaiDateOf(now)}.xlsx`);
  }
}

/** What was searched for is not repeated in the heading: it may be a phone or an ID number. */
const searched = (q: string | undefined) => !!q?.trim() && '按检索内容';

@ApiTags('exports')
@ApiBearerAuth()
@Controller('api/hardship-files')
export class HardshipDueExportController extends WorkListExport {
  constructor(@Inject(ORG_UNITS) orgUnits: OrgUnits, @Inject(DATA_SOURCE) private readonly dataSource: DataSource, private readonly access: CaseAccess, @Inject(PERSONAL_DATA_HASH_KEY) private readonly hashKey: string) {
    super(orgUnits);
  }

  @Get('due/export.xlsx')
  @ApiOkResponse({ description: '帮扶待办（.xlsx）：与 GET /api/hardship-files/due 相同的 days 与 q' })
  async export(@Query() query: HardshipDueQueryDto, @RequestTime() now: Date, @CurrentUser() user: AuthenticatedUser, @Res() response: Response) {
    const { items, within } = await listHardshipDue({ dataSource: this.dataSource, access: this.access, hashKey: this.hashKey }, query, now, user);
    await this.send(response, '帮扶待办', 'hardship-due', hardshipDueTable(items, this.unitName), [`${within} 天内到期（含已超期）`, searched(query.q)], now, user);
  }
}

@ApiTags('exports')
@ApiBearerAuth()
@Controller('api/wage-cases')
export class LimitationWatchExportController extends WorkListExport {
  constructor(
    @Inject(ORG_UNITS) orgUnits: OrgUnits, @Inject(DATA_SOURCE) private readonly dataSource: DataSource, private readonly access: CaseAccess,
    @Inject(PERSONAL_DATA_HASH_KEY) private readonly hashKey: string, @Inject(WAGE_TIME_LIMITS) private readonly limits: WageTimeLimits,
  ) {
    super(orgUnits);
  }

  @Get('limitation-watch/export.xlsx')
  @ApiOkResponse({ description: '时效预警（.xlsx）：与 GET /api/wage-cases/limitation-watch 相同的 q' })
  async export(@Query() query: LimitationWatchQueryDto, @RequestTime() now: Date, @CurrentUser() user: AuthenticatedUser, @Res() response: Response) {
    const items = await listLimitationWatch({ dataSource: this.dataSource, access: this.access, hashKey: this.hashKey, limits: this.limits }, query, now, user);
    await this.send(response, '时效预警', 'limitation-watch', limitationWatchTable(items, this.unitName), [searched(query.q)], now, user);
  }
}

@ApiTags('exports')
@ApiBearerAuth()
@Controller('api/approvals')
export class ApprovalsExportController extends WorkListExport {
  constructor(@Inject(ORG_UNITS) orgUnits: OrgUnits, @Inject(DATA_SOURCE) private readonly dataSource: DataSource, @Inject(PERSONAL_DATA_HASH_KEY) private readonly hashKey: string) {
    super(orgUnits);
  }

  @Get('export.xlsx')
  @ApiOkResponse({ description: '审批（.xlsx）：与 GET /api/approvals 相同的 status 与 q；仅督导' })
  async export(@Query() query: ApprovalsQueryDto, @RequestTime() now: Date, @CurrentUser() user: AuthenticatedUser, @Res() response: Response) {
    const items = await queryApprovals(this.dataSource, { unitIds: approvalScopeOf(user, this.orgUnits), status: query.status, search: listSearchOf(query.q, this.hashKey) });
    const status = query.status === 'pending' ? '待审批' : query.status === 'decided' ? '已处理' : undefined;
    await this.send(response, '审批', 'approvals', approvalsTable(items, this.unitName), [status, searched(query.q)], now, user);
  }
}

@ApiTags('exports')
@ApiBearerAuth()
@Controller('api/audit')
export class AccessLogExportController extends WorkListExport {
  private readonly accessLog: AccessLog;

  constructor(@Inject(ORG_UNITS) orgUnits: OrgUnits, @Inject(DATA_SOURCE) dataSource: DataSource, @Inject(PERSONAL_DATA_HASH_KEY) private readonly hashKey: string) {
    super(orgUnits);
    // The log's own reader (its provider lives in the personal-data module, as the hardship export does).
    this.accessLog = new AccessLog(dataSource);
  }

  @Get('access-log/export.xlsx')
  @ApiOkResponse({ description: '访问日志（.xlsx）：与 GET /api/audit/access-log 相同的筛选与 q；仅督导，至多 1,000 条' })
  async export(@Query() query: AccessLogQueryDto, @RequestTime() now: Date, @CurrentUser() user: AuthenticatedUser, @Res() response: Response) {
    const entries = await this.accessLog.query(accessLogFilterOf(query, user, this.orgUnits, this.hashKey));
    const full = entries.length >= ACCESS_LOG_PAGE ? `仅导出最新 ${ACCESS_LOG_PAGE.toLocaleString('en-US')} 条，请缩短期间后分批导出。` : undefined;
    const period = query.from || query.to ? `期间 ${shanghaiMinute(query.from)} 至 ${shanghaiMinute(query.to)}` : undefined;
    await this.send(response, '访问日志', 'access-log', accessLogTable(entries, this.unitName, full), [period, query.caseId && '指定案件', query.userId && '指定用户', searched(query.q)], now, user);
  }
}

@ApiTags('exports')
@ApiBearerAuth()
@AdminOnly()
@Controller('api/users')
export class UsersExportController extends WorkListExport {
  constructor(@Inject(ORG_UNITS) orgUnits: OrgUnits, @Inject(USERS) private readonly users: Users) {
    super(orgUnits);
  }

  @Get('export.xlsx')
  @ApiOkResponse({ description: '用户（.xlsx）：与 GET /api/users 相同的 q；仅管理员，本单位及下级' })
  async export(@Query() query: UsersQueryDto, @RequestTime() now: Date, @CurrentUser() user: AuthenticatedUser, @Res() response: Response) {
    const users = await listUsers(this.users, actor(user), query);
    await this.send(response, '用户', 'users', usersTable(users), [searched(query.q)], now, user);
  }
}

@ApiTags('exports')
@ApiBearerAuth()
@Controller('api/notices')
export class NoticesExportController extends WorkListExport {
  constructor(@Inject(ORG_UNITS) orgUnits: OrgUnits, @Inject(DATA_SOURCE) private readonly dataSource: DataSource) {
    super(orgUnits);
  }

  @Get('export.xlsx')
  @ApiOkResponse({ description: '系统通知（.xlsx）：与 GET /api/notices 相同的 q；仅督导' })
  async export(@Query() query: NoticesQueryDto, @RequestTime() now: Date, @CurrentUser() user: AuthenticatedUser, @Res() response: Response) {
    const { items } = await listNotices(this.dataSource, this.orgUnits, user, query);
    await this.send(response, '系统通知', 'notices', noticesTable(items), [searched(query.q)], now, user);
  }
}
