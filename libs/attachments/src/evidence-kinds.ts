import type { FieldViolation } from '#errors';

/** The kinds of evidence a file may be (考勤卡, 欠条 …): the list administrators keep, as first seeded. */
export interface EvidenceKind {
  readonly code: string;
  readonly label: string;
  /** `false` once an administrator retired it (停用): refused for new files, its label still shown on old ones. Absent means active. */
  readonly active?: boolean;
}

export const EVIDENCE_KINDS: readonly EvidenceKind[] = [
  { code: 'attendance_card', label: '考勤卡' },
  { code: 'iou', label: '欠条' },
  { code: 'pay_slip', label: '工资条' },
  { code: 'labour_contract', label: '劳动合同' },
  { code: 'identity_proof', label: '身份证明' },
  { code: 'home_visit_form', label: '入户核查表' },
  { code: 'income_check_consent', label: '收入核查授权书' },
  { code: 'signed_agreement', label: '调解协议（签字）' },
  { code: 'mediation_minutes', label: '调解笔录' },
  { code: 'site_photo', label: '现场照片' },
  { code: 'other', label: '其他' },
];

export function evidenceKindLabel(code: string, kinds: readonly EvidenceKind[] = EVIDENCE_KINDS): string {
  return kinds.find((kind) => kind.code === code)?.label ?? code;
}

/** The kind of a new file: a code of the list the administrator keeps, and not retired. */
export function evidenceKindViolations(code: unknown, kinds: readonly EvidenceKind[]): FieldViolation[] {
  const active = kinds.filter((kind) => kind.active !== false);
  if (typeof code === 'string' && active.some((kind) => kind.code === code)) return [];
  const retired = kinds.find((kind) => kind.code === code);
  return [{
    field: 'kind',
    rule: 'attachment_kind_unknown',
    message: retired ? `证据类别"${retired.label}"已停用，请选择其他类别：${active.map((k) => k.label).join('、')}` : `证据类别须为以下之一：${active.map((k) => k.label).join('、')}`,
  }];
}
