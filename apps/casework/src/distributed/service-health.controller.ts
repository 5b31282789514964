import { Controller, Get, Header, Inject, Res } from '@nestjs/common';
import type { Response } from 'express';
import type { DataSource } from 'typeorm';
import type { EventStore } from '#event-store';
import { DATA_SOURCE, EVENT_STORE } from '../../../gateway/src/core/tokens.js';
import { readiness } from '../../../gateway/src/health/readiness.js';
import { COMMAND_CONTEXT, SERVICE_METRICS } from './service-tokens.js';
import type { CommandContext } from './contexts.js';
import type { ServiceMetrics } from './service-metrics.js';

/**
 * Liveness, readiness and metrics of a context service (its HTTP port is for operators, not the
 * public: the gateway is the only public entry). Ready means its database and event store answer.
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
  health() {
    return { status: 'ok', service: `${this.context.name}-service` };
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
