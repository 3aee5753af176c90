import { settingsShape } from '@liaowang/platform';
import { STREAM_STAGES } from '@liaowang/stream';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';

// docker-compose.yml cannot run here (no container engine), so check that it agrees with the code.
const root = join(__dirname, '..');
const compose = parse(readFileSync(join(root, 'docker-compose.yml'), 'utf8'), { merge: true }) as {
  services: Record<string, { command?: string[]; environment?: Record<string, unknown>; healthcheck?: unknown; build?: { dockerfile: string }; ports?: string[] }>;
};
const services = compose.services;
const NODE_SERVICES = ['api', 'intake', 'enricher', 'indexer', 'stream'];

describe('docker-compose.yml', () => {
  it('runs Kafka, Elasticsearch, every service and the dashboard', () => {
    expect(Object.keys(services).sort()).toEqual(['api', 'dashboard', 'elasticsearch', 'enricher', 'indexer', 'intake', 'kafka', 'stream']);
  });

  it.each(Object.keys(services))('%s has a health check', (name) => {
    expect(services[name].healthcheck).toBeDefined();
  });

  it('starts each Node service from an entry point that exists in the code', () => {
    for (const name of NODE_SERVICES) {
      const entry = services[name].command!.find((part) => part.endsWith('.js'))!;
      expect(existsSync(join(root, entry.replace('/dist/', '/src/').replace(/\.js$/, '.ts')))).toBe(true);
    }
  });

  it('runs every stage of the stream in exactly one of its processes', () => {
    const stages = ['enricher', 'indexer', 'stream'].flatMap((name) => services[name].command!.slice(services[name].command!.findIndex((part) => part.endsWith('.js')) + 1));
    expect([...stages].sort()).toEqual([...STREAM_STAGES].sort());
  });

  it('names only settings the code knows', () => {
    const known = new Set(Object.keys(settingsShape));
    for (const name of NODE_SERVICES) {
      for (const variable of Object.keys(services[name].environment ?? {})) expect(known).toContain(variable);
    }
  });

  // Issue 7: only the dashboard (which proxies the API) faces the network; /metrics and the
  // intake port do not. A published port is "[host:]hostPort:containerPort".
  const published = (name: string) => (services[name].ports ?? []).map(String);
  const onAllInterfaces = (port: string) => port.split(':').length < 3 || /^(0\.0\.0\.0|\[?::\]?):/.test(port);

  it('publishes only the dashboard on every interface', () => {
    const exposed = Object.keys(services).filter((name) => published(name).some(onAllInterfaces));
    expect(exposed).toEqual(['dashboard']);
    expect(published('dashboard')).toEqual(['8080:80']);
  });

  it('publishes the intake port on loopback only, and the API (with its /metrics) not at all', () => {
    expect(published('intake')).toEqual([`127.0.0.1:${services.intake.environment!.INTAKE_PORT}:3001`]);
    for (const name of ['api', 'enricher', 'indexer', 'stream', 'kafka', 'elasticsearch']) expect(published(name)).toEqual([]);
  });

  it('reaches the API through the dashboard proxy, which does not pass /metrics on', () => {
    const nginx = readFileSync(join(root, 'deploy/docker/dashboard.nginx.conf'), 'utf8');
    const apiPort = services.api.environment!.API_PORT;
    expect(nginx).toMatch(new RegExp(`location /api/ \\{[^}]*proxy_pass http://api:${apiPort};`));
    expect(nginx).not.toMatch(/location[^{]*metrics/);
  });

  it('trusts the forwarded client address from the dashboard proxy alone, which sends the address it saw', () => {
    const dashboard = services.dashboard as { networks?: { default?: { ipv4_address?: string } } };
    expect(services.api.environment!.TRUSTED_PROXIES).toBe(dashboard.networks?.default?.ipv4_address);
    const nginx = readFileSync(join(root, 'deploy/docker/dashboard.nginx.conf'), 'utf8');
    for (const location of ['/api/', '/socket.io/']) {
      expect(nginx).toMatch(new RegExp(`location ${location} \\{[^}]*proxy_set_header X-Forwarded-For \\$remote_addr;`));
    }
    expect(nginx).not.toMatch(/proxy_add_x_forwarded_for/);
  });

  it('gives Elasticsearch a snapshot folder (path.repo) on a volume of its own', () => {
    const es = services.elasticsearch as { environment: Record<string, string>; volumes: string[] };
    const repo = es.environment['path.repo'];
    expect(repo).toBeDefined();
    expect(es.volumes.some((v) => v.endsWith(`:${repo}`) && !v.startsWith('es-data:'))).toBe(true);
  });

  it('builds images from the repository root without local state, secrets or build output (.dockerignore)', () => {
    for (const service of Object.values(services)) {
      if (service.build) expect((service.build as { context?: string }).context).toBe('.');
    }
    const ignored = readFileSync(join(root, '.dockerignore'), 'utf8').split('\n').map((l) => l.trim());
    for (const entry of ['.data', '**/node_modules', '**/dist', '.git', '**/*.log', '.env']) expect(ignored).toContain(entry);
  });

  it('builds from files that exist', () => {
    for (const service of Object.values(services)) {
      if (service.build) expect(existsSync(join(root, service.build.dockerfile))).toBe(true);
    }
  });
});
