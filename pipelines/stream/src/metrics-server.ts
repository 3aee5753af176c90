import type { Metrics } from '@liaowang/platform';
import { createServer, type ServerResponse, type Server } from 'node:http';
import type { StreamHealth } from './stream-health';

const json = (response: ServerResponse, status: number, body: unknown) =>
  response.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));

/**
 * The stream process has no HTTP service of its own, so it serves /metrics and /health on a
 * small port of its own (R-OPS-4). /health/live and /health/ready answer 200 or 503 from the
 * consume loops and the servers (see stream-health.ts).
 */
export function startMetricsServer(metrics: Metrics, port: number, host: string, health: StreamHealth): Promise<Server> {
  const server = createServer((request, response) => {
    const path = (request.url ?? '').split('?')[0];
    if (path === '/metrics') {
      void metrics.registry.metrics().then(
        (body) => response.writeHead(200, { 'content-type': metrics.registry.contentType }).end(body),
        () => response.writeHead(500).end(),
      );
    } else if (path === '/health/live') {
      const report = health.live();
      json(response, report.live ? 200 : 503, { status: report.live ? 'ok' : 'stuck', consumers: report.consumers });
    } else if (path === '/health/ready') {
      void health.ready().then((report) =>
        json(response, report.ready ? 200 : 503, { status: report.ready ? 'ok' : 'unavailable', checks: report.checks, notJoined: report.notJoined }),
      );
    } else {
      response.writeHead(404).end();
    }
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve(server));
  });
}
