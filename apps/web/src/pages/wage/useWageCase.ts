import { useCaseWithHistory } from '../../useCaseWithHistory';
import type { WageCase } from './wage-types';

export const wageCasePath = (id: string, rest = '') => `/api/wage-cases/${encodeURIComponent(id)}${rest}`;

/** The wage case and its history (see useCaseWithHistory). */
export function useWageCase(id: string) {
  return useCaseWithHistory<WageCase>((rest) => wageCasePath(id, rest));
}
