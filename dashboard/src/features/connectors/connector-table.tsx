import type { ConnectorStatus } from '@liaowang/contract';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../time/format-time';

/** Every connector with its state and counts; the pause / resume button only for those who may press it. */
export function ConnectorTable({ connectors, canManage, onToggle }: { connectors: ConnectorStatus[]; canManage: boolean; onToggle(connector: ConnectorStatus): void }) {
  const { t } = useTranslation();
  return (
    <table className="rules-table" data-testid="connector-table">
      <thead>
        <tr>
          <th>{t('connectors.name')}</th>
          <th>{t('connectors.type')}</th>
          <th>{t('connectors.state')}</th>
          <th>{t('connectors.accepted')}</th>
          <th>{t('connectors.rejected')}</th>
          <th>{t('connectors.duplicate')}</th>
          <th>{t('connectors.skipped')}</th>
          <th>{t('connectors.lastRun')}</th>
          <th>{t('connectors.lastSuccess')}</th>
          <th>{t('connectors.lastError')}</th>
          {canManage && <th />}
        </tr>
      </thead>
      <tbody>
        {connectors.map((connector) => (
          <tr key={connector.id} data-connector={connector.id}>
            <td>{connector.type === 'push' ? t(`connectors.pushNames.${connector.id as 'push:mention'}`, { defaultValue: connector.name }) : connector.name}</td>
            <td>{t(`connectors.types.${connector.type}`)}</td>
            <td>
              <span className={`connector-state connector-state--${connector.state}`} data-testid="connector-state">
                {t(`connectors.states.${connector.state}`)}
              </span>
            </td>
            <td>{connector.accepted}</td>
            <td>{connector.rejected}</td>
            <td>{connector.duplicate}</td>
            <td>{connector.type === 'feed' ? connector.skipped : '—'}</td>
            <td>{connector.lastRunAt ? formatDateTime(connector.lastRunAt) : '—'}</td>
            <td>{connector.lastSuccessAt ? formatDateTime(connector.lastSuccessAt) : '—'}</td>
            <td className="connector-error">{connector.state === 'failing' && connector.lastError ? connector.lastError : '—'}</td>
            {canManage && (
              <td>
                <button type="button" className="button button--small" onClick={() => onToggle(connector)}>
                  {connector.paused ? t('connectors.resume') : t('connectors.pause')}
                </button>
              </td>
            )}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
