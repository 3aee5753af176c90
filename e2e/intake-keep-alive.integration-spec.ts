import { createIntakeApp } from '@liaowang/intake';
import type { INestApplication } from '@nestjs/common';
import { connect, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';
import { testSettings } from './support/test-settings';

// R-REL-2: a client that keeps connections alive and reuses one after a pause must not find it
// closed under it (seen as requests failing with no status under steady load).
describe('intake keeps idle keep-alive connections open longer than clients do', () => {
  let intake: INestApplication;
  let port: number;

  beforeAll(async () => {
    intake = await createIntakeApp(testSettings({ LOG_LEVEL: 'silent' }));
    await intake.listen(0, '127.0.0.1');
    port = (intake.getHttpServer().address() as AddressInfo).port;
  });
  afterAll(() => intake?.close());

  /** Sends one request on the socket and resolves with the status line of its answer. */
  const request = (socket: Socket) =>
    new Promise<string>((resolve, reject) => {
      let received = '';
      const onData = (chunk: Buffer) => {
        received += chunk.toString();
        // /health/live answers a small JSON body; the whole answer ends with it.
        if (/\r\n\r\n[\s\S]*\}$/.test(received)) {
          socket.off('data', onData);
          resolve(received.split('\r\n')[0]);
        }
      };
      socket.on('data', onData);
      socket.once('error', reject);
      socket.write(`GET /health/live HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nConnection: keep-alive\r\n\r\n`);
    });

  it('answers a second request on the same connection after 6 s idle (Node closes at 5 s by default)', async () => {
    const socket = connect(port, '127.0.0.1');
    let closedByServer = false;
    socket.on('end', () => (closedByServer = true));
    try {
      expect(await request(socket)).toBe('HTTP/1.1 200 OK');
      await new Promise((r) => setTimeout(r, 6_000));
      expect(closedByServer).toBe(false);
      expect(await request(socket)).toBe('HTTP/1.1 200 OK');
    } finally {
      socket.destroy();
    }
  }, 30_000);

  it('serves 2,000 requests over a pool of keep-alive connections without one failing', async () => {
    const results = await Promise.allSettled(
      Array.from({ length: 2_000 }, () => fetch(`http://127.0.0.1:${port}/health/live`).then((r) => r.status)),
    );
    expect(results.filter((r) => r.status === 'rejected' || r.value !== 200)).toEqual([]);
  }, 60_000);
});
