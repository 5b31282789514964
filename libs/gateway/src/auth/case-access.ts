import { Inject, Injectable } from '@nestjs/common';
import { canOpenCase, canReadFigures, canSeeCase, caseListScope, type CaseKind, type CaseUnits } from '#access-control';
import { ForbiddenError, NotFoundError } from '#errors';
import type { OrgUnits } from '#identity';
import { ORG_UNITS } from '#service-tokens';
import type { AuthenticatedUser } from './current-user.js';

/** The access policy (`libs/access-control`) applied to requests, with the answers HTTP gives. */
@Injectable()
export class CaseAccess {
  constructor(@Inject(ORG_UNITS) private readonly orgUnits: OrgUnits) {}

  /** A case the user may not see is "not found", exactly like one that does not exist. */
  assertVisible(user: AuthenticatedUser, kase: CaseUnits, notFound: NotFoundError): void {
    if (!canSeeCase(user, kase, this.orgUnits)) throw notFound;
  }

  assertMayOpen(user: AuthenticatedUser, kind: CaseKind): void {
    if (!canOpenCase(user, kind)) throw new ForbiddenError('forbidden', '您的角色不能登记此类案件');
  }

  listScope(user: AuthenticatedUser): { unitIds: string[]; kinds: readonly CaseKind[] } {
    const scope = caseListScope(user, this.orgUnits);
    if (!scope) throw new ForbiddenError('forbidden', '管理员不能查看案件内容');
    return scope;
  }

  /** A unit the user asks about by id must lie within their own subtree. */
  assertWithinOwnUnits(user: AuthenticatedUser, unitId: string, field = 'unit'): void {
    if (!this.orgUnits.isWithin(unitId, user.orgUnitId)) {
      throw new ForbiddenError('forbidden', `只能查看本单位及下级单位的数据（${field}）`);
    }
  }

  assertMayReadFigures(user: AuthenticatedUser, kind: CaseKind, unitId: string): void {
    if (!canReadFigures(user, kind, unitId, this.orgUnits)) throw new ForbiddenError('forbidden', '只能查看本单位及下级单位的统计');
  }
}
