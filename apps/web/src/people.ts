import type { PersonName, PersonRef } from './api-types';
import { readSession } from './session';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The fallbacks when the API gave no name, in the console's language (read where no hook reaches). */
const FALLBACK = { zh: { system: '系统', unknown: '未知用户' }, en: { system: 'System', unknown: 'Unknown user' } } as const;
const fallback = () => FALLBACK[localStorage.getItem('casework.lang') === 'en' ? 'en' : 'zh'];

/**
 * A person as the API names them: a name when it gives one, "me" when it is the signed-in user, a
 * process of the system as 系统, a name typed as text as typed — never a user id (a UUID nobody can
 * read reads 未知用户).
 */
export function personLabel(ref: PersonRef, name?: string | null): { text: string; title?: string } {
  if (name) return { text: name };
  if (ref && typeof ref === 'object') {
    const id = ref.userId ?? ref.id;
    return personLabel(id ?? null, ref.displayName ?? ref.username);
  }
  if (!ref) return { text: '—' };
  const me = readSession()?.user;
  if (me && (ref === me.id || ref === me.username)) return { text: me.displayName };
  if (ref === 'system' || ref.startsWith('system:')) return { text: fallback().system };
  return UUID.test(ref) ? { text: fallback().unknown } : { text: ref };
}

/** "Name（unit）" for a person the API named, else what `personLabel` can say of the id. */
export function personWithUnit(id: string, known: PersonName | undefined): string {
  if (!known) return personLabel(id).text;
  return known.unitName ? `${known.displayName}（${known.unitName}）` : known.displayName;
}
