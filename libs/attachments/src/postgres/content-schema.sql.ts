/**
 * The content store's own schema: one row per content, its bytes in chunks of at most 1 MB (bytea rows
 * stay small for the server and for a backup, and a download streams chunk after chunk).
 */
export const CONTENT_SCHEMA_SQL = `
CREATE SCHEMA IF NOT EXISTS content;
CREATE TABLE IF NOT EXISTS content.items (
  content_id uuid PRIMARY KEY,
  size       bigint NOT NULL,
  stored_at  timestamptz NOT NULL DEFAULT now()
);
CREATE TABLE IF NOT EXISTS content.chunks (
  content_id uuid NOT NULL REFERENCES content.items (content_id) ON DELETE CASCADE,
  seq        integer NOT NULL,
  bytes      bytea NOT NULL,
  PRIMARY KEY (content_id, seq)
);
CREATE INDEX IF NOT EXISTS content_items_stored_at_idx ON content.items (stored_at);
-- The bytes are encrypted, so compressing them gains nothing: stored out of line as they are, without
-- PostgreSQL first trying (and failing) to compress every chunk.
ALTER TABLE content.chunks ALTER COLUMN bytes SET STORAGE EXTERNAL;
`;

export const CHUNK_BYTES = 1024 * 1024;
