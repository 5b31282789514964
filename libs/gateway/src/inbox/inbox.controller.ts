import { Controller, Get, Inject } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { DataSource } from 'typeorm';
import { workingDayDeadline, type WorkingCalendar } from '#calendar';
import type { OrgUnits } from '#identity';
import { queryInbox, type InboxItem } from '#read-models';
import { CALENDAR, DATA_SOURCE, ORG_UNITS } from '#service-tokens';
import { RequestTime } from '../http/command-meta.decorator.js';
import { CaseAccess } from '../auth/case-access.js';
import { CurrentUser, type AuthenticatedUser } from '../auth/current-user.js';
import { InboxDto } from './inbox.dto.js';

/**
 * 待办 (`GET /api/inbox`): what the user has to do today, counted per bucket with the first items of each,
 * within exactly what the case list lets them see.
 */
@ApiTags('inbox')
@ApiBearerAuth()
@Controller('api/inbox')
export class InboxController {
  constructor(
    @Inject(DATA_SOURCE) private readonly dataSource: DataSource,
    @Inject(ORG_UNITS) private readonly orgUnits: OrgUnits,
    @Inject(CALENDAR) private readonly calendar: WorkingCalendar,
    private readonly access: CaseAccess,
  ) {}

  @Get()
  @ApiOkResponse({ type: InboxDto })
  async inbox(@CurrentUser() user: AuthenticatedUser, @RequestTime() now: Date): Promise<InboxDto> {
    // An administrator reads no cases: 403, as the case list answers.
    const scope = this.access.listScope(user);
    // A user at the top of the tree sees every unit: no unit filter to evaluate row by row.
    const everyUnit = scope.unitIds.length === this.orgUnits.list().length;
    const ownUnitIds = [user.orgUnitId, ...(user.role === 'mediator' ? (user.roomIds ?? []) : [])];
    const supervisor = user.role === 'supervisor';
    const inbox = await queryInbox(this.dataSource, {
      userId: user.userId,
      ownUnitIds,
      // A supervisor watches the deadlines of every unit below (督办); everyone else those of their own units.
      watchedUnitIds: supervisor ? (everyUnit ? undefined : scope.unitIds) : ownUnitIds,
      scope: { kinds: scope.kinds, unitIds: everyUnit ? undefined : scope.unitIds },
      // Supervisors decide the requests made in their unit and below (as `GET /api/approvals` lists them).
      approvalUnitIds: supervisor ? this.orgUnits.subtree(user.orgUnitId) : undefined,
      now,
      dueSoonUntil: this.dueSoonUntil(now),
    });
    const unitName = (id: string) => this.orgUnits.find(id)?.name ?? id;
    const named = (items: InboxItem[]) => items.map(({ unitId, ...item }) => ({ ...item, unitId, unitName: unitName(unitId) }));
    return {
      counts: inbox.counts,
      capped: inbox.capped,
      total: inbox.total,
      items: Object.fromEntries(Object.entries(inbox.items).map(([bucket, items]) => [bucket, named(items)])) as InboxDto['items'],
    };
  }

  /**
   * 即将到期: due by the end of the next working day (deadlines in working days end at midnight, so an
   * order assigned this morning is due soon, and on a Friday so is Monday's), and at least the next 24
   * hours (urgent orders' limits run in hours, nights and holidays included).
   */
  private dueSoonUntil(now: Date): Date {
    const nextWorkingDayEnds = workingDayDeadline(this.calendar, now, 1);
    return new Date(Math.max(nextWorkingDayEnds.getTime(), now.getTime() + 24 * 3600_000));
  }
}
