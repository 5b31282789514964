import { entryOf } from '#decider';
import { Body, Controller, Header, HttpCode, Param, Post, UseFilters } from '@nestjs/common';
import { ApiBearerAuth, ApiProperty, ApiTags } from '@nestjs/swagger';
import { ForbiddenError, NotFoundError } from '#errors';
import { CurrentUser, type AuthenticatedUser } from '../auth/current-user.js';
import { CaseIdPipe } from '../http/case-id.pipe.js';
import { RequestTime } from '../http/command-meta.decorator.js';
import { RequiredCode, RequiredText } from '../http/validators.js';
import { WageCaseCommands } from '../wage-cases/wage-case-commands.service.js';
import { foldWageCase } from '../wage-cases/wage-case-view.js';
import { AccessLog } from './access-log.js';
import { PersonalDataErasedError, PersonalDataErasedFilter } from './personal-data-erased.filter.js';
import { REVEALING_ROLES } from './reveal.controller.js';

const WageCaseId = new CaseIdPipe('wage_case_not_found', '欠薪案件不存在或无权查看');
const REVEALABLE_CLAIMANT_FIELDS = ['idNumber', 'phone'] as const;

export class ClaimantRevealDto {
  @ApiProperty({ enum: REVEALABLE_CLAIMANT_FIELDS, example: 'idNumber' })
  @RequiredCode('查看的字段', () => REVEALABLE_CLAIMANT_FIELDS)
  field: (typeof REVEALABLE_CLAIMANT_FIELDS)[number];

  @ApiProperty({ example: '申请劳动仲裁，需填写完整身份证号码' })
  @RequiredText('查看理由', 500)
  reason: string;
}

/** `POST /api/wage-cases/:id/claimants/:claimantId/reveal`: a worker's ID number or phone in full, for a stated reason, logged first. */
@ApiTags('personal-data')
@ApiBearerAuth()
@Controller('api/wage-cases')
@UseFilters(PersonalDataErasedFilter)
export class WageRevealController {
  constructor(
    private readonly cases: WageCaseCommands,
    private readonly accessLog: AccessLog,
  ) {}

  @Post(':id/claimants/:claimantId/reveal')
  @HttpCode(200)
  @Header('Cache-Control', 'no-store')
  async reveal(@Param('id', WageCaseId) id: string, @Param('claimantId') claimantId: string, @Body() body: ClaimantRevealDto, @CurrentUser() user: AuthenticatedUser, @RequestTime() now: Date) {
    if (!REVEALING_ROLES.includes(user.role)) throw new ForbiddenError('forbidden', '只有个案工作者和督导可以查看完整的个人信息');
    const state = foldWageCase(await this.cases.visibleEvents(id, user));
    const claimant = entryOf(state.claimants, claimantId);
    if (!claimant) throw new NotFoundError('claimant_not_found', '本案中没有该申请人');
    const value = claimant.details[body.field] as string | null | undefined;
    // A value erased on a lawful request reads null; one never given is absent.
    if (value === null) throw new PersonalDataErasedError();
    if (typeof value !== 'string' || value === '') throw new NotFoundError('personal_data_not_recorded', '该申请人未登记此项个人信息');
    await this.accessLog.record([{ at: now, user, action: 'reveal', caseKind: 'wage_case', caseId: id, field: `claimants.${claimantId}.${body.field}`, reason: body.reason }]);
    return { field: body.field, value };
  }
}
