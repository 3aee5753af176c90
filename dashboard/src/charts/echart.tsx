import { useEffect, useRef } from 'react';
import type { echarts, EChartsCoreOption } from './echarts-setup';

interface EChartProps {
  option: EChartsCoreOption;
  /** Accessible name of the chart; the numbers themselves are in the table view (R-UI-5). */
  label: string;
  className?: string;
}

// ECharts is its own chunk, fetched when the first chart shows: no page waits for it to sign in.
const loadECharts = () => import('./echarts-setup').then((module) => module.echarts);

/**
 * Thin React binding for modular ECharts: init once, setOption on change, follow the size
 * of the container. Small enough that a wrapper library is not worth its CommonJS build.
 */
export function EChart({ option, label, className }: EChartProps) {
  const container = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);
  const latest = useRef(option);
  latest.current = option;

  useEffect(() => {
    let gone = false;
    let observer: ResizeObserver | undefined;
    void loadECharts().then((lib) => {
      const element = container.current;
      if (gone || !element) return;
      const instance = lib.init(element, undefined, { renderer: 'canvas' });
      chart.current = instance;
      instance.setOption(latest.current, { notMerge: true });
      observer = new ResizeObserver(() => instance.resize());
      observer.observe(element);
    });
    return () => {
      gone = true;
      observer?.disconnect();
      chart.current?.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    // notMerge: a language switch must replace every label, not merge into the old ones.
    chart.current?.setOption(option, { notMerge: true, lazyUpdate: true });
  }, [option]);

  return <div ref={container} className={className} role="img" aria-label={label} />;
}
