import { Controller, Get, Inject, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { activeReferenceData } from '#hotline';
import { REFERENCE_ITEMS } from '#service-tokens';
import type { ReferenceItems } from './reference-items.store.js';
import { HotlineReferenceQueryDto } from './reference-change.dto.js';

@ApiTags('reference')
@ApiBearerAuth()
@Controller('api/reference')
export class ReferenceController {
  constructor(@Inject(REFERENCE_ITEMS) private readonly reference: ReferenceItems) {}

  /**
   * Channels, two-level categories, types, urgencies, outcomes, satisfaction levels, return reasons,
   * contact methods: the items new input may use, or with `?includeRetired=true` also the retired
   * ones (`active: false`), whose labels old cases still show.
   */
  @Get('hotline')
  hotline(@Query() query: HotlineReferenceQueryDto) {
    const data = this.reference.current();
    return query.includeRetired === 'true' ? data : activeReferenceData(data);
  }
}
