import type { Alert } from '@liaowang/contract';

/** Whether the browser can show desktop notifications at all (not over plain HTTP, for one). */
export function desktopNoticesSupported(): boolean {
  return typeof window !== 'undefined' && 'Notification' in window;
}

export function desktopNoticesAllowed(): boolean {
  return desktopNoticesSupported() && Notification.permission === 'granted';
}

export async function askForDesktopNotices(): Promise<boolean> {
  if (!desktopNoticesSupported()) return false;
  return (await Notification.requestPermission()) === 'granted';
}

/** A desktop notification for a new alert where the user allowed them; clicking runs `open` (the alert in the inbox). */
export function showDesktopNotice(alert: Alert, title: string, body: string, open: () => void): void {
  if (!desktopNoticesAllowed()) return;
  try {
    const notice = new Notification(title, { body, tag: alert.id, requireInteraction: alert.severity === 'critical' });
    notice.onclick = () => {
      window.focus();
      open();
      notice.close();
    };
  } catch {
    // Some browsers allow notifications only from a service worker; the inbox still shows it.
  }
}
