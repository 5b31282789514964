import { SessionCache } from './session-cache.js';

const session = (userId: string, revoked = false) => ({ userId, revoked });

describe('the session cache', () => {
  let now = 0;
  const cache = () => new SessionCache<ReturnType<typeof session>>(2_000, 3, () => now);

  beforeEach(() => {
    now = 1_000_000;
  });

  it('remembers a look-up for its time to live, and no longer', () => {
    const sessions = cache();
    sessions.store('s1', session('u1'), sessions.beginRead());
    now += 1_999;
    expect(sessions.get('s1')).toEqual(session('u1'));
    now += 1;
    expect(sessions.get('s1')).toBeUndefined();
  });

  it('forgets a user at once: their sessions are looked up again', () => {
    const sessions = cache();
    sessions.store('s1', session('u1'), sessions.beginRead());
    sessions.store('s2', session('u2'), sessions.beginRead());
    sessions.forgetUser('u1');
    expect(sessions.get('s1')).toBeUndefined();
    expect(sessions.get('s2')).toEqual(session('u2'));
  });

  it('refuses a look-up that began before the user was forgotten (it may predate the revocation)', () => {
    const sessions = cache();
    const ticket = sessions.beginRead();
    sessions.forgetUser('u1');
    sessions.store('s1', session('u1'), ticket);
    expect(sessions.get('s1')).toBeUndefined();
    sessions.store('s1', session('u1', true), sessions.beginRead());
    expect(sessions.get('s1')).toEqual(session('u1', true));
  });

  it('stays small', () => {
    const sessions = cache();
    for (const id of ['a', 'b', 'c', 'd']) sessions.store(id, session(id), sessions.beginRead());
    expect(['a', 'b', 'c', 'd'].filter((id) => sessions.get(id))).toEqual(['d']);
  });

  it('remembers nothing when its time to live is zero', () => {
    const sessions = new SessionCache<ReturnType<typeof session>>(0);
    sessions.store('s1', session('u1'), sessions.beginRead());
    expect(sessions.get('s1')).toBeUndefined();
  });
});
