import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { StatsQueryDto } from './stats.query.dto.js';
import { RequestTime } from '../http/command-meta.decorator.js';
import { CurrentUser, type AuthenticatedUser } from '../auth/current-user.js';
import { Figures } from './figures.js';

/** The published figures (docs/figures.md), one endpoint per kind of case. */
@ApiTags('stats')
@ApiBearerAuth()
@Controller('api/stats')
export class StatsController {
  constructor(private readonly figures: Figures) {}

  /** The hotline figures of DOMAIN.md; the period defaults to this month so far. */
  @Get('hotline')
  hotline(@Query() query: StatsQueryDto, @RequestTime() now: Date, @CurrentUser() user: AuthenticatedUser) {
    return this.figures.hotline(query, now, user);
  }

  @Get('wage')
  wage(@Query() query: StatsQueryDto, @RequestTime() now: Date, @CurrentUser() user: AuthenticatedUser) {
    return this.figures.wage(query, now, user);
  }

  @Get('hardship')
  hardship(@Query() query: StatsQueryDto, @RequestTime() now: Date, @CurrentUser() user: AuthenticatedUser) {
    return this.figures.hardship(query, now, user);
  }

  @Get('mediation')
  mediation(@Query() query: StatsQueryDto, @RequestTime() now: Date, @CurrentUser() user: AuthenticatedUser) {
    return this.figures.mediation(query, now, user);
  }
}
