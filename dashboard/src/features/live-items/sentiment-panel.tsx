import type { ItemSummary } from '@liaowang/contract';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { countSentiments } from './count-sentiments';
import { SentimentChart } from './sentiment-chart';
import { SentimentTable } from './sentiment-table';

/** Sentiment breakdown of the items on screen, as a chart or, on request, as a table. */
export function SentimentPanel({ items }: { items: readonly ItemSummary[] }) {
  const { t } = useTranslation();
  const [asTable, setAsTable] = useState(false);
  const counts = useMemo(() => countSentiments(items), [items]);
  return (
    <section className="panel" aria-labelledby="sentiment-panel-title" data-testid="sentiment-panel">
      <header className="panel__header">
        <div>
          <h2 className="panel__title" id="sentiment-panel-title">
            {t('chart.sentimentTitle')}
          </h2>
          <p className="panel__sub">{t('chart.sentimentScope', { count: items.length })}</p>
        </div>
        <button
          type="button"
          className="button button--small"
          data-testid="sentiment-view-toggle"
          aria-pressed={asTable}
          onClick={() => setAsTable((v) => !v)}
        >
          {asTable ? t('chart.showChart') : t('chart.showTable')}
        </button>
      </header>
      {asTable ? <SentimentTable counts={counts} /> : <SentimentChart counts={counts} />}
    </section>
  );
}
