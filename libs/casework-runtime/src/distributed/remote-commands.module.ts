import { type DynamicModule, Inject, Injectable, Module, type Provider, type Type } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { ClientProxyFactory, Transport, type ClientProxy } from '@nestjs/microservices';
import { firstValueFrom, timeout } from 'rxjs';
import type { CommandResult } from '#command-handling';
import { errorFromWire, isWireError, ServiceUnavailableError } from '#errors';
import { parseLogPosition } from '#event-store';
import { COMMAND_CONTEXTS, commandToWire, EXECUTE_PATTERN, type CommandContext, type ContextName, type WireCommandResult } from './contexts.js';

export interface ServiceAddress {
  readonly host: string;
  readonly port: number;
}

/** How long the gateway waits for a context service before answering 503-like failure. */
const COMMAND_TIMEOUT_MS = 15_000;

const clientToken = (context: ContextName) => `casework.client.${context}`;

/**
 * The gateway's handler of a context's bus command when the context runs in its own process: the
 * command goes to the owning service over TCP, and its answer — or its failure, as the same error
 * class — comes back, so controllers cannot tell the difference from the one-process runtime.
 */
function remoteHandlerFor(context: CommandContext): Type<ICommandHandler> {
  @Injectable()
  @CommandHandler(context.command)
  class RemoteCommandHandler implements ICommandHandler<object, CommandResult> {
    constructor(@Inject(clientToken(context.name)) private readonly client: ClientProxy) {}

    async execute(command: object): Promise<CommandResult> {
      let answer: WireCommandResult;
      try {
        answer = await firstValueFrom(this.client.send<WireCommandResult>(EXECUTE_PATTERN, commandToWire(command)).pipe(timeout(COMMAND_TIMEOUT_MS)));
      } catch (error) {
        throw isWireError(error) ? errorFromWire(error) : new ServiceUnavailableError(context.name);
      }
      return { ...answer, lastPosition: answer.lastPosition ? parseLogPosition(answer.lastPosition) : null } as CommandResult;
    }
  }
  Object.defineProperty(RemoteCommandHandler, 'name', { value: `Remote${context.command.name}Handler` });
  return RemoteCommandHandler;
}

@Module({})
export class RemoteCommandsModule {
  static register(addresses: Readonly<Record<ContextName, ServiceAddress>>): DynamicModule {
    const providers: Provider[] = [];
    for (const context of Object.values(COMMAND_CONTEXTS)) {
      const { host, port } = addresses[context.name];
      providers.push({ provide: clientToken(context.name), useFactory: () => ClientProxyFactory.create({ transport: Transport.TCP, options: { host, port } }) });
      providers.push(remoteHandlerFor(context));
    }
    return { module: RemoteCommandsModule, providers };
  }
}
