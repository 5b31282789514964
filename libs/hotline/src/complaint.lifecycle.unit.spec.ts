import { fold } from '#decider';
import type { ComplaintCommand } from './complaint.commands.js';
import { actors, at, complaintDecider, receiveCommand, runCommands } from './testing/complaint.fixtures.js';

const decider = complaintDecider();
const command = <T extends ComplaintCommand['type']>(type: T, data: Extract<ComplaintCommand, { type: T }>['data']) => ({ type, data }) as ComplaintCommand;
const shanghai = (local: string) => `${local}+08:00`;

/** From the call to the end of handling, decided step by step as the application would. */
const handledUntilFollowUp = [
  [receiveCommand(), at(shanghai('2026-03-09T09:00:00'), actors.receiver)],
  [command('AssignComplaint', { unitId: 'unit-jinshui-station' }), at(shanghai('2026-03-09T10:00:00'), actors.receiver)],
  [command('SignForComplaint', {}), at(shanghai('2026-03-09T14:00:00'), actors.stationWorker)],
  [command('RecordCallerContact', { reached: true, summary: '已联系张师傅' }), at(shanghai('2026-03-10T09:30:00'), actors.stationWorker)],
  [command('AddComplaintNote', { text: '约用人单位周五到站' }), at(shanghai('2026-03-11T11:00:00'), actors.stationWorker)],
  [command('ResolveComplaint', { outcome: 'solved', summary: '用人单位已补发工资' }), at(shanghai('2026-03-20T16:00:00'), actors.stationWorker)],
] as const;

describe('the life of a hotline complaint', () => {
  it('happy path: received, classified, assigned, signed for, contacted, resolved, followed up satisfied, closed — all on time', () => {
    const produced = runCommands(decider, [
      ...handledUntilFollowUp,
      [command('RecordFollowUp', { reached: true, satisfaction: 'satisfied' }), at(shanghai('2026-03-23T10:00:00'), actors.receiver)],
      [command('CloseComplaint', {}), at(shanghai('2026-03-23T10:05:00'), actors.receiver)],
    ]);
    expect(produced.map((e) => e.type)).toEqual([
      'ComplaintReceived',
      'ComplaintClassified',
      'ComplaintAssigned',
      'ComplaintSignedFor',
      'CallerContacted',
      'ComplaintNoteAdded',
      'ComplaintResolved',
      'FollowUpRecorded',
      'ComplaintClosed',
    ]);
    const onTimeFacts = produced.flatMap((e) => ('onTime' in e.data ? [[e.type, e.data.onTime]] : []));
    expect(onTimeFacts).toEqual([
      ['ComplaintSignedFor', true],
      ['CallerContacted', true],
      ['ComplaintResolved', true],
      ['FollowUpRecorded', true],
    ]);
    expect(fold(decider, produced).status).toBe('closed');
  });

  it('dissatisfied path: a dissatisfied follow-up is reopened, handled again with an extension, resolved and closed', () => {
    const produced = runCommands(decider, [
      ...handledUntilFollowUp,
      [command('RecordFollowUp', { reached: true, satisfaction: 'dissatisfied', comment: '只发了一半' }), at(shanghai('2026-03-23T10:00:00'), actors.receiver)],
      [command('ReopenComplaint', { reason: '来电人反映工资只发了一半' }), at(shanghai('2026-03-23T11:00:00'), actors.receiver)],
      [command('RecordCallerContact', { reached: true, summary: '核实欠薪余额' }), at(shanghai('2026-03-24T09:00:00'), actors.stationWorker)],
      [command('ExtendResolutionDeadline', { workingDays: 5, reason: '需与总包单位协调' }), at(shanghai('2026-04-10T09:00:00'), actors.supervisor)],
      [command('ResolveComplaint', { outcome: 'solved', summary: '余额已付清' }), at(shanghai('2026-04-17T16:00:00'), actors.stationWorker)],
      [command('RecordFollowUp', { reached: true, satisfaction: 'basically_satisfied' }), at(shanghai('2026-04-20T10:00:00'), actors.receiver)],
      [command('CloseComplaint', {}), at(shanghai('2026-04-20T10:05:00'), actors.receiver)],
    ]);
    const reopened = produced.find((e) => e.type === 'ComplaintReopened');
    // 15 working days from Monday 23 March 2026, skipping Qingming (4–6 April): Tuesday 14 April.
    expect(reopened?.data).toMatchObject({ resolveDueAt: '2026-04-14T15:59:59.999Z' });
    const extended = produced.find((e) => e.type === 'ResolutionDeadlineExtended');
    expect(extended?.data).toMatchObject({ previousDueAt: '2026-04-14T15:59:59.999Z', resolveDueAt: '2026-04-21T15:59:59.999Z' });
    const resolutions = produced.filter((e) => e.type === 'ComplaintResolved').map((e) => e.data);
    expect(resolutions).toEqual([
      expect.objectContaining({ onTime: true, resolveDueAt: '2026-03-30T15:59:59.999Z' }),
      expect.objectContaining({ onTime: true, resolveDueAt: '2026-04-21T15:59:59.999Z' }),
    ]);
    expect(fold(decider, produced)).toMatchObject({ status: 'closed', reopenCount: 1, lastSatisfaction: 'basically_satisfied' });
  });

  it('a returned order is reassigned to another unit and handled there', () => {
    const produced = runCommands(decider, [
      handledUntilFollowUp[0],
      handledUntilFollowUp[1],
      [command('ReturnComplaint', { reason: 'not_our_jurisdiction' }), at(shanghai('2026-03-09T11:00:00'), actors.stationWorker)],
      [command('AssignComplaint', { unitId: 'unit-erqi-station' }), at(shanghai('2026-03-09T11:30:00'), actors.receiver)],
      [command('SignForComplaint', {}), at(shanghai('2026-03-09T15:00:00'), actors.otherStationWorker)],
    ]);
    expect(produced.map((e) => e.type)).toEqual(['ComplaintReceived', 'ComplaintClassified', 'ComplaintAssigned', 'ComplaintReturned', 'ComplaintAssigned', 'ComplaintSignedFor']);
    expect(fold(decider, produced).round).toMatchObject({ unitId: 'unit-erqi-station' });
  });
});
