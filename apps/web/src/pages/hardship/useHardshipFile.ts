import { useCaseWithHistory } from '../../useCaseWithHistory';
import type { HardshipFile } from './hardship-types';
import { filePath } from './step-dialogs';

/** The file and its history (see useCaseWithHistory). */
export function useHardshipFile(id: string) {
  const { state, ...rest } = useCaseWithHistory<HardshipFile>((more) => filePath(id, more));
  return { file: state, ...rest };
}
