import { createLogger } from '../logging/logger';
import { KafkaPort, MAX_MESSAGE_BYTES, MessageTooLargeError } from './kafka.port';

describe('KafkaPort.sendRaw', () => {
  // Nothing listens on port 1: any attempt to connect would fail with a different error.
  const kafka = new KafkaPort(['127.0.0.1:1'], 'test', createLogger('test', 'silent'));
  afterAll(() => kafka.disconnect());

  it('refuses a batch holding a message over the limit before sending anything, naming the message', async () => {
    const sent = kafka.sendRaw('some-topic', [
      { key: 'a', value: '{}' },
      { key: 'b', value: 'x'.repeat(MAX_MESSAGE_BYTES) },
    ]);
    await expect(sent).rejects.toBeInstanceOf(MessageTooLargeError);
    await expect(sent).rejects.toMatchObject({ topic: 'some-topic', oversized: [{ index: 1, bytes: MAX_MESSAGE_BYTES + 1 }] });
  });

  it('counts bytes, not characters', async () => {
    const chinese = '谣'.repeat(Math.ceil(MAX_MESSAGE_BYTES / 3));
    await expect(kafka.sendRaw('some-topic', [{ key: 'k', value: chinese }])).rejects.toBeInstanceOf(MessageTooLargeError);
  });
});
