import { mentionIntakeSchema } from '@liaowang/contract';
import { ScenarioGenerator } from './scenario-generator';
import { dayCurve } from './scenarios';

const onset = new Date('2026-12-01T06:00:00Z'); // 14:00 Beijing
const hour = (from: number) => [{ from, to: from + 3600_000 }];

describe(ScenarioGenerator.name, () => {
  it('tells an ordinary day on quiet-day: no incident at any time', () => {
    const generator = new ScenarioGenerator('quiet-day', onset, 1);
    const posts = generator.timeline(hour(onset.getTime()), 10);
    expect(posts).toHaveLength(600);
    expect(posts.filter((p) => p.text.includes('化工厂'))).toHaveLength(0);
  });

  it('grows the rumor of rumor-outbreak from its onset: one claim, more of it every window', () => {
    const generator = new ScenarioGenerator('rumor-outbreak', onset, 2);
    const rumor = (p: { text: string }) => p.text.includes('化工厂昨晚发生爆炸');
    const before = generator.timeline([{ from: onset.getTime() - 1800_000, to: onset.getTime() }], 10);
    expect(before.filter(rumor)).toHaveLength(0);
    const windows = [0, 1, 2].map((i) => generator.timeline([{ from: onset.getTime() + i * 600_000, to: onset.getTime() + (i + 1) * 600_000 }], 10).filter(rumor).length);
    expect(windows[1]).toBeGreaterThan(windows[0]);
    expect(windows[2]).toBeGreaterThan(windows[1]);
  });

  it('shapes the background by the Beijing hour: a night is quieter than a morning rush', () => {
    expect(dayCurve(new Date('2026-12-01T19:00:00Z'))).toBeLessThan(dayCurve(new Date('2026-12-01T00:30:00Z'))); // 03:00 vs 08:30
    const generator = new ScenarioGenerator('quiet-day', onset, 3);
    const night = generator.timeline(hour(Date.parse('2026-12-01T19:00:00Z')), 10).length;
    const rush = generator.timeline(hour(Date.parse('2026-12-01T00:00:00Z')), 10).length;
    expect(rush).toBeGreaterThan(5 * night);
  });

  it('publishes each post inside its range, in the shape the intake validates', () => {
    for (const scenario of ['rumor-outbreak', 'impostor-account', 'policy-backlash'] as const) {
      const generator = new ScenarioGenerator(scenario, onset, 4);
      const range = { from: onset.getTime() + 1200_000, to: onset.getTime() + 1500_000 };
      for (const post of generator.timeline([range], 20)) {
        const parsed = mentionIntakeSchema.safeParse(post);
        expect(parsed.success ? [] : parsed.error.issues).toEqual([]);
        expect(Date.parse(post.publishedAt)).toBeGreaterThanOrEqual(range.from);
        expect(Date.parse(post.publishedAt)).toBeLessThan(range.to);
      }
    }
  });
});
