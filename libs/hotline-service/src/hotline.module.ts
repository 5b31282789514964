import { Module } from '@nestjs/common';
import { ComplaintCommandHandler } from './complaint-command.handler.js';

/**
 * The hotline context's command side. Its decider and limits come from `createHotlineServices`
 * (provided by the composing app); its HTTP face is in the gateway.
 */
@Module({ providers: [ComplaintCommandHandler] })
export class HotlineModule {}
