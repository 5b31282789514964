import { useCallback, useState } from 'react';
import { api, ApiError } from '../../api';
import { useI18n } from '../../i18n/I18nProvider';
import { useIdempotencyKey } from '../../useIdempotencyKey';

export interface RunOptions {
  /** Sent as `If-Match`: the version of the case the user saw. */
  version?: number;
  /** Fields this form shows next to its inputs; errors on other fields go to the form's notice. */
  placed?: (field: string) => boolean;
  /** Also told of a refusal, with the whole error (a form that reports it its own way). */
  onRefused?: (error: ApiError) => void;
}

/**
 * One form's command: its `Idempotency-Key` (kept for a retry after a lost connection), the field
 * errors of a `400` by field path, and a notice for everything else (`422` rule refused, `409`, `403`).
 */
export function useCommandRunner(onConflict?: () => void) {
  const { t } = useI18n();
  const idempotency = useIdempotencyKey();
  const [busy, setBusy] = useState(false);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [notice, setNotice] = useState<string | null>(null);

  const run = useCallback(
    async <T = { id: string; version: number }>(path: string, body: unknown, options: RunOptions = {}): Promise<T | null> => {
      setBusy(true);
      setNotice(null);
      setErrors({});
      try {
        const result = (await api.command(path, body, idempotency.current(), options.version)) as T;
        idempotency.settle('ok');
        return result;
      } catch (e) {
        idempotency.settle(e);
        if (!(e instanceof ApiError)) setNotice(t('common.networkError'));
        else if (e.status === 409) {
          setNotice(t('common.conflict'));
          onConflict?.();
        } else {
          options.onRefused?.(e);
          const fields = e.fieldErrors;
          setErrors(fields);
          const placed = options.placed;
          const allPlaced = e.code === 'validation_failed' && !!placed && Object.keys(fields).length > 0 && Object.keys(fields).every(placed);
          setNotice(allPlaced ? null : e.message);
        }
        return null;
      } finally {
        setBusy(false);
      }
    },
    [idempotency, onConflict, t],
  );

  return { run, busy, errors, notice, setErrors, setNotice };
}
