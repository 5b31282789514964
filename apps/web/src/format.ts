/** Display formats: every time in Asia/Shanghai, money in yuan from integer fen. */

const TIME_ZONE = 'Asia/Shanghai';

const dateTimeFormat = new Intl.DateTimeFormat('zh-CN', {
  timeZone: TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

const dateTimeSecondsFormat = new Intl.DateTimeFormat('zh-CN', {
  timeZone: TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

const isoDayFormat = new Intl.DateTimeFormat('en-CA', {
  timeZone: TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** `2025/03/07 14:05`, Shanghai time; `—` when absent or unreadable. */
export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return '—';
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? '—' : dateTimeFormat.format(date);
}

/** `2025/03/07 14:05:09`, Shanghai time, for logs where the second matters; `—` when absent. */
export function formatDateTimeSeconds(iso: string | null | undefined): string {
  if (!iso) return '—';
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? '—' : dateTimeSecondsFormat.format(date);
}

const timeFormat = new Intl.DateTimeFormat('zh-CN', { timeZone: TIME_ZONE, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });

/** `14:05`, Shanghai time; `—` when absent or unreadable. */
export function formatTime(iso: string | null | undefined): string {
  if (!iso) return '—';
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? '—' : timeFormat.format(date);
}

/** Today's Shanghai calendar day as `YYYY-MM-DD`. */
export function shanghaiToday(now: Date = new Date()): string {
  return isoDayFormat.format(now);
}

/** First and last Shanghai calendar day of the current month. */
export function thisMonth(now: Date = new Date()): { from: string; to: string } {
  const [year, month] = shanghaiToday(now).split('-').map(Number);
  const lastDay = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const mm = String(month).padStart(2, '0');
  return { from: `${year}-${mm}-01`, to: `${year}-${mm}-${String(lastDay).padStart(2, '0')}` };
}

/** First and last Shanghai calendar day of the month before this one. */
export function lastMonth(now: Date = new Date()): { from: string; to: string } {
  const [year, month] = shanghaiToday(now).split('-').map(Number);
  return thisMonth(new Date(Date.UTC(year, month - 2, 15)));
}

/** 1 January to 31 December of the current Shanghai year. */
export function thisYear(now: Date = new Date()): { from: string; to: string } {
  const year = shanghaiToday(now).slice(0, 4);
  return { from: `${year}-01-01`, to: `${year}-12-31` };
}

/** `¥12,345.60` from 1234560 fen, without floating-point rounding. */
export function formatYuan(fen: number | null | undefined): string {
  if (fen === null || fen === undefined) return '—';
  const sign = fen < 0 ? '-' : '';
  const abs = Math.abs(Math.trunc(fen));
  const yuan = Math.trunc(abs / 100).toLocaleString('zh-CN');
  return `${sign}¥${yuan}.${String(abs % 100).padStart(2, '0')}`;
}

/** A rate in [0, 1] as `87.5%`; `—` when nothing was counted. */
export function formatRate(rate: number | null | undefined): string {
  if (rate === null || rate === undefined) return '—';
  const percent = Math.round(rate * 1000) / 10;
  return `${percent}%`;
}

/** `signedFor`, `SIGNED-FOR`, `signed_for` → `signed_for`: how dictionary keys for codes are spelt. */
export function snakeKey(code: string): string {
  return code
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .replace(/[-\s]+/g, '_')
    .toLowerCase();
}
