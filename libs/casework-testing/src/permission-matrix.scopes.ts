/**
 * 权限矩阵, the endpoints that name no single case: which complaints each user's case list shows,
 * whose figures they may read, and what each role may open or administer.
 */
import { grid } from './matrix-grid.js';

/** `GET /api/cases`: the complaints handled at each unit that appear in the user's list (403: no list at all). */
export const CASE_LIST = grid(`
                      jinshui  station  erqi    city
  jinshuiCaseworker   listed   listed   hidden  hidden
  jinshuiSupervisor   listed   listed   hidden  hidden
  jinshuiMediator     hidden   hidden   hidden  hidden
  stationCaseworker   hidden   listed   hidden  hidden
  erqiCaseworker      hidden   hidden   listed  hidden
  cityCaseworker      listed   listed   listed  listed
  citySupervisor      listed   listed   listed  listed
  erqiMediator        hidden   hidden   hidden  hidden
  admin               403      403      403     403
`);

/**
 * `GET /api/stats/hotline?unit=…`: figures are aggregates, not case contents, so administrators read
 * them for the whole city; mediators read no hotline figures. `room` is 金水区's mediation room.
 */
export const HOTLINE_FIGURES = grid(`
                      jinshui  station  erqi  city  room
  jinshuiCaseworker   200      200      403   403   200
  jinshuiSupervisor   200      200      403   403   200
  jinshuiMediator     403      403      403   403   403
  stationCaseworker   403      200      403   403   403
  erqiCaseworker      403      403      200   403   403
  cityCaseworker      200      200      200   200   200
  citySupervisor      200      200      200   200   200
  erqiMediator        403      403      403   403   403
  admin               200      200      200   200   200
`);

/**
 * `GET /api/audit/access-log?caseId=…`: whether the entry of a reveal made at the city, about the
 * complaint handled at each unit, is in the user's answer. Supervisors read the log of their subtree;
 * nobody else has one (403).
 */
export const ACCESS_LOG = grid(`
                      jinshui  station  erqi    city
  jinshuiCaseworker   403      403      403     403
  jinshuiSupervisor   listed   listed   hidden  hidden
  jinshuiMediator     403      403      403     403
  stationCaseworker   403      403      403     403
  erqiCaseworker      403      403      403     403
  cityCaseworker      403      403      403     403
  citySupervisor      listed   listed   listed  listed
  erqiMediator        403      403      403     403
  admin               403      403      403     403
`);

/** `GET /api/approvals?status=pending`: whose extension requests each supervisor's inbox shows (403: no inbox). */
export const APPROVALS_INBOX = grid(`
                      jinshui  station  erqi    city
  jinshuiCaseworker   403      403      403     403
  jinshuiSupervisor   listed   listed   hidden  hidden
  jinshuiMediator     403      403      403     403
  stationCaseworker   403      403      403     403
  erqiCaseworker      403      403      403     403
  cityCaseworker      403      403      403     403
  citySupervisor      listed   listed   listed  listed
  erqiMediator        403      403      403     403
  admin               403      403      403     403
`);

export interface RoleEndpoint {
  readonly method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  readonly path: string;
}

/** The endpoints of the columns below. */
export const ROLE_ENDPOINTS: Readonly<Record<string, RoleEndpoint>> = {
  receive: { method: 'POST', path: '/api/complaints' },
  listUsers: { method: 'GET', path: '/api/users' },
  createUser: { method: 'POST', path: '/api/users' },
  listUnits: { method: 'GET', path: '/api/org-units' },
  createUnit: { method: 'POST', path: '/api/org-units' },
  inbox: { method: 'GET', path: '/api/approvals' },
};

/** What each role may open or administer, wherever the user works. */
export const BY_ROLE = grid(`
                      receive  listUsers  createUser  listUnits  createUnit  inbox
  jinshuiCaseworker   201      403        403         200        403         403
  jinshuiSupervisor   201      403        403         200        403         200
  jinshuiMediator     403      403        403         200        403         403
  stationCaseworker   201      403        403         200        403         403
  erqiCaseworker      201      403        403         200        403         403
  cityCaseworker      201      403        403         200        403         403
  citySupervisor      201      403        403         200        403         200
  erqiMediator        403      403        403         200        403         403
  admin               403      200        201         200        201         403
`);

