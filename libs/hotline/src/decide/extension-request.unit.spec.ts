import { ForbiddenError, RuleBrokenError, ValidationError } from '#errors';
import { deciderSpec } from '#testing';
import { actors, at, complaintDecider, events, history } from '../testing/complaint.fixtures.js';

const whenAsked = at('2026-03-25T10:00:00+08:00', actors.stationWorker);
const spec = deciderSpec(complaintDecider(), whenAsked);
const ask = (workingDays = 5, reason = '需调取考勤记录') => ({ type: 'RequestExtension', data: { requestId: 'req-1', workingDays, reason } }) as const;
const requested = { type: 'ExtensionRequested', data: { requestId: 'req-1', workingDays: 5, reason: '需调取考勤记录', requestedAt: '2026-03-25T02:00:00.000Z', requestedBy: 'user-jinshui' } } as const;
const decide = (approve: boolean, reason?: string) => ({ type: 'DecideExtensionRequest', data: { requestId: 'req-1', approve, ...(reason ? { reason } : {}) } }) as const;
const bySupervisor = at('2026-03-25T10:00:00+08:00', actors.supervisor);

describe('asking a supervisor for more time (申请延期 and 审批)', () => {
  it('the handling unit asks, and the request waits for a supervisor', () => {
    spec.given(history.contacted).when(ask()).then([requested]);
  });

  it('only the handling unit may ask', () => {
    spec.given(history.contacted).when(ask(), { actor: actors.otherStationWorker }).thenThrows(ForbiddenError, 'extension_request_by_handling_unit');
  });

  it('asks once at a time', () => {
    spec.given([...history.contacted, requested]).when(ask()).thenThrows(RuleBrokenError, 'extension_request_pending');
  });

  it('a request follows the rules of every extension: at most 15 working days', () => {
    spec.given(history.contacted).when(ask(16)).thenThrows(RuleBrokenError, 'extension_too_long');
  });

  it('an approval moves the deadline exactly as a supervisor\'s extension would', () => {
    spec.given([...history.contacted, requested]).when(decide(true), bySupervisor).then([
      { type: 'ExtensionRequestApproved', data: { requestId: 'req-1', decidedAt: '2026-03-25T02:00:00.000Z' } },
      events.extended({ reason: '需调取考勤记录' }),
    ]);
  });

  it('a rejection needs a reason and leaves the deadline as it was', () => {
    spec.given([...history.contacted, requested]).when(decide(false, '材料已齐，应按期办结'), bySupervisor).then([
      { type: 'ExtensionRequestRejected', data: { requestId: 'req-1', reason: '材料已齐，应按期办结', decidedAt: '2026-03-25T02:00:00.000Z' } },
    ]);
    const error = spec.given([...history.contacted, requested]).when(decide(false), bySupervisor).thenThrows(ValidationError);
    expect(error.violations.map((v) => [v.field, v.rule])).toEqual([['reason', 'required']]);
  });

  it('a supervisor of the handling unit who asked does not decide their own request (four eyes)', () => {
    const stationSupervisor = { ...actors.stationWorker, userId: 'user-station-supervisor', role: 'supervisor' };
    const own = { ...requested, data: { ...requested.data, requestedBy: stationSupervisor.userId } };
    spec.given(history.contacted).when(ask(), { actor: stationSupervisor }).then([own]);
    const error = spec.given([...history.contacted, own]).when(decide(true), { actor: stationSupervisor }).thenThrows(ForbiddenError, 'own_request');
    expect(error.message).toMatch(/不能审批自己提出的/);
    spec.given([...history.contacted, own]).when(decide(false, '不同意'), { actor: stationSupervisor }).thenThrows(ForbiddenError, 'own_request');
    spec.given([...history.contacted, own]).when(decide(true), bySupervisor).then([
      { type: 'ExtensionRequestApproved', data: { requestId: 'req-1', decidedAt: '2026-03-25T02:00:00.000Z' } },
      events.extended({ reason: '需调取考勤记录' }),
    ]);
  });

  it('only a supervisor decides, and only a pending request', () => {
    spec.given([...history.contacted, requested]).when(decide(true)).thenThrows(ForbiddenError, 'extension_requires_supervisor');
    spec.given(history.contacted).when(decide(true), bySupervisor).thenThrows(RuleBrokenError, 'extension_request_not_pending');
  });
});
