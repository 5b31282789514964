import { newUserViolations, userPatchViolations, type NewUser, type UnitKinds } from './user.rules.js';

const units: UnitKinds = {
  find: (id) => ({ '410100': { kind: 'city' as const }, '410105': { kind: 'district' as const }, 'MR-410105': { kind: 'mediation_room' as const } })[id],
};
const valid: NewUser = { username: 'li.jinshui', password: 'long-enough-1', displayName: '李敏', role: 'caseworker', orgUnitId: '410105' };
const rules = (user: Partial<NewUser>) => newUserViolations({ ...valid, ...user }, units).map((v) => `${v.field}:${v.rule}`);

describe('who may be a user', () => {
  it('accepts a well-formed caseworker of an existing unit', () => {
    expect(rules({})).toEqual([]);
  });

  it('names every bad field with its rule', () => {
    expect(rules({ username: 'Li', password: 'short', displayName: ' ', orgUnitId: '999999' })).toEqual([
      'username:pattern',
      'password:min_length',
      'displayName:required',
      'orgUnitId:exists',
    ]);
  });

  it('puts mediators in mediation rooms, and only mediators', () => {
    expect(rules({ role: 'mediator', orgUnitId: 'MR-410105' })).toEqual([]);
    expect(rules({ role: 'mediator', orgUnitId: '410105' })).toEqual(['orgUnitId:role_matches_unit']);
    expect(rules({ role: 'supervisor', orgUnitId: 'MR-410105' })).toEqual(['orgUnitId:role_matches_unit']);
  });

  it('checks a change against what the user keeps', () => {
    const mediator = { role: 'mediator' as const, orgUnitId: 'MR-410105' };
    expect(userPatchViolations({ role: 'caseworker' }, mediator, units).map((v) => `${v.field}:${v.rule}`)).toEqual(['role:role_matches_unit']);
    expect(userPatchViolations({ role: 'caseworker', orgUnitId: '410105' }, mediator, units)).toEqual([]);
    expect(userPatchViolations({ displayName: '赵雅琴' }, mediator, units)).toEqual([]);
  });
});
