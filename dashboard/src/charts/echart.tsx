import { useEffect, useRef } from 'react';
import { echarts, type EChartsCoreOption } from './echarts-setup';

interface EChartProps {
  option: EChartsCoreOption;
  /** Accessible name of the chart; the numbers themselves are in the table view (R-UI-5). */
  label: string;
  className?: string;
}

/**
 * Thin React binding for modular ECharts: init once, setOption on change, follow the size
 * of the container. Small enough that a wrapper library is not worth its CommonJS build.
 */
export function EChart({ option, label, className }: EChartProps) {
  const container = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);

  useEffect(() => {
    const element = container.current;
    if (!element) return;
    const instance = echarts.init(element, undefined, { renderer: 'canvas' });
    chart.current = instance;
    const observer = new ResizeObserver(() => instance.resize());
    observer.observe(element);
    return () => {
      observer.disconnect();
      instance.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    // notMerge: a language switch must replace every label, not merge into the old ones.
    chart.current?.setOption(option, { notMerge: true, lazyUpdate: true });
  }, [option]);

  return <div ref={container} className={className} role="img" aria-label={label} />;
}
