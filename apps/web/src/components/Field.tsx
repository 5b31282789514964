import type { ReactNode } from 'react';

interface FieldProps {
  id: string;
  label: string;
  error?: string;
  hint?: string;
  /** Columns of the form grid to take; `full` for a whole row. */
  span?: 2 | 3 | 'full';
  /** Shown on the label's line, right-aligned: a checkbox that belongs with this field. */
  aside?: ReactNode;
  children: ReactNode;
}

/** A labelled form control with its validation message underneath. */
export function Field({ id, label, error, hint, span, aside, children }: FieldProps) {
  const classes = ['field', span && `span-${span}`, error && 'field-invalid'].filter(Boolean).join(' ');
  return (
    <div className={classes}>
      <div className="field-head">
        <label htmlFor={id}>{label}</label>
        {aside}
      </div>
      {children}
      {hint && !error && <div className="field-hint">{hint}</div>}
      {error && (
        <div className="field-error" id={`${id}-error`} data-testid={`error-${id}`} role="alert">
          {error}
        </div>
      )}
    </div>
  );
}

/** A checkbox with its label to the right. `inline` when it sits on another field's label line. */
export function CheckField({ id, label, checked, onChange, disabled, inline }: {
  id: string;
  label: string;
  checked: boolean;
  onChange(checked: boolean): void;
  disabled?: boolean;
  inline?: boolean;
}) {
  return (
    <span className={inline ? 'check-inline' : 'field field-check'}>
      <input id={id} type="checkbox" checked={checked} disabled={disabled} onChange={(e) => onChange(e.target.checked)} />
      <label htmlFor={id}>{label}</label>
    </span>
  );
}
