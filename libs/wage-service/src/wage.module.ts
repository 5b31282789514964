import { Module } from '@nestjs/common';
import { WageCaseCommandHandler } from './wage-case-command.handler.js';

/**
 * The wage context's command side. Its decider comes from `createWageServices` (provided by the
 * composing app); its HTTP face is in the gateway.
 */
@Module({ providers: [WageCaseCommandHandler] })
export class WageModule {}
