import { Controller, Get, Header, Inject, Res } from '@nestjs/common';
import type { Response } from 'express';
import { ApiTags } from '@nestjs/swagger';
import type { DataSource } from 'typeorm';
import type { EventStore } from '#event-store';
import { formatLogPosition } from '#event-store';
import type { ReadModelProgress } from '#projections';
import { DATA_SOURCE, EVENT_STORE, PROJECTIONS } from '#service-tokens';
import { readiness } from './readiness.js';
import { Public } from '../auth/current-user.js';

@ApiTags('health')
@Controller()
export class HealthController {
  constructor(
    @Inject(DATA_SOURCE) private readonly dataSource: DataSource,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(PROJECTIONS) private readonly projections: ReadModelProgress,
  ) {}

  /**
   * The store's head and each projection's position, lag and parked events. `degraded` while any
   * projection is not running or has events parked (docs/operations.md, "Parked events").
   */
  @Public()
  @Get('health')
  async health() {
    const [head, projections] = await Promise.all([this.store.headPosition(), this.projections.status()]);
    await this.dataSource.query('SELECT 1');
    const healthy = projections.every((projection) => projection.state === 'running' && projection.parkedEvents === 0);
    return {
      status: healthy ? 'ok' : 'degraded',
      store: { status: 'ok', head: formatLogPosition(head) },
      parkedEvents: projections.reduce((sum, projection) => sum + projection.parkedEvents, 0),
      projections,
    };
  }

  /**
   * Readiness (the distributed gateway behind a load balancer): its database and event store answer.
   * Unlike `/health`, it does not wait for the read models, which another process builds.
   */
  @Public()
  @Get('ready')
  ready(@Res({ passthrough: true }) response: Response) {
    return readiness(this.dataSource, this.store, response);
  }

  /** Prometheus text format. */
  @Public()
  @Get('metrics')
  @Header('Content-Type', 'text/plain; version=0.0.4')
  async metrics(): Promise<string> {
    const projections = await this.projections.status();
    const lines = [
      '# HELP casework_projection_lag_events Events in the log not yet applied by the projection.',
      '# TYPE casework_projection_lag_events gauge',
      ...projections.map((p) => `casework_projection_lag_events{projection="${p.name}"} ${p.lagEvents}`),
      '# HELP casework_projection_lag_seconds Age of the oldest event not yet applied by the projection.',
      '# TYPE casework_projection_lag_seconds gauge',
      ...projections.map((p) => `casework_projection_lag_seconds{projection="${p.name}"} ${p.lagMs / 1000}`),
      '# HELP casework_projection_events_applied_total Events applied by the projection.',
      '# TYPE casework_projection_events_applied_total counter',
      ...projections.map((p) => `casework_projection_events_applied_total{projection="${p.name}"} ${p.eventsApplied}`),
      '# HELP casework_projection_parked_events Events the projection could not apply, parked until replayed.',
      '# TYPE casework_projection_parked_events gauge',
      ...projections.map((p) => `casework_projection_parked_events{projection="${p.name}"} ${p.parkedEvents}`),
    ];
    return `${lines.join('\n')}\n`;
  }
}
