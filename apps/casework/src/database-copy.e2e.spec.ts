/**
 * Issue 17, "Secrets out of the database": someone holding a copy of every table of the database (a
 * leaked backup, a read-only replica) cannot make a token the system accepts. The token-signing key is
 * derived from the master key, which lives beside the database, never in it; sessions are stored as
 * keyed hashes of their ids, so even the signing key together with the copy opens no session.
 */
import type { DataSource } from 'typeorm';
import { signAccessToken, type TokenClaims } from '#identity';
import { ApiClient } from '#casework-testing';
import { startTestCasework, type TestCasework } from '#casework-testing';

/** Every text-like value of every table of the database, as an attacker with a copy would try them. */
async function everyValueOf(dataSource: DataSource): Promise<Set<string>> {
  const tables: { schema: string; name: string }[] = await dataSource.query(
    `SELECT table_schema AS schema, table_name AS name FROM information_schema.tables
      WHERE table_type = 'BASE TABLE' AND table_schema NOT IN ('pg_catalog', 'information_schema')`,
  );
  const values = new Set<string>();
  const add = (value: unknown) => {
    if (typeof value === 'string') values.add(value);
    else if (Buffer.isBuffer(value)) for (const form of ['base64url', 'base64', 'hex', 'utf8'] as const) values.add(value.toString(form));
    else if (value !== null && typeof value === 'object' && !(value instanceof Date)) for (const inner of Object.values(value)) add(inner);
  };
  for (const { schema, name } of tables) {
    for (const row of await dataSource.query(`SELECT * FROM "${schema}"."${name}"`)) for (const value of Object.values(row)) add(value);
  }
  return values;
}

describe('a copy of the database', () => {
  let system: TestCasework;
  let supervisor: ApiClient;

  beforeAll(async () => {
    system = await startTestCasework();
    supervisor = await system.userClient({ username: 'city.supervisor', role: 'supervisor', orgUnitId: '410100' });
    expect((await supervisor.get('/api/auth/me')).status).toBe(200);
  }, 60_000);

  afterAll(() => system.stop());

  it('holds no key that signs a token the system accepts, and no session id a token could name', async () => {
    const { dataSource, tokenSecret } = system.app.runtime;
    const copy = await everyValueOf(dataSource);
    const [user] = await dataSource.query("SELECT id, username, role, org_unit_id FROM users WHERE username = 'city.supervisor'");
    const storedSessions: string[] = (await dataSource.query('SELECT id::text AS id FROM user_sessions WHERE user_id = $1', [user.id])).map((r: { id: string }) => r.id);
    expect(storedSessions.length).toBeGreaterThan(0);
    const claims = (jti: string): TokenClaims => ({ sub: user.id, role: user.role, unit: user.org_unit_id, username: user.username, jti, exp: Math.floor(Date.now() / 1000) + 3600 });

    // The signing key is nowhere in the copy.
    expect([...copy].filter((value) => value === tokenSecret)).toEqual([]);
    // Every value of the copy tried as the key, with every stored session id: refused.
    const forged = [...copy].filter((value) => value.length >= 16 && value.length <= 256).flatMap((secret) => storedSessions.map((jti) => signAccessToken(claims(jti), secret)));
    expect(forged.length).toBeGreaterThan(10);
    const statuses = new Set<number>();
    for (let i = 0; i < forged.length; i += 50) {
      const answers = await Promise.all(forged.slice(i, i + 50).map((token) => new ApiClient(system.app.url, token).get('/api/auth/me')));
      for (const answer of answers) statuses.add(answer.status);
    }
    expect([...statuses]).toEqual([401]);
    // Even with the real key (kept beside the master key), a stored session id opens nothing.
    for (const jti of storedSessions) expect((await new ApiClient(system.app.url, signAccessToken(claims(jti), tokenSecret)).get('/api/auth/me')).status).toBe(401);
  }, 120_000);
});
