import { assertMayReferTo } from '../mediation/referral-reach.js';
import { Body, Controller, Get, HttpCode, Inject, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiTags } from '@nestjs/swagger';
import { deterministicUuid } from '#command-handling';
import { ValidationError } from '#errors';
import type { ComplaintDecider } from '#hotline';
import { COMPLAINT_DECIDER, DATA_SOURCE, ORG_UNITS } from '#service-tokens';
import type { DataSource } from 'typeorm';
import { queryCaseLabels } from '#read-models';
import type { OrgUnits } from '#identity';
import { CurrentUser, type AuthenticatedUser } from '../auth/current-user.js';
import { CommandMetadata, RequestTime, type HttpCommandMeta } from '../http/command-meta.decorator.js';
import { CaseIdPipe } from '../http/case-id.pipe.js';
import { complaintView } from './complaint-view.js';
import { ComplaintCommands } from './complaint-commands.service.js';
import { CaseAccess } from '../auth/case-access.js';
import { ActorNames } from '../users/actor-names.js';
import { RECEIVE_FIELD_NAMES, rejectInvalid, toReceiveCommand } from './receive-command.mapper.js';
import { ReceiveComplaintDto } from './receive-complaint.dto.js';
import * as Dto from './complaint-action.dto.js';

const NOT_A_REPEAT_TARGET = 'not-a-repeat-target';
const ComplaintId = new CaseIdPipe('complaint_not_found', '工单不存在或无权查看');

@ApiTags('complaints')
@ApiBearerAuth()
@ApiHeader({ name: 'Idempotency-Key', required: false, description: '重试同一命令时使用同一个键' })
@Controller('api/complaints')
export class ComplaintsController {
  constructor(
    private readonly commands: ComplaintCommands,
    @Inject(COMPLAINT_DECIDER) private readonly decider: ComplaintDecider,
    @Inject(ORG_UNITS) private readonly orgUnits: OrgUnits,
    private readonly access: CaseAccess,
    private readonly names: ActorNames,
    @Inject(DATA_SOURCE) private readonly dataSource: DataSource,
  ) {}

  /** 受理: a new complaint; the same Idempotency-Key always yields the same complaint id. */
  @Post()
  @HttpCode(201)
  receive(@Body() body: ReceiveComplaintDto, @CurrentUser() user: AuthenticatedUser, @CommandMetadata() meta: HttpCommandMeta) {
    this.access.assertMayOpen(user, 'complaint');
    const id = deterministicUuid('complaint', user.userId, meta.commandId);
    const command = toReceiveCommand(id, body, user, meta.now);
    rejectInvalid(command, this.decider.reference.current(), RECEIVE_FIELD_NAMES);
    return this.commands.run(id, command, meta);
  }

  @Get(':id')
  async get(@Param('id', ComplaintId) id: string, @CurrentUser() user: AuthenticatedUser, @RequestTime() now: Date) {
    const actor = { userId: user.userId, role: user.role, orgUnitId: user.orgUnitId };
    const view = complaintView(id, await this.commands.visibleEvents(id, user), this.decider, { now, actor });
    // Links to orders the user may not see are left out: not even their ids are shown.
    const visible = async (ids: readonly string[]) => (await Promise.all(ids.map(async (other) => ((await this.commands.isVisible(other, user)) ? [other] : [])))).flat();
    const repeatOf = await visible(view.repeatOf);
    // Linked cases and the earlier orders this one repeats are shown by number and title, never by id.
    const labels = await queryCaseLabels(this.dataSource, [...view.links.map((link) => link.id), ...repeatOf]);
    return {
      ...view,
      links: view.links.map((link) => ({ ...link, caseNumber: labels.get(link.id)?.caseNumber ?? null })),
      repeatOf,
      repeatOfCases: repeatOf.map((other) => ({ id: other, caseNumber: labels.get(other)?.caseNumber ?? null, title: labels.get(other)?.title ?? '', openedAt: labels.get(other)?.openedAt })),
      attachedRepeats: await visible(view.attachedRepeats),
    };
  }

  @Get(':id/history')
  async history(@Param('id', ComplaintId) id: string, @CurrentUser() user: AuthenticatedUser) {
    return this.names.history(await this.commands.visibleEvents(id, user), { kind: 'complaint' });
  }

