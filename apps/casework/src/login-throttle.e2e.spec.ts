/**
 * Failed log-ins slowed, over HTTP: after five failures for one username within 15 minutes the next
 * attempt answers 429 `too_many_attempts` without checking the password. The answers never say
 * whether a username exists. (How the wait grows and ends: libs/identity/src/log-in/*.spec.ts.)
 */
import { startTestCasework, type TestCasework } from '#casework-testing';
import type { ApiResponse } from '#casework-testing';
import { postFrom } from '#casework-testing';

describe('slowing failed log-ins over HTTP', () => {
  let system: TestCasework;
  let serial = 0;

  beforeAll(async () => {
    system = await startTestCasework();
  }, 60_000);

  afterAll(() => system?.stop());

  // Each test logs in from its own loopback address: failures also count per source address
  // (twenty within 15 minutes), and this file fails about fifty times in all.
  let from = '127.0.0.1';
  let addresses = 0;
  beforeEach(() => {
    from = `127.0.1.${++addresses}`;
  });

  async function newUser() {
    const username = `throttle.user${++serial}`;
    const password = `Quiet-harbour-${serial}-passw0rd`;
    const created = await system.admin.post('/api/users', { username, password, displayName: '限制测试', role: 'caseworker', orgUnitId: '410105' });
    return { id: created.body.id as string, username, password };
  }

  const logIn = (username: string, password: string) => postFrom(from, `${system.app.url}/api/auth/login`, { username, password });
  const failTimes = async (username: string, times: number) => {
    const answers: ApiResponse[] = [];
    for (let i = 0; i < times; i++) answers.push(await logIn(username, `wrong-password-${i}`));
    return answers;
  };

  it('makes the attempt after five failures wait, even with the right password', async () => {
    const user = await newUser();
    const failures = await failTimes(user.username, 5);
    expect(failures.map((answer) => answer.status)).toEqual([401, 401, 401, 401, 401]);
    const response = await fetch(`${system.app.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: user.username, password: user.password }),
    });
    const body = (await response.json()) as { code: string; message: string; retryAfterSeconds: number };
    expect([response.status, body.code]).toEqual([429, 'too_many_attempts']);
    expect(body.retryAfterSeconds).toBeGreaterThan(55);
    expect(body.retryAfterSeconds).toBeLessThanOrEqual(60);
    expect(response.headers.get('retry-after')).toBe(String(body.retryAfterSeconds));
    expect(body.message).toMatch(/[\u4e00-\u9fa5]/);
  });

  it('answers an unknown username exactly as a known one, waits included', async () => {
    const user = await newUser();
    const known = await failTimes(user.username, 6);
    const unknown = await failTimes('nobody.here', 6);
    expect(unknown.map((answer) => answer.status)).toEqual(known.map((answer) => answer.status));
    expect(unknown[0].body).toEqual(known[0].body);
    expect(unknown[5].body.code).toBe(known[5].body.code);
  });

  it('takes about as long to refuse an unknown username as a wrong password (an argon2 check either way)', async () => {
    const users = [await newUser(), await newUser()];
    const durations = { known: [] as number[], unknown: [] as number[] };
    const time = async (username: string, into: number[]) => {
      const started = performance.now();
      await logIn(username, 'wrong-password');
      into.push(performance.now() - started);
    };
    // Interleaved, so that a busy moment on a shared machine falls on both kinds alike; three tries
    // per name stay under the throttle, which would answer without a check.
    for (let i = 0; i < 3; i++) {
      for (const [n, user] of users.entries()) {
        await time(user.username, durations.known);
        await time(`nobody.else.${n}`, durations.unknown);
      }
    }
    expect(Math.min(...durations.unknown)).toBeGreaterThan(Math.min(...durations.known) * 0.3);
  });

  it('forgets the failures after a success', async () => {
    const user = await newUser();
    await failTimes(user.username, 4);
    expect((await logIn(user.username, user.password)).status).toBe(200);
    const again = await failTimes(user.username, 4);
    expect(again.map((answer) => answer.status)).toEqual([401, 401, 401, 401]);
    expect((await logIn(user.username, user.password)).status).toBe(200);
  });

  it('slows one username only: others log in as usual', async () => {
    const [slowed, other] = [await newUser(), await newUser()];
    await failTimes(slowed.username, 6);
    expect((await logIn(other.username, other.password)).status).toBe(200);
  });

  it('lifts the wait when an administrator resets the password', async () => {
    const user = await newUser();
    await failTimes(user.username, 6);
    const { temporaryPassword } = (await system.admin.post(`/api/users/${user.id}/reset-password`)).body;
    expect((await logIn(user.username, temporaryPassword)).status).toBe(200);
  });

  it('keeps neither the names typed nor the passwords in the database', async () => {
    await failTimes('typed.by.mistake', 2);
    const rows = await system.app.runtime.dataSource.query('SELECT * FROM login_throttle');
    expect(JSON.stringify(rows)).not.toMatch(/typed\.by\.mistake|wrong-password/);
  });
});
