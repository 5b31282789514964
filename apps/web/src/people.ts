import type { PersonRef } from './api-types';
import { readSession } from './session';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * A person as the API names them: a name when it gives one, "me" when it is the signed-in user,
 * otherwise the user id — shortened when it is a UUID (the full id stays in `title`).
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
  return UUID.test(ref) ? { text: `#${ref.slice(0, 8)}`, title: ref } : { text: ref };
}
