import { Global, Module } from '@nestjs/common';
import { readFileSync } from 'node:fs';
import { createChineseDaysCalendar } from '#calendar';
import { createComplaintDecider, hotlineTimeLimits, type HotlineTimeLimits } from '#hotline';
import { ComplaintCommandHandler } from './complaint-command.handler.js';
import { COMPLAINT_DECIDER, HOTLINE_TIME_LIMITS } from './hotline-tokens.js';

/** Time limits: the defaults of DOMAIN.md, overridden by the JSON file named in HOTLINE_TIME_LIMITS_FILE. */
function loadTimeLimits(): HotlineTimeLimits {
  const file = process.env.HOTLINE_TIME_LIMITS_FILE;
  return hotlineTimeLimits(file ? JSON.parse(readFileSync(file, 'utf8')) : {});
}

/** The hotline context: complaint commands. Its HTTP face is in the gateway. */
@Global()
@Module({
  providers: [
    { provide: HOTLINE_TIME_LIMITS, useFactory: loadTimeLimits },
    {
      provide: COMPLAINT_DECIDER,
      inject: [HOTLINE_TIME_LIMITS],
      useFactory: (timeLimits: HotlineTimeLimits) => createComplaintDecider({ calendar: createChineseDaysCalendar(), timeLimits }),
    },
    ComplaintCommandHandler,
  ],
  exports: [COMPLAINT_DECIDER, HOTLINE_TIME_LIMITS],
})
export class HotlineModule {}