/** The endpoints of the columns below: personal data, the audit check, the calendar and the reference data. */
export const ADMINISTRATION_ENDPOINTS: Readonly<Record<string, RoleEndpoint>> = {
  erase: { method: 'POST', path: '/api/personal-data/erasures' },
  verify: { method: 'GET', path: '/api/audit/verify' },
  calendar: { method: 'GET', path: '/api/calendar?year=2026' },
  setDay: { method: 'PUT', path: '/api/calendar/days/2031-01-06' },
  undoDay: { method: 'DELETE', path: '/api/calendar/days/2031-01-07' },
  markYear: { method: 'PUT', path: '/api/calendar/years/2031' },
  reference: { method: 'GET', path: '/api/reference/hotline' },
  refLists: { method: 'GET', path: '/api/admin/reference/hotline' },
  refChange: { method: 'PATCH', path: '/api/admin/reference/hotline/contactMethods/other' },
  refAdd: { method: 'POST', path: '/api/admin/reference/hotline/returnReasons' },
  refHistory: { method: 'GET', path: '/api/admin/reference/hotline/changes' },
};

/**
 * What each role may do beyond cases: erase a person's data on a lawful request and keep the calendar
 * and the reference data (administrators); check the hash chains (supervisors of the city union);
 * read the calendar and the reference lists (everyone).
 */
export const ADMINISTRATION_BY_ROLE = grid(`
                      erase  verify  calendar  setDay  undoDay  markYear  reference  refLists  refChange  refAdd  refHistory
  jinshuiCaseworker   403    403     200       403     403      403       200        403       403        403     403
  jinshuiSupervisor   403    403     200       403     403      403       200        403       403        403     403
  jinshuiMediator     403    403     200       403     403      403       200        403       403        403     403
  stationCaseworker   403    403     200       403     403      403       200        403       403        403     403
  erqiCaseworker      403    403     200       403     403      403       200        403       403        403     403
  cityCaseworker      403    403     200       403     403      403       200        403       403        403     403
  citySupervisor      403    200     200       403     403      403       200        403       403        403     403
  erqiMediator        403    403     200       403     403      403       200        403       403        403     403
  admin               201    403     200       200     204      200       200        200       200        201     200
`);

/**
 * 管理范围 (issue 17.2): what 金水区's administrator (`jinshuiAdmin`, at 410105) and the city's
 * (`admin`) may do to a caseworker of each unit, or where they may place a new one. Outside their
 * subtree a user is "not found" (404) and a unit to place someone in is refused (403).
 */
export const ADMIN_SCOPE = grid(`
                          jinshui  station  erqi  city
  jinshuiAdmin.create     201      201      403   403
  jinshuiAdmin.moveInto   200      200      403   403
  jinshuiAdmin.rename     200      200      404   404
  jinshuiAdmin.disable    200      200      404   404
  jinshuiAdmin.reset      200      200      404   404
  admin.create            201      201      201   201
  admin.moveInto          200      200      200   200
  admin.rename            200      200      200   200
  admin.disable           200      200      200   200
  admin.reset             200      200      200   200
`);

/**
 * `GET /api/identity-audit?unit=…`: the changes to a unit's users, for the supervisors at or above it
 * and the administrators who make them; nobody else (403).
 */
export const IDENTITY_AUDIT = grid(`
                      jinshui  station  erqi  city
  jinshuiCaseworker   403      403      403   403
  jinshuiSupervisor   200      200      403   403
  jinshuiMediator     403      403      403   403
  stationCaseworker   403      403      403   403
  erqiCaseworker      403      403      403   403
  cityCaseworker      403      403      403   403
  citySupervisor      200      200      200   200
  erqiMediator        403      403      403   403
  admin               200      200      200   200
`);

/**
 * 四眼原则 (issue 17.4): a request made by 金水区's supervisor, decided by that supervisor
 * (`requester`) and by the city's (`other`). Nobody decides their own request.
 */
export const FOUR_EYES = grid(`
                      requester  other
  hotlineExtension    403        200
  wageAdvance         403        200
  wageUnrecoverable   403        200
`);
