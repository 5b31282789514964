import { Body, Controller, Get, Inject, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiProperty, ApiTags } from '@nestjs/swagger';
import { Allow } from 'class-validator';
import { AdminOnly } from '../auth/admin-only.guard.js';
import { CurrentUser, type AuthenticatedUser } from '../auth/current-user.js';
import { RequestTime } from '../http/command-meta.decorator.js';
import { ChangeReasonDto } from '../reference/reference-change.dto.js';
import { AttachmentRetentionSetting } from './retention-setting.store.js';

export class SetRetentionDaysDto extends ChangeReasonDto {
  // Any shape passes here: the domain's rule (retentionDaysViolations) names what is wrong with it.
  @ApiProperty({ example: 90, minimum: 1, maximum: 3650, type: 'integer', description: '撤回附件内容的保留天数' }) @Allow() days: unknown;
}

/**
 * 撤回附件保留期限, for administrators (docs/api.md, "Attachments"): the days the bytes of a withdrawn
 * file are kept before the sweep removes them, where they come from, and every change with who,
 * when and why.
 */
@ApiTags('attachments')
@ApiBearerAuth()
@AdminOnly()
@Controller('api/admin/attachments/retention')
export class AttachmentRetentionController {
  constructor(@Inject(AttachmentRetentionSetting) private readonly setting: AttachmentRetentionSetting) {}

  @Get()
  standing() {
    return this.setting.standing();
  }

  /** Answers with the standing as it now is, the new change first. */
  @Put()
  async set(@Body() body: SetRetentionDaysDto, @CurrentUser() user: AuthenticatedUser, @RequestTime() now: Date) {
    await this.setting.change(body.days, body.reason, { userId: user.userId, username: user.username }, now);
    return this.setting.standing();
  }
}
