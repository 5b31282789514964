import { Body, Controller, Get, Inject, Param, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiProperty, ApiTags } from '@nestjs/swagger';
import { Allow } from 'class-validator';
import type { PovertyLineBook } from '#hardship-service';
import { AdminOnly } from '../auth/admin-only.guard.js';
import { CurrentUser, type AuthenticatedUser } from '../auth/current-user.js';
import { POVERTY_LINES } from '#service-tokens';
import { RequestTime } from '../http/command-meta.decorator.js';

/** The body's rules are the domain's (checkPovertyLine), so that they are stated once; this only describes it. */
export class PovertyLineDto {
  @ApiProperty({ description: '低保标准，分/人·月', example: 105_000 }) @Allow() line: number;
  @ApiProperty({ description: '调整依据，如文件号' }) @Allow() reason: string;
}

/**
 * 低保标准维护, for administrators: the local minimum-living line per head and month, by district
 * (administrative code, or `*` for every district without its own) and year. A home visit and a
 * monthly income are measured against the line in force for the file's district and year.
 */
@ApiTags('reference')
@ApiBearerAuth()
@AdminOnly()
@Controller('api/admin/poverty-lines')
export class PovertyLinesController {
  constructor(@Inject(POVERTY_LINES) private readonly lines: PovertyLineBook) {}

  @Get()
  async list() {
    return { lines: await this.lines.list() };
  }

  /** Every change, newest first: before, after, why, who and when. */
  @Get('changes')
  changes() {
    return this.lines.changes();
  }

  @Put(':district/:year')
  set(@Param('district') district: string, @Param('year') year: string, @Body() body: PovertyLineDto, @CurrentUser() user: AuthenticatedUser, @RequestTime() now: Date) {
    return this.lines.set({ district, year: Number(year), line: body?.line, reason: body?.reason }, { userId: user.userId, username: user.username }, now);
  }
}
