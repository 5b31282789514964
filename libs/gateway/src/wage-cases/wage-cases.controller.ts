import { assertMayReferTo } from '../mediation/referral-reach.js';
import { Body, Controller, Get, HttpCode, Inject, Param, Post, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { deterministicUuid } from '#command-handling';
import { ValidationError, type FieldViolation } from '#errors';
import type { OrgUnits } from '#identity';
import { maskSensitiveFields } from '#personal-data';
import { WAGE_CASE_STATUS_LABELS, claimantViolations, ledgerOf, caseTotals, type ClaimantDetails, type WageCaseCommand, type WageCaseDecider, type WageTimeLimits } from '#wage-recovery';
import { DATA_SOURCE, ORG_UNITS, PERSONAL_DATA_HASH_KEY, WAGE_CASE_DECIDER, WAGE_TIME_LIMITS } from '#service-tokens';
import type { DataSource } from 'typeorm';
import { shanghaiDateOf } from '#calendar';
import { LimitationWatchQueryDto, listLimitationWatch } from './limitation-watch-listing.js';
import { CurrentUser, type AuthenticatedUser } from '../auth/current-user.js';
import { CaseAccess } from '../auth/case-access.js';
import { ActorNames } from '../users/actor-names.js';
import { CommandMetadata, RequestTime, type HttpCommandMeta } from '../http/command-meta.decorator.js';
import { CaseIdPipe } from '../http/case-id.pipe.js';
import { WageCaseCommands } from './wage-case-commands.service.js';
import { foldWageCase, wageCaseView } from './wage-case-view.js';
import { readClaimantSheet, SheetError, type SheetClaimant } from './claimant-sheet.js';
import { ledgerWorkbook, XLSX_CONTENT_TYPE } from './ledger-workbook.js';
import * as Dto from './wage-case.dto.js';
import { SheetUploadDto } from '../http/sheet-upload.dto.js';

const WageCaseId = new CaseIdPipe('wage_case_not_found', '欠薪案件不存在或无权查看');
type Meta = HttpCommandMeta;

/** 欠薪追讨案件 (DOMAIN.md §2): one endpoint per step; every change is an event, corrections are reversals. */
@ApiTags('wage-cases')
@ApiBearerAuth()
@Controller('api/wage-cases')
export class WageCasesController {
  constructor(
    private readonly cases: WageCaseCommands,
    private readonly access: CaseAccess,
    @Inject(WAGE_CASE_DECIDER) private readonly decider: WageCaseDecider,
    @Inject(WAGE_TIME_LIMITS) private readonly limits: WageTimeLimits,
    @Inject(ORG_UNITS) private readonly orgUnits: OrgUnits,
    @Inject(DATA_SOURCE) private readonly dataSource: DataSource,
    private readonly names: ActorNames,
    @Inject(PERSONAL_DATA_HASH_KEY) private readonly hashKey: string,
  ) {}

  /** 立案: the same Idempotency-Key always yields the same case id. */
  @Post()
  @HttpCode(201)
  open(@Body() b: Dto.OpenWageCaseDto, @CurrentUser() user: AuthenticatedUser, @CommandMetadata() m: Meta) {
    this.access.assertMayOpen(user, 'wage_case');
    const unitId = b.unitId ?? user.orgUnitId;
    if (!this.orgUnits.find(unitId) || this.orgUnits.find(unitId)?.kind === 'mediation_room') {
      throw new ValidationError([{ field: 'unitId', rule: 'handling_unit', message: '承办单位须为工会或服务站' }]);
    }
    if (!this.orgUnits.isWithin(unitId, user.orgUnitId)) throw new ValidationError([{ field: 'unitId', rule: 'within_own_units', message: '只能由本单位或下级单位承办' }]);
    const id = deterministicUuid('wage-case', user.userId, m.commandId);
    return this.cases.run(id, { type: 'OpenWageCase', data: { caseId: id, source: b.source as never, respondent: b.respondent as never, summary: b.summary, unitId } }, m);
  }

  /** 仲裁时效预警: claimants of open cases in the user's units whose limitation date is near or past, found by `q` (before `:id`, which it would match). */
  @Get('limitation-watch')
  limitationWatch(@Query() query: LimitationWatchQueryDto, @CurrentUser() user: AuthenticatedUser, @RequestTime() now: Date) {
    return listLimitationWatch({ dataSource: this.dataSource, access: this.access, hashKey: this.hashKey, limits: this.limits }, query, now, user);
  }

  @Get(':id')
  async get(@Param('id', WageCaseId) id: string, @CurrentUser() user: AuthenticatedUser, @RequestTime() now: Date) {
    const actor = { userId: user.userId, role: user.role, orgUnitId: user.orgUnitId };
    return wageCaseView(id, await this.cases.visibleEvents(id, user), this.decider, this.limits, { now, actor });
  }

  @Get(':id/history')
  async history(@Param('id', WageCaseId) id: string, @CurrentUser() user: AuthenticatedUser) {
    return this.names.history(await this.cases.visibleEvents(id, user), { kind: 'wage_case' });
  }

  /** 分户台账 as JSON: per claimant claimed, verified, recovered, advanced, reimbursed, outstanding; and the totals. */
  @Get(':id/ledger')
  async ledger(@Param('id', WageCaseId) id: string, @CurrentUser() user: AuthenticatedUser) {
    const state = foldWageCase(await this.cases.visibleEvents(id, user));
    return { id, lines: maskedLedger(state), totals: caseTotals(state) };
  }

  /** The ledger as an Excel workbook (分户台账.xlsx). */
  @Get(':id/ledger.xlsx')
  async ledgerXlsx(@Param('id', WageCaseId) id: string, @CurrentUser() user: AuthenticatedUser, @RequestTime() now: Date, @Res() response: Response) {
    const state = foldWageCase(await this.cases.visibleEvents(id, user));
    const printedAt = now.toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false });
    const buffer = await ledgerWorkbook({ id, title: state.respondent?.name ?? '', statusLabel: WAGE_CASE_STATUS_LABELS[state.status], printedAt }, maskedLedger(state), caseTotals(state));
    response.setHeader('Content-Type', XLSX_CONTENT_TYPE);
    response.setHeader('Content-Disposition', `attachment; filename="wage-case-ledger.xlsx"; filename*=UTF-8''${encodeURIComponent('分户台账.xlsx')}`);
    response.send(buffer);
  }

  /** 登记工程项目及责任链: a case opened against an employer (an escalated complaint's) names its project and chain. */
  @Post(':id/project-chain') @HttpCode(200)
  projectChain(@Param('id', WageCaseId) id: string, @Body() b: Dto.ProjectChainDto, @CommandMetadata() m: Meta) {
    return this.run(id, { type: 'RecordProjectChain', data: { projectName: b.projectName, chain: b.chain as never, ...(b.reason ? { reason: b.reason } : {}) } }, m, b.reason);
  }

  /** Claimants typed in the grid: all are added or, if any row is wrong, none, with every bad row named. */
  @Post(':id/claimants') @HttpCode(200)
  addClaimants(@Param('id', WageCaseId) id: string, @Body() b: Dto.AddClaimantsDto, @CommandMetadata() m: Meta) {
    const claimants = b.claimants.map((c, row) => ({ ...c, claimantId: c.claimantId ?? deterministicUuid(m.commandId, 'claimant', String(row)) }));
    return this.cases.run(id, { type: 'AddClaimants', data: { claimants } }, m, { extra: { claimantIds: claimants.map((c) => c.claimantId) } });
  }

  /**
   * A pasted or uploaded list (CSV, tab-separated text, or an .xlsx workbook in base64). The answer
   * reports every row; when any row is wrong nothing is added (400, with `rows`).
   */
  @Post(':id/claimants/import') @HttpCode(200)
  async importClaimants(@Param('id', WageCaseId) id: string, @Body() b: SheetUploadDto, @CommandMetadata() m: Meta, @RequestTime() now: Date) {
    const { claimants, rows } = await this.checkList(b, m.commandId, now);
    const answer = await this.cases.run(id, { type: 'AddClaimants', data: { claimants } }, m, { extra: { added: claimants.length, rows } });
    return answer;
  }

  /** The same check as an import, adding nothing: what the console shows before the caseworker confirms. */
  @Post(':id/claimants/import/check') @HttpCode(200)
  async checkClaimants(@Param('id', WageCaseId) id: string, @Body() b: SheetUploadDto, @CurrentUser() user: AuthenticatedUser, @CommandMetadata() m: Meta, @RequestTime() now: Date) {
    await this.cases.visibleEvents(id, user);
    const { rows } = await this.checkList(b, m.commandId, now);
    return { ok: true, rows };
  }

  @Post(':id/claimants/:claimantId/amend') @HttpCode(200)
  amend(@Param('id', WageCaseId) id: string, @Param('claimantId') claimantId: string, @Body() b: Dto.AmendClaimDto, @CommandMetadata() m: Meta) {
    return this.run(id, { type: 'AmendClaim', data: { claimantId, claimed: b.claimed, workedFrom: b.workedFrom, workedUntil: b.workedUntil, phone: b.phone, reason: b.reason } }, m, b.reason);
  }

  @Post(':id/claimants/:claimantId/withdraw') @HttpCode(200)
  withdraw(@Param('id', WageCaseId) id: string, @Param('claimantId') claimantId: string, @Body() b: Dto.ReasonDto, @CommandMetadata() m: Meta) {
    return this.run(id, { type: 'WithdrawClaim', data: { claimantId, reason: b.reason } }, m, b.reason);
  }

  @Post(':id/claimants/:claimantId/evidence') @HttpCode(200)
  evidence(@Param('id', WageCaseId) id: string, @Param('claimantId') claimantId: string, @Body() b: Dto.EvidenceDto, @CommandMetadata() m: Meta) {
    return this.run(id, { type: 'RecordEvidence', data: { claimantId, evidenceId: deterministicUuid(m.commandId, 'evidence'), kind: b.kind as never, description: b.description } }, m);
  }

  @Post(':id/start-verification') @HttpCode(200)
  startVerification(@Param('id', WageCaseId) id: string, @CommandMetadata() m: Meta) {
    return this.run(id, { type: 'StartVerification', data: {} }, m);
  }

  @Post(':id/verify') @HttpCode(200)
  verify(@Param('id', WageCaseId) id: string, @Body() b: Dto.VerifyClaimsDto, @CommandMetadata() m: Meta) {
    return this.run(id, { type: 'VerifyClaims', data: { claims: b.claims, ...(b.reason ? { reason: b.reason } : {}) } }, m, b.reason);
  }

  @Post(':id/complete-verification') @HttpCode(200)
  completeVerification(@Param('id', WageCaseId) id: string, @CommandMetadata() m: Meta) {
    return this.run(id, { type: 'CompleteVerification', data: {} }, m);
  }

  @Post(':id/negotiations') @HttpCode(200)
  negotiate(@Param('id', WageCaseId) id: string, @Body() b: Dto.NegotiationDto, @CommandMetadata() m: Meta) {
    return this.run(id, { type: 'RecordNegotiation', data: { summary: b.summary, ...(b.promisedBy ? { promisedBy: b.promisedBy } : {}) } }, m);
  }

  /** 登记追回款: the answer names the payment, for a later reversal. */
  @Post(':id/payments') @HttpCode(201)
  pay(@Param('id', WageCaseId) id: string, @Body() b: Dto.PaymentDto, @CommandMetadata() m: Meta) {
    const paymentId = deterministicUuid(m.commandId, 'payment');
    const agreement = b.installmentId ? { installmentId: b.installmentId, source: 'wage_case' as const } : {};
    return this.cases.run(id, { type: 'RecordRecoveryPayment', data: { paymentId, amount: b.amount, paidOn: b.paidOn, payer: b.payer, allocations: b.allocations, ...agreement } }, m, { extra: { paymentId } });
  }

  @Post(':id/payments/:paymentId/reverse') @HttpCode(200)
  reversePayment(@Param('id', WageCaseId) id: string, @Param('paymentId') paymentId: string, @Body() b: Dto.ReasonDto, @CommandMetadata() m: Meta) {
    return this.run(id, { type: 'ReverseRecoveryPayment', data: { paymentId, reason: b.reason } }, m, b.reason);
  }

  /** 申请应急周转金垫付: the answer names the approval a supervisor will decide. */
  @Post(':id/advances') @HttpCode(201)
  requestAdvance(@Param('id', WageCaseId) id: string, @Body() b: Dto.AdvanceDto, @CommandMetadata() m: Meta) {
    const advanceId = deterministicUuid(m.commandId, 'advance');
    return this.cases.run(id, { type: 'RequestEmergencyAdvance', data: { advanceId, allocations: b.allocations, reason: b.reason } }, m, { reason: b.reason, extra: { advanceId, approvalId: advanceId } });
  }

  @Post(':id/advances/:advanceId/decision') @HttpCode(200)
  decideAdvance(@Param('id', WageCaseId) id: string, @Param('advanceId') advanceId: string, @Body() b: Dto.DecisionDto, @CommandMetadata() m: Meta) {
    return this.run(id, { type: 'DecideEmergencyAdvance', data: { advanceId, approve: b.approve, reason: b.reason } }, m, b.reason);
  }

  @Post(':id/advances/:advanceId/reverse') @HttpCode(200)
  reverseAdvance(@Param('id', WageCaseId) id: string, @Param('advanceId') advanceId: string, @Body() b: Dto.ReasonDto, @CommandMetadata() m: Meta) {
    return this.run(id, { type: 'ReverseEmergencyAdvance', data: { advanceId, reason: b.reason } }, m, b.reason);
  }

  /**
   * 移送: to a mediation room of this system (`roomId`), the referral opens a linked mediation case
   * there (its id is in the answer), whose agreement later flows back as expected payments.
   */
  @Post(':id/referrals') @HttpCode(201)
  refer(@Param('id', WageCaseId) id: string, @Body() b: Dto.WageReferralDto, @CommandMetadata() m: Meta) {
    const referralId = deterministicUuid(m.commandId, 'referral');
    if (b.roomId !== undefined) assertMayReferTo(this.orgUnits, b.roomId, m.actor);
    const mediation = b.roomId ? { mediation: { roomId: b.roomId, mediationCaseId: deterministicUuid('mediation-case', id, referralId) } } : {};
    return this.cases.run(id, { type: 'ReferCase', data: { referralId, target: b.target as never, referredOn: b.referredOn, ...(b.note ? { note: b.note } : {}), ...mediation } }, m, {
      extra: { referralId, ...(mediation.mediation ? { mediationCaseId: mediation.mediation.mediationCaseId } : {}) },
    });
  }

  @Post(':id/referrals/:referralId/accepted') @HttpCode(200)
  referralAccepted(@Param('id', WageCaseId) id: string, @Param('referralId') referralId: string, @Body() b: Dto.ReferralAcceptedDto, @CommandMetadata() m: Meta) {
    return this.run(id, { type: 'RecordReferralAccepted', data: { referralId, acceptedOn: b.acceptedOn } }, m);
  }

  @Post(':id/referrals/:referralId/extend') @HttpCode(200)
  extendReferral(@Param('id', WageCaseId) id: string, @Param('referralId') referralId: string, @Body() b: Dto.ReasonDto, @CommandMetadata() m: Meta) {
    return this.run(id, { type: 'ExtendReferral', data: { referralId, reason: b.reason } }, m, b.reason);
  }

  @Post(':id/referrals/:referralId/outcome') @HttpCode(200)
  referralOutcome(@Param('id', WageCaseId) id: string, @Param('referralId') referralId: string, @Body() b: Dto.ReferralOutcomeDto, @CommandMetadata() m: Meta) {
    return this.run(id, { type: 'RecordReferralOutcome', data: { referralId, concludedOn: b.concludedOn, outcome: b.outcome } }, m);
  }

  @Post(':id/close') @HttpCode(200)
  close(@Param('id', WageCaseId) id: string, @Body() b: Dto.CloseWageCaseDto, @CommandMetadata() m: Meta) {
    return this.run(id, { type: 'CloseWageCase', data: { outcome: b.outcome as never, reason: b.reason } }, m, b.reason);
  }

  /** 申请按无法追回结案: a supervisor decides (the approvals inbox). */
  @Post(':id/unrecoverable-closure') @HttpCode(201)
  requestUnrecoverable(@Param('id', WageCaseId) id: string, @Body() b: Dto.ReasonDto, @CommandMetadata() m: Meta) {
    const requestId = deterministicUuid(m.commandId, 'unrecoverable-closure');
    return this.cases.run(id, { type: 'RequestUnrecoverableClosure', data: { requestId, reason: b.reason } }, m, { reason: b.reason, extra: { approvalId: requestId } });
  }

  @Post(':id/unrecoverable-closure/:requestId/decision') @HttpCode(200)
  decideUnrecoverable(@Param('id', WageCaseId) id: string, @Param('requestId') requestId: string, @Body() b: Dto.DecisionDto, @CommandMetadata() m: Meta) {
    return this.run(id, { type: 'DecideUnrecoverableClosure', data: { requestId, approve: b.approve, reason: b.reason } }, m, b.reason);
  }

  @Post(':id/reopen') @HttpCode(200)
  reopen(@Param('id', WageCaseId) id: string, @Body() b: Dto.ReasonDto, @CommandMetadata() m: Meta) {
    return this.run(id, { type: 'ReopenWageCase', data: { reason: b.reason } }, m, b.reason);
  }

  private run(id: string, command: WageCaseCommand, m: Meta, reason?: string) {
    return this.cases.run(id, command, m, { reason });
  }

  /**
   * Reads the list and checks each row as the domain will (shape and values); any problem → 400
   * naming `rows.<n>.<field>` with the sheet's own row number, so the caseworker can find it.
   */
  private async checkList(b: SheetUploadDto, commandId: string, now: Date): Promise<{ claimants: ClaimantDetails[]; rows: { row: number; ok: boolean; problems: FieldViolation[] }[] }> {
    let sheet: SheetClaimant[];
    try {
      sheet = await readClaimantSheet({ format: b.format as 'csv' | 'xlsx', content: b.content });
    } catch (error) {
      if (error instanceof SheetError) throw new ValidationError(error.violations);
      throw error;
    }
    const claimants = sheet.map((row) => ({
      claimantId: deterministicUuid(commandId, 'claimant', String(row.row)),
      name: row.name as string,
      ...(row.idNumber ? { idNumber: row.idNumber } : {}),
      ...(row.phone ? { phone: row.phone } : {}),
      workedFrom: row.workedFrom as string,
      ...(row.workedUntil ? { workedUntil: row.workedUntil } : {}),
      claimed: row.claimed as number,
    }));
    const rows = sheet.map((row, index) => {
      const read = new Set(row.problems.map((p) => p.field));
      const checked = claimantViolations(claimants[index], '', shanghaiDateOf(now)).filter((v) => !read.has(v.field) && v.field !== 'claimantId');
      const problems = [...row.problems, ...checked].map((p) => ({ ...p, field: `rows.${row.row}.${p.field}`, message: `第 ${row.row} 行：${p.message}` }));
      return { row: row.row, ok: problems.length === 0, problems };
    });
    const duplicates = duplicateIdNumbers(sheet);
    for (const [row, first] of duplicates) {
      const entry = rows.find((r) => r.row === row)!;
      entry.ok = false;
      entry.problems.push({ field: `rows.${row}.idNumber`, rule: 'duplicate_person', message: `第 ${row} 行：与第 ${first} 行的身份证号码相同` });
    }
    const problems = rows.flatMap((r) => r.problems);
    if (problems.length > 0) throw new ValidationError(problems);
    return { claimants, rows };
  }
}

/** 分户台账 lines with each worker's ID number masked, for the JSON and the Excel ledger alike. */
function maskedLedger(state: ReturnType<typeof foldWageCase>) {
  return ledgerOf(state).map((line) => ({ ...line, idNumber: maskSensitiveFields({ idNumber: state.claimants[line.claimantId].details.idNumber }).idNumber ?? null }));
}

function duplicateIdNumbers(sheet: readonly SheetClaimant[]): [number, number][] {
  const firstRow = new Map<string, number>();
  const duplicates: [number, number][] = [];
  for (const row of sheet) {
    if (!row.idNumber) continue;
    const first = firstRow.get(row.idNumber);
    if (first !== undefined) duplicates.push([row.row, first]);
    else firstRow.set(row.idNumber, row.row);
  }
  return duplicates;
}
