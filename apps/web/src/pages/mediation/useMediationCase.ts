import { useCaseWithHistory } from '../../useCaseWithHistory';
import { mediationPath } from './mediation-steps';
import type { MediationCase } from './mediation-types';

/** The case and its history (see useCaseWithHistory). */
export function useMediationCase(id: string) {
  const { state, ...rest } = useCaseWithHistory<MediationCase>((more) => mediationPath(id, more));
  return { kase: state, ...rest };
}
