import { Inject, Injectable } from '@nestjs/common';
import { METRICS, type Metrics } from '@liaowang/platform';
import { Counter, Histogram } from 'prom-client';

/** Per-connector figures on intake's /metrics, beside the per-kind ones of the platform (R-OPS-4). */
@Injectable()
export class ConnectorMetrics {
  readonly items: Counter<'connector' | 'outcome'>;
  readonly fetchSeconds: Histogram<'connector' | 'outcome'>;

  constructor(@Inject(METRICS) metrics: Metrics) {
    this.items = new Counter({
      name: 'liaowang_connector_items_total',
      help: 'Items offered by each connector, by outcome (accepted, rejected, duplicate, skipped: a feed entry naming no keyword)',
      labelNames: ['connector', 'outcome'],
      registers: [metrics.registry],
    });
    this.fetchSeconds = new Histogram({
      name: 'liaowang_connector_fetch_seconds',
      help: 'Time of one feed fetch, by connector and outcome (ok, not_modified, error)',
      labelNames: ['connector', 'outcome'],
      buckets: [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
      registers: [metrics.registry],
    });
  }
}
