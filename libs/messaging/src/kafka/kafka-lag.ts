import type { Admin } from 'kafkajs';

/**
 * Per topic, the messages after the group's committed offsets (the "next to read" positions). A
 * partition the group never committed counts from its start when the group reads from the
 * beginning, otherwise as nothing owed.
 */
export async function groupLag(admin: Admin, groupId: string, topics: readonly string[], fromBeginning: boolean): Promise<Record<string, number>> {
  const committed = await admin.fetchOffsets({ groupId, topics: [...topics] });
  const lag: Record<string, number> = {};
  for (const { topic, partitions } of committed) {
    const nextToRead = new Map(partitions.map((entry) => [entry.partition, BigInt(entry.offset)]));
    let owed = 0n;
    for (const { partition, low, high } of await admin.fetchTopicOffsets(topic)) {
      const next = nextToRead.get(partition) ?? -1n;
      const from = next >= 0n ? next : fromBeginning ? BigInt(low) : BigInt(high);
      if (BigInt(high) > from) owed += BigInt(high) - from;
    }
    lag[topic] = Number(owed);
  }
  return lag;
}
