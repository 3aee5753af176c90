import dayjs from 'dayjs';
import relativeTime from 'dayjs/plugin/relativeTime';
import timezone from 'dayjs/plugin/timezone';
import utc from 'dayjs/plugin/utc';
import 'dayjs/locale/zh-cn';
import 'dayjs/locale/en';

dayjs.extend(utc);
dayjs.extend(timezone);
dayjs.extend(relativeTime);

// R-UI-1: every time on screen is Beijing time, whatever the workstation's clock zone is.
export const DISPLAY_TIME_ZONE = 'Asia/Shanghai';

const DAYJS_LOCALE: Record<string, string> = { 'zh-CN': 'zh-cn', en: 'en' };

/** `2026-11-23 17:30:05` in Asia/Shanghai; empty for a missing or unparsable time. */
export function formatDateTime(iso: string | undefined): string {
  if (!iso) return '';
  const time = dayjs(iso);
  return time.isValid() ? time.tz(DISPLAY_TIME_ZONE).format('YYYY-MM-DD HH:mm:ss') : '';
}

/** `17:30:05` in Asia/Shanghai, for compact secondary times. */
export function formatClock(iso: string | number | Date): string {
  return dayjs(iso).tz(DISPLAY_TIME_ZONE).format('HH:mm:ss');
}

/** "3 分钟前" / "3 minutes ago", relative to `now` so a ticking clock can refresh it. */
export function formatRelative(iso: string | undefined, now: number, language: string): string {
  if (!iso) return '';
  const time = dayjs(iso);
  if (!time.isValid()) return '';
  // Clocks of sources drift; a post "from the future" by a few seconds still reads as now.
  const clamped = time.valueOf() > now ? dayjs(now) : time;
  return clamped.locale(DAYJS_LOCALE[language] ?? 'zh-cn').from(dayjs(now));
}
