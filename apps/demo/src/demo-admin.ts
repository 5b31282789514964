import { CITY_UNIT_ID } from '#identity';
import type { RunningCasework } from '#casework-runtime';

/** The administrator the in-process demo signs in as when `admin` still holds its temporary password. */
export const DEMO_ADMIN = { username: 'demo.guanli', displayName: '演示管理员' } as const;

/**
 * A token for the in-process demo's writes. `admin` is used when it may act; a freshly generated
 * `admin` holds a temporary password, printed once, and is refused everywhere until its owner changes
 * it (403 `password_change_required`). The demo does not change a password meant for a person: it
 * signs in as a demo administrator of its own instead, with the demo password like every demo user.
 */
export async function demoAdminToken(casework: RunningCasework, password: string): Promise<string> {
  const admin = await casework.runtime.users.findByUsername('admin');
  if (!admin) throw new Error('系统中没有管理员用户 admin');
  if (!(await casework.runtime.users.holdsTemporaryPassword(admin.id))) return casework.runtime.users.issueToken(admin);
  const existing = await casework.runtime.users.findByUsername(DEMO_ADMIN.username);
  if (existing) return casework.runtime.users.issueToken(existing);
  return casework.runtime.users.issueToken(await casework.runtime.users.create({ ...DEMO_ADMIN, password, role: 'admin', orgUnitId: CITY_UNIT_ID }));
}
