import type { EventStore } from '../../event-store.port.js';
import { canAuditHashChains, type HashChainAudit } from '../../hash-chain-audit.port.js';
import { aStreamId, someNewEvents } from '../event-fixtures.js';

/**
 * `HashChainAudit`: what `audit:verify` asks of a store (ADR 0008). Over a shared store, so every check
 * looks at this test's streams; tampering is each adapter's own spec (it needs the storage underneath).
 */
export function hashChainAuditContract(store: () => EventStore): void {
  describe('the hash chain audit', () => {
    const audit = (): EventStore & HashChainAudit => {
      const current = store();
      if (!canAuditHashChains(current)) throw new Error('This store was said to audit its hash chains, but has no verifyHashChains');
      return current;
    };

    /** A stream of five events written in three appends, as cases are. */
    async function aStreamOfFive(): Promise<string> {
      const streamId = aStreamId();
      await audit().appendToStream(streamId, someNewEvents(1), 'no_stream');
      await audit().appendToStream(streamId, someNewEvents(3), 0);
      await audit().appendToStream(streamId, someNewEvents(1), 'any');
      return streamId;
    }

    const headOf = async (streamId: string) => (await audit().readStreamHeads()).find((head) => head.streamId === streamId);

    it('says how it keeps the chain', () => {
      expect(['stored', 'computed-on-read']).toContain(audit().chainKeeping);
    });

    it('verifies one untouched stream clean, counting its events', async () => {
      const streamId = await aStreamOfFive();

      expect(await audit().verifyHashChains(streamId)).toEqual({ streams: 1, events: 5, problems: [] });
    });

    it('verifies a stream that was never written as empty', async () => {
      expect(await audit().verifyHashChains(aStreamId())).toEqual({ streams: 0, events: 0, problems: [] });
    });

    it('verifies the whole store with this stream in it and no problem in it', async () => {
      const streamId = await aStreamOfFive();

      const report = await audit().verifyHashChains();

      expect(report.events).toBeGreaterThanOrEqual(5);
      expect(report.streams).toBeGreaterThanOrEqual(1);
      expect(report.problems.filter((problem) => problem.streamId === streamId)).toEqual([]);
    });

    it("reads each stream's head: its last revision and a sha256 in hex, another one after each append", async () => {
      const streamId = await aStreamOfFive();
      const before = await headOf(streamId);
      await audit().appendToStream(streamId, someNewEvents(1), 4);
      const after = await headOf(streamId);

      expect(before).toEqual({ streamId, revision: 4, hash: expect.stringMatching(/^[0-9a-f]{64}$/) });
      expect(after).toEqual({ streamId, revision: 5, hash: expect.stringMatching(/^[0-9a-f]{64}$/) });
      expect(after!.hash).not.toBe(before!.hash);
    });

    it('gives two streams with the same events in the same order different chains', async () => {
      const [first, second] = [aStreamId(), aStreamId()];
      await audit().appendToStream(first, someNewEvents(2), 'no_stream');
      await audit().appendToStream(second, someNewEvents(2), 'no_stream');

      expect((await headOf(first))!.hash).not.toBe((await headOf(second))!.hash);
    });

    it('finds a head saved earlier still reached after the stream has grown', async () => {
      const streamId = await aStreamOfFive();
      const saved = (await headOf(streamId))!;
      await audit().appendToStream(streamId, someNewEvents(2), 4);

      expect(await audit().checkStreamHeads([saved])).toEqual([]);
      expect(await audit().checkStreamHeads([])).toEqual([]);
    });

    it('names a saved head the chain no longer reaches as altered, and one beyond its stream as removed', async () => {
      const [streamId, other] = [await aStreamOfFive(), await aStreamOfFive()];
      const saved = (await headOf(streamId))!;
      const forged = { streamId, revision: 2, hash: saved.hash };
      const beyond = { ...(await headOf(other))!, revision: 9 };
      const neverWritten = { streamId: aStreamId(), revision: 0, hash: saved.hash };

      const problems = await audit().checkStreamHeads([saved, beyond, forged, neverWritten]);

      expect(problems).toHaveLength(3);
      expect(problems).toEqual(
        expect.arrayContaining([
          { streamId, revision: 2, problem: 'altered' },
          { streamId: other, revision: 9, problem: 'removed' },
          { streamId: neverWritten.streamId, revision: 0, problem: 'removed' },
        ]),
      );
    });
  });
}
