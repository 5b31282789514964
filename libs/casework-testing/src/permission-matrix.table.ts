/**
 * 权限矩阵 — who gets what from each endpoint (docs/api.md "Access rules"). Rows are users, columns
 * the unit a complaint is handled in: 金水区总工会 (jinshui), its 经八路 station (station), the sibling
 * 二七区 (erqi), and the city union itself (city). A `404` must be indistinguishable from a random id.
 */
import type { ComplaintStage } from './complaint-stages.js';
import { grid, type Grid } from './matrix-grid.js';

export const MATRIX_USERS = {
  jinshuiCaseworker: { role: 'caseworker', orgUnitId: '410105' },
  jinshuiSupervisor: { role: 'supervisor', orgUnitId: '410105' },
  /** 金水区's mediator works in its court–union room. */
  jinshuiMediator: { role: 'mediator', orgUnitId: 'MR-410105' },
  stationCaseworker: { role: 'caseworker', orgUnitId: '410105001' },
  erqiCaseworker: { role: 'caseworker', orgUnitId: '410103' },
  /** The 12351 hotline centre: receives, assigns and follows up every complaint below. */
  cityCaseworker: { role: 'caseworker', orgUnitId: '410100' },
  citySupervisor: { role: 'supervisor', orgUnitId: '410100' },
  erqiMediator: { role: 'mediator', orgUnitId: 'MR-410103' },
  admin: { role: 'admin', orgUnitId: '410100' },
} as const;
export type MatrixUser = keyof typeof MATRIX_USERS;

export const UNIT_OF_COLUMN: Readonly<Record<string, string>> = { jinshui: '410105', station: '410105001', erqi: '410103', city: '410100', room: 'MR-410105' };

/** Reading a case (a complaint; a wage case the same), and every action anyone who sees it may take. */
export const SEES = grid(`
                      jinshui  station  erqi  city
  jinshuiCaseworker   200      200      404   404
  jinshuiSupervisor   200      200      404   404
  jinshuiMediator     404      404      404   404
  stationCaseworker   404      200      404   404
  erqiCaseworker      404      404      200   404
  cityCaseworker      200      200      200   200
  citySupervisor      200      200      200   200
  erqiMediator        404      404      404   404
  admin               404      404      404   404
`);

/**
 * Merging a repeat into the earlier order (received at the city): only users who may see both. To a
 * district, the city's order is one it may not see, so the answer is the one a random id gets (422).
 */
const MERGES_INTO_EARLIER_AT_CITY = grid(`
                      jinshui  station  erqi  city
  jinshuiCaseworker   422      422      404   404
  jinshuiSupervisor   422      422      404   404
  jinshuiMediator     404      404      404   404
  stationCaseworker   404      422      404   404
  erqiCaseworker      404      404      422   404
  cityCaseworker      200      200      200   200
  citySupervisor      200      200      200   200
  erqiMediator        404      404      404   404
  admin               404      404      404   404
`);

/** Signing for or returning an order: only its assigned unit, not the units above it. */
const ASSIGNED_UNIT_ONLY = grid(`
                      jinshui  station  erqi  city
  jinshuiCaseworker   200      403      404   404
  jinshuiSupervisor   200      403      404   404
  jinshuiMediator     404      404      404   404
  stationCaseworker   404      200      404   404
  erqiCaseworker      404      404      200   404
  cityCaseworker      403      403      403   200
  citySupervisor      403      403      403   200
  erqiMediator        404      404      404   404
  admin               404      404      404   404
`);

/** Asking for an extension (申请延期): the handling unit only. */
const HANDLING_UNIT_ASKS = grid(`
                      jinshui  station  erqi  city
  jinshuiCaseworker   201      403      404   404
  jinshuiSupervisor   201      403      404   404
  jinshuiMediator     404      404      404   404
  stationCaseworker   404      201      404   404
  erqiCaseworker      404      404      201   404
  cityCaseworker      403      403      403   201
  citySupervisor      403      403      403   201
  erqiMediator        404      404      404   404
  admin               404      404      404   404
`);

/** Extending directly (延期): a supervisor of the subtree; a caseworker who sees the order is refused. */
const SUPERVISOR_EXTENDS = grid(`
                      jinshui  station  erqi  city
  jinshuiCaseworker   403      403      404   404
  jinshuiSupervisor   200      200      404   404
  jinshuiMediator     404      404      404   404
  stationCaseworker   404      403      404   404
  erqiCaseworker      404      404      403   404
  cityCaseworker      403      403      403   403
  citySupervisor      200      200      200   200
  erqiMediator        404      404      404   404
  admin               404      404      404   404
`);

/**
 * The follow-up call (回访) is the check on the handler's work: the unit that handled the order does
 * not make it; the receiving centre and the units above the handler do (issue 17.4).
 */
const FOLLOW_UP_NOT_BY_HANDLER = grid(`
                      jinshui  station  erqi  city
  jinshuiCaseworker   403      200      404   404
  jinshuiSupervisor   403      200      404   404
  jinshuiMediator     404      404      404   404
  stationCaseworker   404      403      404   404
  erqiCaseworker      404      404      403   404
  cityCaseworker      200      200      200   200
  citySupervisor      200      200      200   200
  erqiMediator        404      404      404   404
  admin               404      404      404   404
`);

/** Deciding an extension request (审批): supervisors of the subtree; nobody else has an inbox. */
const SUPERVISOR_DECIDES = grid(`
                      jinshui  station  erqi  city
  jinshuiCaseworker   403      403      403   403
  jinshuiSupervisor   200      200      404   404
  jinshuiMediator     403      403      403   403
  stationCaseworker   403      403      403   403
  erqiCaseworker      403      403      403   403
  cityCaseworker      403      403      403   403
  citySupervisor      200      200      200   200
  erqiMediator        403      403      403   403
  admin               403      403      403   403
`);

