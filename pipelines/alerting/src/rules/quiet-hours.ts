import dayjs from 'dayjs';
import timezone from 'dayjs/plugin/timezone';
import utc from 'dayjs/plugin/utc';

dayjs.extend(utc);
dayjs.extend(timezone);

export const DUTY_TIME_ZONE = 'Asia/Shanghai';

/**
 * Whether `when` falls in a daily window given as HH:mm in Asia/Shanghai. `from` is inside the
 * window and `to` is not; a window whose end is before its start crosses midnight (22:00–06:00).
 */
export function inQuietHours(window: { from: string; to: string }, when: Date): boolean {
  const local = dayjs(when).tz(DUTY_TIME_ZONE);
  const minute = local.hour() * 60 + local.minute();
  const from = minutesOf(window.from);
  const to = minutesOf(window.to);
  if (from === to) return false;
  return from < to ? minute >= from && minute < to : minute >= from || minute < to;
}

function minutesOf(clock: string): number {
  const [hours, minutes] = clock.split(':').map(Number);
  return hours * 60 + minutes;
}
