import { KafkaCircuit } from './kafka-circuit';

describe(KafkaCircuit.name, () => {
  it('stays open until a background probe reaches the broker', async () => {
    let reachable = false;
    let probes = 0;
    const circuit = new KafkaCircuit(async () => {
      probes++;
      return reachable;
    }, 5);
    expect(circuit.isOpen).toBe(false);
    circuit.open();
    circuit.open();
    expect(circuit.isOpen).toBe(true);
    await new Promise((r) => setTimeout(r, 30));
    expect(circuit.isOpen).toBe(true);
    expect(probes).toBeGreaterThan(1);
    reachable = true;
    await new Promise((r) => setTimeout(r, 30));
    expect(circuit.isOpen).toBe(false);
    const settled = probes;
    await new Promise((r) => setTimeout(r, 30));
    expect(probes).toBe(settled);
  });
});
