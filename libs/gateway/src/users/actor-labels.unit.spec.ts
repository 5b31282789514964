import { isSystemActor, peopleNamedIn, systemActorLabel } from './actor-labels.js';

describe('how an actor reads to people', () => {
  it('names each process of the system in Chinese, the legacy import by what it brought in', () => {
    expect(systemActorLabel('system:legacy-import', 'complaint')).toBe('系统（旧工单导入）');
    expect(systemActorLabel('system:legacy-import', 'hardship_file')).toBe('系统（旧台账导入）');
    expect(systemActorLabel('system:mediation-links')).toBe('系统（调解联动）');
    expect(systemActorLabel('system:a-process-added-later')).toBe('系统');
  });

  it('tells a process of the system from a person by its id or its role', () => {
    expect(isSystemActor('system:calendar')).toBe(true);
    expect(isSystemActor('system')).toBe(true);
    expect(isSystemActor('bench-receiver', 'system')).toBe(true);
    expect(isSystemActor('5764f3c8-0000-4000-8000-000000000000', 'caseworker')).toBe(false);
  });

  it('finds the people an event names only under the keys that hold user ids', () => {
    const data = { userId: 'u-1', previousUserId: null, mediatorId: 'u-2', caseId: 'c-1', claimantId: 'k-1', requestedBy: '  ' };
    expect(peopleNamedIn(data)).toEqual(['u-1', 'u-2']);
    expect(peopleNamedIn(undefined)).toEqual([]);
  });
});
