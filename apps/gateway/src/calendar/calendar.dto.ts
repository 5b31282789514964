import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import type { DayKind } from '#calendar';
import { OptionalInt, OptionalText, RequiredBoolean, RequiredCode } from '../http/validators.js';

export class CalendarYearQueryDto {
  @ApiPropertyOptional({ example: 2027 })
  @Transform(({ value }) => (value === undefined || value === '' ? undefined : Number(value)))
  @OptionalInt('年份', 2000, 2100)
  year?: number;
}

export class CalendarDayDto {
  @ApiProperty({ enum: ['working', 'non_working'] }) @RequiredCode('日期类型', () => ['working', 'non_working'] as const) kind: DayKind;
  @ApiPropertyOptional({ example: '2027年春节调休上班' }) @OptionalText('说明', 200) note?: string;
}

export class CalendarYearDto {
  @ApiProperty({ description: '该年全年安排已录入' }) @RequiredBoolean('是否已录入') entered: boolean;
}
