import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { ForbiddenError, ValidationError, type FieldViolation } from '#errors';
import { isPhoneNumber, isResidentIdNumber } from '#field-checks';
import { normaliseIdNumber } from '#personal-data';
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
    const idNumber = body.idNumber?.trim() || undefined;
    const phone = body.phone?.trim() || undefined;
    if (!idNumber && !phone) {
      throw new ValidationError([{ field: 'idNumber', rule: 'required', message: '请填写要删除信息的人的身份证号或电话号码（至少一项）' }]);
    }
    // A malformed identifier can match nobody: say so, rather than answer "0 subjects erased".
    const violations: FieldViolation[] = [];
    if (idNumber && !isResidentIdNumber(normaliseIdNumber(idNumber))) violations.push({ field: 'idNumber', rule: 'id_number', message: '身份证号码格式不正确，应为 18 位且校验位正确' });
    if (phone && !isPhoneNumber(phone)) violations.push({ field: 'phone', rule: 'phone', message: '电话号码格式不正确，应为 11 位手机号或带区号的固定电话' });
    if (violations.length > 0) throw new ValidationError(violations);
    return this.erasure.erase({ idNumber, phone }, body.reason, user, now);
  }
}
