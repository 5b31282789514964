import { randomBytes, randomUUID } from 'node:crypto';
import type { ContentStore } from './content-store.port.js';

/**
 * What every content store adapter must do, run against each (as the event store's contract suite is):
 * `open` gives a fresh store, `close` ends it.
 */
export function contentStoreContract(name: string, open: () => Promise<{ store: ContentStore; close(): Promise<void> }>, skip?: string): void {
  const describeIt = skip ? describe.skip : describe;
  if (skip) console.log(`[content store contract] ${name} skipped: ${skip}`);
  describeIt(`the ${name} content store`, () => {
    let store: ContentStore;
    let close: () => Promise<void>;

    // A server started for the suite (S3Mock's JVM) may take a while to answer.
    beforeAll(async () => {
      ({ store, close } = await open());
    }, 120_000);
    afterAll(() => close?.(), 60_000);

    it('gives back exactly the bytes it was given, across several chunks', async () => {
      const id = randomUUID();
      const bytes = randomBytes(2 * 1024 * 1024 + 12345);
      await store.put(id, bytes);
      expect((await store.get(id))?.equals(bytes)).toBe(true);
    });

    it('answers null for content it never stored', async () => {
      expect(await store.get(randomUUID())).toBeNull();
    });

    it('replaces what an earlier try stored under the same id', async () => {
      const id = randomUUID();
      await store.put(id, randomBytes(1024 * 1024 + 1));
      const second = randomBytes(10);
      await store.put(id, second);
      expect((await store.get(id))?.equals(second)).toBe(true);
    });

    it('forgets deleted content, and deleting twice is no error', async () => {
      const id = randomUUID();
      await store.put(id, Buffer.from('evidence'));
      await store.delete(id);
      await store.delete(id);
      expect(await store.get(id)).toBeNull();
    });

    it('lists the content stored before an instant, not what came after', async () => {
      const id = randomUUID();
      await store.put(id, Buffer.from('older'));
      expect(await store.storedBefore(new Date(Date.now() + 60_000))).toContain(id);
      expect(await store.storedBefore(new Date(Date.now() - 60 * 60_000))).not.toContain(id);
    });

    it('keeps concurrent writers of different contents apart', async () => {
      const items = Array.from({ length: 8 }, () => ({ id: randomUUID(), bytes: randomBytes(300_000) }));
      await Promise.all(items.map((item) => store.put(item.id, item.bytes)));
      for (const item of items) expect((await store.get(item.id))?.equals(item.bytes)).toBe(true);
    });
  });
}
