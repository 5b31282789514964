import { Module } from '@nestjs/common';
import { MediationCommandHandler } from './mediation-command.handler.js';

/** The mediation context's command side; its HTTP face is in the gateway. */
@Module({ providers: [MediationCommandHandler] })
export class MediationModule {}
