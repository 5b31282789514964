import { Controller, Get, Header, HttpCode, Inject, Res } from '@nestjs/common';
import type { Response } from 'express';
import type { DataSource } from 'typeorm';
import type { EventStore } from '#event-store';
import { formatLogPosition } from '#event-store';
import { DATA_SOURCE, EVENT_STORE } from '../../../gateway/src/core/tokens.js';
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
  @HttpCode(200)
  async ready(@Res({ passthrough: true }) response: Response) {
    try {
      await this.dataSource.query('SELECT 1');
      const head = await this.store.headPosition();
      return { status: 'ready', service: `${this.context.name}-service`, store: formatLogPosition(head) };
    } catch (error) {
      response.status(503);
      return { status: 'not_ready', service: `${this.context.name}-service`, reason: error instanceof Error ? error.name : 'error' };
    }
  }

  @Get('metrics')
  @Header('Content-Type', 'text/plain; version=0.0.4')
  metricsText(): Promise<string> {
    return this.metrics.render();
  }
}
