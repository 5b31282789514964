import { addDays, shanghaiDateOf, type WorkingCalendar } from '#calendar';
import type { Decider, DecisionContext } from '#decider';
import { entryOf, requireNotOwnRequest } from '#decider';
import { ForbiddenError, NotFoundError, RuleBrokenError, ValidationError, type FieldViolation } from '#errors';
import { entityKey, fenAtLeast, isDistrictCode, isPhoneNumber, isResidentIdNumber, localDate, oneOfCodes, optionalText, requiredText } from '#field-checks';
import type { HardshipCommand } from './hardship.commands.js';
import type { HardshipEvent } from './hardship.events.js';
import { addMonths, checkReached, followUpCheckIns, incomeAboveLineLongEnough, noticeEndsOn, type HardshipLimits, type PovertyLines } from './hardship.rules.js';
import { evolveHardshipFile, FILE_STATUS_LABELS, initialHardshipFileState, nextDueStep, reminderKey, type FileStatus, type HardshipFileState } from './hardship.state.js';
import { recomputeNoticeEnd } from './recompute-deadlines.js';
import { activeSince, applied, cancellableSince, factDate, liftedSince, monthNotInFuture, noticeStarted, visited } from './hardship.dates.js';
import { AID_TYPES, CADRE_LEVELS, CANCELLATION_REASONS, HARDSHIP_CAUSES, HARDSHIP_LEVELS, HEAD_ONLY } from './hardship.values.js';

export interface HardshipDeciderDependencies {
  readonly calendar: WorkingCalendar;
  readonly limits: HardshipLimits;
  readonly lines: PovertyLines;
}

export type HardshipDecider = Decider<HardshipCommand, HardshipEvent, HardshipFileState, DecisionContext>;

const ACTIVE: readonly FileStatus[] = ['active'];
const BEFORE_REGISTRATION: readonly FileStatus[] = ['applied', 'verified', 'in_notice', 'awaiting_registration'];

/** The hardship-family file (DOMAIN.md §3) as a decider: plain functions, no I/O. */
export function createHardshipDecider(deps: HardshipDeciderDependencies): HardshipDecider {
  return {
    initialState: initialHardshipFileState,
    evolve: evolveHardshipFile,
    decide: (command, state, context) => decide(command, state, context, deps),
  };
}

function reject(violations: readonly FieldViolation[]): void {
  if (violations.length > 0) throw new ValidationError(violations);
}

function requireStatus(state: HardshipFileState, allowed: readonly FileStatus[], code: string, message: string): void {
  if (state.status === 'none') throw new NotFoundError('hardship_file_not_found', '困难职工档案不存在');
  if (!allowed.includes(state.status)) throw new RuleBrokenError(code, `${message}（当前状态：${FILE_STATUS_LABELS[state.status]}）`);
}

function requireSupervisor(context: DecisionContext, message: string): void {
  if (context.actor.role !== 'supervisor') throw new ForbiddenError('supervisor_required', message);
}

