import pg from 'pg';

/** Statements on ONE connection: a session-level advisory lock and BEGIN…COMMIT only hold there. */
export interface SqlSession {
  query<R = Record<string, unknown>>(sql: string, params?: readonly unknown[]): Promise<R[]>;
}

/** A TypeORM `DataSource` as far as a session needs it. */
interface QueryRunnerSource {
  createQueryRunner(): { connect(): Promise<unknown>; query(sql: string, params?: unknown[]): Promise<unknown>; release(): Promise<void> };
}

/** A `pg.Pool` as far as a session needs it. */
interface ClientPool {
  connect(): Promise<{ query(sql: string, params?: unknown[]): Promise<{ rows: unknown[] }>; release(): void }>;
}

/** Where the migrations run: a TypeORM DataSource, a `pg` pool, or a connection string. */
export type MigrationTarget = QueryRunnerSource | ClientPool | string;

/** Runs `work` on one connection of `target`, given back (or closed) afterwards. */
export async function withSession<T>(target: MigrationTarget, work: (session: SqlSession) => Promise<T>): Promise<T> {
  if (typeof target === 'string') return withClientOf(target, work);
  if ('createQueryRunner' in target) return withQueryRunner(target, work);
  return withPoolClient(target, work);
}

async function withQueryRunner<T>(source: QueryRunnerSource, work: (session: SqlSession) => Promise<T>): Promise<T> {
  const runner = source.createQueryRunner();
  await runner.connect();
  try {
    return await work({ query: async (sql, params) => (await runner.query(sql, params ? [...params] : undefined)) as never });
  } finally {
    await runner.release();
  }
}

async function withPoolClient<T>(pool: ClientPool, work: (session: SqlSession) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  try {
    return await work({ query: async (sql, params) => (await client.query(sql, params ? [...params] : undefined)).rows as never });
  } finally {
    client.release();
  }
}

async function withClientOf<T>(connectionString: string, work: (session: SqlSession) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString });
  client.on('error', () => undefined);
  await client.connect();
  try {
    return await work({ query: async (sql, params) => (await client.query(sql, params ? [...params] : undefined)).rows as never });
  } finally {
    await client.end();
  }
}
