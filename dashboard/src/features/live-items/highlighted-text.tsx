import { Fragment } from 'react';

/**
 * Renders search highlighting given as `<em>…</em>` markers without ever handing server
 * text to innerHTML: everything outside the markers is plain text.
 */
export function HighlightedText({ text }: { text: string }) {
  const parts = text.split(/<em>|<\/em>/);
  // split alternates outside/inside the markers: odd indexes were inside <em>.
  return (
    <>
      {parts.map((part, index) =>
        index % 2 === 1 ? <mark key={index}>{part}</mark> : <Fragment key={index}>{part}</Fragment>,
      )}
    </>
  );
}
