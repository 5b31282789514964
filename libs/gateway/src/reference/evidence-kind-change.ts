import { NotFoundError, RuleBrokenError, ValidationError, type FieldViolation } from '#errors';
import { requiredText } from '#field-checks';

/** One evidence kind as the administrator keeps it: `active: false` once retired (停用). */
export interface KeptEvidenceKind {
  readonly code: string;
  readonly label: string;
  readonly active: boolean;
}

/** What an administrator asks of the evidence kinds: add one, correct a label, retire or restore one. */
export type EvidenceKindChange =
  | { readonly kind: 'add'; readonly code: unknown; readonly label: unknown }
  | { readonly kind: 'relabel'; readonly code: string; readonly label: unknown }
  | { readonly kind: 'retire' | 'restore'; readonly code: string };

export interface EvidenceKindChangeOutcome {
  readonly before: KeptEvidenceKind | null;
  readonly after: KeptEvidenceKind;
}

const CODE_PATTERN = /^[a-z][a-z0-9]*(_[a-z0-9]+)*$/;
const CHINESE = /[\u4e00-\u9fff]/;

/**
 * 证据材料类型维护, decided on the list as it stands. A code is never changed or removed: the
 * `AttachmentAdded` events keep it, and an old file must still find its label (a retired kind's too).
 * The same rules as the hotline's lists (libs/hotline reference-change.ts): snake_case codes, Chinese
 * labels unique in the list, never the last active item retired.
 */
export function decideEvidenceKindChange(kinds: readonly KeptEvidenceKind[], change: EvidenceKindChange): EvidenceKindChangeOutcome {
  if (change.kind === 'add') {
    const violations = [...codeViolations(change.code, kinds), ...labelViolations(change.label, kinds, null)];
    if (violations.length > 0) throw new ValidationError(violations);
    return { before: null, after: { code: change.code as string, label: (change.label as string).trim(), active: true } };
  }
  const before = kinds.find((k) => k.code === change.code);
  if (!before) throw new NotFoundError('reference_item_not_found', `证据材料类型中没有代码为 ${change.code} 的项`);
  switch (change.kind) {
    case 'relabel': {
      const violations = labelViolations(change.label, kinds, before);
      if (violations.length > 0) throw new ValidationError(violations);
      const label = (change.label as string).trim();
      if (label === before.label) throw new RuleBrokenError('reference_item_unchanged', '新名称与现在的名称相同，没有需要保存的修改');
      return { before, after: { ...before, label } };
    }
    case 'retire':
      if (!before.active) throw new RuleBrokenError('reference_item_already_retired', `"${before.label}"已经停用`);
      if (kinds.filter((k) => k.active).length === 1) throw new RuleBrokenError('last_active_reference_item', `"${before.label}"是证据材料类型中最后一个启用的项，不能停用`);
      return { before, after: { ...before, active: false } };
    case 'restore':
      if (before.active) throw new RuleBrokenError('reference_item_not_retired', `"${before.label}"没有停用，无需恢复`);
      return { before, after: { ...before, active: true } };
  }
}

function codeViolations(code: unknown, kinds: readonly KeptEvidenceKind[]): FieldViolation[] {
  if (typeof code !== 'string' || !CODE_PATTERN.test(code) || code.length > 48) {
    return [{ field: 'code', rule: 'code_format', message: '代码须为小写英文字母开头的 snake_case（字母、数字和下划线，不超过 48 个字符），如 bank_statement' }];
  }
  const taken = kinds.find((k) => k.code === code);
  return taken ? [{ field: 'code', rule: 'unique', message: `代码 ${code} 已被"${taken.label}"使用（停用的项也占用代码），请换一个代码` }] : [];
}

function labelViolations(label: unknown, kinds: readonly KeptEvidenceKind[], self: KeptEvidenceKind | null): FieldViolation[] {
  const text = requiredText('label', '中文名称', label, 50);
  if (text.length > 0) return text;
  const trimmed = (label as string).trim();
  if (!CHINESE.test(trimmed)) return [{ field: 'label', rule: 'chinese', message: '中文名称须包含汉字' }];
  return kinds.some((k) => k.code !== self?.code && k.label === trimmed)
    ? [{ field: 'label', rule: 'unique', message: `证据材料类型中已有名为"${trimmed}"的项，请换一个名称` }]
    : [];
}
