import type { IntakeForm } from './intake-form';

/** What every section of the intake form receives. */
export interface SectionProps {
  form: IntakeForm;
  set(patch: Partial<IntakeForm>): void;
  /** Error messages keyed by input id. */
  errors: Record<string, string>;
}
