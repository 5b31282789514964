import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { ForbiddenError, ValidationError } from '#errors';
import { CurrentUser, type AuthenticatedUser } from '../auth/current-user.js';
import { RequestTime } from '../http/command-meta.decorator.js';
import { ErasureDto } from './erasure.dto.js';
import { PersonalDataErasure } from './personal-data-erasure.js';

/** `POST /api/personal-data/erasures`: an administrator carries out a lawful deletion request. */
@ApiTags('personal-data')
@ApiBearerAuth()
@Controller('api/personal-data')
export class ErasureController {
  constructor(private readonly erasure: PersonalDataErasure) {}

  @Post('erasures')
  @HttpCode(201)
  erase(@Body() body: ErasureDto, @CurrentUser() user: AuthenticatedUser, @RequestTime() now: Date) {
    if (user.role !== 'admin') throw new ForbiddenError('forbidden', '只有管理员可以依法删除个人信息');
    if (!body.idNumber?.trim() && !body.phone?.trim()) {
      throw new ValidationError([{ field: 'idNumber', rule: 'required', message: '请填写要删除信息的人的身份证号或电话号码（至少一项）' }]);
    }
    return this.erasure.erase({ idNumber: body.idNumber, phone: body.phone }, body.reason, user, now);
  }
}
