import { useState } from 'react';
import { useI18n } from '../../i18n/I18nProvider';
import { RevealDialog, type RevealOutcome } from './RevealDialog';

/** A value erased on a lawful request: its holder reads `shredded: true` and the value `null` (one never given is absent). */
export function erasedIn(holder: object | null | undefined, field: string): boolean {
  if (!holder) return false;
  return (holder as { shredded?: unknown }).shredded === true && field in holder && (holder as Record<string, unknown>)[field] === null;
}

/**
 * A phone, ID number or address: masked as the API sends it, with 查看 for users allowed to reveal it
 * (`POST revealUrl {field, reason}`, any kind of case). The full value lives in this component's state
 * only — never in storage, the URL or the log — and is gone when the user leaves the view.
 */
export function PersonalValue({ revealUrl, field, testKey, maskedTestId, label, masked, erased, revealable }: {
  revealUrl: string;
  /** The field as the reveal endpoint names it (`caller.phone`, `head.idNumber`, `address`). */
  field: string;
  /** Names the value's test ids (`masked-<key>`, `reveal-<key>`, `revealed-<key>`). */
  testKey: string;
  /** The masked value's test id, when a page already names it (default `masked-<testKey>`). */
  maskedTestId?: string;
  label: string;
  masked: string | null | undefined;
  erased: boolean;
  revealable: boolean;
}) {
  const { t } = useI18n();
  const [asking, setAsking] = useState(false);
  const [outcome, setOutcome] = useState<RevealOutcome | null>(erased ? { kind: 'erased' } : null);
  const key = testKey;

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
      <span className="mono" data-testid={maskedTestId ?? `masked-${key}`}>{masked}</span>
      {revealable && (
        <button type="button" className="link-button pd-button" data-testid={`reveal-${key}`} onClick={() => setAsking(true)}>
          {t('reveal.button')}
        </button>
      )}
      {asking && <RevealDialog revealUrl={revealUrl} field={field} label={label} onOutcome={done} onClose={() => setAsking(false)} />}
    </span>
  );
}
