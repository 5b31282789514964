import { formatDateTime, formatTime } from '../../format';

/** `2026/04/10 09:00–10:30`: a session's day and times, Shanghai time. */
export function sessionTime(session: { startsAt: string; endsAt: string }): string {
  return `${formatDateTime(session.startsAt)}–${formatTime(session.endsAt)}`;
}