  @Post(':id/classify') @HttpCode(200) @ApiHeader({ name: 'If-Match', required: false })
  classify(@Param('id', ComplaintId) id: string, @Body() b: Dto.ClassifyDto, @CommandMetadata() m: HttpCommandMeta) {
    return this.commands.run(id, { type: 'ClassifyComplaint', data: { category: b.category, subcategory: b.subcategory, type: b.type } as never }, m);
  }

  @Post(':id/answer') @HttpCode(200)
  answer(@Param('id', ComplaintId) id: string, @Body() b: Dto.AnswerDto, @CommandMetadata() m: HttpCommandMeta) {
    return this.commands.run(id, { type: 'AnswerOnTheSpot', data: { answer: b.answer } }, m);
  }

  @Post(':id/assign') @HttpCode(200)
  async assign(@Param('id', ComplaintId) id: string, @Body() b: Dto.AssignDto, @CommandMetadata() m: HttpCommandMeta) {
    await this.commands.visibleEvents(id, m.actor as AuthenticatedUser); // an invisible order is 404 before anything is said about the unit
    if (b.unitId && !this.orgUnits.find(b.unitId)) {
      throw new ValidationError([{ field: 'unitId', rule: 'exists', message: '承办单位不存在，请从单位列表中选择' }]);
    }
    if (b.unitId && this.orgUnits.find(b.unitId)?.kind === 'mediation_room') {
      throw new ValidationError([{ field: 'unitId', rule: 'handling_unit', message: '调解室不承办热线工单，请转办给工会或服务站' }]);
    }
    if (b.unitId && !this.orgUnits.isWithin(b.unitId, m.actor.orgUnitId)) {
      throw new ValidationError([{ field: 'unitId', rule: 'within_own_units', message: '只能转办给本单位或下级单位' }]);
    }
    return this.commands.run(id, { type: 'AssignComplaint', data: { unitId: b.unitId, instructions: b.note } }, m);
  }

  @Post(':id/sign-for') @HttpCode(200)
  signFor(@Param('id', ComplaintId) id: string, @CommandMetadata() m: HttpCommandMeta) {
    return this.commands.run(id, { type: 'SignForComplaint', data: {} }, m);
  }

  @Post(':id/return') @HttpCode(200)
  returnIt(@Param('id', ComplaintId) id: string, @Body() b: Dto.ReturnDto, @CommandMetadata() m: HttpCommandMeta) {
    return this.commands.run(id, { type: 'ReturnComplaint', data: { reason: b.reason as never, explanation: b.note } }, m, { reason: b.note });
  }

  @Post(':id/contact') @HttpCode(200)
  contact(@Param('id', ComplaintId) id: string, @Body() b: Dto.ContactDto, @CommandMetadata() m: HttpCommandMeta) {
    return this.commands.run(id, { type: 'RecordCallerContact', data: { reached: b.reached, summary: b.summary, method: b.method } as never }, m);
  }

  @Post(':id/note') @HttpCode(200)
  note(@Param('id', ComplaintId) id: string, @Body() b: Dto.NoteDto, @CommandMetadata() m: HttpCommandMeta) {
    return this.commands.run(id, { type: 'AddComplaintNote', data: { text: b.text } }, m);
  }

  @Post(':id/extend') @HttpCode(200)
  extend(@Param('id', ComplaintId) id: string, @Body() b: Dto.ExtendDto, @CommandMetadata() m: HttpCommandMeta) {
    return this.commands.run(id, { type: 'ExtendResolutionDeadline', data: { workingDays: b.workingDays, reason: b.reason } }, m, { reason: b.reason });
  }

  /** 申请延期: the handling unit asks; the answer names the approval a supervisor will decide. */
  @Post(':id/extension-requests') @HttpCode(201)
  async requestExtension(@Param('id', ComplaintId) id: string, @Body() b: Dto.ExtendDto, @CommandMetadata() m: HttpCommandMeta) {
    const approvalId = deterministicUuid('extension-request', m.actor.userId, m.commandId);
    const answer = await this.commands.run(id, { type: 'RequestExtension', data: { requestId: approvalId, workingDays: b.workingDays, reason: b.reason } }, m, { reason: b.reason });
    return { ...answer, approvalId };
  }

