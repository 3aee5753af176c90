import { useTranslation } from 'react-i18next';
import type { ConnectionStatus as Status } from '../../app/live-connection';

// A distinct glyph per state, so the state reads without relying on colour (R-UI-5).
const GLYPH: Record<Status, string> = {
  connected: '●',
  connecting: '◌',
  reconnecting: '◌',
  offline: '✕',
};

/** Live connection state in words, announced politely to screen readers when it changes. */
export function ConnectionStatus({ status, testId = 'connection-status' }: { status: Status; testId?: string }) {
  const { t } = useTranslation();
  return (
    <div className={`conn conn--${status}`} data-testid={testId} data-status={status} role="status">
      <span className="conn__glyph" aria-hidden="true">
        {GLYPH[status]}
      </span>
      <span className="visually-hidden">{t('connection.label')}: </span>
      <span className="conn__text">{t(`connection.${status}`)}</span>
    </div>
  );
}
