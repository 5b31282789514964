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

/** The endpoints of the columns below. */
export const ROLE_ENDPOINTS: Readonly<Record<string, { method: 'GET' | 'POST'; path: string }>> = {
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
