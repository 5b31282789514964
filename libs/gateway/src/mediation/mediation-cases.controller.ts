import { Body, Controller, Get, HttpCode, Inject, Injectable, Param, Post, Query, Res } from '@nestjs/common';
import type { Response } from 'express';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CommandBus } from '@nestjs/cqrs';
import type { DataSource } from 'typeorm';
import { addDays, daysBetween, shanghaiDateOf, startOfShanghaiDay } from '#calendar';
import { deterministicUuid, type IdempotencyStore } from '#command-handling';
import { NotFoundError, ValidationError } from '#errors';
import { localDate } from '#field-checks';
import type { EventStore } from '#event-store';
import type { OrgUnits, Users } from '#identity';
import type { MediationCommand } from '#mediation';
import { querySessions } from '#read-models';
import { CaseCommands } from '../http/case-commands.js';
import { CurrentUser, type AuthenticatedUser } from '../auth/current-user.js';
import { CaseAccess } from '../auth/case-access.js';
import { ActorNames } from '../users/actor-names.js';
import { CommandMetadata, RequestTime, type HttpCommandMeta } from '../http/command-meta.decorator.js';
import { CaseIdPipe } from '../http/case-id.pipe.js';
import { DATA_SOURCE, EVENT_STORE, IDEMPOTENCY, ORG_UNITS, USERS, MEDIATION_SERVICES } from '#service-tokens';
import { ExecuteMediationCommand } from '#context-commands';
import { mediationCaseStream } from '#mediation';
import type { MediationServices } from '#mediation-service';
import { foldMediationCase } from './mediation-case-fold.js';
import { mediationCaseView, PARTIES } from './mediation-case-view.js';
import { mediationDocumentOf, renderMediationDocument, sendDocument } from './mediation-document.js';
import * as Dto from './mediation.dto.js';

export { foldMediationCase };

const CaseId = new CaseIdPipe('mediation_case_not_found', '调解案件不存在或无权查看');
const notFound = () => new NotFoundError('mediation_case_not_found', '调解案件不存在或无权查看');
type Meta = HttpCommandMeta;

/** Every HTTP entry into a mediation case (see CaseCommands). */
@Injectable()
export class MediationCaseCommands extends CaseCommands<MediationCommand> {
  constructor(commandBus: CommandBus, @Inject(EVENT_STORE) store: EventStore, @Inject(IDEMPOTENCY) idempotency: IdempotencyStore, access: CaseAccess) {
    super(commandBus, store, idempotency, access, {
      kind: 'mediation_case',
      stream: mediationCaseStream,
      unitsOf: (events) => [foldMediationCase(events).roomId!],
      notFound,
      toBusCommand: (id, command, meta, reason) => new ExecuteMediationCommand(id, command, meta, reason),
    });
  }
}

/** A body list as the domain expects it, or the value as given (the domain names what is wrong with it). */
const asList = (value: unknown) => (Array.isArray(value) ? value : value);

/**
 * 诉调对接 (DOMAIN.md §4): a labour dispute referred by a court (委派 before filing, 委托 after) or by
 * the union to a court–union mediation room, from acceptance to agreement, failure letter or
 * withdrawal; the rooms' calendar; the mediator's day.
 */
@ApiTags('mediation-cases')
@ApiBearerAuth()
@Controller('api/mediation-cases')
export class MediationCasesController {
  constructor(
    private readonly cases: MediationCaseCommands,
    private readonly access: CaseAccess,
    @Inject(ORG_UNITS) private readonly orgUnits: OrgUnits,
    @Inject(USERS) private readonly users: Users,
    @Inject(DATA_SOURCE) private readonly dataSource: DataSource,
    @Inject(MEDIATION_SERVICES) private readonly mediation: MediationServices,
    private readonly names: ActorNames,
  ) {}

