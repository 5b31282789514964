import { DataSource } from 'typeorm';
import { createTestDatabase, type TestDatabase } from '#testing';
import { identityChangesOf } from '../administration/identity-audit.js';
import { IDENTITY_SCHEMA_SQL } from '../identity.schema.js';
import { OrgUnitEntity } from '../org-unit.entity.js';
import { CITY_UNIT_ID, ORG_TREE_SEED } from '../org-tree.seed.js';
import { OrgUnits } from '../org-units.js';
import { UserEntity } from '../user.entity.js';
import { Users } from '../users.js';
import { placeUnderProvince } from './place-under-province.js';

const HENAN = { id: '410000', name: '河南省总工会' };
const PASSWORD = 'Lantern-river-Quiet-42';

async function identityDatabase(db: TestDatabase): Promise<DataSource> {
  const dataSource = await new DataSource({ type: 'postgres', url: db.url, entities: [UserEntity, OrgUnitEntity], extra: { max: 8 } }).initialize();
  await dataSource.query(IDENTITY_SCHEMA_SQL);
  return dataSource;
}

/** Every unit's subtree, as sets of ids: what access and figures are computed from. */
function subtrees(orgUnits: OrgUnits): Map<string, string[]> {
  return new Map(orgUnits.list().map((unit) => [unit.id, orgUnits.subtree(unit.id).sort()]));
}

describe('putting an existing single-city tree under a province (PostgreSQL)', () => {
  let db: TestDatabase;
  let dataSource: DataSource;
  let orgUnits: OrgUnits;
  let users: Users;
  let before: Map<string, string[]>;
  let pathsBefore: Map<string, string>;
  /** Another process's tree, loaded before the move and not since. */
  let stale: OrgUnits;

  beforeAll(async () => {
    db = await createTestDatabase();
    dataSource = await identityDatabase(db);
    orgUnits = new OrgUnits(dataSource);
    await orgUnits.seedAndLoad();
    users = new Users(dataSource, orgUnits, 'test-secret');
    await users.ensureAdmin(orgUnits.root().id, PASSWORD);
    await users.create({ username: 'city.supervisor', password: PASSWORD, displayName: '李督导', role: 'supervisor', orgUnitId: CITY_UNIT_ID });
    await users.create({ username: 'jinshui.caseworker', password: PASSWORD, displayName: '王芳', role: 'caseworker', orgUnitId: '410105' });
    before = subtrees(orgUnits);
    pathsBefore = new Map(orgUnits.list().map((unit) => [unit.id, unit.path]));
    stale = new OrgUnits(dataSource);
    await stale.reload();
    expect(await placeUnderProvince(dataSource, HENAN)).toBe('placed');
    await orgUnits.reload();
  });

  afterAll(async () => {
    await dataSource?.destroy();
    await db?.drop();
  });

  it('makes the province the root and the city its child', () => {
    expect(orgUnits.root()).toMatchObject({ id: HENAN.id, name: HENAN.name, kind: 'province', parentId: null, path: '/410000/' });
    expect(orgUnits.find(CITY_UNIT_ID)).toMatchObject({ kind: 'city', parentId: HENAN.id, path: '/410000/410100/' });
  });

  it('rewrites every path below with the province in front, and nothing else', () => {
    for (const [id, path] of pathsBefore) expect(orgUnits.find(id)?.path).toBe(`/410000${path}`);
    expect(orgUnits.list()).toHaveLength(pathsBefore.size + 1);
  });

  it('leaves every unit with the same subtree, so whoever saw a case still does; the province holds them all', () => {
    for (const [id, units] of before) expect(subtrees(orgUnits).get(id)).toEqual(units);
    expect(orgUnits.subtree(HENAN.id).sort()).toEqual([HENAN.id, ...pathsBefore.keys()].sort());
    expect(orgUnits.cityOf('410105001')).toBe(CITY_UNIT_ID);
    expect(orgUnits.districtOf('410105001')).toBe('410105');
  });

  it('moves the first administrator up with the root, and no one else', async () => {
    expect((await users.findByUsername('admin'))?.orgUnitId).toBe(HENAN.id);
    expect((await users.findByUsername('city.supervisor'))?.orgUnitId).toBe(CITY_UNIT_ID);
    expect((await users.findByUsername('jinshui.caseworker'))?.orgUnitId).toBe('410105');
  });

  it('writes down in the identity audit what the system did', async () => {
    const admin = (await users.findByUsername('admin'))!;
    expect((await identityChangesOf(dataSource, 'org_unit', HENAN.id)).map((c) => [c.action, c.actor, c.details])).toEqual([
      ['org_unit_created', null, { name: HENAN.name, kind: 'province', parentId: null }],
    ]);
    expect((await identityChangesOf(dataSource, 'org_unit', CITY_UNIT_ID)).map((c) => [c.action, c.details, c.unitIds])).toEqual([
      ['org_unit_moved', { parentId: { from: null, to: HENAN.id } }, [CITY_UNIT_ID, HENAN.id]],
    ]);
    expect((await identityChangesOf(dataSource, 'user', admin.id)).map((c) => [c.action, c.details]).at(-1)).toEqual(
      ['user_updated', { changes: { orgUnitId: { from: CITY_UNIT_ID, to: HENAN.id } } }],
    );
  });

  it('does nothing the second time, and refuses another province', async () => {
    const audited = Number((await dataSource.query('SELECT count(*) AS n FROM identity_audit'))[0].n);
    expect(await placeUnderProvince(dataSource, HENAN)).toBe('already_placed');
    await expect(placeUnderProvince(dataSource, { id: '420000', name: '湖北省总工会' })).rejects.toThrow(/already under the province 410000/);
    expect(Number((await dataSource.query('SELECT count(*) AS n FROM identity_audit'))[0].n)).toBe(audited);
    expect((await dataSource.query('SELECT id FROM org_units WHERE parent_id IS NULL')).map((r: { id: string }) => r.id)).toEqual([HENAN.id]);
  });

  it('gives a unit added by a process that loaded the tree before the move the path as stored now', async () => {
    expect(stale.find('410105')?.path).toBe('/410100/410105/');
    const admin = (await users.findByUsername('admin'))!;
    const cityAdministrator = { userId: admin.id, username: 'admin', role: 'admin' as const, orgUnitId: CITY_UNIT_ID };
    await new Users(dataSource, stale, 'test-secret').unitAdministration.create({ id: '410105009', name: '大石桥街道职工维权服务站', kind: 'township', parentId: '410105' }, cityAdministrator);
    expect(stale.find('410105009')?.path).toBe('/410000/410100/410105/410105009/');
  });

  it('lets the province administrator add a further city, with its own districts below it', async () => {
    const admin = (await users.findByUsername('admin'))!;
    const by = { userId: admin.id, username: 'admin', role: 'admin' as const, orgUnitId: HENAN.id };
    await users.unitAdministration.create({ id: '410200', name: '开封市总工会', kind: 'city', parentId: HENAN.id }, by);
    await users.unitAdministration.create({ id: '410204', name: '鼓楼区总工会', kind: 'district', parentId: '410200' }, by);
    expect(orgUnits.find('410204')?.path).toBe('/410000/410200/410204/');
    expect(orgUnits.cityOf('410204')).toBe('410200');
    expect(orgUnits.isWithin('410204', CITY_UNIT_ID)).toBe(false);
    expect(orgUnits.isWithin('410204', HENAN.id)).toBe(true);
  });
});

