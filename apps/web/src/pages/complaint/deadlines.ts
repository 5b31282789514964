import { snakeKey } from '../../format';

/**
 * docs/api.md says the complaint carries "the deadlines" and `overdue` ("the missed deadlines")
 * without fixing their shape. The domain names the steps `sign_for`, `first_contact`, `resolve`,
 * `follow_up` and lists missed ones as `{step, dueAt}`. The console reads the likely shapes:
 * a map of step → ISO time or → {dueAt, metAt}, a map like `{signForDueAt: …}`, or a list of
 * `{step, dueAt, metAt}`; `overdue` as a list of steps or `{step}`, a map of step → boolean, or one boolean.
 */
export interface DeadlineView {
  /** The step in snake_case: `sign_for`, `first_contact`, `resolve`, `follow_up`. */
  key: string;
  dueAt: string | null;
  metAt: string | null;
  overdue: boolean;
  /** 暂定: counted on the statutory holidays of a year whose notice is not entered yet. */
  provisional: boolean;
}

type Raw = Record<string, unknown>;
const isObject = (value: unknown): value is Raw => typeof value === 'object' && value !== null;
const str = (value: unknown) => (typeof value === 'string' ? value : null);

/** `signForDueAt`, `signFor`, `sign_for` → `sign_for`; `resolution` → `resolve`. */
export function stepName(raw: string): string {
  const name = snakeKey(raw).replace(/_?due_?at$/, '');
  return name === 'resolution' ? 'resolve' : name;
}

function nameOf(item: unknown): string {
  return stepName(isObject(item) ? String(item.step ?? item.name ?? item.key ?? item.kind ?? '') : String(item));
}

function readOne(key: string, value: unknown): DeadlineView {
  if (!isObject(value)) return { key: stepName(key), dueAt: str(value), metAt: null, overdue: false, provisional: false };
  return {
    key: stepName(key),
    dueAt: str(value.dueAt ?? value.due ?? value.at),
    metAt: str(value.metAt ?? value.met ?? value.completedAt ?? value.doneAt),
    overdue: value.overdue === true,
    provisional: value.provisional === true,
  };
}

function overdueSteps(overdue: unknown): Set<string> | 'all' | null {
  if (overdue === true) return 'all';
  if (Array.isArray(overdue)) return new Set(overdue.map(nameOf));
  if (isObject(overdue)) return new Set(Object.keys(overdue).filter((step) => overdue[step]).map(stepName));
  return null;
}

export function readDeadlines(deadlines: unknown, overdue: unknown, now = Date.now()): DeadlineView[] {
  let views: DeadlineView[] = [];
  if (Array.isArray(deadlines)) views = deadlines.filter(isObject).map((d) => readOne(nameOf(d), d));
  else if (isObject(deadlines)) views = Object.entries(deadlines).map(([key, value]) => readOne(key, value));
  const missed = overdueSteps(overdue);
  // The API lists provisional deadlines under `deadlines.provisional` ({signForDueAt: true, …}).
  const provisional = isObject(deadlines) && isObject(deadlines.provisional) ? new Set(Object.keys(deadlines.provisional).filter((k) => (deadlines.provisional as Raw)[k]).map(stepName)) : new Set<string>();
  return views
    .filter((view) => view.dueAt)
    .map((view) => {
      const past = !view.metAt && view.dueAt !== null && Date.parse(view.dueAt) < now;
      const flagged = missed === 'all' ? past : (missed?.has(view.key) ?? false);
      return { ...view, overdue: view.overdue || flagged, provisional: view.provisional || provisional.has(view.key) };
    });
}
