import dayjs from 'dayjs';
import { DISPLAY_TIME_ZONE } from '../../time/format-time';

/**
 * A `datetime-local` value read as Beijing time (R-UI-1), whatever the workstation's zone:
 * `2026-03-02T18:00` → `2026-03-02T10:00:00.000Z`. Undefined for an empty or broken value.
 */
export function fromBeijingInput(value: string): string | undefined {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/.test(value)) return undefined;
  const time = dayjs.tz(value, DISPLAY_TIME_ZONE);
  return time.isValid() ? time.toISOString() : undefined;
}
