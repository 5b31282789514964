import { PersonalDataRegistry } from './personal-data-registry.js';

describe('the personal data registry', () => {
  const registry = new PersonalDataRegistry()
    .register({ CaseReferred: ['applicants.*.name', 'applicants.*.phone'], SessionHeld: ['attendees.*'] })
    .register({ CaseReferred: ['applicants.*.address'] });

  it('lists the personal fields each context declared for an event type, merged', () => {
    expect(registry.fieldsOf('CaseReferred')).toEqual(['applicants.*.name', 'applicants.*.phone', 'applicants.*.address']);
    expect(registry.fieldsOf('CaseAccepted')).toEqual([]);
  });

  it('gives the fields under one object to one person', () => {
    const data = { applicants: [{ name: '王某', phone: '13800000000' }, { name: '李某' }] };
    expect(registry.personOf(data, 'applicants.0.name')).toBe('applicants.0');
    expect(registry.personOf(data, 'applicants.0.phone')).toBe('applicants.0');
    expect(registry.personOf(data, 'applicants.1.name')).toBe('applicants.1');
  });

  it('makes each element of a list of names a person of its own', () => {
    const data = { attendees: ['王某', '李某'] };
    expect(registry.personOf(data, 'attendees.0')).toBe('attendees.0');
    expect(registry.personOf(data, 'attendees.1')).toBe('attendees.1');
  });

  it('gives a top-level field to the event\'s own person', () => {
    expect(registry.personOf({ phone: '13800000000' }, 'phone')).toBe('');
  });
});
