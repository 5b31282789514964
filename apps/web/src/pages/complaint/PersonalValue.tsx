import { useState } from 'react';
import type { RevealField } from '../../api-types';
import { useI18n } from '../../i18n/I18nProvider';
import { RevealDialog, type RevealOutcome } from './RevealDialog';

const TEST_KEYS: Record<RevealField, string> = { 'caller.phone': 'phone', 'caller.idNumber': 'id-number' };

/**
 * A phone or ID number: masked as the API sends it, with 查看 for users allowed to reveal it.
 * The full value lives in this component's state only — never in storage, the URL or the log —
 * and is gone when the user leaves the view.
 */
export function PersonalValue({ complaintId, field, label, masked, erased, revealable }: {
  complaintId: string;
  field: RevealField;
  label: string;
  masked: string | null | undefined;
  erased: boolean;
  revealable: boolean;
}) {
  const { t } = useI18n();
  const [asking, setAsking] = useState(false);
  const [outcome, setOutcome] = useState<RevealOutcome | null>(erased ? { kind: 'erased' } : null);
  const key = TEST_KEYS[field];

  const done = (next: RevealOutcome) => {
    setAsking(false);
    setOutcome(next);
  };

  if (outcome?.kind === 'erased' || erased) {
    return <span className="pd-erased" data-testid={`erased-${key}`} title={t('reveal.erasedHint')}>{t('reveal.erased')}</span>;
  }
  if (!masked) return <>—</>;
  if (outcome?.kind === 'shown') {
    return (
      <span className="pd" data-testid={`pd-${key}`}>
        <span className="mono pd-value" data-testid={`revealed-${key}`}>{outcome.value}</span>
        <button type="button" className="link-button pd-button" data-testid={`hide-${key}`} onClick={() => setOutcome(null)}>
          {t('reveal.hide')}
        </button>
      </span>
    );
  }
  return (
    <span className="pd" data-testid={`pd-${key}`}>
      <span className="mono" data-testid={`masked-${key}`}>{masked}</span>
      {revealable && (
        <button type="button" className="link-button pd-button" data-testid={`reveal-${key}`} onClick={() => setAsking(true)}>
          {t('reveal.button')}
        </button>
      )}
      {asking && <RevealDialog complaintId={complaintId} field={field} label={label} onOutcome={done} onClose={() => setAsking(false)} />}
    </span>
  );
}
