import { shanghaiToday } from '../../format';
import { CADRE_LEVELS, CANCELLATION_REASONS, CAUSES, LEVELS, LIFT_OUT_BASES, AID_TYPES, type CadreLevel, type HardshipFile } from './hardship-types';
import { fenOrZero, text, type StepField, type StepSpec } from './step-spec';

/**
 * The household's places a delivery may reach: 0 the head, k the k-th listed member (a file brought in
 * without members listed offers its size's places by number).
 */
function householdPlaces(file: HardshipFile): NonNullable<StepField['options']> {
  const members = file.members ?? [];
  const size = Math.max(file.householdSize ?? 0, members.length + 1);
  const codes = Array.from({ length: size }, (_, i) => String(i));
  const labels = Object.fromEntries(codes.map((code, i) => {
    if (i === 0) return [code, `户主 ${file.head?.name ?? ''}`.trim()];
    const member = members[i - 1];
    return [code, member ? `${member.name}（${member.relation}）` : `第 ${i} 位成员`];
  }));
  return { codes, labelPrefix: '', labels };
}

/** The places ticked, as numbers in order; nothing ticked sends nothing (the API then counts the head). */
function reachedOf(value: unknown): { reached?: number[] } {
  const places = (Array.isArray(value) ? value : []).map(Number).sort((a, b) => a - b);
  return places.length > 0 ? { reached: places } : {};
}

/** `/api/hardship-files/:id` plus the step's own path. */
export const filePath = (id: string, rest = '') => `/api/hardship-files/${encodeURIComponent(id)}${rest}`;
const part = (id: string) => encodeURIComponent(id);

const date = (name: string, label: StepField['label']): StepField => ({ name, label, kind: 'date', required: true });
const reason = (label: StepField['label'] = 'hs.f.reason'): StepField => ({ name: 'reason', label, kind: 'textarea', required: true });
const level: StepField = { name: 'level', label: 'hs.f.level', kind: 'select', required: true, options: { codes: LEVELS, labelPrefix: 'hs.level.' } };
const fundingSource: StepField = { name: 'fundingSource', label: 'hs.f.fundingSource', kind: 'text', required: true, hint: 'hs.f.fundingSourceHint' };
const today = () => shanghaiToday();

/** A supervisor's decision on a request, straight from the household page: the opinion is always recorded. */
function decision(id: string, kind: 'registration' | 'lift-out', requestId: string, approve: boolean): StepSpec {
  const what = kind === 'registration' ? 'registration' : 'liftOut';
  return {
    id: `${approve ? 'approve' : 'reject'}-${kind}`, title: `hs.action.${approve ? 'approve' : 'reject'}-${kind}`,
    submit: approve ? 'hs.decision.approve' : 'hs.decision.reject', danger: !approve, intro: `hs.decision.intro.${what}`,
    path: filePath(id, `/${kind}-requests/${part(requestId)}/decision`),
    fields: [reason('hs.f.opinion')], toBody: (v) => ({ approve, reason: text(v.reason) }),
  };
}

