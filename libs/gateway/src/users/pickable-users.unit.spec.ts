import { choosable, type Candidate } from './pickable-users.js';

/** A small tree: the city, two districts, a station and a room under 金水. */
const PARENT: Record<string, string | null> = { '410100': null, '410105': '410100', '410103': '410100', '410105001': '410105', 'MR-410105': '410105', 'MR-410103': '410103' };
const tree = {
  isWithin: (unit: string, ancestor: string) => {
    for (let at: string | null = unit; at; at = PARENT[at] ?? null) if (at === ancestor) return true;
    return false;
  },
  subtree: (ancestor: string) => Object.keys(PARENT).filter((unit) => tree.isWithin(unit, ancestor)),
};
const user = (id: string, role: Candidate['role'], orgUnitId: string, roomIds: string[] = []): Candidate => ({ id, displayName: id, role, orgUnitId, roomIds });
const EVERYONE = [
  user('district', 'caseworker', '410105'), user('station', 'caseworker', '410105001'), user('boss', 'supervisor', '410105'),
  user('mediator', 'mediator', 'MR-410105'), user('visiting', 'mediator', 'MR-410103', ['MR-410105']), user('erqi', 'caseworker', '410103'),
  user('city', 'supervisor', '410100'), user('admin', 'admin', '410105'),
];
const ids = (users: Candidate[]) => users.map((u) => u.id);
const JINSHUI = new Set(tree.subtree('410105'));

describe('whom a user may choose', () => {
  it('offers the people of the caller\'s own units and below, never an administrator nor another district', () => {
    expect(ids(choosable(EVERYONE, {}, JINSHUI, tree))).toEqual(['district', 'station', 'boss', 'mediator', 'visiting']);
  });

  it('offers as a room\'s mediators those of the room and those who also work there', () => {
    expect(ids(choosable(EVERYONE, { roles: ['mediator'], unit: 'MR-410105' }, JINSHUI, tree))).toEqual(['mediator', 'visiting']);
  });

  it('offers as cadres of a station\'s file only those who see it: the station and the units above it', () => {
    const sees = { kind: 'hardship_file' as const, caseUnit: '410105001' };
    expect(ids(choosable(EVERYONE, { sees }, new Set(tree.subtree('410100')), tree))).toEqual(['district', 'station', 'boss', 'city']);
    expect(ids(choosable(EVERYONE, { sees: { ...sees, caseUnit: '410105' } }, JINSHUI, tree))).toEqual(['district', 'boss']);
  });
});
