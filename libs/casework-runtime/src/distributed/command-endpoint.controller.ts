import { Controller, Inject } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { MessagePattern, Payload, RpcException } from '@nestjs/microservices';
import type { CommandResult } from '#command-handling';
import { CaseworkError, ConcurrencyConflictError, errorToWire } from '#errors';
import { formatLogPosition } from '#event-store';
import { COMMAND_CONTEXT, SERVICE_METRICS } from './service-tokens.js';
import { commandFromWire, EXECUTE_PATTERN, type CommandContext, type WireCommandResult } from './contexts.js';
import type { ServiceMetrics } from '#ops';
import { jsonLogger } from '#ops';

/**
 * A context service's one entry for commands (over `@nestjs/microservices`, ADR 0010): the bus command
 * the gateway would have run in its own process, run here by the context's handler, its answer or its
 * failure sent back. Each command is logged as one JSON line with its correlation id — never its data.
 */
@Controller()
export class CommandEndpointController {
  constructor(
    private readonly commandBus: CommandBus,
    @Inject(COMMAND_CONTEXT) private readonly context: CommandContext,
    @Inject(SERVICE_METRICS) private readonly metrics: ServiceMetrics,
  ) {}

  private readonly log = jsonLogger(`${this.context.name}-service`);

  @MessagePattern(EXECUTE_PATTERN)
  async execute(@Payload() fields: Record<string, unknown>): Promise<WireCommandResult> {
    const command = commandFromWire(this.context.command, fields);
    const { meta, command: inner } = command as { meta: { correlationId: string; commandId: string }; command: { type: string } };
    const started = performance.now();
    let outcome = 'ok';
    try {
      const result: CommandResult = await this.commandBus.execute(command as never);
      return { streamId: result.streamId, version: result.version, lastPosition: result.lastPosition ? formatLogPosition(result.lastPosition) : null, events: result.events };
    } catch (error) {
      outcome = error instanceof ConcurrencyConflictError ? 'conflict' : error instanceof CaseworkError ? error.code : 'internal_error';
      if (!(error instanceof CaseworkError)) this.log.error('command failed', { error: error instanceof Error ? error.name : 'error', correlationId: meta.correlationId });
      throw new RpcException(errorToWire(error));
    } finally {
      const durationMs = Math.round(performance.now() - started);
      this.metrics.commandHandled(inner.type, outcome, durationMs);
      this.log.info('command', { type: inner.type, outcome, durationMs, correlationId: meta.correlationId, commandId: meta.commandId });
    }
  }
}
