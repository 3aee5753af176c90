import { KafkaCircuit } from './kafka-circuit';

const until = async (condition: () => boolean) => {
  const deadline = Date.now() + 5_000;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('condition not met in 5 s');
    await new Promise((r) => setTimeout(r, 2));
  }
};

describe(KafkaCircuit.name, () => {
  it('stays open until a background probe reaches the broker, then stops probing', async () => {
    let reachable = false;
    let probes = 0;
    const circuit = new KafkaCircuit(async () => {
      probes++;
      return reachable;
    }, 5);
    expect(circuit.isOpen).toBe(false);
    circuit.open();
    circuit.open();
    await until(() => probes >= 3);
    expect(circuit.isOpen).toBe(true);
    reachable = true;
    await until(() => !circuit.isOpen);
    const settled = probes;
    await new Promise((r) => setTimeout(r, 50));
    expect(probes).toBe(settled);
  });
});