function decide(command: HardshipCommand, state: HardshipFileState, context: DecisionContext, deps: HardshipDeciderDependencies): HardshipEvent[] {
  const nowIso = context.now.toISOString();
  switch (command.type) {
    case 'ReceiveApplication': {
      const d = command.data;
      const head = d.head ?? ({} as never);
      reject([
        ...requiredText('fileId', '档案编号', d.fileId, 64),
        ...oneOfCodes('source.kind', '来源', d.source?.kind, { application: '本人申请', screening: '走访排查', complaint: '热线工单' }),
        ...requiredText('head.name', '户主姓名', head.name, 50),
        ...(head.idNumber !== undefined && !isResidentIdNumber(String(head.idNumber)) ? [{ field: 'head.idNumber', rule: 'id_number', message: '身份证号码格式不正确，应为 18 位且校验位正确' }] : []),
        ...(head.phone !== undefined && !isPhoneNumber(String(head.phone)) ? [{ field: 'head.phone', rule: 'phone', message: '电话格式不正确' }] : []),
        ...requiredText('head.employer', '工作单位', head.employer, 200),
        ...(isDistrictCode(d.district) ? [] : [{ field: 'district', rule: 'district', message: '所在区县须为 6 位行政区划代码，如 410105' }]),
        ...requiredText('unitId', '建档单位', d.unitId, 32),
        ...(Array.isArray(d.causes) && d.causes.length > 0 ? d.causes.flatMap((c, i) => oneOfCodes(`causes.${i}`, '致困原因', c, HARDSHIP_CAUSES)) : [{ field: 'causes', rule: 'required', message: '至少选择一项致困原因' }]),
        ...fenAtLeast('monthlyHouseholdIncome', '家庭月收入（分）', d.monthlyHouseholdIncome, 0),
        ...(Array.isArray(d.members) ? d.members.flatMap((m, i) => [...requiredText(`members.${i}.name`, '家庭成员姓名', m.name, 50), ...requiredText(`members.${i}.relation`, '与户主关系', m.relation, 20)]) : []),
      ]);
      if (state.status !== 'none') {
        if (state.fileId === d.fileId) return [];
        throw new RuleBrokenError('hardship_file_exists', '该档案已存在');
      }
      return [{ type: 'HardshipApplicationReceived', data: { fileId: d.fileId, source: d.source, head: d.head, members: d.members ?? [], district: d.district, unitId: d.unitId, causes: d.causes, monthlyHouseholdIncome: d.monthlyHouseholdIncome, receivedAt: nowIso } }];
    }
    case 'RecordHomeVisit': {
      const d = command.data;
      requireStatus(state, ['applied', 'verified'], 'visit_not_expected', '入户核查须在申请之后、公示之前');
      reject([
        ...factDate('visitedOn', '入户日期', d.visitedOn, context, applied(state)),
        ...(d.consentToIncomeCheck === true ? [] : [{ field: 'consentToIncomeCheck', rule: 'consent_required', message: '须取得家庭同意核查收入的授权，才能登记入户核查' }]),
        ...requiredText('findings', '核查情况', d.findings, 2000),
        ...fenAtLeast('monthlyHouseholdIncome', '核实的家庭月收入（分）', d.monthlyHouseholdIncome, 0),
      ]);
      const line = deps.lines.lineFor(state.district!, Number(d.visitedOn.slice(0, 4)));
      if (line === undefined) throw new RuleBrokenError('poverty_line_missing', `尚未录入该区县 ${d.visitedOn.slice(0, 4)} 年的低保标准，请管理员先录入`);
      const incomePerHead = Math.floor(d.monthlyHouseholdIncome / state.householdSize);
      return [{ type: 'HomeVisitRecorded', data: { visitedOn: d.visitedOn, consentToIncomeCheck: true, findings: d.findings, monthlyHouseholdIncome: d.monthlyHouseholdIncome, householdSize: state.householdSize, incomePerHead, line } }];
    }
    case 'StartPublicNotice': {
      requireStatus(state, ['verified'], 'not_verified', '须先入户核查，才能公示');
      reject(factDate('startedOn', '公示开始日期', command.data.startedOn, context, visited(state)));
      return [{ type: 'PublicNoticeStarted', data: { startedOn: command.data.startedOn, endsOn: noticeEndsOn(deps.calendar, command.data.startedOn, deps.limits.noticeWorkingDays) } }];
    }
    case 'RecordObjection': {
      requireStatus(state, ['in_notice'], 'not_in_notice', '只有公示期间可以登记异议');
      reject([...requiredText('objectionId', '异议编号', command.data.objectionId, 64), ...requiredText('summary', '异议内容', command.data.summary, 2000), ...factDate('receivedOn', '收到日期', command.data.receivedOn, context, noticeStarted(state))]);
      if (entryOf(state.objections, command.data.objectionId)) return [];
      return [{ type: 'ObjectionRecorded', data: command.data }];
    }
    case 'ResolveObjection': {
      requireStatus(state, ['in_notice'], 'not_in_notice', '只有公示期间可以处理异议');
      reject([...requiredText('resolution', '处理意见', command.data.resolution, 2000), ...localDate('resolvedOn', '处理日期', command.data.resolvedOn)]);
      const objection = entryOf(state.objections, command.data.objectionId);
      if (!objection) throw new ValidationError([{ field: 'objectionId', rule: 'exists', message: '没有该异议' }]);
      reject(factDate('resolvedOn', '处理日期', command.data.resolvedOn, context, { on: objection.receivedOn ?? null, label: '异议收到日期' }));
      if (objection.resolved) throw new RuleBrokenError('objection_resolved', '该异议已处理');
      return [{ type: 'ObjectionResolved', data: { ...command.data, upheld: command.data.upheld === true } }];
    }
    case 'RequestRegistration': {
      requireStatus(state, ['in_notice'], 'not_in_notice', '须在公示之后申请建档');
      const today = shanghaiDateOf(context.now);
      if (today <= state.notice!.endsOn) throw new RuleBrokenError('notice_not_over', `公示期至 ${state.notice!.endsOn} 结束，之后才能申请建档`);
      const objections = Object.values(state.objections);
      if (objections.some((o) => !o.resolved)) throw new RuleBrokenError('objection_open', '尚有未处理的公示异议');
      if (objections.some((o) => o.upheld)) throw new RuleBrokenError('objection_upheld', '公示异议成立，不能建档');
      reject([
        ...requiredText('requestId', '申请编号', command.data.requestId, 64),
        ...oneOfCodes('level', '困难等级', command.data.level, HARDSHIP_LEVELS),
        ...(Array.isArray(command.data.causes) && command.data.causes.length > 0 ? command.data.causes.flatMap((c, i) => oneOfCodes(`causes.${i}`, '致困原因', c, HARDSHIP_CAUSES)) : [{ field: 'causes', rule: 'required', message: '至少选择一项致困原因' }]),
      ]);
      return [{ type: 'RegistrationRequested', data: { requestId: command.data.requestId, level: command.data.level, causes: command.data.causes, requestedAt: nowIso, requestedBy: context.actor.userId } }];
    }
    case 'DecideRegistration': {
      requireSupervisor(context, '建档立卡须由督导审批');
      requireStatus(state, ['awaiting_registration'], 'no_registration_pending', '没有待审批的建档申请');
      reject(requiredText('reason', '审批意见', command.data.reason, 1000));
      const pending = state.pendingRegistration!;
      if (pending.requestId !== command.data.requestId) reject([{ field: 'requestId', rule: 'exists', message: '没有该建档申请' }]);
      requireNotOwnRequest(context.actor, pending.requestedBy, '建档申请');
      const today = shanghaiDateOf(context.now);
      if (!command.data.approve) return [{ type: 'RegistrationRejected', data: { requestId: pending.requestId, reason: command.data.reason, rejectedOn: today } }];
      return [{ type: 'FileRegistered', data: { requestId: pending.requestId, level: pending.level, causes: pending.causes, registeredOn: today, nextReviewDue: addMonths(today, deps.limits.reviewEveryMonths), reason: command.data.reason } }];
    }
    case 'TransferFile': {
      requireStatus(state, [...BEFORE_REGISTRATION, 'active', 'lifted'], 'file_ended', '档案已结束，不能移交');
      reject([
        ...requiredText('toUnitId', '接收单位', command.data.toUnitId, 32),
        ...(isDistrictCode(command.data.toDistrict) ? [] : [{ field: 'toDistrict', rule: 'district', message: '接收单位所在区县须为 6 位行政区划代码' }]),
        ...requiredText('reason', '移交原因', command.data.reason, 500),
      ]);
      if (command.data.toUnitId === state.unitId) throw new RuleBrokenError('same_unit', '档案已由该单位管理');
      const transferredOn = shanghaiDateOf(context.now);
      return [{ type: 'FileTransferred', data: { fromUnitId: state.unitId!, toUnitId: command.data.toUnitId, fromDistrict: state.district!, toDistrict: command.data.toDistrict, transferredOn, reason: command.data.reason } }];
    }
    case 'AssignCadre': {
      requireStatus(state, [...BEFORE_REGISTRATION, 'active', 'lifted'], 'file_ended', '档案已结束');
      reject([...oneOfCodes('level', '帮扶责任人层级', command.data.level, CADRE_LEVELS), ...entityKey('userId', '帮扶责任人', command.data.userId)]);
      const previous = state.cadres[command.data.level] ?? null;
      if (previous === command.data.userId) return [];
      if (previous !== null) reject(requiredText('reason', '更换原因', command.data.reason, 500));
      return [{ type: 'CadreAssigned', data: { level: command.data.level, userId: command.data.userId, previousUserId: previous, ...(command.data.reason ? { reason: command.data.reason } : {}) } }];
    }
    case 'RecordMonthlyIncome': {
      requireStatus(state, ['active', 'lifted'], 'file_not_active', '只有在档或监测中的档案可以登记月收入');
      reject([
        ...(typeof command.data.month === 'string' && /^\d{4}-(0[1-9]|1[0-2])$/.test(command.data.month) ? [] : [{ field: 'month', rule: 'month', message: '月份格式应为 YYYY-MM' }]),
        ...monthNotInFuture('month', '月份', command.data.month, context),
        ...fenAtLeast('monthlyHouseholdIncome', '家庭月收入（分）', command.data.monthlyHouseholdIncome, 0),
      ]);
      const line = deps.lines.lineFor(state.district!, Number(command.data.month.slice(0, 4)));
      if (line === undefined) throw new RuleBrokenError('poverty_line_missing', `尚未录入该区县 ${command.data.month.slice(0, 4)} 年的低保标准`);
      return [{ type: 'MonthlyIncomeRecorded', data: { month: command.data.month, incomePerHead: Math.floor(command.data.monthlyHouseholdIncome / state.householdSize), line } }];
    }
    case 'DeliverAid': {
      requireStatus(state, ACTIVE, 'file_not_active', '只有在档的家庭可以登记帮扶');
      const d = command.data;
      reject([
        ...requiredText('deliveryId', '发放编号', d.deliveryId, 64),
        ...oneOfCodes('type', '帮扶类型', d.type, AID_TYPES),
        ...factDate('deliveredOn', '发放日期', d.deliveredOn, context, activeSince(state)),
        ...fenAtLeast('amount', '金额（分）', d.amount, 0),
        ...(d.amount === 0 ? requiredText('inKind', '实物内容（金额为 0 时必填）', d.inKind, 500) : []),
        ...requiredText('fundingSource', '资金来源', d.fundingSource, 100),
        ...checkReached(d.reached, state.householdSize),
        ...optionalText('campaignId', '批量发放编号', d.campaignId, 64),
      ]);
      if (entryOf(state.deliveries, d.deliveryId)) return [];
      const reached = [...(d.reached ?? HEAD_ONLY)].sort((a, b) => a - b);
      return [{ type: 'AidDelivered', data: { deliveryId: d.deliveryId, type: d.type, deliveredOn: d.deliveredOn, amount: d.amount, ...(d.inKind ? { inKind: d.inKind } : {}), fundingSource: d.fundingSource, deliveredBy: context.actor.userId, reached, ...(d.campaignId ? { campaignId: d.campaignId } : {}) } }];
    }
    case 'ReverseAidDelivery': {
      requireStatus(state, ['active', 'lifted', 'relieved', 'cancelled'], 'file_not_registered', '档案尚未建档');
      reject(requiredText('reason', '冲正原因', command.data.reason, 500));
      const delivery = entryOf(state.deliveries, command.data.deliveryId);
      if (!delivery) throw new ValidationError([{ field: 'deliveryId', rule: 'exists', message: '没有该发放记录' }]);
      if (delivery.reversed) throw new RuleBrokenError('delivery_reversed', '该发放记录已冲正');
      return [{ type: 'AidDeliveryReversed', data: command.data }];
    }
    case 'RaiseMicroWish': {
      requireStatus(state, ACTIVE, 'file_not_active', '只有在档的家庭可以登记微心愿');
      reject([...requiredText('wishId', '心愿编号', command.data.wishId, 64), ...requiredText('description', '心愿内容', command.data.description, 200), ...factDate('raisedOn', '登记日期', command.data.raisedOn, context, activeSince(state))]);
      if (entryOf(state.wishes, command.data.wishId)) return [];
      return [{ type: 'MicroWishRaised', data: command.data }];
    }
    case 'FulfilMicroWish': {
      requireStatus(state, ACTIVE, 'file_not_active', '只有在档的家庭可以圆梦微心愿');
      reject([...localDate('fulfilledOn', '圆梦日期', command.data.fulfilledOn), ...fenAtLeast('amount', '金额（分）', command.data.amount, 0), ...requiredText('fundingSource', '资金来源', command.data.fundingSource, 100)]);
      const wish = entryOf(state.wishes, command.data.wishId);
      if (!wish) throw new ValidationError([{ field: 'wishId', rule: 'exists', message: '没有该微心愿' }]);
      if (wish.fulfilledOn) throw new RuleBrokenError('wish_fulfilled', '该微心愿已圆梦');
      reject(factDate('fulfilledOn', '圆梦日期', command.data.fulfilledOn, context, { on: wish.raisedOn ?? null, label: '心愿登记日期' }));
      const deliveryId = `wish-${command.data.wishId}`;
      return [
        { type: 'AidDelivered', data: { deliveryId, type: 'micro_wish', deliveredOn: command.data.fulfilledOn, amount: command.data.amount, ...(command.data.amount === 0 ? { inKind: wish.description } : {}), fundingSource: command.data.fundingSource, deliveredBy: context.actor.userId, reached: [...HEAD_ONLY] } },
        { type: 'MicroWishFulfilled', data: { wishId: command.data.wishId, fulfilledOn: command.data.fulfilledOn, deliveryId } },
      ];
    }
    case 'RecordYearlyReview': {
      requireStatus(state, ACTIVE, 'file_not_active', '只有在档的家庭需要年度复核');
      reject([...factDate('reviewedOn', '复核日期', command.data.reviewedOn, context, activeSince(state)), ...oneOfCodes('level', '困难等级', command.data.level, HARDSHIP_LEVELS), ...requiredText('findings', '复核情况', command.data.findings, 2000)]);
      return [{ type: 'YearlyReviewRecorded', data: { reviewedOn: command.data.reviewedOn, level: command.data.level, previousLevel: state.level!, findings: command.data.findings, nextReviewDue: addMonths(command.data.reviewedOn, deps.limits.reviewEveryMonths) } }];
    }
    case 'RequestLiftOut': {
      requireStatus(state, ACTIVE, 'file_not_active', '只有在档的家庭可以申请脱困');
      reject([...requiredText('requestId', '申请编号', command.data.requestId, 64), ...oneOfCodes('basis', '脱困依据', command.data.basis, { income_above_line: '连续 6 个月人均收入高于低保标准', stable_work: '稳定就业' }), ...requiredText('evidence', '证明材料说明', command.data.evidence, 2000)]);
      if (state.pendingLiftOut) throw new RuleBrokenError('lift_out_pending', '已有待审批的脱困申请');
      const today = shanghaiDateOf(context.now);
      if (command.data.basis === 'income_above_line' && !incomeAboveLineLongEnough(state.monthlyIncomes, today, deps.limits)) {
        throw new RuleBrokenError('income_not_above_line', `须连续 ${deps.limits.monthsAboveLine} 个月人均收入高于当地低保标准（按已登记的月收入）`);
      }
      return [{ type: 'LiftOutRequested', data: { requestId: command.data.requestId, basis: command.data.basis, evidence: command.data.evidence, requestedAt: nowIso, requestedBy: context.actor.userId } }];
    }
    case 'DecideLiftOut': {
      requireSupervisor(context, '脱困须由督导审批');
      requireStatus(state, ACTIVE, 'file_not_active', '只有在档的家庭可以脱困');
      reject(requiredText('reason', '审批意见', command.data.reason, 1000));
      const pending = state.pendingLiftOut;
      if (!pending || pending.requestId !== command.data.requestId) reject([{ field: 'requestId', rule: 'exists', message: '没有该脱困申请' }]);
      requireNotOwnRequest(context.actor, pending!.requestedBy, '脱困申请');
      const today = shanghaiDateOf(context.now);
      if (!command.data.approve) return [{ type: 'LiftOutRejected', data: { requestId: pending!.requestId, reason: command.data.reason, rejectedOn: today } }];
      return [{ type: 'FileLiftedOut', data: { requestId: pending!.requestId, basis: pending!.basis, liftedOn: today, checkInsDue: followUpCheckIns(today, deps.limits), followUpUntil: addMonths(today, deps.limits.followUpMonths), reason: command.data.reason } }];
    }
    case 'RecordRelief': {
      requireStatus(state, ACTIVE, 'file_not_active', '只有在档的家庭可以解困');
      reject([...factDate('relievedOn', '解困日期', command.data.relievedOn, context, activeSince(state)), ...requiredText('reason', '解困说明', command.data.reason, 1000)]);
      return [{ type: 'FileRelieved', data: command.data }];
    }
    case 'CancelFile': {
      requireStatus(state, [...BEFORE_REGISTRATION, 'active', 'lifted'], 'file_ended', '档案已结束');
      reject([
        ...factDate('cancelledOn', '注销日期', command.data.cancelledOn, context, cancellableSince(state)),
        ...oneOfCodes('reason', '注销原因', command.data.reason, CANCELLATION_REASONS),
        ...requiredText('note', '注销说明', command.data.note, 1000),
        ...(command.data.reason === 'duplicate' ? requiredText('duplicateOf', '重复的档案编号', command.data.duplicateOf, 64) : []),
      ]);
      return [{ type: 'FileCancelled', data: { cancelledOn: command.data.cancelledOn, reason: command.data.reason, note: command.data.note, ...(command.data.duplicateOf ? { duplicateOf: command.data.duplicateOf } : {}) } }];
    }
    case 'RecordFamilyVisit': {
      // 走访慰问: any family with a file, from its application on — also while lifted out or relieved
      // (they are still visited) — but not a cancelled file or an application turned down.
      requireStatus(state, [...BEFORE_REGISTRATION, 'active', 'lifted', 'relieved'], 'file_closed', '档案已注销或未予建档，不能登记走访');
      const d = command.data;
      reject([
        ...requiredText('visitId', '走访编号', d.visitId, 64),
        ...factDate('visitedOn', '走访日期', d.visitedOn, context, applied(state)),
        ...requiredText('note', '走访情况', d.note, 2000),
        ...requiredText('visitedBy', '走访人', d.visitedBy, 200),
      ]);
      if (state.familyVisits[d.visitId]) return [];
      return [{ type: 'FamilyVisitRecorded', data: { visitId: d.visitId, visitedOn: d.visitedOn, note: d.note, visitedBy: d.visitedBy } }];
    }
    case 'RecordFollowUpCheckIn': {
      requireStatus(state, ['lifted'], 'not_lifted', '只有已脱困的家庭需要返贫监测回访');
      reject([...factDate('checkedOn', '回访日期', command.data.checkedOn, context, liftedSince(state)), ...requiredText('note', '回访情况', command.data.note, 2000)]);
      return [{ type: 'FollowUpCheckInRecorded', data: { checkedOn: command.data.checkedOn, stable: command.data.stable === true, note: command.data.note } }];
    }
    case 'RecomputeDeadlines':
      return recomputeNoticeEnd(command.data, state, context, deps.calendar);
    case 'SendReminder': {
      // A sweep may find a step already done or a reminder already out: then there is nothing to send.
      const due = nextDueStep(state);
      const today = shanghaiDateOf(context.now);
      const to = [...new Set(Object.values(state.cadres))].filter((id): id is string => !!id);
      if (!due || due.step !== command.data.step || due.on !== command.data.dueOn || to.length === 0) return [];
      if (today < addDays(due.on, -deps.limits.remindDaysBefore)) return [];
      const reminder = { step: due.step, dueOn: due.on, overdue: today > due.on };
      if (state.remindersSent.includes(reminderKey(reminder))) return [];
      return [{ type: 'ReminderSent', data: { ...reminder, to } }];
    }
    case 'RecordRelapse': {
      requireStatus(state, ['lifted'], 'not_lifted', '只有已脱困的家庭可以登记返困');
      reject([...factDate('relapsedOn', '返困日期', command.data.relapsedOn, context, liftedSince(state)), ...requiredText('reason', '返困原因', command.data.reason, 1000), ...oneOfCodes('level', '困难等级', command.data.level, HARDSHIP_LEVELS)]);
      return [{ type: 'FileRelapsed', data: { relapsedOn: command.data.relapsedOn, reason: command.data.reason, level: command.data.level, nextReviewDue: addMonths(command.data.relapsedOn, deps.limits.reviewEveryMonths) } }];
    }
  }
}
