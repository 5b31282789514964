/**
 * Where the bytes of attachments live, apart from the events (which name them by `contentId`).
 * Adapters: PostgreSQL (`PostgresContentStore`, the default); the contract suite
 * (`content-store.contract.ts`) says what every adapter must do.
 */
export interface ContentStore {
  /** Stores the bytes under `id`, replacing what a failed earlier try left there. */
  put(id: string, bytes: Buffer): Promise<void>;
  /** The bytes, or `null` when nothing is stored under `id` (never stored, or deleted). */
  get(id: string): Promise<Buffer | null>;
  /** Removes the bytes; removing what is not there is not an error. */
  delete(id: string): Promise<void>;
  /** The ids of the contents stored before `instant`: what the sweep looks at. */
  storedBefore(instant: Date): Promise<string[]>;
}
