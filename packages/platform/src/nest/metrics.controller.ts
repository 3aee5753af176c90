import { Controller, Get, Header, Inject } from '@nestjs/common';
import type { Metrics } from '../metrics/metrics';
import { Public } from './public.decorator';
import { METRICS } from './tokens';

/** Prometheus scrape endpoint (R-OPS-4): counts and latencies, no content. */
@Controller('metrics')
export class MetricsController {
  constructor(@Inject(METRICS) private readonly metrics: Metrics) {}

  @Public()
  @Get()
  @Header('Content-Type', 'text/plain; version=0.0.4')
  scrape(): Promise<string> {
    return this.metrics.registry.metrics();
  }
}
