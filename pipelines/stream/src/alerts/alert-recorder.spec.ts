import { alertTriggersTopic, type AlertTrigger } from '@liaowang/contract';
import { AlertRecorder, type OffsetTrigger } from './alert-recorder';
import type { AlertRepository, AlertWrite, AlertWriteResult, StoredAlert } from './alert.repository';

// The alerts index as a map with versions, enough to exercise the recorder's decisions.
class InMemoryAlerts implements Pick<AlertRepository, 'latestOfGroup' | 'write'> {
  readonly docs = new Map<string, StoredAlert>();
  writes = 0;
  private seq = 0;

  async latestOfGroup(groupKey: string) {
    return [...this.docs.values()].filter((d) => d.alert.groupKey === groupKey).sort((a, b) => b.alert.cursor - a.alert.cursor)[0];
  }

  async write(writes: readonly AlertWrite[]): Promise<AlertWriteResult[]> {
    this.writes++;
    return writes.map(({ alert, expected }) => {
      const current = this.docs.get(alert.id);
      if (expected ? current?.seqNo !== expected.seqNo : current) return { status: 'conflict' };
      const stored = { alert, seqNo: ++this.seq, primaryTerm: 1 };
      this.docs.set(alert.id, stored);
      return { status: 'written', stored };
    });
  }

  /** What the API does on a move: a write that bumps the version. */
  move(id: string, state: 'acknowledged' | 'dismissed') {
    const current = this.docs.get(id)!;
    this.docs.set(id, { ...current, alert: { ...current.alert, state }, seqNo: ++this.seq });
  }
}

const at = (minute: number) => new Date(Date.UTC(2026, 11, 1, 4, minute)).toISOString();
const trigger = (offset: number, minute: number, groupKey = 'rule:r1'): OffsetTrigger<number> => {
  const t: AlertTrigger = { ...alertTriggersTopic.example, groupKey, item: { ...alertTriggersTopic.example.item, id: `item-${offset}` }, matchedAt: at(minute) };
  return { trigger: t, offset, source: offset };
};
const now = new Date(at(59));

describe(AlertRecorder.name, () => {
  it('groups the matches of one batch into one alert written once, announced as new', async () => {
    const index = new InMemoryAlerts();
    const outcome = await new AlertRecorder(index).record([trigger(5, 0), trigger(6, 1), trigger(7, 2, 'rule:r2')], now);
    expect(index.writes).toBe(1);
    expect(outcome.counts).toEqual({ new: 2, grouped: 1, duplicate: 0 });
    expect(outcome.events.map((e) => [e.event, e.alert.id, e.alert.count])).toEqual([
      ['new', 'alert-5', 2],
      ['new', 'alert-7', 1],
    ]);
    expect(outcome.retry).toBeUndefined();
  });

  it('counts nothing twice when a batch is read again, and announces nothing again in the same process', async () => {
    const index = new InMemoryAlerts();
    const recorder = new AlertRecorder(index);
    await recorder.record([trigger(5, 0), trigger(6, 1)], now);
    const again = await recorder.record([trigger(5, 0), trigger(6, 1), trigger(8, 3)], now);
    expect(again.counts).toEqual({ new: 0, grouped: 1, duplicate: 2 });
    expect(again.events.map((e) => [e.event, e.alert.count])).toEqual([['updated', 3]]);
    expect(index.docs.get('alert-5')!.alert.count).toBe(3);
  });

  it('after a restart, announces once more the alert whose last counted trigger is read again (its event may have been lost)', async () => {
    const index = new InMemoryAlerts();
    await new AlertRecorder(index).record([trigger(5, 0), trigger(6, 1)], now);
    const restarted = new AlertRecorder(index);
    const replay = await restarted.record([trigger(5, 0), trigger(6, 1)], now);
    expect(replay.counts).toEqual({ new: 0, grouped: 0, duplicate: 2 });
    expect(replay.events.map((e) => [e.event, e.alert.count])).toEqual([
      ['new', 2],
      ['updated', 2],
    ]);
    expect((await restarted.record([trigger(6, 1)], now)).events).toEqual([]);
  });

  it('does not overwrite a move made since it read the alert: it retries and groups into the moved alert', async () => {
    const index = new InMemoryAlerts();
    const recorder = new AlertRecorder(index);
    await recorder.record([trigger(5, 0)], now);
    index.move('alert-5', 'acknowledged');
    const first = await recorder.record([trigger(6, 1)], now);
    expect(first.retry).toContain('alert-5');
    expect(first.events).toEqual([]);
    expect(index.docs.get('alert-5')!.alert.count).toBe(1);
    const retried = await recorder.record([trigger(6, 1)], now);
    expect(retried.events.map((e) => [e.event, e.alert.state, e.alert.count])).toEqual([['updated', 'acknowledged', 2]]);
  });

  it('raises a new alert once the open one was dismissed', async () => {
    const index = new InMemoryAlerts();
    const recorder = new AlertRecorder(index);
    await recorder.record([trigger(5, 0)], now);
    index.move('alert-5', 'dismissed');
    // The recorder still holds it as new, so its grouping write meets the dismissal and retries.
    expect((await recorder.record([trigger(6, 1)], now)).retry).toContain('alert-5');
    const outcome = await recorder.record([trigger(6, 1)], now);
    expect(outcome.events.map((e) => [e.event, e.alert.id])).toEqual([['new', 'alert-6']]);
    expect(index.docs.get('alert-5')!.alert).toMatchObject({ state: 'dismissed', count: 1 });
  });
});
