import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { StreamHead } from '#event-store';

/** The format of a saved stream-heads file (`npm run audit:verify -- --save-heads`, and the daily check). */
export const HEADS_FORMAT = 'union-casework/stream-heads@1';

export interface SavedHeads {
  readonly savedAt: string;
  readonly heads: StreamHead[];
}

/** Writes the heads (atomically: a crash leaves the old file or the new one); returns the text written. */
export function writeHeadsFile(file: string, heads: readonly StreamHead[], savedAt: Date): string {
  const text = `${JSON.stringify({ format: HEADS_FORMAT, savedAt: savedAt.toISOString(), heads })}\n`;
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(`${file}.tmp`, text, { mode: 0o600 });
  renameSync(`${file}.tmp`, file);
  return text;
}

export function readHeadsFile(file: string): SavedHeads {
  const parsed = JSON.parse(readFileSync(file, 'utf8')) as { format?: string; savedAt: string; heads: StreamHead[] };
  if (parsed.format !== HEADS_FORMAT || !Array.isArray(parsed.heads)) throw new Error(`${file} is not a stream heads file saved by audit:verify`);
  return parsed;
}