/**
 * Revealing a caller's phone in full (查看完整个人信息): caseworkers and supervisors who see the
 * complaint. Mediators and administrators never may, whatever the complaint: their 403 says nothing of it.
 */
export const REVEALS = grid(`
                      jinshui  station  erqi  city
  jinshuiCaseworker   200      200      404   404
  jinshuiSupervisor   200      200      404   404
  jinshuiMediator     403      403      403   403
  stationCaseworker   404      200      404   404
  erqiCaseworker      404      404      200   404
  cityCaseworker      200      200      200   200
  citySupervisor      200      200      200   200
  erqiMediator        403      403      403   403
  admin               403      403      403   403
`);

/** Before assignment an order is the hotline centre's alone (there is no such case at the other units). */
const CENTRE_BEFORE_ASSIGNMENT = grid(`
                      jinshui  station  erqi  city
  jinshuiCaseworker   -        -        -     404
  jinshuiSupervisor   -        -        -     404
  jinshuiMediator     -        -        -     404
  stationCaseworker   -        -        -     404
  erqiCaseworker      -        -        -     404
  cityCaseworker      -        -        -     200
  citySupervisor      -        -        -     200
  erqiMediator        -        -        -     404
  admin               -        -        -     404
`);

export interface EndpointSpec {
  /** How the test names the row, e.g. `POST /api/complaints/:id/sign-for`. */
  readonly name: string;
  readonly method: 'GET' | 'POST';
  readonly stage: ComplaintStage;
  readonly path: (complaint: { id: string; approvalId?: string }) => string;
  /** The body a user sends; `assign` hands the order to the user's own unit. */
  readonly body?: (user: MatrixUser, complaint: { earlierId?: string }) => Record<string, unknown>;
  readonly answers: Grid;
}

/** A read of the complaint; `query` is built when the request is sent (an audit moment of "now"). */
const read = (suffix: string, query: () => string = () => ''): EndpointSpec => ({
  name: `GET /api/complaints/:id${suffix}`, method: 'GET', stage: 'assigned', path: ({ id }) => `/api/complaints/${id}${suffix}${query()}`, answers: SEES,
});
const now = () => encodeURIComponent(new Date().toISOString());
const act = (action: string, stage: ComplaintStage, answers: Grid, body: EndpointSpec['body'] = () => ({})): EndpointSpec => ({
  name: `POST /api/complaints/:id/${action}`, method: 'POST', stage, path: ({ id }) => `/api/complaints/${id}/${action}`, answers, body,
});

/** Every endpoint that names one complaint, in a state where its action is open. */
export const CASE_ENDPOINTS: readonly EndpointSpec[] = [
  read(''),
  read('/history'),
  read('/as-of', () => `?at=${now()}`),
  read('/diff', () => `?from=2020-01-01T00:00:00Z&to=${now()}`),
  {
    name: 'POST /api/complaints/:id/reveal', method: 'POST', stage: 'assigned',
    path: ({ id }) => `/api/complaints/${id}/reveal`, answers: REVEALS, body: () => ({ field: 'caller.phone', reason: '回访需要联系来电人' }),
  },
  act('classify', 'assigned', SEES, () => ({ category: 'pay', type: 'inquiry' })),
  act('answer', 'classified', CENTRE_BEFORE_ASSIGNMENT, () => ({ answer: '已告知最低工资标准' })),
  act('assign', 'classified', CENTRE_BEFORE_ASSIGNMENT, (user) => ({ unitId: MATRIX_USERS[user].orgUnitId })),
  act('sign-for', 'assigned', ASSIGNED_UNIT_ONLY),
  act('return', 'assigned', ASSIGNED_UNIT_ONLY, () => ({ reason: 'not_our_jurisdiction', note: '用人单位不在本辖区' })),
  act('note', 'assigned', SEES, () => ({ text: '督导抽查备注' })),
  act('contact', 'in_progress', SEES, () => ({ reached: true, method: 'phone', summary: '已联系来电人' })),
  act('extend', 'contacted', SUPERVISOR_EXTENDS, () => ({ workingDays: 3, reason: '需要调取考勤记录' })),
  act('extension-requests', 'contacted', HANDLING_UNIT_ASKS, () => ({ workingDays: 3, reason: '需要调取考勤记录' })),
  act('resolve', 'contacted', SEES, () => ({ outcome: 'solved', summary: '企业已支付欠薪' })),
  act('follow-up', 'resolved', FOLLOW_UP_NOT_BY_HANDLER, () => ({ reached: true, satisfaction: 'satisfied' })),
  act('close', 'followed_up', SEES),
  act('reopen', 'followed_up_dissatisfied', SEES, () => ({ reason: '来电人对处理结果不满意' })),
  act('merge', 'flagged_repeat', MERGES_INTO_EARLIER_AT_CITY, (_, { earlierId }) => ({ intoComplaintId: earlierId, reason: '同一来电人重复反映' })),
  {
    name: 'POST /api/approvals/:id/approve', method: 'POST', stage: 'extension_requested',
    path: ({ approvalId }) => `/api/approvals/${approvalId}/approve`, answers: SUPERVISOR_DECIDES, body: () => ({ reason: '同意延期' }),
  },
  {
    name: 'POST /api/approvals/:id/reject', method: 'POST', stage: 'extension_requested',
    path: ({ approvalId }) => `/api/approvals/${approvalId}/reject`, answers: SUPERVISOR_DECIDES, body: () => ({ reason: '材料不足，不予延期' }),
  },
];
