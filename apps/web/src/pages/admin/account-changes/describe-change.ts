/** One row of `GET /api/identity-audit`. */
export interface AccountChange {
  at: string;
  action: string;
  actor: { userId: string; username: string; displayName: string | null } | null;
  targetKind: 'user' | 'org_unit';
  targetId: string;
  targetName: string | null;
  targetUsername: string | null;
  details: Record<string, unknown>;
  units: { id: string; name: string }[];
}

interface Text {
  t(key: never, params?: Record<string, string | number>): string;
  tOr(key: string, fallback: string): string;
  unitName(id: string): string;
}

/** What changed, in words: names of units and roles, never ids or codes. */
export function describeChange(change: AccountChange, text: Text): string {
  const { tOr, unitName } = text;
  const value = (field: string, v: unknown) => {
    if (field === 'role') return tOr(`role.${String(v)}`, String(v));
    if (field === 'orgUnitId' || field === 'parentId') return v == null ? '—' : unitName(String(v));
    return String(v ?? '');
  };
  const d = change.details;
  // A city put under a province (the only move of a unit) says so as a change of parent: 上级单位：— → 河南省总工会.
  if (change.action === 'user_updated' || change.action === 'org_unit_renamed' || change.action === 'org_unit_moved') {
    const changes = (change.action === 'user_updated' ? d.changes : d) as Record<string, { from: unknown; to: unknown }> | undefined;
    return Object.entries(changes ?? {})
      .map(([field, c]) => `${tOr(`accounts.field.${field}`, field)}：${value(field, c.from)} → ${value(field, c.to)}`)
      .join('；');
  }
  if (change.action === 'user_created') return [d.role && value('role', d.role), d.orgUnitId && value('orgUnitId', d.orgUnitId)].filter(Boolean).join(' · ');
  if (change.action === 'user_rooms_changed') return `${tOr('accounts.rooms', '调解工作室')}：${((d.roomIds as string[]) ?? []).map(unitName).join('、') || '—'}`;
  if (change.action === 'org_unit_created') return [d.name, d.parentId && value('parentId', d.parentId)].filter(Boolean).join(' · ');
  return '';
}
