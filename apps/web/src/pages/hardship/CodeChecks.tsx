import { useI18n } from '../../i18n/I18nProvider';

/** Several codes ticked at once (致困原因, the members aid reached), each labelled `labels[code]` or `labelPrefix + code`, in the order given. */
export function CodeChecks({ id, codes, labelPrefix, labels, value, onChange, autoFocus }: {
  id: string;
  codes: readonly string[];
  labelPrefix: string;
  labels?: Readonly<Record<string, string>>;
  value: readonly string[];
  onChange(value: string[]): void;
  autoFocus?: boolean;
}) {
  const { tOr } = useI18n();
  const toggle = (code: string, on: boolean) => onChange(codes.filter((c) => (c === code ? on : value.includes(c))));
  return (
    <div className="code-checks" role="group" aria-labelledby={`${id}-label`} data-testid={id}>
      {codes.map((code, index) => (
        <span key={code} className="check-inline">
          <input id={`${id}-${code}`} type="checkbox" data-testid={`${id}-${code}`} checked={value.includes(code)}
            autoFocus={autoFocus && index === 0} onChange={(e) => toggle(code, e.target.checked)} />
          <label htmlFor={`${id}-${code}`}>{labels?.[code] ?? tOr(`${labelPrefix}${code}`, code)}</label>
        </span>
      ))}
    </div>
  );
}
