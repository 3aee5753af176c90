import { spikesIndexFor, spikesTopic, type Spike } from '@liaowang/contract';
import { createElasticsearchClient } from '@liaowang/platform';
import { randomUUID } from 'node:crypto';
import { SpikeRepository } from './spike.repository';

/** Which spike windows are recorded, on a real Elasticsearch: the detector reads a window's top items only once. */
describe('spike repository: windows already recorded', () => {
  const es = createElasticsearchClient(process.env.ES_URL ?? 'http://127.0.0.1:9200');
  const marker = randomUUID().slice(0, 8);
  // A month no other test writes spikes for; detected now, so no running detector takes it as stranded.
  const window = { from: '2025-03-04T02:00:00.000Z', to: '2025-03-04T02:10:00.000Z' };
  const spike: Spike = {
    ...spikesTopic.example,
    id: `sp-test-${marker}`,
    key: `st-${marker}`,
    window,
    detectedAt: new Date().toISOString(),
  };
  afterAll(async () => {
    await es.delete({ index: spikesIndexFor(window.from), id: spike.id, refresh: true }, { ignore: [404] });
    await es.close();
  });

  it('names the recorded windows and not the others', async () => {
    const repository = new SpikeRepository(es);
    expect(await repository.createAll([spike])).toEqual([spike]);
    await repository.markAnnounced([spike]);
    const neverRecorded = { id: `sp-test-${marker}-other`, windowFrom: window.from };
    const otherMonth = { id: spike.id, windowFrom: '2025-01-04T02:00:00.000Z' };
    const recorded = await repository.recorded([{ id: spike.id, windowFrom: window.from }, neverRecorded, otherMonth]);
    expect([...recorded]).toEqual([spike.id]);
  });
});
