import { Controller, Get, Inject, Logger } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { DataSource } from 'typeorm';
import { canVerifyHashChains } from '#audit';
import { verifyHashChains, type HashChainReport } from '#event-store';
import { ForbiddenError } from '#errors';
import { CurrentUser, type AuthenticatedUser } from '../auth/current-user.js';
import { DATA_SOURCE } from '../core/tokens.js';

/** `GET /api/audit/verify`: every stream's hash chain checked in the database (docs/adr/0008-hash-chain.md). */
@ApiTags('audit')
@ApiBearerAuth()
@Controller('api/audit')
export class AuditVerifyController {
  private readonly logger = new Logger('Audit');

  constructor(@Inject(DATA_SOURCE) private readonly dataSource: DataSource) {}

  @Get('verify')
  async verify(@CurrentUser() user: AuthenticatedUser): Promise<HashChainReport> {
    if (!canVerifyHashChains(user)) throw new ForbiddenError('forbidden', '只有市总工会的监督人员可以校验事件链');
    const report = await verifyHashChains({ query: async (text, values) => ({ rows: await this.dataSource.query(text, values) }) });
    if (report.problems.length > 0) {
      this.logger.warn(`Hash chain verification found ${report.problems.length} problem(s) in ${report.streams} streams`);
    }
    return report;
  }
}
