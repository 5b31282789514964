import { Body, Controller, Get, HttpCode, Inject, Param, Patch, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiProperty, ApiTags } from '@nestjs/swagger';
import type { Provider } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import { AdminOnly } from '../auth/admin-only.guard.js';
import { CurrentUser, type AuthenticatedUser } from '../auth/current-user.js';
import { DATA_SOURCE } from '#service-tokens';
import { RequestTime } from '../http/command-meta.decorator.js';
import { OptionalText } from '../http/validators.js';
import { ChangeReasonDto } from './reference-change.dto.js';
import type { EvidenceKindChange } from './evidence-kind-change.js';
import { EVIDENCE_KIND_LIST, EvidenceKindList } from './evidence-kinds.store.js';

export class AddEvidenceKindDto extends ChangeReasonDto {
  @ApiProperty({ example: 'bank_statement' }) @OptionalText('代码', 200) code: string;
  @ApiProperty({ example: '银行流水' }) @OptionalText('中文名称', 200) label: string;
}

export class RelabelEvidenceKindDto extends ChangeReasonDto {
  @ApiProperty({ example: '考勤记录' }) @OptionalText('中文名称', 200) label: string;
}

/**
 * 证据材料类型维护, for administrators (docs/api.md, "Attachments"): add a kind, correct a label,
 * retire (停用) or restore one; each change recorded with who, when and why. A retired kind is refused
 * for new files; the files already of that kind keep its label.
 */
@ApiTags('reference')
@ApiBearerAuth()
@AdminOnly()
@Controller('api/admin/reference/evidence-kinds')
export class EvidenceKindsAdminController {
  constructor(@Inject(EVIDENCE_KIND_LIST) private readonly kinds: EvidenceKindList) {}

  @Get()
  async list() {
    return { items: await this.kinds.all() };
  }

  @Get('changes')
  async changes() {
    return { items: await this.kinds.changes() };
  }

  @Post()
  @HttpCode(201)
  add(@Body() body: AddEvidenceKindDto, @CurrentUser() user: AuthenticatedUser, @RequestTime() now: Date) {
    return this.apply({ kind: 'add', code: body.code, label: body.label }, body.reason, user, now);
  }

  @Patch(':code')
  relabel(@Param('code') code: string, @Body() body: RelabelEvidenceKindDto, @CurrentUser() user: AuthenticatedUser, @RequestTime() now: Date) {
    return this.apply({ kind: 'relabel', code, label: body.label }, body.reason, user, now);
  }

  @Post(':code/retire')
  @HttpCode(200)
  retire(@Param('code') code: string, @Body() body: ChangeReasonDto, @CurrentUser() user: AuthenticatedUser, @RequestTime() now: Date) {
    return this.apply({ kind: 'retire', code }, body.reason, user, now);
  }

  @Post(':code/restore')
  @HttpCode(200)
  restore(@Param('code') code: string, @Body() body: ChangeReasonDto, @CurrentUser() user: AuthenticatedUser, @RequestTime() now: Date) {
    return this.apply({ kind: 'restore', code }, body.reason, user, now);
  }

  private async apply(change: EvidenceKindChange, reason: string, user: AuthenticatedUser, now: Date) {
    const entry = await this.kinds.change(change, reason, { userId: user.userId, username: user.username }, now);
    return { item: entry.after, change: entry };
  }
}

/** The list, opened (tables made, the eleven kinds seeded) when the gateway starts. */
export const EVIDENCE_KIND_PROVIDERS: Provider[] = [
  { provide: EVIDENCE_KIND_LIST, inject: [DATA_SOURCE], useFactory: (dataSource: DataSource) => EvidenceKindList.open(dataSource) },
];
