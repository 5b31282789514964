import { DataSource } from 'typeorm';
import { ValidationError } from '#errors';
import { createTestDatabase, type TestDatabase } from '#testing';
import { IDENTITY_SCHEMA_SQL } from '../identity.schema.js';
import { OrgUnitEntity } from '../org-unit.entity.js';
import { OrgUnits } from '../org-units.js';
import { UserEntity } from '../user.entity.js';
import { Users } from '../users.js';

describe('log-in and password changes against PostgreSQL', () => {
  let db: TestDatabase;
  let dataSource: DataSource;
  let users: Users;

  beforeAll(async () => {
    db = await createTestDatabase();
    dataSource = await new DataSource({ type: 'postgres', url: db.url, entities: [UserEntity, OrgUnitEntity], extra: { max: 12 } }).initialize();
    await dataSource.query(IDENTITY_SCHEMA_SQL);
    const orgUnits = new OrgUnits(dataSource);
    await orgUnits.seedAndLoad();
    users = new Users(dataSource, orgUnits, 'test-secret');
    await users.create({ username: 'zhao.min', password: 'Lantern-river-Quiet-42', displayName: '赵敏', role: 'caseworker', orgUnitId: '410105' });
  });

  afterAll(async () => {
    await dataSource?.destroy();
    await db?.drop();
  });

  it.each([['a NUL byte', 'zhao\u0000min'], ['a line break', 'zhao\nmin'], ['DEL', 'zhao\u007fmin']])('refuses %s in the username as a validation error naming the field, before the database sees it', async (_, username) => {
    const refused = await users.authentication.login(username, 'Lantern-river-Quiet-42').catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(ValidationError);
    expect((refused as ValidationError).violations[0]).toMatchObject({ field: 'username', rule: 'control_character' });
  });

  it('still logs the user in with a clean name', async () => {
    expect((await users.authentication.login('zhao.min', 'Lantern-river-Quiet-42')).user.username).toBe('zhao.min');
  });
});
