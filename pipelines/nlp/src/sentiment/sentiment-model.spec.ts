import { analyze } from '../text/analyze-text';
import { MODEL_VERSION } from './model-version.constant';
import { loadSentimentModel } from './sentiment-model';

describe('loadSentimentModel', () => {
  it('loads the shipped artifact of the current version once and reuses it', () => {
    const model = loadSentimentModel();
    expect(model).toBe(loadSentimentModel());
    expect(model.version).toBe(MODEL_VERSION);
  });

  it('labels clearly negative and clearly positive posts', () => {
    const model = loadSentimentModel();
    expect(model.predict(analyze('气死我了，垃圾服务，再也不来了[怒]')).label).toBe('negative');
    expect(model.predict(analyze('今天太开心了，谢谢大家的祝福[哈哈]')).label).toBe('positive');
  });

  it('reads traditional script like simplified', () => {
    const model = loadSentimentModel();
    expect(model.predict(analyze('今天太開心了，謝謝大家的祝福')).label).toBe('positive');
  });

  it('returns probabilities that sum to one and a score equal to the winning one', () => {
    const prediction = loadSentimentModel().predict(analyze('国务院办公厅印发关于推进政务新媒体健康有序发展的意见'));
    const { negative, neutral, positive } = prediction.probabilities;
    expect(negative + neutral + positive).toBeCloseTo(1, 6);
    expect(prediction.score).toBe(Math.max(negative, neutral, positive));
    expect(prediction.score).toBe(prediction.probabilities[prediction.label]);
  });

  it('handles empty, emoji-only and very long posts', () => {
    const model = loadSentimentModel();
    for (const text of ['', '😂😂😂', '好'.repeat(100_000)]) {
      const { score } = model.predict(analyze(text));
      expect(score).toBeGreaterThan(0);
      expect(score).toBeLessThanOrEqual(1);
    }
  });
});
