import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { Allow } from 'class-validator';
import type { DayKind } from '#calendar';
import { OptionalInt, OptionalText, RequiredBoolean, RequiredCode, RequiredText } from '../http/validators.js';

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

/** 国务院放假通知: a year's holidays and make-up working days in one go. The dates are checked by `holidayNoticeViolations`. */
export class CalendarNoticeDto {
  @ApiProperty({ description: '放假安排：[{name, from, to}]，日期为 YYYY-MM-DD，含首尾', example: [{ name: '春节', from: '2027-02-05', to: '2027-02-11' }] })
  @Allow()
  holidays: unknown;

  @ApiProperty({ description: '调休上班日期', example: ['2027-02-14'] })
  @Allow()
  makeUpWorkingDays: unknown;

  @ApiProperty({ example: '国办发明电〔2026〕X号 关于2027年部分节假日安排的通知' }) @RequiredText('录入依据', 200) reason: string;
}