describe('a new installation configured for a province', () => {
  let db: TestDatabase;
  let dataSource: DataSource;

  beforeAll(async () => {
    db = await createTestDatabase();
    dataSource = await identityDatabase(db);
  });

  afterAll(async () => {
    await dataSource?.destroy();
    await db?.drop();
  });

  it('seeds the city under the province at first start, even when several processes start at once', async () => {
    const processes = [new OrgUnits(dataSource), new OrgUnits(dataSource), new OrgUnits(dataSource)];
    await Promise.all(processes.map((orgUnits) => orgUnits.seedAndLoad({ province: HENAN })));
    for (const orgUnits of processes) {
      expect(orgUnits.root().id).toBe(HENAN.id);
      expect(orgUnits.list()).toHaveLength(ORG_TREE_SEED.length + 1);
      expect(orgUnits.list().every((unit) => unit.path.startsWith('/410000/'))).toBe(true);
    }
    expect((await dataSource.query("SELECT count(*) AS n FROM identity_audit WHERE action = 'org_unit_moved'"))[0].n).toBe('1');
  });

  it('creates the first administrator at the province', async () => {
    const orgUnits = new OrgUnits(dataSource);
    await orgUnits.seedAndLoad({ province: HENAN });
    const users = new Users(dataSource, orgUnits, 'test-secret');
    await users.ensureAdmin(orgUnits.root().id, PASSWORD);
    expect((await users.findByUsername('admin'))?.orgUnitId).toBe(HENAN.id);
  });

  it('seeds a unit missing from an older tree below its parent as it lies now', async () => {
    const [township] = ORG_TREE_SEED.filter((unit) => unit.kind === 'township');
    await dataSource.query('DELETE FROM org_units WHERE id = $1', [township.id]);
    const orgUnits = new OrgUnits(dataSource);
    await orgUnits.seedAndLoad({ province: HENAN });
    expect(orgUnits.find(township.id)?.path).toBe(`/410000/410100/${township.parentId}/${township.id}/`);
  });
});
