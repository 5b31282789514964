import { Body, Controller, Header, HttpCode, Inject, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import type { DataSource } from 'typeorm';
import { ValidationError, type FieldViolation } from '#errors';
import { isPhoneNumber, isResidentIdNumber } from '#field-checks';
import { personKeyOf } from '#read-models';
import { callerPhoneHash } from '#hotline-service';
import { queryEarlierOrders } from '#hotline-service';
import { CaseAccess } from '../auth/case-access.js';
import { CurrentUser, type AuthenticatedUser } from '../auth/current-user.js';
import { DATA_SOURCE, PERSONAL_DATA_HASH_KEY } from '#service-tokens';
import { OptionalText } from '../http/validators.js';

export class EarlierOrdersDto {
  @ApiPropertyOptional({ description: '正在录入的来电号码（只在请求体中传送，不进入网址和日志）' }) @OptionalText('来电号码', 20) phone?: string;
  @ApiPropertyOptional({ description: '正在录入的身份证号码（只在请求体中传送）' }) @OptionalText('身份证号码', 18) idNumber?: string;
}

/**
 * 来电弹屏: while the operator types a caller's phone or ID number at intake, that person's earlier
 * orders (`POST /api/hotline/earlier-orders`), matched by keyed hashes of the normalised number as the
 * repeat-call detector keeps them. The numbers travel in the body only and are never echoed.
 */
@ApiTags('complaints')
@ApiBearerAuth()
@Controller('api/hotline')
export class EarlierOrdersController {
  constructor(
    @Inject(DATA_SOURCE) private readonly dataSource: DataSource,
    @Inject(PERSONAL_DATA_HASH_KEY) private readonly hashKey: string,
    private readonly access: CaseAccess,
  ) {}

  @Post('earlier-orders')
  @HttpCode(200)
  @Header('Cache-Control', 'no-store')
  async earlierOrders(@Body() body: EarlierOrdersDto, @CurrentUser() user: AuthenticatedUser) {
    this.access.assertMayOpen(user, 'complaint');
    const phone = body.phone?.trim() || undefined;
    const idNumber = body.idNumber?.trim().toUpperCase() || undefined;
    const violations: FieldViolation[] = [
      ...(phone && !isPhoneNumber(phone) ? [{ field: 'phone', rule: 'phone', message: '来电号码格式不正确，应为 11 位手机号或带区号的固定电话' }] : []),
      ...(idNumber && !isResidentIdNumber(idNumber) ? [{ field: 'idNumber', rule: 'id_number', message: '身份证号码格式不正确，应为 18 位且校验位正确' }] : []),
      ...(!phone && !idNumber ? [{ field: 'phone', rule: 'required', message: '请填写来电号码或身份证号码' }] : []),
    ];
    if (violations.length > 0) throw new ValidationError(violations);
    const keys = { phoneHash: phone ? callerPhoneHash(phone, this.hashKey) : undefined, idHash: idNumber ? personKeyOf(idNumber, this.hashKey) : undefined };
    return { items: await queryEarlierOrders(this.dataSource, keys, this.access.listScope(user)) };
  }
}
