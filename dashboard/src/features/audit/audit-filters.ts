import dayjs from 'dayjs';
import timezone from 'dayjs/plugin/timezone';
import utc from 'dayjs/plugin/utc';
import { DISPLAY_TIME_ZONE } from '../../time/format-time';

dayjs.extend(utc);
dayjs.extend(timezone);

/** What the filter form holds; times as typed in a datetime-local field, meant as Beijing time. */
export interface AuditFilters {
  actor: string;
  action: string;
  targetType: string;
  targetId: string;
  from: string;
  to: string;
}

export const EMPTY_AUDIT_FILTERS: AuditFilters = { actor: '', action: '', targetType: '', targetId: '', from: '', to: '' };

export const AUDIT_PAGE_SIZE = 50;

/** `2026-12-01T09:30` typed on any workstation means 09:30 in Beijing (R-UI-1). */
export function beijingInputToIso(value: string): string | undefined {
  if (!value) return undefined;
  const time = dayjs.tz(value, DISPLAY_TIME_ZONE);
  return time.isValid() ? time.toISOString() : undefined;
}

/** The query string of `GET /api/v1/audit` for these filters; blanks are left out. */
export function auditQueryParams(filters: AuditFilters, before?: number): URLSearchParams {
  const params = new URLSearchParams({ size: String(AUDIT_PAGE_SIZE) });
  for (const key of ['actor', 'action', 'targetType', 'targetId'] as const) {
    const value = filters[key].trim();
    if (value) params.set(key, value);
  }
  const from = beijingInputToIso(filters.from);
  const to = beijingInputToIso(filters.to);
  if (from) params.set('from', from);
  // A minute typed as "to" includes that whole minute.
  if (to) params.set('to', new Date(Date.parse(to) + 59_999).toISOString());
  if (before !== undefined) params.set('before', String(before));
  return params;
}
