import type { LoginAttempt } from '@liaowang/contract';

export interface LoginLimit {
  /** Attempts allowed within the window. */
  max: number;
  windowMs: number;
}

export type SlotVerdict = { allowed: true; attempts: LoginAttempt[] } | { allowed: false; retryAfterMs: number };

/**
 * Sliding-window reservation (R-SEC-5): an attempt takes a slot before its password is checked,
 * so parallel attempts cannot all slip past the count. Attempts older than the window drop out;
 * when the window is full the answer is how long until its oldest attempt leaves it.
 */
export function reserveSlot(attempts: readonly LoginAttempt[], now: number, limit: LoginLimit, id: string): SlotVerdict {
  const recent = attempts.filter((a) => now - a.at < limit.windowMs).sort((a, b) => a.at - b.at);
  if (recent.length >= limit.max) {
    return { allowed: false, retryAfterMs: recent[recent.length - limit.max].at + limit.windowMs - now };
  }
  return { allowed: true, attempts: [...recent, { id, at: now }] };
}

/** The attempts without one reservation (a successful sign-in hands its slot back). */
export function releaseSlot(attempts: readonly LoginAttempt[], id: string): LoginAttempt[] {
  return attempts.filter((a) => a.id !== id);
}

const clock = new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Shanghai', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });

/** "请于 08:42 后再试 / try again after 08:42": the minute (Beijing time) from which a retry may pass. */
export function retryMessage(retryAfterMs: number, now: number): string {
  const at = clock.format(new Date(Math.ceil((now + retryAfterMs) / 60_000) * 60_000));
  return `请于 ${at} 后再试 / try again after ${at}`;
}
