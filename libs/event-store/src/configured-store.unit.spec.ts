import { eventStoreChoiceFromEnv } from './configured-store.js';

describe('the event store chosen from the environment', () => {
  it('is PostgreSQL when EVENT_STORE is not set, whatever KURRENTDB_URL says', () => {
    expect(eventStoreChoiceFromEnv({})).toEqual({ eventStore: 'postgres' });
    expect(eventStoreChoiceFromEnv({ KURRENTDB_URL: 'kurrentdb://x:2113' })).toEqual({ eventStore: 'postgres' });
  });

  it('is KurrentDB at KURRENTDB_URL with EVENT_STORE=kurrentdb', () => {
    expect(eventStoreChoiceFromEnv({ EVENT_STORE: 'kurrentdb', KURRENTDB_URL: 'kurrentdb://kurrentdb:2113?tls=false' })).toEqual({
      eventStore: 'kurrentdb',
      kurrentDbUrl: 'kurrentdb://kurrentdb:2113?tls=false',
    });
  });

  it('refuses KurrentDB without its URL, and any other store by name', () => {
    expect(() => eventStoreChoiceFromEnv({ EVENT_STORE: 'kurrentdb' })).toThrow('KURRENTDB_URL is required with EVENT_STORE=kurrentdb');
    expect(() => eventStoreChoiceFromEnv({ EVENT_STORE: 'mongodb' })).toThrow('EVENT_STORE must be postgres or kurrentdb, not "mongodb"');
  });
});
