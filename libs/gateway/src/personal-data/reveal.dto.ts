import { ApiProperty } from '@nestjs/swagger';
import { RequiredCode, RequiredText } from '../http/validators.js';

/** The personal fields of a complaint that can be revealed in full. */
export const REVEALABLE_COMPLAINT_FIELDS = ['caller.phone', 'caller.idNumber'] as const;
export type RevealableComplaintField = (typeof REVEALABLE_COMPLAINT_FIELDS)[number];

export class RevealDto {
  @ApiProperty({ enum: REVEALABLE_COMPLAINT_FIELDS, example: 'caller.phone' })
  @RequiredCode('查看的字段', () => REVEALABLE_COMPLAINT_FIELDS)
  field: RevealableComplaintField;

  @ApiProperty({ example: '回访来电人，需拨打完整号码' })
  @RequiredText('查看理由', 500)
  reason: string;
}
