import { UpcasterRegistry } from '#event-store';

/**
 * Every upcaster of the system: how an event stored under an older schema version is read as the
 * current one. Each context registers its own here when it changes an event's shape.
 */
export const upcasters = new UpcasterRegistry();
