import { Controller, Get, Inject } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { OrgUnits } from '#identity';
import { ORG_UNITS } from '../core/tokens.js';

@ApiTags('reference')
@ApiBearerAuth()
@Controller('api/org-units')
export class OrgUnitsController {
  constructor(@Inject(ORG_UNITS) private readonly orgUnits: OrgUnits) {}

  @Get()
  list() {
    return this.orgUnits.list().map(({ id, name, kind, parentId }) => ({ id, code: id, name, kind, parentId }));
  }
}
