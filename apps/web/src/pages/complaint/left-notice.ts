import { navigate } from '../../router';

const KEY = 'casework.complaint-left';

/**
 * After a step that takes an order out of the user's units (a return to the unit that sent it), the
 * page cannot be reloaded: the console goes back to the list and says where the order went. The
 * message waits in the tab's session until the list takes it, once.
 */
export function leaveWithNotice(text: string): void {
  sessionStorage.setItem(KEY, text);
  navigate({ name: 'cases' });
}

export function takeLeftNotice(): string | null {
  const text = sessionStorage.getItem(KEY);
  if (text !== null) sessionStorage.removeItem(KEY);
  return text;
}
