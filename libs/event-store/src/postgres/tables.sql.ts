/**
 * `stream_id` is in the "C" collation: stream ids are ASCII identifiers, and with it the unique
 * (stream_id, stream_revision) index also serves `starts_with` prefix filters, so no extra index is needed.
 * The primary key is the global log order itself (see ../../../../docs/adr/0002-global-log-ordering.md).
 * `hash` links each event to the one before it in its stream (see hash-chain.sql.ts).
 */
export const TABLES_SQL = `
CREATE SCHEMA IF NOT EXISTS event_store;

CREATE TABLE IF NOT EXISTS event_store.streams (
  stream_id text COLLATE "C" PRIMARY KEY,
  revision  bigint NOT NULL
);

CREATE TABLE IF NOT EXISTS event_store.events (
  global_position bigserial NOT NULL,
  transaction_id  xid8 NOT NULL DEFAULT pg_current_xact_id(),
  stream_id       text COLLATE "C" NOT NULL,
  stream_revision bigint NOT NULL,
  event_id        uuid NOT NULL,
  event_type      text NOT NULL,
  schema_version  int NOT NULL,
  data            jsonb NOT NULL,
  metadata        jsonb NOT NULL,
  recorded_at     timestamptz NOT NULL DEFAULT now(),
  hash            bytea NOT NULL,
  CONSTRAINT events_log_order_pkey PRIMARY KEY (transaction_id, global_position),
  CONSTRAINT events_event_id_key UNIQUE (event_id),
  CONSTRAINT events_stream_revision_key UNIQUE (stream_id, stream_revision)
);
`;
