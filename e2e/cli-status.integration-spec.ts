import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LOCAL_SERVICES } from '../cli/src/local/services';
import { freePort } from './support/free-port';

// `liaowang status` lists every process with its state even when Kafka and Elasticsearch are
// down (it used to stop after the two servers' lines), and still exits non-zero for them.
const CLI = join(__dirname, '..', 'cli', 'bin', 'liaowang.js');

describe('liaowang status with the servers down', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'liaowang-status-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('prints the servers as stopped and then every process with its state', async () => {
    // A data directory no server was started from, ports nothing listens on.
    const [kafkaPort, controllerPort, esPort, metricsPort, apiPort, intakePort] = await Promise.all(Array.from({ length: 6 }, freePort));
    // The first process "runs" (this test's own pid), its health port answers nothing.
    const [first, ...others] = LOCAL_SERVICES.map((s) => s.name);
    mkdirSync(join(dataDir, 'run'), { recursive: true });
    writeFileSync(join(dataDir, 'run', `${first}.pid`), String(process.pid));
    const result = spawnSync(process.execPath, [CLI, 'status'], {
      env: {
        ...process.env,
        LIAOWANG_DATA_DIR: dataDir,
        KAFKA_PORT: String(kafkaPort),
        KAFKA_CONTROLLER_PORT: String(controllerPort),
        ES_PORT: String(esPort),
        STREAM_METRICS_PORT: String(metricsPort),
        API_PORT: String(apiPort),
        INTAKE_PORT: String(intakePort),
      },
      encoding: 'utf8',
      timeout: 60_000,
    });
    const lines = result.stdout.trim().split('\n');
    expect(lines.map((l) => l.split(/\s+/).slice(0, 2).join(' '))).toEqual([
      'kafka stopped',
      'elasticsearch stopped',
      `${first} running`,
      ...others.map((name) => `${name} stopped`),
    ]);
    expect(lines[2]).toBe(`${first.padEnd(14)} running (pid ${process.pid})  not ready`);
    expect(result.status).toBe(3);
  });
});