  /**
   * 调解室日历: sessions from `from` to `to` (Shanghai days, default today) in `room` (a room or a unit
   * with rooms below it; default the user's own), or only the user's own with `mine=true`.
   */
  @Get('sessions')
  async sessions(@Query('from') from: string | undefined, @Query('to') to: string | undefined, @Query('room') room: string | undefined, @Query('mine') mine: string | undefined,
    @CurrentUser() user: AuthenticatedUser, @RequestTime() now: Date) {
    const scope = this.access.listScope(user);
    if (!scope.kinds.includes('mediation_case')) return [];
    const first = from ?? shanghaiDateOf(now);
    const last = to ?? first;
    const bad = [...localDate('from', '开始日期', first), ...localDate('to', '结束日期', last)];
    if (bad.length > 0) throw new ValidationError(bad);
    if (last < first) throw new ValidationError([{ field: 'to', rule: 'date_order', message: '结束日期不能早于开始日期' }]);
    const unit = room ?? user.orgUnitId;
    this.access.assertWithinOwnUnits(user, unit, 'room');
    const roomIds = this.orgUnits.subtree(unit).filter((id) => this.orgUnits.find(id)?.kind === 'mediation_room');
    const sessions = await querySessions(this.dataSource, {
      from: startOfShanghaiDay(first), to: startOfShanghaiDay(addDays(last, 1)), roomIds, ...(mine === 'true' ? { mediatorId: user.userId } : {}),
    });
    const names = await this.users.displayNames(sessions.map((s) => s.mediatorId));
    return sessions.map((s) => ({ ...s, roomName: this.orgUnits.find(s.roomId)?.name ?? s.roomId, mediatorName: names.get(s.mediatorId) ?? null }));
  }

  /** 调解员名单: the mediators of a room (its own, and those who also work there), for assigning a case. */
  @Get('mediators')
  async mediators(@Query('room') room: string | undefined, @CurrentUser() user: AuthenticatedUser) {
    const roomId = room ?? user.orgUnitId;
    if (this.orgUnits.find(roomId)?.kind !== 'mediation_room') throw new ValidationError([{ field: 'room', rule: 'mediation_room', message: '请指定一个调解工作室' }]);
    const scope = this.access.listScope(user);
    if (!scope.kinds.includes('mediation_case') || !scope.unitIds.includes(roomId)) throw new NotFoundError('room_not_found', '调解工作室不存在或无权查看');
    return this.users.mediatorsOf(roomId);
  }

  /** 期限预警: cases still being mediated whose period ends within `days` (default 3) or has passed, most urgent first. */
  @Get('deadlines')
  async deadlines(@Query('days') days: string | undefined, @CurrentUser() user: AuthenticatedUser, @RequestTime() now: Date) {
    const within = days === undefined ? this.mediation.limits.warnDaysBefore : Number(days);
    if (!Number.isInteger(within) || within < 0 || within > 366) throw new ValidationError([{ field: 'days', rule: 'integer_range', message: '天数须为 0 至 366 的整数' }]);
    const scope = this.access.listScope(user);
    if (!scope.kinds.includes('mediation_case')) return [];
    const rows: { case_id: string; title: string; status: string; unit_id: string; next_due_at: Date; progress: { mediatorId: string | null; deadline: string } }[] = await this.dataSource.query(
      `SELECT case_id, title, status, unit_id, next_due_at, progress FROM case_list
        WHERE kind = 'mediation_case' AND is_open AND next_due_step = 'mediation_deadline' AND next_due_at <= $1 AND unit_id = ANY($2)
        ORDER BY next_due_at, case_id`,
      [new Date(now.getTime() + within * 86_400_000), scope.unitIds],
    );
    const today = shanghaiDateOf(now);
    return rows.map((r) => {
      const left = daysBetween(today, r.progress.deadline);
      return { id: r.case_id, title: r.title, status: r.status, roomId: r.unit_id, deadline: r.progress.deadline, daysLeft: left, overdue: left < 0, mediatorId: r.progress.mediatorId };
    });
  }

  /** 委派/委托 or a union referral into a room: the same Idempotency-Key always yields the same case. */
  @Post() @HttpCode(201)
  refer(@Body() b: Dto.MediationReferralDto, @CurrentUser() user: AuthenticatedUser, @CommandMetadata() m: Meta) {
    this.access.assertMayOpen(user, 'mediation_case');
    this.assertRoom(b.roomId, user);
    const caseId = deterministicUuid('mediation-case', user.userId, m.commandId);
    const applicants = Array.isArray(b.applicants) ? b.applicants.map((a, i) => ({ ...(a as object), partyId: `p${i + 1}` })) : b.applicants;
    const claims = Array.isArray(b.claims)
      ? b.claims.map((c, i) => {
        const { party, ...rest } = (c ?? {}) as { party?: unknown };
        return { ...rest, claimId: `c${i + 1}`, ...(typeof party === 'number' ? { partyId: `p${party + 1}` } : {}) };
      })
      : b.claims;
    return this.cases.run(caseId, { type: 'ReferCase', data: { caseId, source: b.source, ...(b.cause !== undefined ? { cause: b.cause } : {}), roomId: b.roomId, referredOn: b.referredOn, applicants, respondent: b.respondent, claims, summary: b.summary } as never }, m);
  }

