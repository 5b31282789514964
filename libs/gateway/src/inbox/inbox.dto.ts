import { ApiProperty } from '@nestjs/swagger';

const BUCKET_NAMES = '待签收 toSignFor · 被退回 returned · 即将到期 dueSoon · 已超期 overdue · 待审批 toApprove · 待回访 followUpsDue · 提醒 reminders · 今日调解 sessionsToday';

/** One thing to do: the case it belongs to, by number and name. */
export class InboxItemDto {
  @ApiProperty({ description: '案件 id（打开案件用，不向用户显示）' }) id: string;
  @ApiProperty({ enum: ['complaint', 'wage_case', 'hardship_file', 'mediation_case'] }) kind: string;
  @ApiProperty({ nullable: true, type: String, description: '案件编号；编号制度之前的旧案件为 null' }) caseNumber: string | null;
  @ApiProperty() title: string;
  @ApiProperty({ description: '所属单位 id' }) unitId: string;
  @ApiProperty({ description: '所属单位名称：承办单位、期限所属单位、申请单位或调解室' }) unitName: string;
  @ApiProperty({ nullable: true, type: String, format: 'date-time', description: '期限（调解为开始时间）；待审批为 null' }) dueAt: string | null;
  @ApiProperty({ nullable: true, type: String, description: '期限环节、退回原因、审批类型或调解方式的代码' }) detail: string | null;
}

export class InboxDto {
  @ApiProperty({ description: `每类待办的数量（最多 999）：${BUCKET_NAMES}`, type: 'object', additionalProperties: { type: 'integer' } })
  counts: Record<string, number>;
  @ApiProperty({ description: '数量超过 999 的类别', type: [String] }) capped: string[];
  @ApiProperty({ description: '各类待办涉及的案件数（同一案件只计一次，最多 999）：导航栏角标' }) total: number;
  @ApiProperty({ description: '每类的前 20 项', type: 'object', additionalProperties: { type: 'array', items: { $ref: '#/components/schemas/InboxItemDto' } } })
  items: Record<string, InboxItemDto[]>;
}
