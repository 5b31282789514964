import { createReadStream, createWriteStream, renameSync, rmSync } from 'node:fs';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { createGunzip, createGzip } from 'node:zlib';
import { parseBackupLine, type BackupLine } from './backup-format.js';

/**
 * Writes the file's lines through gzip into `<file>.partial`, renamed to `file` only when `finish`
 * succeeds: a backup that failed half-way never looks like a whole one.
 */
export class BackupFileWriter {
  private readonly partial: string;
  private readonly gzip = createGzip({ level: 6 });
  private readonly out;
  private failure: Error | undefined;

  constructor(private readonly file: string) {
    this.partial = `${file}.partial`;
    this.out = createWriteStream(this.partial, { mode: 0o600 });
    this.gzip.pipe(this.out);
    const fail = (error: Error) => (this.failure ??= error);
    this.gzip.on('error', fail);
    this.out.on('error', fail);
  }

  /** Writes one line, waiting while gzip's buffer is full. */
  async line(text: string): Promise<void> {
    if (this.failure) throw this.failure;
    if (!this.gzip.write(`${text}\n`)) await once(this.gzip, 'drain');
  }

  async finish(): Promise<void> {
    this.gzip.end();
    await once(this.out, 'close');
    if (this.failure) throw this.failure;
    renameSync(this.partial, this.file);
  }

  async abandon(): Promise<void> {
    this.gzip.destroy();
    this.out.destroy();
    rmSync(this.partial, { force: true });
  }
}

/** The file's lines, parsed, in order. Throws if gzip or a line is broken. */
export async function* readBackupLines(file: string): AsyncGenerator<BackupLine> {
  const input = createReadStream(file).pipe(createGunzip());
  const lines = createInterface({ input, crlfDelay: Infinity });
  let first = true;
  // readline does not pass on errors of the stream it reads: make them end the loop.
  let failure: Error | undefined;
  input.on('error', (error) => {
    failure = error;
    lines.close();
  });
  for await (const text of lines) {
    if (failure) break;
    yield parseBackupLine(text, first);
    first = false;
  }
  if (failure) throw failure;
}