/** The steps of a file's life (DOMAIN.md §3), each the form a cadre fills in after doing it. */
export const stepDialogs = {
  homeVisit: (file: HardshipFile): StepSpec => ({
    id: 'home-visit', title: 'hs.action.home-visit', submit: 'common.save', path: filePath(file.id, '/home-visit'), intro: 'hs.visit.intro',
    fields: [
      date('visitedOn', 'hs.f.visitedOn'),
      { name: 'findings', label: 'hs.f.findings', kind: 'textarea', required: true },
      { name: 'monthlyHouseholdIncome', label: 'hs.f.verifiedIncome', kind: 'yuan', required: true, hint: 'hs.f.incomeHint' },
      { name: 'consentToIncomeCheck', label: 'hs.f.consent', kind: 'checkbox' },
    ],
    initial: { visitedOn: today(), consentToIncomeCheck: false },
  }),
  notice: (file: HardshipFile): StepSpec => ({
    id: 'notice', title: 'hs.action.notice', submit: 'hs.action.notice', path: filePath(file.id, '/notice'), intro: 'hs.notice.intro',
    fields: [date('startedOn', 'hs.f.noticeStartedOn')], initial: { startedOn: today() },
  }),
  objection: (file: HardshipFile): StepSpec => ({
    id: 'objection', title: 'hs.action.objection', submit: 'common.save', path: filePath(file.id, '/objections'),
    fields: [{ name: 'summary', label: 'hs.f.objectionSummary', kind: 'textarea', required: true }, date('receivedOn', 'hs.f.receivedOn')],
    initial: { receivedOn: today() },
  }),
  resolveObjection: (file: HardshipFile, objectionId: string): StepSpec => ({
    id: 'resolve-objection', title: 'hs.action.resolve-objection', submit: 'common.save',
    path: filePath(file.id, `/objections/${part(objectionId)}/resolution`),
    fields: [
      { name: 'resolution', label: 'hs.f.resolution', kind: 'textarea', required: true }, date('resolvedOn', 'hs.f.resolvedOn'),
      { name: 'upheld', label: 'hs.f.upheld', kind: 'checkbox', hint: 'hs.f.upheldHint' },
    ],
    initial: { resolvedOn: today(), upheld: false },
  }),
  requestRegistration: (file: HardshipFile): StepSpec => ({
    id: 'request-registration', title: 'hs.action.request-registration', submit: 'hs.submitRequest', path: filePath(file.id, '/registration-requests'),
    intro: 'hs.registration.intro',
    fields: [level, { name: 'causes', label: 'hs.f.causes', kind: 'checks', required: true, options: { codes: CAUSES, labelPrefix: 'hs.cause.' } }],
    initial: { level: '', causes: [...file.causes] },
  }),
  approveRegistration: (file: HardshipFile) => decision(file.id, 'registration', file.pendingRegistration!.requestId, true),
  rejectRegistration: (file: HardshipFile) => decision(file.id, 'registration', file.pendingRegistration!.requestId, false),
  transfer: (file: HardshipFile): StepSpec => ({
    id: 'transfer', title: 'hs.action.transfer', submit: 'hs.action.transfer', path: filePath(file.id, '/transfer'), intro: 'hs.transfer.intro',
    fields: [{ name: 'unitId', label: 'hs.f.toUnit', kind: 'unit', required: true }, reason('hs.f.transferReason')], initial: { unitId: '' },
  }),
  /** The same form assigns a level's first cadre and replaces one (then a reason is needed). */
  cadre: (file: HardshipFile, cadreLevel: CadreLevel | '', me: string): StepSpec => ({
    id: 'cadre', title: 'hs.action.cadre', submit: 'common.save', path: filePath(file.id, '/cadres'),
    fields: [
      { name: 'level', label: 'hs.f.cadreLevel', kind: 'select', required: true, options: { codes: CADRE_LEVELS, labelPrefix: 'hs.cadreLevel.' } },
      // Someone who sees the file (caseworker or supervisor of its unit or above), picked by name.
      { name: 'userId', label: 'hs.f.cadreUser', kind: 'user', required: true, hint: 'hs.f.cadreUserHint', picker: { role: 'caseworker,supervisor', kind: 'hardship_file', caseUnit: file.unitId ?? undefined } },
      { name: 'reason', label: 'hs.f.replaceReason', kind: 'textarea', hint: 'hs.f.replaceReasonHint' },
    ],
    initial: { level: cadreLevel, userId: me },
  }),
  monthlyIncome: (file: HardshipFile): StepSpec => ({
    id: 'monthly-income', title: 'hs.action.monthly-income', submit: 'common.save', path: filePath(file.id, '/monthly-incomes'),
    fields: [
      { name: 'month', label: 'hs.f.month', kind: 'month', required: true },
      { name: 'monthlyHouseholdIncome', label: 'hs.f.monthlyHouseholdIncome', kind: 'yuan', required: true, hint: 'hs.f.incomeHint' },
    ],
    initial: { month: today().slice(0, 7) },
  }),
  /** Cash or in kind: an empty amount is aid in kind, and then what was given must be said. */
  aid: (file: HardshipFile): StepSpec => ({
    id: 'aid', title: 'hs.action.aid', submit: 'common.save', path: filePath(file.id, '/aid'),
    fields: [
      { name: 'type', label: 'hs.f.aidType', kind: 'select', required: true, options: { codes: AID_TYPES.filter((t) => t !== 'micro_wish'), labelPrefix: 'hs.aid.' } },
      date('deliveredOn', 'hs.f.deliveredOn'),
      { name: 'amount', label: 'hs.f.amount', kind: 'yuan', hint: 'hs.f.amountHint' },
      { name: 'inKind', label: 'hs.f.inKind', kind: 'text', hint: 'hs.f.inKindHint' },
      fundingSource,
      { name: 'reached', label: 'hs.f.reached', kind: 'checks', required: true, hint: 'hs.f.reachedHint', options: householdPlaces(file) },
    ],
    initial: { type: '', deliveredOn: today(), reached: ['0'] },
    toBody: (v) => ({
      type: text(v.type), deliveredOn: text(v.deliveredOn), amount: fenOrZero(v.amount), fundingSource: text(v.fundingSource),
      ...(text(v.inKind) ? { inKind: text(v.inKind) } : {}),
      ...reachedOf(v.reached),
    }),
  }),
  reverseAid: (file: HardshipFile, deliveryId: string): StepSpec => ({
    id: 'reverse-aid', title: 'hs.action.reverse-aid', submit: 'hs.action.reverse-aid', danger: true, intro: 'hs.aid.reverseIntro',
    path: filePath(file.id, `/aid/${part(deliveryId)}/reverse`), fields: [reason('hs.f.reverseReason')],
  }),
  wish: (file: HardshipFile): StepSpec => ({
    id: 'wish', title: 'hs.action.wish', submit: 'common.save', path: filePath(file.id, '/wishes'),
    fields: [{ name: 'description', label: 'hs.f.wish', kind: 'text', required: true }, date('raisedOn', 'hs.f.raisedOn')],
    initial: { raisedOn: today() },
  }),
  fulfilWish: (file: HardshipFile, wishId: string): StepSpec => ({
    id: 'fulfil-wish', title: 'hs.action.fulfil-wish', submit: 'hs.action.fulfil-wish', path: filePath(file.id, `/wishes/${part(wishId)}/fulfil`),
    fields: [date('fulfilledOn', 'hs.f.fulfilledOn'), { name: 'amount', label: 'hs.f.amount', kind: 'yuan', hint: 'hs.f.wishAmountHint' }, fundingSource],
    initial: { fulfilledOn: today() },
    toBody: (v) => ({ fulfilledOn: text(v.fulfilledOn), amount: fenOrZero(v.amount), fundingSource: text(v.fundingSource) }),
  }),
  review: (file: HardshipFile): StepSpec => ({
    id: 'review', title: 'hs.action.review', submit: 'common.save', path: filePath(file.id, '/reviews'), intro: 'hs.review.intro',
    fields: [date('reviewedOn', 'hs.f.reviewedOn'), level, { name: 'findings', label: 'hs.f.reviewFindings', kind: 'textarea', required: true }],
    initial: { reviewedOn: today(), level: file.level ?? '' },
  }),
  liftOut: (file: HardshipFile): StepSpec => ({
    id: 'lift-out', title: 'hs.action.lift-out', submit: 'hs.submitRequest', path: filePath(file.id, '/lift-out-requests'), intro: 'hs.liftOut.intro',
    fields: [
      { name: 'basis', label: 'hs.f.basis', kind: 'select', required: true, options: { codes: LIFT_OUT_BASES, labelPrefix: 'hs.basis.' } },
      { name: 'evidence', label: 'hs.f.evidence', kind: 'textarea', required: true },
    ],
    initial: { basis: '' },
  }),
  approveLiftOut: (file: HardshipFile) => decision(file.id, 'lift-out', file.pendingLiftOut!.requestId, true),
  rejectLiftOut: (file: HardshipFile) => decision(file.id, 'lift-out', file.pendingLiftOut!.requestId, false),
  relief: (file: HardshipFile): StepSpec => ({
    id: 'relief', title: 'hs.action.relief', submit: 'hs.action.relief', path: filePath(file.id, '/relief'), intro: 'hs.relief.intro',
    fields: [date('relievedOn', 'hs.f.relievedOn'), reason('hs.f.reliefReason')], initial: { relievedOn: today() },
  }),
  cancel: (file: HardshipFile): StepSpec => ({
    id: 'cancel', title: 'hs.action.cancel', submit: 'hs.action.cancel', path: filePath(file.id, '/cancel'), danger: true,
    fields: [
      date('cancelledOn', 'hs.f.cancelledOn'),
      { name: 'reason', label: 'hs.f.cancelReason', kind: 'select', required: true, options: { codes: CANCELLATION_REASONS, labelPrefix: 'hs.cancelReason.' } },
      { name: 'note', label: 'hs.f.cancelNote', kind: 'textarea', required: true },
      { name: 'duplicateOf', label: 'hs.f.duplicateOf', kind: 'text', hint: 'hs.f.duplicateOfHint' },
    ],
    initial: { cancelledOn: today(), reason: '' },
  }),
  /** 走访慰问: a visit to the family, from the application on (besides the verification visit and the follow-up check-ins). */
  familyVisit: (file: HardshipFile): StepSpec => ({
    id: 'family-visit', title: 'hs.action.family-visit', submit: 'common.save', path: filePath(file.id, '/family-visits'),
    fields: [date('visitedOn', 'hs.f.familyVisitedOn'), { name: 'note', label: 'hs.f.familyVisitNote', kind: 'textarea', required: true }, { name: 'visitedBy', label: 'hs.f.visitedBy', kind: 'text', required: true, hint: 'hs.f.visitedByHint' }],
    initial: { visitedOn: today() },
  }),
  followUp: (file: HardshipFile): StepSpec => ({
    id: 'follow-up', title: 'hs.action.follow-up', submit: 'common.save', path: filePath(file.id, '/follow-ups'),
    fields: [date('checkedOn', 'hs.f.checkedOn'), { name: 'note', label: 'hs.f.checkInNote', kind: 'textarea', required: true }, { name: 'stable', label: 'hs.f.stable', kind: 'checkbox' }],
    initial: { checkedOn: today(), stable: true },
  }),
  relapse: (file: HardshipFile): StepSpec => ({
    id: 'relapse', title: 'hs.action.relapse', submit: 'hs.action.relapse', path: filePath(file.id, '/relapse'), intro: 'hs.relapse.intro',
    fields: [date('relapsedOn', 'hs.f.relapsedOn'), reason('hs.f.relapseReason'), level], initial: { relapsedOn: today(), level: '' },
  }),
};

export type StepName = keyof typeof stepDialogs;
