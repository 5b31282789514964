import { START, type LogPosition } from '#event-store';

/** Where the relay keeps how far it has published: written only after Kafka acknowledged. */
export interface RelayCheckpoints {
  read(name: string): Promise<RelayCheckpoint>;
  write(name: string, checkpoint: RelayCheckpoint): Promise<void>;
}

export interface RelayCheckpoint {
  readonly position: LogPosition;
  readonly eventsPublished: number;
}

export const NO_RELAY_CHECKPOINT: RelayCheckpoint = { position: START, eventsPublished: 0 };

/** Anything that runs SQL with parameters and answers the rows: a TypeORM DataSource or EntityManager. */
export interface SqlQueryable {
  query(sql: string, parameters?: unknown[]): Promise<unknown>;
}

export const RELAY_CHECKPOINTS_SCHEMA_SQL = `
CREATE TABLE IF NOT EXISTS public.relay_checkpoints (
  name text PRIMARY KEY,
  commit_position bigint NOT NULL,
  prepare_position bigint NOT NULL,
  events_published bigint NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now()
);`;

/** The relay's checkpoint in PostgreSQL (the read-model database: KurrentDB has no tables of ours). */
export class PostgresRelayCheckpoints implements RelayCheckpoints {
  constructor(private readonly db: SqlQueryable) {}

  async ensureSchema(): Promise<this> {
    await this.db.query(RELAY_CHECKPOINTS_SCHEMA_SQL);
    return this;
  }

  async read(name: string): Promise<RelayCheckpoint> {
    const rows = (await this.db.query('SELECT commit_position, prepare_position, events_published FROM public.relay_checkpoints WHERE name = $1', [name])) as
      { commit_position: string; prepare_position: string; events_published: string }[];
    const row = rows[0];
    if (!row) return NO_RELAY_CHECKPOINT;
    return { position: { commit: BigInt(row.commit_position), prepare: BigInt(row.prepare_position) }, eventsPublished: Number(row.events_published) };
  }

  async write(name: string, checkpoint: RelayCheckpoint): Promise<void> {
    await this.db.query(
      `INSERT INTO public.relay_checkpoints (name, commit_position, prepare_position, events_published) VALUES ($1, $2, $3, $4)
       ON CONFLICT (name) DO UPDATE SET commit_position = EXCLUDED.commit_position, prepare_position = EXCLUDED.prepare_position,
         events_published = EXCLUDED.events_published, updated_at = now()`,
      [name, checkpoint.position.commit.toString(), checkpoint.position.prepare.toString(), checkpoint.eventsPublished],
    );
  }
}
