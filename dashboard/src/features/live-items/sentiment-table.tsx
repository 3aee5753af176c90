import { useTranslation } from 'react-i18next';
import type { SentimentCount } from './count-sentiments';

/** The chart's numbers as a table (R-UI-5: every chart has a table view). */
export function SentimentTable({ counts }: { counts: SentimentCount[] }) {
  const { t } = useTranslation();
  const total = counts.reduce((sum, c) => sum + c.count, 0);
  const percent = (share: number) => `${(share * 100).toFixed(1)}%`;
  return (
    <table className="data-table" data-testid="sentiment-table">
      <thead>
        <tr>
          <th scope="col">{t('chart.sentiment')}</th>
          <th scope="col" className="num">{t('chart.count')}</th>
          <th scope="col" className="num">{t('chart.share')}</th>
        </tr>
      </thead>
      <tbody>
        {counts.map((c) => (
          <tr key={c.label} data-sentiment={c.label}>
            <th scope="row">{t(`sentiment.${c.label}`)}</th>
            <td className="num">{c.count}</td>
            <td className="num">{percent(c.share)}</td>
          </tr>
        ))}
      </tbody>
      <tfoot>
        <tr>
          <th scope="row">{t('chart.total')}</th>
          <td className="num">{total}</td>
          <td className="num">{total ? '100%' : '—'}</td>
        </tr>
      </tfoot>
    </table>
  );
}
