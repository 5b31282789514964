import type pg from 'pg';

/** A pool (each call its own autocommit transaction) or a client, possibly inside a transaction of the caller's. */
export type SqlExecutor = pg.Pool | pg.PoolClient | pg.Client;
