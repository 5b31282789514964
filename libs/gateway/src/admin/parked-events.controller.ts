import { Body, Controller, Get, HttpCode, Inject, Logger, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import type { DataSource } from 'typeorm';
import { RuleBrokenError, ValidationError } from '#errors';
import { countParked, listParked, type ReadModelProgress, type ReplayReport } from '#projections';
import { AdminOnly } from '../auth/admin-only.guard.js';
import { DATA_SOURCE, PROJECTIONS } from '#service-tokens';
import { OptionalText } from '../http/validators.js';

export class ParkedEventsQueryDto {
  @ApiPropertyOptional({ example: 'case-list', description: '只看这个投影（或流程管理器）搁置的事件' }) @OptionalText('投影（projection）', 64) projection?: string;
  @ApiPropertyOptional({ example: 'true', description: '同时列出已重放的事件' }) @OptionalText('是否包含已重放（includeReplayed）', 8) includeReplayed?: string;
}

export class ReplayParkedDto {
  @ApiPropertyOptional({ example: 'case-list', description: '只重放这个投影的事件；不填则重放全部' }) @OptionalText('投影（projection）', 64) projection?: string;
}

/**
 * 搁置的事件 (docs/operations.md, "Parked events"): what a projection, process manager or Kafka
 * consumer could not apply, with the error (values masked), and its replay once the code is fixed.
 * Administrators only: the list shows event types and case stream ids, never the events' data.
 */
@ApiTags('admin')
@ApiBearerAuth()
@AdminOnly()
@Controller('api/admin/parked-events')
export class ParkedEventsController {
  private readonly logger = new Logger('ParkedEvents');
  private replaying = false;

  constructor(
    @Inject(DATA_SOURCE) private readonly dataSource: DataSource,
    @Inject(PROJECTIONS) private readonly projections: ReadModelProgress,
  ) {}

  @Get()
  async list(@Query() query: ParkedEventsQueryDto) {
    if (query.projection) await this.assertKnown(query.projection);
    const [items, counts] = await Promise.all([
      listParked(this.dataSource, { projection: query.projection, includeReplayed: query.includeReplayed === 'true' }),
      countParked(this.dataSource),
    ]);
    const byProjection = Object.fromEntries(counts);
    return { total: Object.values(byProjection).reduce((sum, n) => sum + n, 0), byProjection, items };
  }

  /** Replays now and answers when done: a read model is rebuilt (the service keeps answering meanwhile). */
  @Post('replay')
  @HttpCode(200)
  async replay(@Body() body: ReplayParkedDto): Promise<{ reports: ReplayReport[] }> {
    if (body.projection) await this.assertKnown(body.projection);
    if (!this.projections.replayParked) throw new RuleBrokenError('replay_not_here', '这个进程不能重放搁置的事件，请在投影服务器上运行 npm run projections:replay-parked');
    if (this.replaying) throw new RuleBrokenError('replay_in_progress', '已有一次重放正在进行，请稍后再试');
    this.replaying = true;
    try {
      const reports = await this.projections.replayParked(body.projection);
      for (const report of reports) this.logger.log(`Replayed ${report.projection} (${report.mode}): ${report.replayed} applied, ${report.stillParked} still parked`);
      return { reports };
    } finally {
      this.replaying = false;
    }
  }

  private async assertKnown(projection: string): Promise<void> {
    const names = (await this.projections.status()).map((status) => status.name);
    if (!names.includes(projection)) {
      throw new ValidationError([{ field: 'projection', rule: 'known_projection', message: `投影（projection）${projection} 不存在，应为 ${names.join('、')} 之一` }]);
    }
  }
}
