import type { ItemSummary } from '@liaowang/contract';
import { formatDateTime } from '../../time/format-time';

/** The masked items of an alert or a story: author, Beijing time, text. */
export function ItemSummaries({ items }: { items: readonly ItemSummary[] }) {
  return (
    <ul className="alert-detail__items">
      {items.map((item) => (
        <li key={item.id}>
          <span className="alert-detail__meta">
            {item.authorName} · {formatDateTime(item.publishedAt)}
          </span>
          <p>{item.text}</p>
        </li>
      ))}
    </ul>
  );
}
