import { Controller, Get, HttpCode, Inject, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { DataSource } from 'typeorm';
import { SupervisorNotices } from '#audit';
import { NotFoundError } from '#errors';
import type { OrgUnits } from '#identity';
import { CurrentUser, type AuthenticatedUser } from '../auth/current-user.js';
import { DATA_SOURCE, ORG_UNITS } from '#service-tokens';
import { CaseIdPipe } from '../http/case-id.pipe.js';
import { RequestTime } from '../http/command-meta.decorator.js';
import { listNotices, NoticesQueryDto, SUPERVISORS_ONLY } from './notice-listing.js';

const NoticeId = new CaseIdPipe('notice_not_found', '通知不存在');

/** 系统通知: what the system tells supervisors (a broken hash chain, a user over the reveal limit), for their units. */
@ApiTags('notices')
@ApiBearerAuth()
@Controller('api/notices')
export class NoticesController {
  private readonly notices: SupervisorNotices;

  constructor(
    @Inject(DATA_SOURCE) private readonly dataSource: DataSource,
    @Inject(ORG_UNITS) private readonly orgUnits: OrgUnits,
  ) {
    this.notices = new SupervisorNotices(dataSource);
  }

  /** Found by `q` (title, text or unit); the export (`export.xlsx`) lists the same. */
  @Get()
  list(@Query() query: NoticesQueryDto, @CurrentUser() user: AuthenticatedUser) {
    return listNotices(this.dataSource, this.orgUnits, user, query);
  }

  @Post(':id/read')
  @HttpCode(204)
  async read(@Param('id', NoticeId) id: string, @CurrentUser() user: AuthenticatedUser, @RequestTime() now: Date): Promise<void> {
    if (user.role !== 'supervisor') throw SUPERVISORS_ONLY();
    if (!(await this.notices.markRead(id, this.orgUnits.subtree(user.orgUnitId), user.userId, now))) throw new NotFoundError('notice_not_found', '通知不存在');
  }
}
