import type { AuditRecord } from '@liaowang/contract';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../time/format-time';

/** One row per record, newest first; times in Beijing time. */
export function AuditTable({ records }: { records: AuditRecord[] }) {
  const { t } = useTranslation();
  if (records.length === 0) return <p className="item-table__empty">{t('audit.empty')}</p>;
  return (
    <table className="data-table audit-table" data-testid="audit-table">
      <thead>
        <tr>
          <th className="num">{t('audit.column.seq')}</th>
          <th>{t('audit.column.at')}</th>
          <th>{t('audit.column.actor')}</th>
          <th>{t('audit.column.action')}</th>
          <th>{t('audit.column.target')}</th>
          <th>{t('audit.column.outcome')}</th>
          <th>{t('audit.column.client')}</th>
        </tr>
      </thead>
      <tbody>
        {records.map((record) => (
          <tr key={record.seq} data-seq={record.seq}>
            <td className="num">{record.seq}</td>
            <td className="audit-table__time">{formatDateTime(record.at)}</td>
            <td>
              {record.actor.username}{' '}
              <span className="audit-table__muted">{t(`role.${record.actor.role}`, { defaultValue: record.actor.role })}</span>
            </td>
            <td>
              <code>{record.action}</code>
              {record.detail ? <div className="audit-table__muted">{record.detail}</div> : null}
            </td>
            <td>
              <span className="audit-table__muted">{record.target.type}</span> {record.target.id}
            </td>
            <td className={`audit-table__outcome audit-table__outcome--${record.outcome}`}>{t(`audit.outcome.${record.outcome}`)}</td>
            <td className="audit-table__muted" title={record.correlationId}>
              {record.clientAddress}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
