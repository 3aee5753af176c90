import type { ItemSummary } from '@liaowang/contract';
import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import { formatClock, formatDateTime, formatRelative } from '../../time/format-time';
import { CategoryTags } from './category-tags';
import { HighlightedText } from './highlighted-text';
import { RumorMeter } from './rumor-meter';
import { SentimentBadge } from './sentiment-badge';

interface ItemRowProps {
  item: ItemSummary;
  fresh: boolean;
  /** Epoch ms from a shared ticking clock, for the relative time. */
  now: number;
}

/** One item in the duty console list; text is already PII-masked by the server (R-ENR-5). */
export const ItemRow = memo(function ItemRow({ item, fresh, now }: ItemRowProps) {
  const { t, i18n } = useTranslation();
  // Platforms are open-ended strings; known ones get a translated name.
  const platform = t(`platform.${item.platform}` as 'platform.weibo', { defaultValue: item.platform });
  return (
    <tr className={fresh ? 'item-row item-row--fresh' : 'item-row'} data-testid="item-row" data-item-id={item.id}>
      <td className="item-row__time">
        <time dateTime={item.publishedAt} className="item-row__abs">
          {formatDateTime(item.publishedAt)}
        </time>
        <span className="item-row__rel">
          {formatRelative(item.publishedAt, now, i18n.language)}
          {fresh && <span className="new-flag">{t('live.newBadge')}</span>}
        </span>
        <span className="item-row__received">{t('live.receivedAt', { time: formatClock(item.receivedAt) })}</span>
      </td>
      <td className="item-row__source">
        <span className="item-row__platform">{platform}</span>
        <span className={`kind kind--${item.kind}`} data-kind={item.kind}>
          {t(`kind.${item.kind}`)}
        </span>
      </td>
      <td className="item-row__author">
        <span className="item-row__author-name">{item.authorName}</span>
        {item.region && <span className="item-row__region">{item.region}</span>}
      </td>
      <td className="item-row__text">
        <p className="item-row__body">
          <HighlightedText text={item.highlight ?? item.text} />
        </p>
        <div className="item-row__meta">
          <CategoryTags categories={item.categories} />
          {item.url && (
            <a className="item-row__link" href={item.url} target="_blank" rel="noopener noreferrer">
              {t('live.openOriginal')}
            </a>
          )}
        </div>
      </td>
      <td className="item-row__sentiment">
        <SentimentBadge label={item.sentiment.label} score={item.sentiment.score} />
      </td>
      <td className="item-row__rumor">
        <RumorMeter score={item.rumorScore} />
      </td>
    </tr>
  );
});
