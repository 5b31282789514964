interface Waiting<T> {
  readonly items: readonly T[];
  resolve(): void;
  reject(error: unknown): void;
}

/**
 * Group commit for a consumer fed several partitions at once: batches handed in while a transaction
 * runs wait for it, then all go together in the next one. The first batch starts at once, so a quiet
 * pipeline waits for nothing; a busy one makes one transaction per round instead of a queue of small
 * ones, each a durable commit. Every batch's promise settles with the transaction that carried it.
 */
export class BatchCoalescer<T> {
  private waiting: Waiting<T>[] = [];
  private running = false;

  constructor(private readonly apply: (items: readonly T[]) => Promise<void>) {}

  submit(items: readonly T[]): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      this.waiting.push({ items, resolve, reject });
      if (!this.running) void this.drain();
    });
  }

  private async drain(): Promise<void> {
    this.running = true;
    while (this.waiting.length > 0) {
      const taken = this.waiting;
      this.waiting = [];
      try {
        await this.apply(taken.flatMap((batch) => batch.items));
        for (const batch of taken) batch.resolve();
      } catch (error) {
        for (const batch of taken) batch.reject(error);
      }
    }
    this.running = false;
  }
}
