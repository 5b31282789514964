import { Body, Controller, Header, HttpCode, Param, Post, UseFilters } from '@nestjs/common';
import { ApiBearerAuth, ApiProperty, ApiTags } from '@nestjs/swagger';
import { ForbiddenError, NotFoundError } from '#errors';
import { getPath } from '#personal-data';
import { CurrentUser, type AuthenticatedUser } from '../auth/current-user.js';
import { foldHardshipFile, HardshipFileCommands } from '../hardship/hardship-files.controller.js';
import { CaseIdPipe } from '../http/case-id.pipe.js';
import { RequestTime } from '../http/command-meta.decorator.js';
import { RequiredCode, RequiredText } from '../http/validators.js';
import { AccessLog } from './access-log.js';
import { PersonalDataErasedError, PersonalDataErasedFilter } from './personal-data-erased.filter.js';
import { REVEALING_ROLES } from './reveal.controller.js';

const FileId = new CaseIdPipe('hardship_file_not_found', '困难职工档案不存在或无权查看');
/** What a file shows masked: the head of household's ID number and phone (members are named only). */
const REVEALABLE_HEAD_FIELDS = ['head.idNumber', 'head.phone'] as const;

export class HardshipRevealDto {
  @ApiProperty({ enum: REVEALABLE_HEAD_FIELDS, example: 'head.phone' })
  @RequiredCode('查看的字段', () => REVEALABLE_HEAD_FIELDS)
  field: (typeof REVEALABLE_HEAD_FIELDS)[number];

  @ApiProperty({ example: '入户走访前电话联系户主' })
  @RequiredText('查看理由', 500)
  reason: string;
}

/** `POST /api/hardship-files/:id/reveal`: the head of household's ID number or phone in full, for a stated reason, logged first. */
@ApiTags('personal-data')
@ApiBearerAuth()
@Controller('api/hardship-files')
@UseFilters(PersonalDataErasedFilter)
export class HardshipRevealController {
  constructor(
    private readonly files: HardshipFileCommands,
    private readonly accessLog: AccessLog,
  ) {}

  @Post(':id/reveal')
  @HttpCode(200)
  @Header('Cache-Control', 'no-store')
  async reveal(@Param('id', FileId) id: string, @Body() body: HardshipRevealDto, @CurrentUser() user: AuthenticatedUser, @RequestTime() now: Date) {
    if (!REVEALING_ROLES.includes(user.role)) throw new ForbiddenError('forbidden', '只有个案工作者和督导可以查看完整的个人信息');
    const state = foldHardshipFile(await this.files.visibleEvents(id, user));
    const value = getPath(state, body.field);
    // A value erased on a lawful request reads null; one never given is absent.
    if (value === null) throw new PersonalDataErasedError();
    if (typeof value !== 'string' || value === '') throw new NotFoundError('personal_data_not_recorded', '该档案未登记此项个人信息');
    await this.accessLog.record([{ at: now, user, action: 'reveal', caseKind: 'hardship_file', caseId: id, field: body.field, reason: body.reason }]);
    return { field: body.field, value };
  }
}
