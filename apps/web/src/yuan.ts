/**
 * Yuan as people type them, to integer fen and back, by reading the digits: never through a float,
 * so 0.1 + 0.2 never turns into 0.30000000000000004 yuan. Display goes through `formatYuan`.
 */

/** `12,000`, `8000.5`, `¥1,234.56`, `100元` → fen; `null` when it is not an amount of at most two decimals. */
export function parseYuan(text: string): number | null {
  const cleaned = text.replace(/[,，¥￥元\s]/g, '');
  const match = /^(\d+)(?:\.(\d{0,2}))?$/.exec(cleaned);
  if (!match) return null;
  const fen = Number(match[1]) * 100 + Number((match[2] ?? '').padEnd(2, '0'));
  return Number.isSafeInteger(fen) ? fen : null;
}

/** 1234567 → `12345.67`: an amount to put back in an input (no grouping, no currency sign). */
export function fenToYuanInput(fen: number): string {
  const sign = fen < 0 ? '-' : '';
  const abs = Math.abs(Math.trunc(fen));
  return `${sign}${Math.trunc(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}
