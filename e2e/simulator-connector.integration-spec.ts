import type { ConnectorStatus } from '@liaowang/contract';
import { eventually, startTestSystem, type TestSystem } from './support/test-system';

// R-ING-2: the simulator is a connector like the others: counted, and stopped by a pause.
describe('simulator connector: status and pause', () => {
  let system: TestSystem;
  let adminToken: string;

  beforeAll(async () => {
    system = await startTestSystem({ stream: false, settings: { SIMULATOR_RATE: '20' } });
    adminToken = (await system.login('admin')).token;
  }, 120_000);
  afterAll(async () => {
    await fetch(`${system.apiUrl}/api/v1/connectors/simulator/resume`, { method: 'POST', headers: { authorization: `Bearer ${adminToken}` } }).catch(() => undefined);
    await system?.stop();
  });

  const simulator = async () => {
    const response = await fetch(`${system.apiUrl}/api/v1/connectors`, { headers: { authorization: `Bearer ${adminToken}` } });
    return ((await response.json()) as ConnectorStatus[]).find((c) => c.id === 'simulator');
  };
  const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

  it('counts what the simulator generates and stops generating while paused', async () => {
    const first = await eventually(async () => {
      const status = await simulator();
      return status && status.accepted + status.duplicate > 0 ? status : undefined;
    }, 30_000, 'simulator counted');
    expect(first).toMatchObject({ type: 'simulator', state: 'running' });

    const paused = await fetch(`${system.apiUrl}/api/v1/connectors/simulator/pause`, { method: 'POST', headers: { authorization: `Bearer ${adminToken}` } });
    expect(paused.status).toBe(200);
    // The pause is read within 5 s, and what was counted before it is flushed within 5 s more.
    await sleep(11_000);
    const before = (await simulator())!;
    await sleep(11_000);
    const after = (await simulator())!;
    expect(after.state).toBe('paused');
    expect(after.accepted + after.duplicate).toBe(before.accepted + before.duplicate);
  }, 90_000);
});
