import { useCallback, useRef } from 'react';
import { ApiError, newIdempotencyKey } from './api';

/**
 * One `Idempotency-Key` per intended command. A retry after a lost connection reuses it, so the
 * server cannot record the command twice; once the server has answered, the next submit is a new
 * command and gets a fresh key.
 */
export function useIdempotencyKey() {
  const key = useRef<string>(newIdempotencyKey());
  const current = useCallback(() => key.current, []);
  const settle = useCallback((outcome: unknown) => {
    const serverAnswered = outcome === 'ok' || outcome instanceof ApiError;
    if (serverAnswered) key.current = newIdempotencyKey();
  }, []);
  return { current, settle };
}
