import { Controller, Get, Inject, Logger, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { CaseKind } from '#access-control';
import { canVerifyHashChains } from '#audit';
import type { ChainKeeping, HashChainAudit, HashChainReport } from '#event-store';
import { ForbiddenError, NotFoundError, ValidationError } from '#errors';
import { complaintStream } from '#hotline';
import { wageCaseStream } from '#wage-recovery';
import { hardshipFileStream } from '#hardship';
import { mediationCaseStream } from '#mediation';
import { CurrentUser, type AuthenticatedUser } from '../auth/current-user.js';
import { HASH_CHAINS, ORG_UNITS } from '#service-tokens';
import type { OrgUnits } from '#identity';

/** The stream of each kind of case, for checking one case's chain. */
const STREAMS: Readonly<Record<CaseKind, (id: string) => string>> = {
  complaint: complaintStream,
  wage_case: wageCaseStream,
  hardship_file: hardshipFileStream,
  mediation_case: mediationCaseStream,
};

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * `GET /api/audit/verify`: every stream's hash chain checked in the event store, PostgreSQL or
 * KurrentDB (through its `HashChainAudit`; what a clean report vouches for depends on the store's
 * `chainKeeping`, which the report carries); with `kind` and `id`,
 * one case's chain only — what the 核验历史记录 button of a case's audit tab asks
 * (docs/adr/0008-hash-chain.md).
 */
@ApiTags('audit')
@ApiBearerAuth()
@Controller('api/audit')
export class AuditVerifyController {
  private readonly logger = new Logger('Audit');

  constructor(
    @Inject(HASH_CHAINS) private readonly chains: HashChainAudit,
    @Inject(ORG_UNITS) private readonly orgUnits: OrgUnits,
  ) {}

  @Get('verify')
  @ApiQuery({ name: 'kind', required: false, enum: Object.keys(STREAMS) })
  @ApiQuery({ name: 'id', required: false, example: '5f0c6a8e-2b1d-4c3e-9f4a-1b2c3d4e5f60' })
  async verify(@CurrentUser() user: AuthenticatedUser, @Query('kind') kind?: unknown, @Query('id') id?: unknown): Promise<HashChainReport & { kind?: CaseKind; id?: string; chainKeeping: ChainKeeping }> {
    if (!canVerifyHashChains(user, this.orgUnits)) throw new ForbiddenError('forbidden', `只有${this.orgUnits.root().name}的监督人员可以校验事件链`);
    if (kind === undefined && id === undefined) {
      const report = await this.chains.verifyHashChains();
      if (report.problems.length > 0) {
        this.logger.warn(`Hash chain verification found ${report.problems.length} problem(s) in ${report.streams} streams`);
      }
      return { ...report, chainKeeping: this.chains.chainKeeping };
    }
    const wanted = oneCase(kind, id);
    const report = await this.chains.verifyHashChains(STREAMS[wanted.kind](wanted.id));
    // Neither a row nor a head: no such case (a case emptied by SQL still has its head, and is reported).
    if (report.streams === 0) throw new NotFoundError('case_not_found', '案件不存在');
    if (report.problems.length > 0) this.logger.warn(`Hash chain verification found ${report.problems.length} problem(s) in ${wanted.kind} ${wanted.id}`);
    return { ...wanted, ...report, chainKeeping: this.chains.chainKeeping };
  }
}

function oneCase(kind: unknown, id: unknown): { kind: CaseKind; id: string } {
  const violations = [];
  if (typeof kind !== 'string' || !Object.hasOwn(STREAMS, kind)) {
    violations.push({ field: 'kind', rule: 'case_kind', message: 'kind 须为 complaint、wage_case、hardship_file 或 mediation_case 之一' });
  }
  if (typeof id !== 'string' || !UUID.test(id)) violations.push({ field: 'id', rule: 'uuid', message: 'id 须为案件编号（UUID）' });
  if (violations.length > 0) throw new ValidationError(violations);
  return { kind: kind as CaseKind, id: (id as string).toLowerCase() };
}
