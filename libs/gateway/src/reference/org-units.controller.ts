import { Body, Controller, Get, Inject, Param, Patch, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { orgUnitView, type Administrator, type OrgUnits, type Users } from '#identity';
import { ORG_UNITS, USERS } from '#service-tokens';
import { CurrentUser, type AuthenticatedUser } from '../auth/current-user.js';
import { AdminOnly } from '../auth/admin-only.guard.js';
import { CreateOrgUnitDto } from './create-org-unit.dto.js';
import { RenameOrgUnitDto } from './rename-org-unit.dto.js';

const administrator = (user: AuthenticatedUser): Administrator => ({ userId: user.userId, username: user.username, role: user.role, orgUnitId: user.orgUnitId });

/** The org tree: read by everyone signed in, changed by administrators, each within their own unit and below. */
@ApiTags('reference')
@ApiBearerAuth()
@Controller('api/org-units')
export class OrgUnitsController {
  constructor(
    @Inject(ORG_UNITS) private readonly orgUnits: OrgUnits,
    @Inject(USERS) private readonly users: Users,
  ) {}

  @Get()
  list() {
    return this.orgUnits.list().map(orgUnitView);
  }

  @AdminOnly()
  @Post()
  create(@CurrentUser() user: AuthenticatedUser, @Body() body: CreateOrgUnitDto) {
    return this.users.unitAdministration.create(body, administrator(user));
  }

  @AdminOnly()
  @Patch(':id')
  rename(@Param('id') id: string, @CurrentUser() user: AuthenticatedUser, @Body() body: RenameOrgUnitDto) {
    return this.users.unitAdministration.rename(id, body.name, administrator(user));
  }
}
