import type { ComplaintState } from '../../api-types';
import { formatDateTime } from '../../format';
import { useI18n } from '../../i18n/I18nProvider';
import { findItem, useReference } from '../../reference/ReferenceProvider';
import { lastReturnOf } from './hotline-flow';

/** 已退回: who sent the order back to this unit, and why, while it waits here. */
export function ReturnedMark({ complaint }: { complaint: ComplaintState }) {
  const { t, label } = useI18n();
  const { hotline, unitName } = useReference();
  const returned = lastReturnOf(complaint);
  if (complaint.status !== 'returned' || !returned) return null;
  const reason = label(findItem(hotline.returnReasons, returned.reason), returned.reason);
  return (
    <div className="notice notice-warn" role="status" data-testid="returned-mark">
      <strong>{t('detail.returned', { unit: unitName(returned.unitId), reason })}</strong>
      {returned.explanation && <span className="prewrap">（{returned.explanation}）</span>}
      <span className="muted"> {formatDateTime(returned.returnedAt)}</span>
    </div>
  );
}
