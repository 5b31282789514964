/**
 * A few seconds of memory of session look-ups, so the guard need not query on every request.
 * Revocation in this process stays immediate: forgetting a user drops their entries and refuses any
 * look-up that began before the forgetting (it may have read the row before the revocation committed).
 */
export class SessionCache<T extends { readonly userId: string }> {
  private readonly entries = new Map<string, { value: T; storedAt: number }>();
  private readonly forgottenAt = new Map<string, number>();
  private tick = 0;

  constructor(
    private readonly ttlMs: number,
    private readonly maxEntries = 10_000,
    private readonly clock: () => number = Date.now,
  ) {}

  get(sessionId: string): T | undefined {
    const entry = this.entries.get(sessionId);
    if (!entry) return undefined;
    if (this.clock() - entry.storedAt >= this.ttlMs) {
      this.entries.delete(sessionId);
      return undefined;
    }
    return entry.value;
  }

  /** Call before reading the database; pass the ticket to `store`. */
  beginRead(): number {
    return ++this.tick;
  }

  store(sessionId: string, value: T, ticket: number): void {
    if (this.ttlMs <= 0 || ticket <= (this.forgottenAt.get(value.userId) ?? 0)) return;
    if (this.entries.size >= this.maxEntries) this.entries.clear();
    this.entries.set(sessionId, { value, storedAt: this.clock() });
  }

  forgetUser(userId: string): void {
    this.forgottenAt.set(userId, ++this.tick);
    for (const [sessionId, entry] of this.entries) if (entry.value.userId === userId) this.entries.delete(sessionId);
  }
}
