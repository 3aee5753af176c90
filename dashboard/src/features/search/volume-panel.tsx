import type { VolumeStats } from '@liaowang/contract';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EChart } from '../../charts/echart';
import type { EChartsCoreOption } from '../../charts/echarts-setup';

// Bucket starts come as ISO times in +08:00; the label keeps the Shanghai date and hour as sent.
const bucketLabel = (start: string) => start.slice(5, 16).replace('T', ' ');

/** Volume over time of what the search matches, as bars or, on request, as a table (R-UI-5). */
export function VolumePanel({ volume }: { volume: VolumeStats | undefined }) {
  const { t, i18n } = useTranslation();
  const [asTable, setAsTable] = useState(false);
  const buckets = useMemo(() => volume?.buckets ?? [], [volume]);
  const option = useMemo<EChartsCoreOption>(
    () => ({
      animationDuration: 300,
      aria: { enabled: true },
      grid: { left: 8, right: 8, top: 8, bottom: 8, containLabel: true },
      tooltip: { trigger: 'axis' },
      xAxis: { type: 'category', data: buckets.map((b) => bucketLabel(b.start)), axisLabel: { fontSize: 11 } },
      yAxis: { type: 'value', minInterval: 1 },
      series: [{ type: 'bar', name: t('chart.count'), data: buckets.map((b) => b.count), itemStyle: { color: '#2563eb' } }],
    }),
    [buckets, t, i18n.language],
  );
  return (
    <section className="panel" aria-labelledby="volume-panel-title" data-testid="volume-panel">
      <header className="panel__header">
        <div>
          <h2 className="panel__title" id="volume-panel-title">
            {t('search.page.volumeTitle')}
          </h2>
          <p className="panel__sub">{t('search.page.volumeScope')}</p>
        </div>
        <button type="button" className="button button--small" data-testid="volume-view-toggle" aria-pressed={asTable} onClick={() => setAsTable((v) => !v)}>
          {asTable ? t('chart.showChart') : t('chart.showTable')}
        </button>
      </header>
      {volume && buckets.length === 0 ? (
        <p className="chart-panel__empty" data-testid="volume-empty">
          {t('chart.empty')}
        </p>
      ) : asTable ? (
        <table className="data-table" data-testid="volume-table">
          <thead>
            <tr>
              <th scope="col">{t('search.page.bucket')}</th>
              <th scope="col" className="num">
                {t('chart.count')}
              </th>
            </tr>
          </thead>
          <tbody>
            {buckets.map((b) => (
              <tr key={b.start}>
                <th scope="row">{bucketLabel(b.start)}</th>
                <td className="num">{b.count}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <EChart option={option} label={t('search.page.volumeTitle')} className="chart" />
      )}
    </section>
  );
}
