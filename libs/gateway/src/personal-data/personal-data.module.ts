import { Module } from '@nestjs/common';
import { APP_INTERCEPTOR } from '@nestjs/core';
import { CaseAccess } from '../auth/case-access.js';
import { AccessLog } from './access-log.js';
import { AccessLogController } from './access-log.controller.js';
import { AccessLogInterceptor } from './access-log.interceptor.js';
import { RevealLimitInterceptor } from './reveal-limit.interceptor.js';
import { ErasureController } from './erasure.controller.js';
import { PersonalDataErasure } from './personal-data-erasure.js';
import { RevealController } from './reveal.controller.js';
import { PersonJourneyController } from './person-journey.controller.js';
import { WageRevealController } from './wage-reveal.controller.js';
import { WageCaseCommands } from '../wage-cases/wage-case-commands.service.js';
import { HardshipRevealController } from './hardship-reveal.controller.js';
import { MediationRevealController } from './mediation-reveal.controller.js';
import { HardshipFileCommands } from '../hardship/hardship-files.controller.js';
import { MediationCaseCommands } from '../mediation/mediation-cases.controller.js';

/** Personal data over HTTP: reveal, lawful erasure, and the access log with its interceptor. */
@Module({
  providers: [CaseAccess, AccessLog, PersonalDataErasure, WageCaseCommands, HardshipFileCommands, MediationCaseCommands, { provide: APP_INTERCEPTOR, useClass: AccessLogInterceptor }, { provide: APP_INTERCEPTOR, useClass: RevealLimitInterceptor }],
  controllers: [RevealController, WageRevealController, HardshipRevealController, MediationRevealController, ErasureController, AccessLogController, PersonJourneyController],
})
export class PersonalDataModule {}
