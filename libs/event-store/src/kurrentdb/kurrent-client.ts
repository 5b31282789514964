import type { KurrentDBClient } from '@kurrent/kurrentdb-client';

/** The part of the official client the adapter uses: a real `KurrentDBClient`, or a simulation in unit tests. */
export type KurrentClient = Pick<KurrentDBClient, 'appendToStream' | 'readStream' | 'readAll' | 'subscribeToAll' | 'dispose'>;
