import { useEffect, useState } from 'react';
import { api, messageOf } from '../../api';
import { useI18n } from '../../i18n/I18nProvider';

const SETTLE_MS = 150;

/**
 * A read for the audit view that follows a control the user may be dragging (the as-of slider):
 * it waits until the control rests a moment, and only the newest answer is shown.
 */
export function useAuditQuery<T>(path: string | null) {
  const { t } = useI18n();
  const [data, setData] = useState<{ path: string; value: T } | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    if (!path) return;
    let live = true;
    const timer = setTimeout(() => {
      api
        .get<T>(path)
        .then((value) => {
          if (!live) return;
          setData({ path, value });
          setError(null);
        })
        .catch((e: unknown) => live && setError(messageOf(e, t('common.networkError'))));
    }, SETTLE_MS);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [path, t]);

  return { value: data?.value ?? null, current: !!path && data?.path === path, error };
}
