/** The LISTEN/NOTIFY channel the append function signals on commit; subscriptions wake on it. */
export const APPENDED_CHANNEL = 'event_store_appended';
