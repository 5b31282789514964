import type { ReadModelProgress } from '#projections';
import type { GaugeSample } from '#ops';

/** The projection and consumer lag every distributed process exports (as the one-process /metrics does). */
export function readModelLagGauges(readModels: ReadModelProgress): () => Promise<GaugeSample[]> {
  return async () => {
    const statuses = await readModels.status().catch(() => []);
    return statuses.flatMap((status) => [
      { name: 'casework_projection_lag_events', help: 'Events not yet applied by the projection (its Kafka consumer lag when fed by Kafka).', labels: { projection: status.name }, value: status.lagEvents },
      { name: 'casework_projection_lag_seconds', help: 'Age of the oldest event not yet applied by the projection.', labels: { projection: status.name }, value: status.lagMs / 1000 },
      { name: 'casework_projection_events_applied_total', type: 'counter' as const, help: 'Events applied by the projection.', labels: { projection: status.name }, value: status.eventsApplied },
      { name: 'casework_projection_parked_events', help: 'Events the projection could not apply, parked until replayed.', labels: { projection: status.name }, value: status.parkedEvents },
    ]);
  };
}
