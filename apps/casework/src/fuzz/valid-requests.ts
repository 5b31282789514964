/**
 * The valid request of each operation, the base every mutation starts from: real ids of the fuzz
 * world in the path, a body built from the OpenAPI schema with values its field names call for,
 * and whole bodies where the document says only "object".
 */
import { exampleOf, flavourOf, type ApiOperation, type Hints } from './openapi-walker.js';
import { courtReferral, instantAt, JINSHUI, ROOM, type FuzzWorld } from './fuzz-world.js';
import { concretePath, UNKNOWN_UUID } from './request-mutations.js';
import type { ValidRequest } from './fuzz-request.js';

/** Path parameter values by the longest matching route prefix. */
function pathValuesTable(world: FuzzWorld): [prefix: string, values: Record<string, string>][] {
  const { ids, today } = world;
  const year = today.slice(0, 4);
  const next = String(Number(year) + 1);
  return [
    ['/api/users/', { id: ids.victim! }],
    ['/api/org-units/', { id: '410105003' }],
    ['/api/admin/reference/hotline/', { list: 'returnReasons', code: 'fuzz_reason' }],
    ['/api/complaints/', { id: ids.complaint!, caseId: ids.complaint!, attachmentId: UNKNOWN_UUID }],
    ['/api/wage-cases/', { id: ids.wage!, caseId: ids.wage!, attachmentId: UNKNOWN_UUID, claimantId: ids.claimant!, paymentId: ids.payment!, advanceId: ids.advance!, referralId: ids.referral!, requestId: UNKNOWN_UUID }],
    ['/api/hardship-files/', { id: ids.hardship!, caseId: ids.hardship!, attachmentId: UNKNOWN_UUID, reminderId: UNKNOWN_UUID, objectionId: UNKNOWN_UUID, requestId: UNKNOWN_UUID, deliveryId: UNKNOWN_UUID, wishId: UNKNOWN_UUID }],
    ['/api/admin/poverty-lines/', { district: JINSHUI, year }],
    ['/api/mediation-cases/', { id: ids.mediation!, caseId: ids.mediation!, attachmentId: UNKNOWN_UUID, sessionId: ids.session!, installmentId: 'i1', document: 'agreement' }],
    ['/api/approvals/', { id: ids.approval! }],
    ['/api/calendar/days/', { date: `${next}-03-02` }],
    ['/api/calendar/years/', { year: next }],
  ];
}

export function pathValuesOf(operation: ApiOperation, world: FuzzWorld): Record<string, string> {
  const match = pathValuesTable(world)
    .filter(([prefix]) => operation.template.startsWith(prefix))
    .sort((a, b) => b[0].length - a[0].length)[0];
  return match?.[1] ?? {};
}

function queryOf(operation: ApiOperation, world: FuzzWorld): Record<string, string> {
  const now = instantAt(world.today, '12:00');
  const required = operation.queryParams.filter((p) => p.required);
  return Object.fromEntries(required.map((p) => [p.name, p.name === 'at' || p.name === 'to' ? now : p.name === 'from' ? instantAt(world.today, '00:00') : '1']));
}

