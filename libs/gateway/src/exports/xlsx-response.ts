import type { Response } from 'express';

export const XLSX_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const SHANGHAI = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });

/** An instant as people in the offices read it: `2026-11-25 09:30`, Asia/Shanghai. */
export function shanghaiMinute(instant: string | Date | null | undefined): string {
  if (!instant) return '';
  return SHANGHAI.format(typeof instant === 'string' ? new Date(instant) : instant);
}

/**
 * Sends a workbook as a download: an ASCII file name for old clients and the Chinese one (RFC 5987)
 * for the rest; never cached (it holds names and the figures of one moment).
 */
export function sendWorkbook(response: Response, bytes: Buffer, asciiName: string, chineseName: string): void {
  response.setHeader('Content-Type', XLSX_CONTENT_TYPE);
  response.setHeader('Content-Disposition', `attachment; filename="${asciiName}"; filename*=UTF-8''${encodeURIComponent(chineseName)}`);
  response.setHeader('Cache-Control', 'no-store');
  response.end(bytes);
}
