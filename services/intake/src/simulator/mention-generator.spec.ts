import { mentionIntakeSchema } from '@liaowang/contract';
import { MentionGenerator } from './mention-generator';

describe(MentionGenerator.name, () => {
  it('produces records already in the validated shape (the simulator skips the schema)', () => {
    const generator = new MentionGenerator(7);
    for (let i = 0; i < 200; i++) {
      const mention = generator.generate();
      const result = mentionIntakeSchema.safeParse(mention);
      expect(result.success ? [] : result.error.issues).toEqual([]);
      expect(result.data).toEqual(mention);
    }
  });

  it('replays the same stream for the same seed, with unique source ids', () => {
    const now = new Date('2026-11-23T02:00:00Z');
    const g1 = new MentionGenerator(1, 'r');
    const g2 = new MentionGenerator(1, 'r');
    const s1 = Array.from({ length: 50 }, () => g1.generate(now));
    const s2 = Array.from({ length: 50 }, () => g2.generate(now));
    expect(s1).toEqual(s2);
    expect(new Set(s1.map((m) => m.sourceId)).size).toBe(50);
  });

  it('covers all three kinds of item', () => {
    const generator = new MentionGenerator(3);
    const kinds = new Set(Array.from({ length: 500 }, () => generator.generate().kind));
    expect([...kinds].sort()).toEqual(['comment', 'impostor_report', 'mention']);
  });
});
