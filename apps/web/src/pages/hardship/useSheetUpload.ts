import { useRef, useState, type ChangeEvent } from 'react';
import { readListFile, UnreadableListFile } from '../wage/claimants/read-list-file';
import { useCommandRunner } from '../wage/useCommandRunner';
import type { ImportResult } from './hardship-types';
import { badCells, type BadCell } from './import-errors';

/**
 * Uploading a legacy sheet (.csv or .xlsx) to an import endpoint that checks every row first: the
 * file chosen, the result, or every bad cell by row and column. Shared by 旧台账导入 and 旧工单导入.
 */
export function useSheetUpload(url: string, unreadableMessage: (fileName: string) => string) {
  const runner = useCommandRunner();
  const fileInput = useRef<HTMLInputElement>(null);
  const [fileName, setFileName] = useState<string | null>(null);
  const [result, setResult] = useState<ImportResult | null>(null);
  const [cells, setCells] = useState<BadCell[]>([]);
  const [unreadable, setUnreadable] = useState<string | null>(null);

  async function upload(event: ChangeEvent<HTMLInputElement>) {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (!file) return;
    setFileName(file.name);
    setResult(null);
    setCells([]);
    setUnreadable(null);
    let content;
    try {
      content = await readListFile(file);
    } catch (e) {
      if (e instanceof UnreadableListFile) return setUnreadable(unreadableMessage(file.name));
      throw e;
    }
    let refused: BadCell[] = [];
    const answer = await runner.run<ImportResult>(url, content, {
      placed: (field) => field.startsWith('rows.'),
      onRefused: (e) => (refused = badCells(e.body.errors)),
    });
    setCells(refused);
    setResult(answer);
  }

  return { runner, fileInput, fileName, result, cells, unreadable, upload };
}
