import type { ItemSummary } from '@liaowang/contract';
import { useTranslation } from 'react-i18next';
import { useNow } from '../../time/use-now';
import { ItemRow } from './item-row';

interface ItemTableProps {
  items: readonly ItemSummary[];
  freshIds: ReadonlySet<string>;
  /** Shown in place of rows when the list is empty. */
  emptyText: string;
}

/** The item list as a table: a duty officer scans columns, so they stay aligned. */
export function ItemTable({ items, freshIds, emptyText }: ItemTableProps) {
  const { t } = useTranslation();
  // One clock for all rows; relative times need no finer step than this.
  const now = useNow(15_000);
  return (
    <div className="item-table__scroll">
      <table className="item-table" data-testid="item-table">
        <caption className="visually-hidden">{t('live.listCaption')}</caption>
        <colgroup>
          <col className="col-time" />
          <col className="col-source" />
          <col className="col-author" />
          <col />
          <col className="col-sentiment" />
          <col className="col-rumor" />
        </colgroup>
        <thead>
          <tr>
            <th scope="col">{t('live.columns.time')}</th>
            <th scope="col">{t('live.columns.source')}</th>
            <th scope="col">{t('live.columns.author')}</th>
            <th scope="col">{t('live.columns.text')}</th>
            <th scope="col">{t('live.columns.sentiment')}</th>
            <th scope="col">{t('live.columns.rumor')}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((item) => (
            <ItemRow key={item.id} item={item} fresh={freshIds.has(item.id)} now={now} />
          ))}
        </tbody>
      </table>
      {items.length === 0 && (
        <p className="item-table__empty" data-testid="item-list-empty">
          {emptyText}
        </p>
      )}
    </div>
  );
}
