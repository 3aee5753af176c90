import { useEffect, useRef } from 'react';

export interface InboxKeyHandlers {
  next(): void;
  previous(): void;
  ack(): void;
  dismiss(): void;
  promote(): void;
}

const KEYS: Record<string, keyof InboxKeyHandlers> = { j: 'next', k: 'previous', a: 'ack', d: 'dismiss', p: 'promote' };

/** Whether a key press belongs to a field the user is typing in, not to the inbox. */
export function isTypingTarget(target: EventTarget | null): boolean {
  const element = target as HTMLElement | null;
  if (!element || typeof element.tagName !== 'string') return false;
  return ['INPUT', 'TEXTAREA', 'SELECT'].includes(element.tagName) || element.isContentEditable;
}

/** R-UI-2: j/k to move, a acknowledge, d dismiss, p promote; inactive while typing or with modifiers. */
export function useInboxKeys(handlers: InboxKeyHandlers, enabled: boolean): void {
  const ref = useRef(handlers);
  ref.current = handlers;
  useEffect(() => {
    if (!enabled) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.ctrlKey || event.metaKey || event.altKey || isTypingTarget(event.target)) return;
      const action = KEYS[event.key.toLowerCase()];
      if (!action) return;
      event.preventDefault();
      ref.current[action]();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [enabled]);
}
