import { Body, Controller, Header, HttpCode, Inject, Param, Post, Res, UseFilters } from '@nestjs/common';
import { ApiBearerAuth, ApiProperty, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { ForbiddenError, NotFoundError } from '#errors';
import type { OrgUnits } from '#identity';
import type { MediationCaseState } from '#mediation';
import { CurrentUser, type AuthenticatedUser } from '../auth/current-user.js';
import { ORG_UNITS } from '#service-tokens';
import { CaseIdPipe } from '../http/case-id.pipe.js';
import { RequestTime } from '../http/command-meta.decorator.js';
import { RequiredCode, RequiredText } from '../http/validators.js';
import { foldMediationCase } from '../mediation/mediation-case-fold.js';
import { MediationCaseCommands } from '../mediation/mediation-cases.controller.js';
import { mediationDocumentOf, renderMediationDocument, sendDocument } from '../mediation/mediation-document.js';
import { AccessLog } from './access-log.js';
import { PersonalDataErasedError, PersonalDataErasedFilter } from './personal-data-erased.filter.js';
import { REVEALING_ROLES } from './reveal.controller.js';

const CaseId = new CaseIdPipe('mediation_case_not_found', '调解案件不存在或无权查看');
/** The mediator at the table needs the parties as much as the caseworkers and supervisors who see the case. */
export const MEDIATION_REVEALING_ROLES: readonly string[] = [...REVEALING_ROLES, 'mediator'];
const REVEALABLE_PARTY_FIELDS = ['idNumber', 'phone', 'address'] as const;
/** The employer's side in the URL, where an applicant is named by their `partyId`. */
const RESPONDENT = 'respondent';

export class PartyRevealDto {
  @ApiProperty({ enum: REVEALABLE_PARTY_FIELDS, example: 'phone' })
  @RequiredCode('查看的字段', () => REVEALABLE_PARTY_FIELDS)
  field: (typeof REVEALABLE_PARTY_FIELDS)[number];

  @ApiProperty({ example: '通知当事人调解时间' })
  @RequiredText('查看理由', 500)
  reason: string;
}

export class DocumentRevealDto {
  @ApiProperty({ example: '双方当事人申请司法确认，提交法院' })
  @RequiredText('打印理由', 500)
  reason: string;
}

/**
 * The parties of a mediation case in full, for a stated reason, logged before they are answered: one
 * value (`POST /api/mediation-cases/:id/parties/:partyId/reveal`, `respondent` for the employer's
 * side), or a document with full identity for the court (`POST …/documents/:document/reveal`).
 */
@ApiTags('personal-data')
@ApiBearerAuth()
@Controller('api/mediation-cases')
@UseFilters(PersonalDataErasedFilter)
export class MediationRevealController {
  constructor(
    private readonly cases: MediationCaseCommands,
    private readonly accessLog: AccessLog,
    @Inject(ORG_UNITS) private readonly orgUnits: OrgUnits,
  ) {}

  @Post(':id/parties/:partyId/reveal')
  @HttpCode(200)
  @Header('Cache-Control', 'no-store')
  async reveal(@Param('id', CaseId) id: string, @Param('partyId') partyId: string, @Body() body: PartyRevealDto, @CurrentUser() user: AuthenticatedUser, @RequestTime() now: Date) {
    this.assertMayReveal(user);
    const state = foldMediationCase(await this.cases.visibleEvents(id, user));
    const party = partyOf(state, partyId);
    if (!party) throw new NotFoundError('party_not_found', '本案中没有该当事人');
    const value = party[body.field];
    // A value erased on a lawful request reads null; one never given is absent.
    if (value === null) throw new PersonalDataErasedError();
    if (typeof value !== 'string' || value === '') throw new NotFoundError('personal_data_not_recorded', '该当事人未登记此项个人信息');
    const field = partyId === RESPONDENT ? `respondent.${body.field}` : `applicants.${partyId}.${body.field}`;
    await this.accessLog.record([{ at: now, user, action: 'reveal', caseKind: 'mediation_case', caseId: id, field, reason: body.reason }]);
    return { field: body.field, value };
  }

  /** The copy for the court (司法确认): full ID numbers and addresses; the access log names the document. */
  @Post(':id/documents/:document/reveal')
  @HttpCode(200)
  async document(@Param('id', CaseId) id: string, @Param('document') document: string, @Body() body: DocumentRevealDto, @CurrentUser() user: AuthenticatedUser, @RequestTime() now: Date, @Res() response: Response) {
    const wanted = mediationDocumentOf(document);
    this.assertMayReveal(user);
    const events = await this.cases.visibleEvents(id, user);
    // Rendered first: a refused document (no agreement yet) is not a reveal.
    const rendered = await renderMediationDocument(events, { document: wanted, identity: 'full', orgUnits: this.orgUnits, now });
    await this.accessLog.record([{ at: now, user, action: 'reveal', caseKind: 'mediation_case', caseId: id, field: `documents.${wanted.name}`, reason: body.reason }]);
    sendDocument(response, rendered);
  }

  private assertMayReveal(user: AuthenticatedUser): void {
    if (!MEDIATION_REVEALING_ROLES.includes(user.role)) throw new ForbiddenError('forbidden', '只有调解员、个案工作者和督导可以查看完整的个人信息');
  }
}

function partyOf(state: MediationCaseState, partyId: string): Partial<Record<(typeof REVEALABLE_PARTY_FIELDS)[number], string | null>> | undefined {
  if (partyId === RESPONDENT) return (state.respondent ?? undefined) as never;
  return state.applicants.find((applicant) => applicant.partyId === partyId) as never;
}
