import { Body, Controller, Get, HttpCode, Inject, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { NotFoundError } from '#errors';
import { isReferenceListName, itemsOfList, REFERENCE_LIST_POLICIES, REFERENCE_LISTS, type ReferenceChange, type ReferenceListName } from '#hotline';
import { AdminOnly } from '../auth/admin-only.guard.js';
import { CurrentUser, type AuthenticatedUser } from '../auth/current-user.js';
import { REFERENCE_ITEMS } from '#service-tokens';
import { RequestTime } from '../http/command-meta.decorator.js';
import { AddReferenceItemDto, ChangeReasonDto, ReferenceChangesQueryDto, RelabelReferenceItemDto } from './reference-change.dto.js';
import type { ReferenceItems } from './reference-items.store.js';

function listNamed(name: string): ReferenceListName {
  if (!isReferenceListName(name)) throw new NotFoundError('reference_list_not_found', `没有名为 ${name} 的参考数据列表，应为 ${REFERENCE_LISTS.join('、')} 之一`);
  return name;
}

/**
 * 参考数据维护, for administrators: correct a label, retire (停用) or restore an item, add items to the
 * lists that allow it. Every change is recorded with who, when and why (docs/api.md, "Reference data").
 */
@ApiTags('reference')
@ApiBearerAuth()
@AdminOnly()
@Controller('api/admin/reference/hotline')
export class ReferenceAdminController {
  constructor(@Inject(REFERENCE_ITEMS) private readonly reference: ReferenceItems) {}

  /** Every list with what may be done to it, and all its items, retired ones included. */
  @Get()
  lists() {
    const data = this.reference.current();
    return { lists: REFERENCE_LISTS.map((name) => ({ name, ...REFERENCE_LIST_POLICIES[name], items: itemsOfList(data, name) })) };
  }

  @Get('changes')
  changes(@Query() query: ReferenceChangesQueryDto) {
    return this.reference.changes(query);
  }

  @Post(':list')
  @HttpCode(201)
  add(@Param('list') list: string, @Body() body: AddReferenceItemDto, @CurrentUser() user: AuthenticatedUser, @RequestTime() now: Date) {
    const { code, label, labelEn, parentCode } = body;
    return this.apply({ kind: 'add', list: listNamed(list), code, label, labelEn, parentCode }, body.reason, user, now);
  }

  @Patch(':list/:code')
  relabel(@Param('list') list: string, @Param('code') code: string, @Body() body: RelabelReferenceItemDto, @CurrentUser() user: AuthenticatedUser, @RequestTime() now: Date) {
    return this.apply({ kind: 'relabel', list: listNamed(list), code, label: body.label, labelEn: body.labelEn }, body.reason, user, now);
  }

  @Post(':list/:code/retire')
  @HttpCode(200)
  retire(@Param('list') list: string, @Param('code') code: string, @Body() body: ChangeReasonDto, @CurrentUser() user: AuthenticatedUser, @RequestTime() now: Date) {
    return this.apply({ kind: 'retire', list: listNamed(list), code }, body.reason, user, now);
  }

  @Post(':list/:code/restore')
  @HttpCode(200)
  restore(@Param('list') list: string, @Param('code') code: string, @Body() body: ChangeReasonDto, @CurrentUser() user: AuthenticatedUser, @RequestTime() now: Date) {
    return this.apply({ kind: 'restore', list: listNamed(list), code }, body.reason, user, now);
  }

  /** Answers the item as it now stands and the history line the change left. */
  private async apply(change: ReferenceChange, reason: string, user: AuthenticatedUser, now: Date) {
    const entry = await this.reference.change(change, reason, { userId: user.userId, username: user.username }, now);
    return { item: entry.after, change: entry };
  }
}