  /** The room must be a mediation room within the user's own units. */
  private assertRoom(roomId: string, user: AuthenticatedUser): void {
    if (this.orgUnits.find(roomId)?.kind !== 'mediation_room' || !this.orgUnits.isWithin(roomId, user.orgUnitId)) {
      throw new ValidationError([{ field: 'roomId', rule: 'own_room', message: '调解工作室须为本单位的法院+工会调解工作室' }]);
    }
  }

  /** The case as it stands, built for the mediator at the table: parties masked, sessions with their minutes, period, agreement and payments. */
  @Get(':id')
  async get(@Param('id', CaseId) id: string, @CurrentUser() user: AuthenticatedUser, @RequestTime() now: Date) {
    return mediationCaseView(id, await this.cases.visibleEvents(id, user), { orgUnits: this.orgUnits, limits: this.mediation.limits, now });
  }

  /**
   * 调解协议书 / 调解不成反馈函, generated from the case (nothing typed twice): `agreement` or
   * `feedback-letter`, as a printable page, or as PDF with `.pdf`. The parties' ID numbers and
   * addresses are masked: the copy for the court is `POST …/documents/:document/reveal` (a logged reveal).
   */
  @Get(':id/documents/:document')
  async document(@Param('id', CaseId) id: string, @Param('document') document: string, @CurrentUser() user: AuthenticatedUser, @RequestTime() now: Date, @Res() response: Response) {
    const wanted = mediationDocumentOf(document);
    sendDocument(response, await renderMediationDocument(await this.cases.visibleEvents(id, user), { document: wanted, identity: 'masked', orgUnits: this.orgUnits, now }));
  }

  @Get(':id/history')
  async history(@Param('id', CaseId) id: string, @CurrentUser() user: AuthenticatedUser) {
    return this.names.history(await this.cases.visibleEvents(id, user), { kind: 'mediation_case', masking: PARTIES });
  }

  @Post(':id/accept') @HttpCode(200)
  accept(@Param('id', CaseId) id: string, @Body() b: Dto.AcceptDto, @CommandMetadata() m: Meta) {
    return this.cases.run(id, { type: 'AcceptCase', data: b }, m);
  }

  @Post(':id/decline') @HttpCode(200)
  decline(@Param('id', CaseId) id: string, @Body() b: Dto.DeclineDto, @CommandMetadata() m: Meta) {
    return this.cases.run(id, { type: 'DeclineCase', data: b }, m, { reason: b.reason });
  }

  /** 指派/更换调解员: a mediator of the case's room (their own unit, or one of their further rooms). */
  @Post(':id/mediator') @HttpCode(200)
  async assign(@Param('id', CaseId) id: string, @Body() b: Dto.MediatorDto, @CurrentUser() user: AuthenticatedUser, @CommandMetadata() m: Meta) {
    const state = foldMediationCase(await this.cases.visibleEvents(id, user));
    const mediator = (await this.users.mediatorsOf(state.roomId!)).find((m) => m.id === b.mediatorId);
    if (!mediator) {
      throw new ValidationError([{ field: 'mediatorId', rule: 'room_mediator', message: '调解员须为本调解工作室在岗的调解员' }]);
    }
    return this.cases.run(id, { type: 'AssignMediator', data: { mediatorId: mediator.id, mediatorName: mediator.displayName, ...(b.reason ? { reason: b.reason } : {}) } }, m, { reason: b.reason });
  }

  @Post(':id/sessions') @HttpCode(201)
  schedule(@Param('id', CaseId) id: string, @Body() b: Dto.SessionDto, @CommandMetadata() m: Meta) {
    const sessionId = deterministicUuid(m.commandId, 'session');
    return this.cases.run(id, { type: 'ScheduleSession', data: { sessionId, startsAt: b.startsAt, endsAt: b.endsAt, mode: b.mode, ...(b.location ? { location: b.location } : {}), attendees: asList(b.attendees) } as never }, m, { extra: { sessionId } });
  }

  @Post(':id/sessions/:sessionId/reschedule') @HttpCode(200)
  reschedule(@Param('id', CaseId) id: string, @Param('sessionId') sessionId: string, @Body() b: Dto.RescheduleDto, @CommandMetadata() m: Meta) {
    return this.cases.run(id, { type: 'RescheduleSession', data: { sessionId, ...b } }, m, { reason: b.reason });
  }

