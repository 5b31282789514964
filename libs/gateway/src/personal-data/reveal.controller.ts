import { Body, Controller, Header, HttpCode, Inject, Param, Post, UseFilters } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { ForbiddenError, NotFoundError } from '#errors';
import type { EventStore } from '#event-store';
import { wasShredded, complaintStream } from '#hotline';
import { getPath } from '#personal-data';
import { CaseAccess } from '../auth/case-access.js';
import { CurrentUser, type AuthenticatedUser } from '../auth/current-user.js';
import { complaintUnits } from '../complaints/complaint-view.js';
import { EVENT_STORE } from '#service-tokens';
import { CaseIdPipe } from '../http/case-id.pipe.js';
import { RequestTime } from '../http/command-meta.decorator.js';
import { AccessLog } from './access-log.js';
import { PersonalDataErasedError, PersonalDataErasedFilter } from './personal-data-erased.filter.js';
import { RevealDto } from './reveal.dto.js';

const ComplaintId = new CaseIdPipe('complaint_not_found', '工单不存在或无权查看');
/** Who may see a personal value in full: those who work the case, never mediators or administrators. */
export const REVEALING_ROLES: readonly string[] = ['caseworker', 'supervisor'];

/** `POST /api/complaints/:id/reveal`: one personal field in full, for a stated reason, logged before it is answered. */
@ApiTags('personal-data')
@ApiBearerAuth()
@Controller('api/complaints')
@UseFilters(PersonalDataErasedFilter)
export class RevealController {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly access: CaseAccess,
    private readonly accessLog: AccessLog,
  ) {}

  @Post(':id/reveal')
  @HttpCode(200)
  @Header('Cache-Control', 'no-store')
  async reveal(@Param('id', ComplaintId) id: string, @Body() body: RevealDto, @CurrentUser() user: AuthenticatedUser, @RequestTime() now: Date) {
    if (!REVEALING_ROLES.includes(user.role)) throw new ForbiddenError('forbidden', '只有个案工作者和督导可以查看完整的个人信息');
    const events = await this.store.readStream(complaintStream(id));
    const notFound = new NotFoundError('complaint_not_found', '工单不存在或无权查看');
    if (events.length === 0) throw notFound;
    this.access.assertVisible(user, { kind: 'complaint', unitIds: complaintUnits(events) }, notFound);
    const received = [...events].reverse().find((event) => event.type === 'ComplaintReceived');
    if (received && wasShredded(received.data, body.field)) throw new PersonalDataErasedError();
    const value = received ? getPath(received.data, body.field) : undefined;
    if (typeof value !== 'string' || value === '') throw new NotFoundError('personal_data_not_recorded', '该工单未登记此项个人信息');
    // Fail closed: a reveal that cannot be logged is not answered.
    await this.accessLog.record([{ at: now, user, action: 'reveal', caseKind: 'complaint', caseId: id, field: body.field, reason: body.reason }]);
    return { field: body.field, value };
  }
}
