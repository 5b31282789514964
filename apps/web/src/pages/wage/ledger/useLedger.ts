import { useEffect, useState } from 'react';
import { api, messageOf } from '../../../api';
import { useI18n } from '../../../i18n/I18nProvider';
import { wageCasePath } from '../useWageCase';
import type { Ledger } from '../wage-types';

/** `GET /api/wage-cases/:id/ledger`, read again whenever the case's version moves. */
export function useLedger(caseId: string, version: number) {
  const { t } = useI18n();
  const [ledger, setLedger] = useState<Ledger | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    api
      .get<Ledger>(wageCasePath(caseId, '/ledger'))
      .then((next) => live && (setLedger(next), setError(null)))
      .catch((e: unknown) => live && setError(messageOf(e, t('common.networkError'))));
    return () => {
      live = false;
    };
  }, [caseId, version, t]);
  return { ledger, error };
}