  @Post(':id/resolve') @HttpCode(200)
  resolve(@Param('id', ComplaintId) id: string, @Body() b: Dto.ResolveDto, @CommandMetadata() m: HttpCommandMeta) {
    return this.commands.run(id, { type: 'ResolveComplaint', data: { outcome: b.outcome as never, summary: b.summary } }, m);
  }

  @Post(':id/follow-up') @HttpCode(200)
  followUp(@Param('id', ComplaintId) id: string, @Body() b: Dto.FollowUpDto, @CommandMetadata() m: HttpCommandMeta) {
    return this.commands.run(id, { type: 'RecordFollowUp', data: { reached: b.reached, satisfaction: b.satisfaction as never, comment: b.note } }, m);
  }

  @Post(':id/close') @HttpCode(200)
  close(@Param('id', ComplaintId) id: string, @Body() b: Dto.CloseDto, @CommandMetadata() m: HttpCommandMeta) {
    return this.commands.run(id, { type: 'CloseComplaint', data: { reason: b.reason } }, m, { reason: b.reason });
  }

  @Post(':id/reopen') @HttpCode(200)
  reopen(@Param('id', ComplaintId) id: string, @Body() b: Dto.ReopenDto, @CommandMetadata() m: HttpCommandMeta) {
    return this.commands.run(id, { type: 'ReopenComplaint', data: { reason: b.reason } }, m, { reason: b.reason });
  }

  /**
   * 转为欠薪案件: a wage-arrears complaint opens a linked wage case (its id is the complaint's own,
   * derived, so a retry or a second click opens nothing new). The case appears once the process
   * manager has opened it; its outcome comes back to the complaint when it closes.
   */
  @Post(':id/escalate') @HttpCode(201)
  async escalate(@Param('id', ComplaintId) id: string, @Body() b: Dto.EscalateDto, @CommandMetadata() m: HttpCommandMeta) {
    const wageCaseId = deterministicUuid('wage-case-from-complaint', id);
    const answer = await this.commands.run(id, { type: 'EscalateToWageCase', data: { wageCaseId, ...(b.summary ? { summary: b.summary } : {}) } }, m);
    return { ...answer, wageCaseId };
  }

  /** 转为困难职工建档申请: a hardship-help complaint opens an application for a file (its id derived from the complaint's). */
  @Post(':id/escalate-hardship') @HttpCode(201)
  async escalateHardship(@Param('id', ComplaintId) id: string, @Body() b: Dto.EscalateDto, @CommandMetadata() m: HttpCommandMeta) {
    const hardshipFileId = deterministicUuid('hardship-file-from-complaint', id);
    const answer = await this.commands.run(id, { type: 'EscalateToHardshipApplication', data: { fileId: hardshipFileId, ...(b.summary ? { summary: b.summary } : {}) } }, m);
    return { ...answer, hardshipFileId };
  }

  /**
   * 转调解: a labour dispute the caller agrees to take to a court–union mediation room, with what they
   * claim; opens the linked mediation case there (`{mediationCaseId}`), whose outcome comes back to the
   * complaint's `links`.
   */
  @Post(':id/escalate-mediation') @HttpCode(201)
  async escalateMediation(@Param('id', ComplaintId) id: string, @Body() b: Dto.EscalateMediationDto, @CommandMetadata() m: HttpCommandMeta) {
    assertMayReferTo(this.orgUnits, b.roomId, m.actor);
    const mediationCaseId = deterministicUuid('mediation-case-from-complaint', id);
    const answer = await this.commands.run(id, { type: 'EscalateToMediation', data: { mediationCaseId, roomId: b.roomId, claims: b.claims as never, ...(b.summary ? { summary: b.summary } : {}) } }, m);
    return { ...answer, mediationCaseId };
  }

  @Post(':id/merge') @HttpCode(200)
  async merge(@Param('id', ComplaintId) id: string, @Body() b: Dto.MergeDto, @CommandMetadata() m: HttpCommandMeta) {
    // An order the user may not see counts as one this order does not repeat: the same answer as a random id.
    const target = b.intoComplaintId && (await this.commands.isVisible(b.intoComplaintId, m.actor as AuthenticatedUser)) ? b.intoComplaintId : NOT_A_REPEAT_TARGET;
    return this.commands.run(id, { type: 'MergeIntoEarlierComplaint', data: { targetComplaintId: target, reason: b.reason } }, m, { reason: b.reason });
  }
}
