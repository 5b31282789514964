import { Body, Controller, Header, HttpCode, Inject, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiProperty, ApiTags } from '@nestjs/swagger';
import type { DataSource } from 'typeorm';
import { ForbiddenError, ValidationError } from '#errors';
import { isResidentIdNumber } from '#field-checks';
import { personKeyOf, queryCaseLabels, queryPersonJourney } from '#read-models';
import { CaseAccess } from '../auth/case-access.js';
import { CurrentUser, type AuthenticatedUser } from '../auth/current-user.js';
import { RequestTime } from '../http/command-meta.decorator.js';
import { RequiredText } from '../http/validators.js';
import { DATA_SOURCE, EVENT_STORE, PERSONAL_DATA_HASH_KEY } from '#service-tokens';
import type { EventStore } from '#event-store';
import { personAttachments } from '../attachments/person-attachments.js';
import { AccessLog } from './access-log.js';
import { REVEALING_ROLES } from './reveal.controller.js';

export class JourneyDto {
  @ApiProperty({ description: '18 位居民身份证号码（只在请求体中传送，不进入网址和日志）' }) @RequiredText('身份证号码', 18) idNumber: string;
  @ApiProperty({ description: '查询理由，记入个人信息访问日志' }) @RequiredText('查询理由', 500) reason: string;
}

/**
 * 人员轨迹: every complaint, wage case, hardship file and mediation case of one person, matched by the
 * keyed hash of their ID number, as far as the user may see each case (the case list's own rules).
 * The number travels in the body only, and every lookup is in the access log. Each case lists the
 * files that concern the person in it (`attachments`).
 */
@ApiTags('personal-data')
@ApiBearerAuth()
@Controller('api/people')
export class PersonJourneyController {
  constructor(
    @Inject(DATA_SOURCE) private readonly dataSource: DataSource,
    @Inject(PERSONAL_DATA_HASH_KEY) private readonly hashKey: string,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly access: CaseAccess,
    private readonly accessLog: AccessLog,
  ) {}

  @Post('journey')
  @HttpCode(200)
  @Header('Cache-Control', 'no-store')
  async journey(@Body() body: JourneyDto, @CurrentUser() user: AuthenticatedUser, @RequestTime() now: Date) {
    if (!REVEALING_ROLES.includes(user.role)) throw new ForbiddenError('forbidden', '只有个案工作者和督导可以查询人员轨迹');
    if (!isResidentIdNumber(body.idNumber)) throw new ValidationError([{ field: 'idNumber', rule: 'id_number', message: '身份证号码格式不正确，应为 18 位且校验位正确' }]);
    await this.accessLog.record([{ at: now, user, action: 'view', caseKind: 'person', caseId: null, field: 'idNumber', reason: body.reason }]);
    const found = await queryPersonJourney(this.dataSource, personKeyOf(body.idNumber, this.hashKey), this.access.listScope(user));
    // Each case by its number (案件编号), as everywhere else in the console, never by its id.
    const labels = await queryCaseLabels(this.dataSource, found.map((c) => c.id));
    // Per case, the files that concern this person there (issue 19): names and kinds, never the bytes.
    const cases = await Promise.all(found.map(async (c) => ({
      ...c, caseNumber: labels.get(c.id)?.caseNumber ?? null, attachments: await personAttachments(this.store, c.kind, c.id, body.idNumber),
    })));
    return { cases };
  }
}
