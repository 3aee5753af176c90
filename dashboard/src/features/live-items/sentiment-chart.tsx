import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { EChart } from '../../charts/echart';
import type { EChartsCoreOption } from '../../charts/echarts-setup';
import { SENTIMENT_COLORS, type SentimentCount } from './count-sentiments';

/** Horizontal bars, one per sentiment, each labelled with its name, count and share. */
export function SentimentChart({ counts }: { counts: SentimentCount[] }) {
  const { t, i18n } = useTranslation();
  const option = useMemo<EChartsCoreOption>(
    () => ({
      animationDuration: 300,
      aria: { enabled: true },
      grid: { left: 8, right: 96, top: 8, bottom: 8, containLabel: true },
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      xAxis: { type: 'value', minInterval: 1, splitLine: { lineStyle: { color: '#e3e7ec' } } },
      yAxis: {
        type: 'category',
        inverse: true,
        data: counts.map((c) => t(`sentiment.${c.label}`)),
        axisTick: { show: false },
        axisLabel: { fontSize: 13, color: '#1f2937' },
      },
      series: [
        {
          type: 'bar',
          name: t('chart.count'),
          barMaxWidth: 26,
          data: counts.map((c) => ({ value: c.count, itemStyle: { color: SENTIMENT_COLORS[c.label] } })),
          label: {
            show: true,
            position: 'right',
            color: '#1f2937',
            formatter: (p: { dataIndex: number }) => {
              const c = counts[p.dataIndex];
              return t('chart.barLabel', { count: c.count, share: Math.round(c.share * 100) });
            },
          },
        },
      ],
    }),
    // i18n.language: the labels are translated text, so a language switch must rebuild them.
    [counts, t, i18n.language],
  );
  return <EChart option={option} label={t('chart.sentimentTitle')} className="chart" />;
}
