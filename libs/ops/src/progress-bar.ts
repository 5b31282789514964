/** `[██████░░░░░░░░░░░░░░]  30%  30,000 / 100,000 events  12,345 events/s` on one terminal line. */
export function progressBar(applied: number, total: number, startedAt: number, width = 30): string {
  const fraction = total === 0 ? 1 : Math.min(1, applied / total);
  const filled = Math.round(fraction * width);
  const seconds = Math.max(0.001, (Date.now() - startedAt) / 1000);
  const rate = Math.round(applied / seconds);
  const n = (value: number) => value.toLocaleString('en-US');
  return `[${'█'.repeat(filled)}${'░'.repeat(width - filled)}] ${String(Math.round(fraction * 100)).padStart(3)}%  ${n(applied)} / ${n(total)} events  ${n(rate)} events/s`;
}
