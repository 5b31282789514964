import { canAppendToStreams, canReadStreams } from '#event-store';
import type {
  AppendResult,
  BatchHandler,
  EventStore,
  ExpectedRevision,
  LogPosition,
  NewEvent,
  ReadAllOptions,
  ReadStreamOptions,
  RecordedEvent,
  StreamAppend,
  StreamRead,
  SubscribeOptions,
  Subscription,
  UpcasterRegistry,
} from '#event-store';
import { decryptEvents } from './decrypt-events.js';
import { encryptAppends, encryptEvents, type EncryptionDeps } from './encrypt-events.js';
import type { SubjectKeys } from '../key-store/subject-keys.js';

export interface EncryptingEventStoreOptions extends EncryptionDeps {
  /**
   * Applied after decryption, so upcasters see personal values as the domain does. Give the
   * upcasters here rather than to the inner store, which would show them the encrypted fields.
   */
  readonly upcasters?: UpcasterRegistry;
}

/**
 * The `EventStore` port with personal data encrypted per person (a decorator of any adapter): appends
 * encrypt the registered fields, every read — streams, the global log, subscriptions — decrypts them.
 * Idempotent retries still work: the stores compare a retry by event ids, never by data.
 */
export class EncryptingEventStore implements EventStore {
  /** Writes to several streams in one commit (`MultiStreamAppends`), when the inner store can. */
  readonly appendToStreams?: (appends: readonly StreamAppend[]) => Promise<AppendResult[]>;
  /** Reads several streams in one round trip (`MultiStreamReads`), when the inner store can. */
  readonly readStreams?: (reads: readonly StreamRead[]) => Promise<RecordedEvent[][]>;

  constructor(
    private readonly inner: EventStore,
    private readonly options: EncryptingEventStoreOptions,
  ) {
    if (canAppendToStreams(inner)) {
      // Every person of the write found in one key-store call, not one per stream.
      this.appendToStreams = async (appends) => {
        const encrypted = await encryptAppends(appends, options);
        return inner.appendToStreams(appends.map((append, index) => ({ ...append, events: encrypted[index] })));
      };
    }
    if (canReadStreams(inner)) {
      this.readStreams = async (reads) => {
        // Decrypted together, so each person's key is fetched once for all the streams.
        const streams = await inner.readStreams(reads);
        const readable = await this.readable(streams.flat());
        let next = 0;
        return streams.map((stream) => readable.slice(next, (next += stream.length)));
      };
    }
  }

  async appendToStream(streamId: string, events: readonly NewEvent[], expected: ExpectedRevision): Promise<AppendResult> {
    return this.inner.appendToStream(streamId, await encryptEvents(streamId, events, this.options), expected);
  }

  async readStream(streamId: string, options?: ReadStreamOptions): Promise<RecordedEvent[]> {
    return this.readable(await this.inner.readStream(streamId, options));
  }

  async readAll(options?: ReadAllOptions): Promise<RecordedEvent[]> {
    return this.readable(await this.inner.readAll(options));
  }

  headPosition(): Promise<LogPosition> {
    return this.inner.headPosition();
  }

  lastCommittedPosition(): Promise<LogPosition> {
    return this.inner.lastCommittedPosition();
  }

  countEventsAfter(position: LogPosition): Promise<number> {
    return this.inner.countEventsAfter(position);
  }

  subscribeToAll(handler: BatchHandler, options?: SubscribeOptions): Subscription {
    return this.inner.subscribeToAll(async (events) => handler(await this.readable(events)), options);
  }

  close(): Promise<void> {
    return this.inner.close();
  }

  private readable(events: readonly RecordedEvent[]): Promise<RecordedEvent[]> {
    return readableEvents(events, this.options.keys, this.options.upcasters);
  }
}

/** Events as readers see them: personal data decrypted, then upcast (upcasters see what the domain sees). */
export async function readableEvents(events: readonly RecordedEvent[], keys: SubjectKeys, upcasters?: UpcasterRegistry): Promise<RecordedEvent[]> {
  const decrypted = await decryptEvents(events, keys);
  return upcasters ? decrypted.map((event) => upcasters.upcast(event)) : decrypted;
}
