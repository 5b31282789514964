/**
 * How a recorded actor or a user id inside an event reads to people: a colleague by name, a process
 * of the system by what it does (in Chinese), a cadre typed as free text before cadres were picked
 * by name as the text itself. Never a UUID: a user id nobody knows any more reads 未知用户.
 */

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** 系统操作: what each process of the system is called where it acted (the ids in apps/*). */
const SYSTEM_ACTORS: Readonly<Record<string, string>> = {
  'system:legacy-import': '系统（旧数据导入）',
  'system:calendar': '系统（节假日调整）',
  'system:repeat-call-detector': '系统（重复来电识别）',
  'system:complaint-escalation': '系统（工单转欠薪案件）',
  'system:mediation-links': '系统（调解联动）',
  'system:hardship-reminders': '系统（到期提醒）',
};

/** The legacy import is the same actor for old hotline orders and old hardship registries: named by what it brought in. */
const LEGACY_IMPORT_BY_KIND: Readonly<Record<string, string>> = {
  complaint: '系统（旧工单导入）',
  hardship_file: '系统（旧台账导入）',
};

export const UNKNOWN_USER = '未知用户';
export const SYSTEM = '系统';

export const isUserId = (id: string): boolean => UUID.test(id);
export const isSystemActor = (id: string, role?: string): boolean => role === 'system' || id === 'system' || id.startsWith('system:');

/** The label of a process of the system; `kind` tells an old order's import from an old registry's. */
export function systemActorLabel(id: string, kind?: string): string {
  if (id === 'system:legacy-import' && kind && LEGACY_IMPORT_BY_KIND[kind]) return LEGACY_IMPORT_BY_KIND[kind];
  return SYSTEM_ACTORS[id] ?? SYSTEM;
}

/**
 * Keys of event data that hold a user id (a cadre, a mediator, who asked, who delivered). Ids are
 * resolved only under these keys: a UUID elsewhere is a case, a claimant or a session.
 */
export const PERSON_KEYS = ['userId', 'previousUserId', 'mediatorId', 'previousMediatorId', 'requestedBy', 'decidedBy', 'deliveredBy'] as const;

/** The user ids (and free-text names) an event's data names under PERSON_KEYS. */
export function peopleNamedIn(data: unknown): string[] {
  if (!data || typeof data !== 'object') return [];
  const record = data as Record<string, unknown>;
  return PERSON_KEYS.map((key) => record[key]).filter((value): value is string => typeof value === 'string' && value.trim() !== '');
}
