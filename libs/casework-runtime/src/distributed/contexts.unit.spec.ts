import { ExecuteComplaintCommand } from '#context-commands';
import { commandFromWire, commandToWire } from './contexts.js';

describe('a bus command across the wire', () => {
  it('arrives as an instance of its class with every field, its Dates still Dates', () => {
    const now = new Date('2026-11-21T02:03:04.005Z');
    const receivedAt = new Date('2026-11-21T01:00:00.000Z');
    const command = new ExecuteComplaintCommand(
      'c-1',
      { type: 'ReceiveComplaint', data: { receivedAt, summary: '2026-11-21T01:00:00.000Z 是文字，不是时间' } } as never,
      { actor: { userId: 'u', role: 'caseworker', orgUnitId: '410105' }, commandId: 'k', correlationId: 'r', causationId: 'k', now },
      '原因',
    );
    const back = commandFromWire(ExecuteComplaintCommand, JSON.parse(JSON.stringify(commandToWire(command))));
    expect(back).toBeInstanceOf(ExecuteComplaintCommand);
    expect(back.meta.now).toEqual(now);
    expect(back.meta.now).toBeInstanceOf(Date);
    const data = (back.command as unknown as { data: { receivedAt: Date; summary: string } }).data;
    expect(data.receivedAt).toBeInstanceOf(Date);
    expect(data.receivedAt.getTime()).toBe(receivedAt.getTime());
    // A string that looks like an instant stays a string.
    expect(data.summary).toBe('2026-11-21T01:00:00.000Z 是文字，不是时间');
    expect(back).toEqual(command);
  });
});