/** Values that field names call for, where the document gives only a type. */
function hintsOf(world: FuzzWorld): Hints {
  const { ids, today } = world;
  const byName: Record<string, unknown> = {
    complaintId: ids.otherComplaint, intoComplaintId: ids.otherComplaint, claimantId: ids.claimant, installmentId: 'i1',
    mediatorId: ids.mediator, userId: ids.caseworker, unitId: JINSHUI, orgUnitId: JINSHUI, parentId: JINSHUI, district: JINSHUI,
    roomId: ROOM, roomIds: [ROOM], id: '410105009', duplicateOf: UNKNOWN_UUID,
    phone: '13800001234', idNumber: '410105198001010017', username: 'fuzz.created', password: 'Fuzz-passw0rd-1',
    causes: ['illness'], attendees: ['王建国'], startsAt: instantAt(ids.tomorrow!, '14:00'), endsAt: instantAt(ids.tomorrow!, '15:00'),
    receivedAt: instantAt(today, '08:00'), month: today.slice(0, 7), workedFrom: '2025-03-01', workedUntil: '2025-12-31',
    amount: 10_000, claimed: 100_000, verified: 100_000, monthlyHouseholdIncome: 240_000, line: 105_000, age: 40, days: 15, workingDays: 3,
    code: 'fuzz_reason_added', label: '模糊测试', labelEn: 'Fuzz', level: 'deep', channel: 'phone', category: 'pay', type: 'request_for_action',
    outcome: 'solved', satisfaction: 'satisfied', reason: '模糊测试理由', fundingSource: '工会帮扶资金',
  };
  return (name, schema) => {
    if (schema.enum?.length) return undefined;
    if (name in byName) return byName[name];
    if (schema.type === 'string' && !schema.enum && schema.example === undefined && flavourOf(name) === 'date') return today;
    return undefined;
  };
}

/** Whole bodies where the schema says "object" without properties, or the domain needs a coherent set. */
function bodyOverrides(world: FuzzWorld): Record<string, unknown> {
  const { ids, today } = world;
  return {
    'POST /api/mediation-cases': courtReferral(today),
    'POST /api/wage-cases/{id}/referrals': { target: 'labour_inspection', referredOn: today },
    'POST /api/complaints/{id}/escalate-mediation': { roomId: ROOM, claims: [{ item: '拖欠工资', amount: 100_000 }] },
    'POST /api/mediation-cases/{id}/extension': { days: 15, reason: '双方同意延长', consents: [{ party: 'applicant', name: '王建国', consentedOn: today }, { party: 'respondent', name: '张总', consentedOn: today }] },
    'POST /api/mediation-cases/{id}/agreement': { agreedOn: today, effectiveOn: today, terms: '分两期支付', items: [{ item: '拖欠工资', amount: 1_200_000 }], schedule: [{ dueOn: today, amount: 1_200_000 }] },
    'POST /api/wage-cases/{id}/payments': { amount: 10_000, paidOn: today, payer: '某餐饮公司', allocations: [{ claimantId: ids.claimant, amount: 10_000 }] },
    'POST /api/wage-cases/{id}/claimants': { claimants: [{ name: '孙三', workedFrom: '2025-03-01', workedUntil: '2025-12-31', claimed: 100_000, phone: '13800003333' }] },
    'POST /api/wage-cases/{id}/claimants/import': { format: 'csv', content: '姓名,入职日期,主张金额（元）\n李四,2025-03-01,5000' },
    'POST /api/wage-cases/{id}/claimants/import/check': { format: 'csv', content: '姓名,入职日期,主张金额（元）\n李四,2025-03-01,5000' },
    'POST /api/wage-cases': { source: { kind: 'walk_in' }, respondent: { kind: 'employer', name: '郑州某公司', district: JINSHUI }, summary: '拖欠工资' },
    'POST /api/complaints': { channel: 'phone', caller: { name: '王建国', phone: '13900009999' }, employer: { name: '郑州某劳务公司', district: JINSHUI }, category: 'pay', type: 'request_for_action', summary: '拖欠工资' },
    'POST /api/auth/login': { username: 'fuzz.nobody', password: 'wrong-passw0rd' },
    // Not the hardship head's number: a valid erasure would turn later requests on that file into 410s.
    'POST /api/personal-data/erasures': { idNumber: '410105199003070026', reason: '本人申请删除' },
  };
}

/** The operation's valid request (it may still be refused by the domain's state: that is fine, it is only a base). */
export function validRequestOf(operation: ApiOperation, world: FuzzWorld): ValidRequest {
  const key = `${operation.method} ${operation.template}`;
  const overrides = bodyOverrides(world);
  const body = key in overrides ? overrides[key] : operation.body ? exampleOf(operation.body, '', hintsOf(world)) : undefined;
  return { path: concretePath(operation.template, pathValuesOf(operation, world)), query: queryOf(operation, world), body };
}
