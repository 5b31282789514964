import type { User } from './api-types';

/** The login lives in sessionStorage: it ends with the browser tab, as a shared desk PC needs. */
const TOKEN_KEY = 'casework.token';
const USER_KEY = 'casework.user';

export interface Session {
  token: string;
  user: User;
  /** A temporary password: only the password-change page until it is changed. */
  mustChangePassword?: boolean;
}

const MUST_CHANGE_KEY = 'casework.mustChangePassword';

export function readToken(): string | null {
  return sessionStorage.getItem(TOKEN_KEY);
}

export function readSession(): Session | null {
  const token = readToken();
  const user = sessionStorage.getItem(USER_KEY);
  if (!token || !user) return null;
  try {
    return { token, user: JSON.parse(user) as User, mustChangePassword: sessionStorage.getItem(MUST_CHANGE_KEY) === 'true' };
  } catch {
    return null;
  }
}

export function saveSession(session: Session): void {
  sessionStorage.setItem(TOKEN_KEY, session.token);
  sessionStorage.setItem(USER_KEY, JSON.stringify(session.user));
  if (session.mustChangePassword) sessionStorage.setItem(MUST_CHANGE_KEY, 'true');
  else sessionStorage.removeItem(MUST_CHANGE_KEY);
}

/** What the console keeps per login besides the token: forgotten with it, so the next user starts clean. */
const PER_LOGIN_KEYS = ['casework.caseFilter', MUST_CHANGE_KEY];

export function clearSession(): void {
  sessionStorage.removeItem(TOKEN_KEY);
  sessionStorage.removeItem(USER_KEY);
  for (const key of PER_LOGIN_KEYS) sessionStorage.removeItem(key);
}
