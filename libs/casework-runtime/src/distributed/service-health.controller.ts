import { Controller, Get, Header, Inject, Res } from '@nestjs/common';
import type { Response } from 'express';
import type { DataSource } from 'typeorm';
import type { EventStore } from '#event-store';
import { countParked } from '#projections';
import { DATA_SOURCE, EVENT_STORE } from '#service-tokens';
import { readiness } from '#gateway';
import { COMMAND_CONTEXT, SERVICE_METRICS } from './service-tokens.js';
import type { CommandContext } from './contexts.js';
import type { ServiceMetrics } from '#ops';

/**
 * Liveness, readiness and metrics of a context service (its HTTP port is for operators, not the
 * public: the gateway is the only public entry). Ready means its database and event store answer.
 * Health is `degraded` while any consumer of the shared database has events parked (the count per
 * consumer is shown): the service works, but some read model or process manager lacks an event.
 */
@Controller()
export class ServiceHealthController {
  constructor(
    @Inject(DATA_SOURCE) private readonly dataSource: DataSource,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(COMMAND_CONTEXT) private readonly context: CommandContext,
    @Inject(SERVICE_METRICS) private readonly metrics: ServiceMetrics,
  ) {}

  @Get('health')
  async health() {
    const parked = Object.fromEntries(await countParked(this.dataSource).catch(() => new Map<string, number>()));
    const total = Object.values(parked).reduce((sum, n) => sum + n, 0);
    return { status: total > 0 ? 'degraded' : 'ok', service: `${this.context.name}-service`, parkedEvents: total, parked };
  }

  @Get('ready')
  ready(@Res({ passthrough: true }) response: Response) {
    return readiness(this.dataSource, this.store, response, { service: `${this.context.name}-service` });
  }

  @Get('metrics')
  @Header('Content-Type', 'text/plain; version=0.0.4')
  metricsText(): Promise<string> {
    return this.metrics.render();
  }
}
