import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { ListCasesQueryDto } from './list-cases.query.dto.js';
import { RequestTime } from '../http/command-meta.decorator.js';
import { CurrentUser, type AuthenticatedUser } from '../auth/current-user.js';
import { CaseListing } from './case-listing.js';

/** One list for every kind of case (`GET /api/cases`), newest first. */
@ApiTags('cases')
@ApiBearerAuth()
@Controller('api/cases')
export class CasesController {
  constructor(private readonly listing: CaseListing) {}

  @Get()
  list(@Query() query: ListCasesQueryDto, @RequestTime() now: Date, @CurrentUser() user: AuthenticatedUser) {
    return this.listing.list(query, now, user);
  }
}
