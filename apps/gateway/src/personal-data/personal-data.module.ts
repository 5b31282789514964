import { Module } from '@nestjs/common';
import { APP_INTERCEPTOR } from '@nestjs/core';
import { CaseAccess } from '../auth/case-access.js';
import { AccessLog } from './access-log.js';
import { AccessLogController } from './access-log.controller.js';
import { AccessLogInterceptor } from './access-log.interceptor.js';
import { ErasureController } from './erasure.controller.js';
import { PersonalDataErasure } from './personal-data-erasure.js';
import { RevealController } from './reveal.controller.js';

/** Personal data over HTTP: reveal, lawful erasure, and the access log with its interceptor. */
@Module({
  providers: [CaseAccess, AccessLog, PersonalDataErasure, { provide: APP_INTERCEPTOR, useClass: AccessLogInterceptor }],
  controllers: [RevealController, ErasureController, AccessLogController],
})
export class PersonalDataModule {}
