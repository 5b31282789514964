import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { hotlineReferenceData } from '#hotline';

@ApiTags('reference')
@ApiBearerAuth()
@Controller('api/reference')
export class ReferenceController {
  /** Channels, two-level categories, types, urgencies, outcomes, satisfaction levels, return reasons. */
  @Get('hotline')
  hotline() {
    return hotlineReferenceData();
  }
}
