import { type DynamicModule, Global, Module } from '@nestjs/common';
import { APP_FILTER, APP_GUARD } from '@nestjs/core';
import { CqrsModule } from '@nestjs/cqrs';
import { GatewayModule } from '#gateway';
import { HotlineModule } from '#hotline-service';
import { WageModule } from '#wage-service';
import { HardshipModule } from '#hardship-service';
import { HARDSHIP_DECIDER, MEDIATION_CALENDAR, MEDIATION_SERVICES, WAGE_CASE_DECIDER, WAGE_TIME_LIMITS, DATA_SOURCE, EVENT_STORE, HASH_CHAINS, IDEMPOTENCY, ORG_UNITS, PERSONAL_DATA, PROJECTIONS, TOKEN_SECRET, USERS, CALENDAR, CALENDAR_DAYS, REFERENCE_ITEMS, POVERTY_LINES, PERSONAL_DATA_HASH_KEY, CASE_NUMBERS, COMPLAINT_DECIDER, HOTLINE_TIME_LIMITS } from '#service-tokens';
import { MediationModule } from '#mediation-service';
import { AuthGuard } from '#gateway';
import { CaseworkExceptionFilter } from '#ops';
import type { Runtime } from './runtime.js';
import type { ContextName } from './distributed/contexts.js';
import { RemoteCommandsModule, type ServiceAddress } from './distributed/remote-commands.module.js';

/** The runtime's pieces as Nest providers, for every app composed from it (one process, or one service). */
@Global()
@Module({})
export class RuntimeModule {
  static register(runtime: Runtime): DynamicModule {
    const providers = [
      { provide: DATA_SOURCE, useValue: runtime.dataSource },
      { provide: EVENT_STORE, useValue: runtime.store },
      { provide: HASH_CHAINS, useValue: runtime.hashChains },
      { provide: ORG_UNITS, useValue: runtime.orgUnits },
      { provide: USERS, useValue: runtime.users },
      { provide: IDEMPOTENCY, useValue: runtime.idempotency },
      { provide: PROJECTIONS, useValue: runtime.projections },
      { provide: TOKEN_SECRET, useValue: runtime.tokenSecret },
      { provide: CALENDAR, useValue: runtime.calendar },
      { provide: CALENDAR_DAYS, useValue: runtime.calendarDays },
      { provide: REFERENCE_ITEMS, useValue: runtime.referenceItems },
      { provide: POVERTY_LINES, useValue: runtime.povertyLines },
      { provide: PERSONAL_DATA, useValue: runtime.personalData },
      { provide: PERSONAL_DATA_HASH_KEY, useValue: runtime.personalDataHashKey },
      { provide: CASE_NUMBERS, useValue: runtime.caseNumbers },
      { provide: COMPLAINT_DECIDER, useValue: runtime.hotline.decider },
      { provide: HOTLINE_TIME_LIMITS, useValue: runtime.hotline.limits },
      { provide: WAGE_CASE_DECIDER, useValue: runtime.wage.decider },
      { provide: WAGE_TIME_LIMITS, useValue: runtime.wage.limits },
      { provide: HARDSHIP_DECIDER, useValue: runtime.hardship.decider },
      { provide: MEDIATION_SERVICES, useValue: runtime.mediation },
      { provide: MEDIATION_CALENDAR, useValue: runtime.mediationCalendar },
    ];
    return { module: RuntimeModule, providers, exports: providers.map((p) => p.provide) };
  }
}

/**
 * The gateway with the contexts' command handlers: in this process (the one-process composition:
 * every context, the projector and the gateway), or — given the services' addresses — forwarding each
 * command to the context service that owns it (the distributed runtime).
 */
@Module({})
export class CaseworkModule {
  static register(runtime: Runtime, commands: 'here' | Readonly<Record<ContextName, ServiceAddress>> = 'here'): DynamicModule {
    const handlers = commands === 'here' ? [HotlineModule, WageModule, HardshipModule, MediationModule] : [RemoteCommandsModule.register(commands)];
    return {
      module: CaseworkModule,
      imports: [RuntimeModule.register(runtime), CqrsModule.forRoot(), ...handlers, GatewayModule],
      providers: [
        { provide: APP_GUARD, useClass: AuthGuard },
        { provide: APP_FILTER, useClass: CaseworkExceptionFilter },
      ],
    };
  }
}