  @Post(':id/sessions/:sessionId/held') @HttpCode(200)
  held(@Param('id', CaseId) id: string, @Param('sessionId') sessionId: string, @Body() b: Dto.SessionHeldDto, @CommandMetadata() m: Meta) {
    return this.cases.run(id, { type: 'RecordSessionHeld', data: { sessionId, minutes: b.minutes, attendees: asList(b.attendees) } as never }, m);
  }

  @Post(':id/sessions/:sessionId/cancel') @HttpCode(200)
  cancelSession(@Param('id', CaseId) id: string, @Param('sessionId') sessionId: string, @Body() b: Dto.ReasonDto, @CommandMetadata() m: Meta) {
    return this.cases.run(id, { type: 'CancelSession', data: { sessionId, reason: b.reason } }, m, { reason: b.reason });
  }

  /** 延长调解期限: 委派 (and union referrals) only, with both parties' consent recorded. */
  @Post(':id/extension') @HttpCode(200)
  extend(@Param('id', CaseId) id: string, @Body() b: Dto.ExtensionDto, @CommandMetadata() m: Meta) {
    return this.cases.run(id, { type: 'ExtendDeadline', data: { days: b.days, reason: b.reason, consents: b.consents } as never }, m, { reason: b.reason });
  }

  /** 调解协议: installments are numbered here (`i1`, `i2`, …) in the order given. */
  @Post(':id/agreement') @HttpCode(200)
  agree(@Param('id', CaseId) id: string, @Body() b: Dto.AgreementDto, @CommandMetadata() m: Meta) {
    const schedule = Array.isArray(b.schedule) ? b.schedule.map((s, i) => ({ ...(s as object), installmentId: `i${i + 1}` })) : b.schedule;
    return this.cases.run(id, { type: 'RecordAgreement', data: { agreedOn: b.agreedOn, effectiveOn: b.effectiveOn, terms: b.terms, items: b.items, schedule } as never }, m);
  }

  @Post(':id/confirmation-requests') @HttpCode(200)
  requestConfirmation(@Param('id', CaseId) id: string, @Body() b: Dto.ConfirmationRequestDto, @CommandMetadata() m: Meta) {
    return this.cases.run(id, { type: 'RequestJudicialConfirmation', data: b }, m);
  }

  @Post(':id/confirmation') @HttpCode(200)
  confirmation(@Param('id', CaseId) id: string, @Body() b: Dto.ConfirmationDto, @CommandMetadata() m: Meta) {
    return this.cases.run(id, { type: 'RecordJudicialConfirmation', data: b }, m, { reason: b.reason });
  }

  /** 履行: a payment under the agreement; a case referred from a wage case sees it there too. */
  @Post(':id/payments') @HttpCode(201)
  pay(@Param('id', CaseId) id: string, @Body() b: Dto.AgreedPaymentDto, @CommandMetadata() m: Meta) {
    const paymentId = deterministicUuid(m.commandId, 'agreed-payment');
    return this.cases.run(id, { type: 'RecordAgreedPayment', data: { paymentId, installmentId: b.installmentId, paidOn: b.paidOn, amount: b.amount, source: 'mediation' } }, m, { extra: { paymentId } });
  }

  @Post(':id/installments/:installmentId/default') @HttpCode(200)
  defaulted(@Param('id', CaseId) id: string, @Param('installmentId') installmentId: string, @Body() b: Dto.ReasonDto, @CommandMetadata() m: Meta) {
    return this.cases.run(id, { type: 'MarkInstallmentDefaulted', data: { installmentId, reason: b.reason } }, m, { reason: b.reason });
  }

  @Post(':id/failure') @HttpCode(200)
  fail(@Param('id', CaseId) id: string, @Body() b: Dto.FailureDto, @CommandMetadata() m: Meta) {
    return this.cases.run(id, { type: 'RecordFailure', data: { failedOn: b.failedOn, undisputedFacts: b.undisputedFacts, disputedPoints: b.disputedPoints, ...(b.note ? { note: b.note } : {}), ...(b.noSessionReason !== undefined ? { noSessionReason: b.noSessionReason } : {}) } as never }, m);
  }

  @Post(':id/withdrawal') @HttpCode(200)
  withdraw(@Param('id', CaseId) id: string, @Body() b: Dto.WithdrawalDto, @CommandMetadata() m: Meta) {
    return this.cases.run(id, { type: 'WithdrawCase', data: b as never }, m, { reason: b.reason });
  }
}
