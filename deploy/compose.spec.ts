import { settingsShape } from '@liaowang/platform';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';

// docker-compose.yml cannot run here (no container engine), so check that it agrees with the code.
const root = join(__dirname, '..');
const compose = parse(readFileSync(join(root, 'docker-compose.yml'), 'utf8'), { merge: true }) as {
  services: Record<string, { command?: string[]; environment?: Record<string, unknown>; healthcheck?: unknown; build?: { dockerfile: string }; ports?: string[] }>;
};
const services = compose.services;

describe('docker-compose.yml', () => {
  it('runs Kafka, Elasticsearch, every service and the dashboard', () => {
    expect(Object.keys(services).sort()).toEqual(['api', 'dashboard', 'elasticsearch', 'intake', 'kafka', 'stream']);
  });

  it.each(Object.keys(services))('%s has a health check', (name) => {
    expect(services[name].healthcheck).toBeDefined();
  });

  it('starts each Node service from an entry point that exists in the code', () => {
    for (const name of ['api', 'intake', 'stream']) {
      const entry = services[name].command!.find((part) => part.endsWith('.js'))!;
      expect(existsSync(join(root, entry.replace('/dist/', '/src/').replace(/\.js$/, '.ts')))).toBe(true);
    }
  });

  it('names only settings the code knows', () => {
    const known = new Set(Object.keys(settingsShape));
    for (const name of ['api', 'intake', 'stream']) {
      for (const variable of Object.keys(services[name].environment ?? {})) expect(known).toContain(variable);
    }
  });

  it('publishes the ports the services listen on', () => {
    expect(services.api.ports).toContain(`${services.api.environment!.API_PORT}:3000`);
    expect(services.intake.ports).toContain(`${services.intake.environment!.INTAKE_PORT}:3001`);
  });

  it('builds from files that exist', () => {
    for (const service of Object.values(services)) {
      if (service.build) expect(existsSync(join(root, service.build.dockerfile))).toBe(true);
    }
  });
});
