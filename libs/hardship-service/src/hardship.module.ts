import { Module } from '@nestjs/common';
import { HardshipCommandHandler } from './hardship-command.handler.js';

/** The hardship context's command side; its HTTP face is in the gateway. */
@Module({ providers: [HardshipCommandHandler] })
export class HardshipModule {}
